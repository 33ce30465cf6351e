import { feature, hashString, mix } from '../../learn/hash.js';
import type { Token } from '../../model.js';
import type { SentenceTree } from './tree.js';

/**
 * Features of the three attribution models. Each function fills `out` with hashed feature ids and
 * returns how many it wrote. Templates are numbered per model; renumbering invalidates the model file.
 */

/**
 * What the feature functions read besides the tree: which tokens are inside quote marks, and each token's
 * strings hashed once per article (features then combine numbers and build no strings).
 */
export interface AttributionContext {
  tokens: readonly Token[];
  /** 1 for tokens inside a quotation, else 0 (article token indices). */
  quoted: Uint8Array;
  /** 1 for tokens right after a closing or right before an opening quote mark (within the sentence). */
  nearQuote: Uint8Array;
  lemma: Uint32Array;
  form: Uint32Array;
  upos: Uint32Array;
  xpos: Uint32Array;
  deprel: Uint32Array;
  /** Hash of the last three letters of the lower-cased form. */
  suffix: Uint32Array;
}

const h = hashString;
const START = h('<s>');
const END = h('</s>');

/**
 * String hashes remembered across articles: words, lemmas and tags repeat, and V8 keeps a string's own hash
 * on the string, so a lookup costs less than hashing (or lower-casing) it again. Cleared when it grows large.
 */
const known = new Map<string, number>();
const MAX_KNOWN = 200_000;

function hashOf(s: string): number {
  let v = known.get(s);
  if (v === undefined) {
    if (known.size >= MAX_KNOWN) known.clear();
    v = h(s);
    known.set(s, v);
  }
  return v;
}

/**
 * Hashes of the lower-cased form and of its last three letters, equal to `hashString` of the lower-cased
 * strings; ASCII words (nearly all) are lower-cased inside the hash loop instead of by allocating.
 */
function formHashes(text: string): [number, number] {
  const n = text.length;
  let full = 0x811c9dc5;
  let tail = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) {
      const lower = text.toLowerCase();
      return [h(lower), h(lower.slice(-3))];
    }
    if (c >= 65 && c <= 90) c |= 32;
    full = Math.imul(full ^ c, 0x01000193);
    if (i >= n - 3) tail = Math.imul(tail ^ c, 0x01000193);
  }
  return [full >>> 0, tail >>> 0];
}

/** Hashes each token's lemma, form, tags and relation once per article. */
export function hashTokens(
  tokens: readonly Token[],
): Pick<AttributionContext, 'lemma' | 'form' | 'upos' | 'xpos' | 'deprel' | 'suffix'> {
  const n = tokens.length;
  const out = {
    lemma: new Uint32Array(n),
    form: new Uint32Array(n),
    upos: new Uint32Array(n),
    xpos: new Uint32Array(n),
    deprel: new Uint32Array(n),
    suffix: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const [form, suffix] = formHashes(t.text);
    out.form[i] = form;
    out.suffix[i] = suffix;
    // Lemmas are lower-case except for proper nouns; the model reads them lower-cased.
    out.lemma[i] = t.lemma === undefined ? form : formHashes(t.lemma)[0];
    out.upos[i] = hashOf(t.upos ?? '');
    out.xpos[i] = hashOf(t.xpos ?? '');
    out.deprel[i] = hashOf(t.deprel ?? '');
  }
  return out;
}

const UP = 0x75;
const DOWN = 0x64;
const CUT = 0x2026;

/**
 * The relation path from `a` to `b` as one number: each step up from `a` to their lowest common ancestor,
 * then each step down to `b`, at most four each way (the same path as `SentenceTree.path` spells).
 */
