import { feature, hashString } from '../../learn/hash.js';
import type { Token } from '../../model.js';
import type { SentenceTree } from './tree.js';

/**
 * Features of the three attribution models. Each function fills `out` with hashed feature ids and
 * returns how many it wrote. Templates are numbered per model; renumbering invalidates the model file.
 */

/** What the feature functions read besides the tree: which tokens are inside quote marks. */
export interface AttributionContext {
  tokens: readonly Token[];
  /** 1 for tokens inside a quotation, else 0 (article token indices). */
  quoted: Uint8Array;
  /** 1 for tokens right after a closing or right before an opening quote mark (within the sentence). */
  nearQuote: Uint8Array;
}

const h = hashString;
const lower = (t: Token): string => t.text.toLowerCase();
const lemmaOf = (t: Token): string => (t.lemma ?? t.text).toLowerCase();

function bucket(n: number): number {
  return n <= 3 ? n : n <= 6 ? 5 : n <= 10 ? 8 : n <= 20 ? 15 : 30;
}

/** Features for "is token `i` the predicate of an attribution?" */
export function cueFeatures(ctx: AttributionContext, tree: SentenceTree, i: number, out: Uint32Array): number {
  const t = ctx.tokens[i];
  let n = 0;
  const l = h(lemmaOf(t));
  const u = h(t.upos ?? '');
  const d = h(t.deprel ?? '');
  const q = ctx.quoted[i];
  out[n++] = feature(1);
  out[n++] = feature(2, l);
  out[n++] = feature(3, l, u);
  out[n++] = feature(4, l, d);
  out[n++] = feature(5, u, d);
  out[n++] = feature(6, h(lower(t)));
  out[n++] = feature(7, h(t.xpos ?? ''));
  out[n++] = feature(8, l, q);
  out[n++] = feature(9, u, q);
  out[n++] = feature(10, l, ctx.nearQuote[i]);
  const w = lower(t);
  out[n++] = feature(11, h(w.slice(-3)), u);
  let hasComp = 0;
  for (const c of tree.children(i)) {
    const ct = ctx.tokens[c];
    const cd = h(ct.deprel ?? '');
    out[n++] = feature(12, cd);
    out[n++] = feature(13, l, cd);
    if (ct.deprel === 'ccomp' || ct.deprel === 'xcomp' || ct.deprel === 'parataxis') hasComp = 1;
    if (ct.deprel === 'obl' || ct.deprel === 'obj' || ct.deprel === 'nsubj' || ct.deprel === 'nsubj:pass') {
      out[n++] = feature(14, l, cd, h(lemmaOf(ct)));
      out[n++] = feature(15, cd, ctx.quoted[c]);
    }
    if (ct.deprel === 'mark' || ct.deprel === 'case' || ct.deprel === 'aux' || ct.deprel === 'fixed')
      out[n++] = feature(16, l, h(lemmaOf(ct)));
    if (n > out.length - 24) break;
  }
  out[n++] = feature(17, l, hasComp);
  const hd = tree.head(i);
  if (hd >= 0) {
    const ht = ctx.tokens[hd];
    out[n++] = feature(18, h(lemmaOf(ht)), d);
    out[n++] = feature(19, l, h(lemmaOf(ht)));
    out[n++] = feature(20, h(ht.upos ?? ''), d, ctx.quoted[hd]);
  } else out[n++] = feature(18, 0, d);
  const prev = i > tree.first ? ctx.tokens[i - 1] : undefined;
  const next = i + 1 < tree.end ? ctx.tokens[i + 1] : undefined;
  out[n++] = feature(21, h(prev ? lower(prev) : '<s>'));
  out[n++] = feature(22, h(next ? lower(next) : '</s>'));
  out[n++] = feature(23, l, h(next ? lower(next) : '</s>'));
  out[n++] = feature(24, l, h(prev ? lower(prev) : '<s>'));
  return n;
}

/** Features for "is token `c` the head of the source of the attribution whose predicate is `cue`?" */
export function sourceFeatures(
  ctx: AttributionContext,
  tree: SentenceTree,
  cue: number,
  c: number,
  entityType: string,
  out: Uint32Array,
): number {
  const ct = ctx.tokens[c];
  const cl = h(lemmaOf(ctx.tokens[cue]));
  const p = h(tree.path(cue, c));
  const u = h(ct.upos ?? '');
  const dist = bucket(Math.abs(c - cue));
  const dir = c < cue ? 1 : 2;
  const pron = ct.upos === 'PRON' ? h(lower(ct)) : 0;
  const e = h(entityType);
  let n = 0;
  out[n++] = feature(1, p);
  out[n++] = feature(2, p, cl);
  out[n++] = feature(3, p, u);
  out[n++] = feature(4, u, h(ct.deprel ?? ''));
  out[n++] = feature(5, dist, dir);
  out[n++] = feature(6, ctx.quoted[c], ctx.quoted[cue]);
  out[n++] = feature(7, pron, p);
  out[n++] = feature(8, e);
  out[n++] = feature(9, e, p);
  out[n++] = feature(10, h(lemmaOf(ct)));
  out[n++] = feature(11, u, dist, dir);
  out[n++] = feature(12, h(ct.xpos ?? ''), p);
  return n;
}

/** Features of "no source in this sentence" for the predicate `cue`. */
export function noSourceFeatures(ctx: AttributionContext, tree: SentenceTree, cue: number, out: Uint32Array): number {
  const ct = ctx.tokens[cue];
  const cl = h(lemmaOf(ct));
  let subj = 0;
  for (const k of tree.children(cue)) if (ctx.tokens[k].deprel?.startsWith('nsubj')) subj = 1;
  let n = 0;
  out[n++] = feature(30);
  out[n++] = feature(31, cl);
  out[n++] = feature(32, subj, h(ct.deprel ?? ''));
  out[n++] = feature(33, h(ct.xpos ?? ''), subj);
  out[n++] = feature(34, ctx.quoted[cue]);
  return n;
}

/** Features for "is token `c` the head of the content of the attribution whose predicate is `cue`?" */
export function contentFeatures(
  ctx: AttributionContext,
  tree: SentenceTree,
  cue: number,
  c: number,
  out: Uint32Array,
): number {
  const ct = ctx.tokens[c];
  const cl = h(lemmaOf(ctx.tokens[cue]));
  const p = h(tree.path(cue, c));
  const u = h(ct.upos ?? '');
  const dist = bucket(Math.abs(c - cue));
  const dir = c < cue ? 1 : c === cue ? 0 : 2;
  let mark = 0;
  for (const k of tree.children(c)) {
    const kt = ctx.tokens[k];
    if (kt.deprel === 'mark' || kt.deprel === 'case') mark = h(lemmaOf(kt));
  }
  let n = 0;
  out[n++] = feature(1, p);
  out[n++] = feature(2, p, cl);
  out[n++] = feature(3, p, u);
  out[n++] = feature(4, u, h(ct.deprel ?? ''));
  out[n++] = feature(5, dist, dir);
  out[n++] = feature(6, ctx.quoted[c], ctx.quoted[cue]);
  out[n++] = feature(7, mark, p);
  out[n++] = feature(8, mark, cl);
  out[n++] = feature(9, h(ct.xpos ?? ''), p);
  out[n++] = feature(10, u, dist, dir);
  out[n++] = feature(11, ctx.quoted[c], p);
  return n;
}