export function pathHash(ctx: AttributionContext, tree: SentenceTree, a: number, b: number): number {
  if (a === b) return 1;
  const upA = tree.ancestors(a);
  const upB = tree.ancestors(b);
  // Lowest common ancestor: the first of a's chain (a itself included) on b's chain (b included).
  let i = -1;
  let j = -1;
  for (let k = -1; k < upA.length; k++) {
    const x = k < 0 ? a : upA[k];
    const at = x === b ? -1 : upB.indexOf(x);
    if (x === b || at >= 0) {
      i = k + 1;
      j = x === b ? 0 : at + 1;
      break;
    }
  }
  if (i < 0) return 2;
  let p = 0x9e37;
  for (let k = 0; k < Math.min(i, 4); k++) p = mix(mix(p, UP), ctx.deprel[k === 0 ? a : upA[k - 1]]);
  if (i > 4) p = mix(p, CUT);
  p = mix(p, 0x7c);
  // Down from the ancestor to b: b's chain in reverse, from the step just under the ancestor.
  const steps = Math.min(j, 4);
  for (let k = j - 1; k >= j - steps; k--) p = mix(mix(p, DOWN), ctx.deprel[k === 0 ? b : upB[k - 1]]);
  if (j > 4) p = mix(p, CUT);
  return p;
}

function bucket(n: number): number {
  return n <= 3 ? n : n <= 6 ? 5 : n <= 10 ? 8 : n <= 20 ? 15 : 30;
}

/** Features for "is token `i` the predicate of an attribution?" */
export function cueFeatures(ctx: AttributionContext, tree: SentenceTree, i: number, out: Uint32Array): number {
  let n = 0;
  const l = ctx.lemma[i];
  const u = ctx.upos[i];
  const d = ctx.deprel[i];
  const q = ctx.quoted[i];
  out[n++] = feature(1);
  out[n++] = feature(2, l);
  out[n++] = feature(3, l, u);
  out[n++] = feature(4, l, d);
  out[n++] = feature(5, u, d);
  out[n++] = feature(6, ctx.form[i]);
  out[n++] = feature(7, ctx.xpos[i]);
  out[n++] = feature(8, l, q);
  out[n++] = feature(9, u, q);
  out[n++] = feature(10, l, ctx.nearQuote[i]);
  out[n++] = feature(11, ctx.suffix[i], u);
  let hasComp = 0;
  for (const c of tree.children(i)) {
    const ct = ctx.tokens[c];
    const cd = ctx.deprel[c];
    out[n++] = feature(12, cd);
    out[n++] = feature(13, l, cd);
    if (ct.deprel === 'ccomp' || ct.deprel === 'xcomp' || ct.deprel === 'parataxis') hasComp = 1;
    if (ct.deprel === 'obl' || ct.deprel === 'obj' || ct.deprel === 'nsubj' || ct.deprel === 'nsubj:pass') {
      out[n++] = feature(14, l, cd, ctx.lemma[c]);
      out[n++] = feature(15, cd, ctx.quoted[c]);
    }
    if (ct.deprel === 'mark' || ct.deprel === 'case' || ct.deprel === 'aux' || ct.deprel === 'fixed')
      out[n++] = feature(16, l, ctx.lemma[c]);
    if (n > out.length - 24) break;
  }
  out[n++] = feature(17, l, hasComp);
  const hd = tree.head(i);
  if (hd >= 0) {
    out[n++] = feature(18, ctx.lemma[hd], d);
    out[n++] = feature(19, l, ctx.lemma[hd]);
    out[n++] = feature(20, ctx.upos[hd], d, ctx.quoted[hd]);
  } else out[n++] = feature(18, 0, d);
  const prev = i > tree.first ? ctx.form[i - 1] : START;
  const next = i + 1 < tree.end ? ctx.form[i + 1] : END;
  out[n++] = feature(21, prev);
  out[n++] = feature(22, next);
  out[n++] = feature(23, l, next);
  out[n++] = feature(24, l, prev);
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
  const cl = ctx.lemma[cue];
  const p = pathHash(ctx, tree, cue, c);
  const u = ctx.upos[c];
  const dist = bucket(Math.abs(c - cue));
  const dir = c < cue ? 1 : 2;
  const pron = ct.upos === 'PRON' ? ctx.form[c] : 0;
  const e = h(entityType);
  let n = 0;
  out[n++] = feature(1, p);
  out[n++] = feature(2, p, cl);
  out[n++] = feature(3, p, u);
  out[n++] = feature(4, u, ctx.deprel[c]);
  out[n++] = feature(5, dist, dir);
  out[n++] = feature(6, ctx.quoted[c], ctx.quoted[cue]);
  out[n++] = feature(7, pron, p);
  out[n++] = feature(8, e);
  out[n++] = feature(9, e, p);
  out[n++] = feature(10, ctx.lemma[c]);
  out[n++] = feature(11, u, dist, dir);
  out[n++] = feature(12, ctx.xpos[c], p);
  return n;
}

/** Features of "no source in this sentence" for the predicate `cue`. */
export function noSourceFeatures(ctx: AttributionContext, tree: SentenceTree, cue: number, out: Uint32Array): number {
  const cl = ctx.lemma[cue];
  let subj = 0;
  for (const k of tree.children(cue)) if (ctx.tokens[k].deprel?.startsWith('nsubj')) subj = 1;
  let n = 0;
  out[n++] = feature(30);
  out[n++] = feature(31, cl);
  out[n++] = feature(32, subj, ctx.deprel[cue]);
  out[n++] = feature(33, ctx.xpos[cue], subj);
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
  const cl = ctx.lemma[cue];
  const p = pathHash(ctx, tree, cue, c);
  const u = ctx.upos[c];
  const dist = bucket(Math.abs(c - cue));
  const dir = c < cue ? 1 : c === cue ? 0 : 2;
  let mark = 0;
  for (const k of tree.children(c)) {
    const rel = ctx.tokens[k].deprel;
    if (rel === 'mark' || rel === 'case') mark = ctx.lemma[k];
  }
  let n = 0;
  out[n++] = feature(1, p);
  out[n++] = feature(2, p, cl);
  out[n++] = feature(3, p, u);
  out[n++] = feature(4, u, ctx.deprel[c]);
  out[n++] = feature(5, dist, dir);
  out[n++] = feature(6, ctx.quoted[c], ctx.quoted[cue]);
  out[n++] = feature(7, mark, p);
  out[n++] = feature(8, mark, cl);
  out[n++] = feature(9, ctx.xpos[c], p);
  out[n++] = feature(10, u, dist, dir);
  out[n++] = feature(11, ctx.quoted[c], p);
  return n;
}

const ROLE_ID = { cue: 1, source: 2, content: 3 } as const;

/**
 * Features for "does the dependent `c` of the head `head` belong to the span of `role`?" — its relation
 * under the head's, its lemma, its side and distance, punctuation before it, a quotation in it, the
 * predicate's lemma, and what the relation counts of the training corpus say (`vote`: 0 unknown, 1 in, 2 out).
 */
export function spanFeatures(
  ctx: AttributionContext,
  tree: SentenceTree,
  role: 'cue' | 'source' | 'content',
  head: number,
  c: number,
  cue: number,
  vote: number,
  out: Uint32Array,
): number {
  const r = ROLE_ID[role];
  const rel = ctx.deprel[c];
  const hrel = ctx.deprel[head];
  const side = c < head ? 1 : 2;
  const sub = tree.subtree(c);
  let lo = c;
  let hi = c;
  let quoted = 0;
  for (const k of sub) {
    if (k < lo) lo = k;
    if (k > hi) hi = k;
    if (ctx.quoted[k]) quoted = 1;
  }
  const comma = lo > tree.first && ctx.tokens[lo - 1].text === ',' ? 1 : 0;
  const between = (c < head && c > cue) || (c > head && c < cue) ? 1 : 0;
  let n = 0;
  out[n++] = feature(40, r);
  out[n++] = feature(41, r, rel);
  out[n++] = feature(42, r, hrel, rel);
  out[n++] = feature(43, r, rel, ctx.lemma[c]);
  out[n++] = feature(44, r, rel, side);
  out[n++] = feature(45, r, rel, comma);
  out[n++] = feature(46, r, rel, quoted);
  out[n++] = feature(47, r, rel, ctx.lemma[cue]);
  out[n++] = feature(48, r, vote);
  out[n++] = feature(49, r, vote, rel);
  out[n++] = feature(50, r, rel, between);
  out[n++] = feature(51, r, ctx.upos[head], rel);
  out[n++] = feature(52, r, rel, Math.min(sub.length, 8));
  out[n++] = feature(53, r, rel, ctx.upos[c]);
  return n;
}
