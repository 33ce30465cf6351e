import { performance } from 'node:perf_hooks';
import type { Token } from '../model.js';
import { rawTreebank, readConllu, type ConlluSentence } from '../text/conllu.js';
import { assignSentences, tagTokens, tokensOf } from '../text/annotate.js';
import { parseTokens } from '../text/parse.js';
import { splitSentences } from '../text/sentences.js';
import { defaultTagger } from '../text/tagger.js';
import { tokenizeWords } from '../text/tokenize.js';
import { defaultParser } from '../syntax/index.js';

/**
 * The language layer scored against a UD treebank with the CoNLL 2018 shared task's semantics: from raw
 * text by default (the treebank's text is laid out as documents, run through the tokeniser, splitter,
 * tagger, lemmatiser and parser, and system words are aligned to gold words by character spans, with
 * multiword tokens aligned by their longest common subsequence), or on the gold tokens and sentences.
 * LAS compares the universal part of the relation (`nmod` for `nmod:poss`), as the shared task did;
 * `lasFull` keeps the subtypes.
 */

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  system: number;
  correct: number;
}

export interface SyntaxEvalResult {
  file: string;
  mode: 'raw' | 'gold-tokens';
  documents: number;
  goldSentences: number;
  goldWords: number;
  tokens: Score;
  sentences: Score;
  words: Score;
  upos: Score;
  xpos: Score;
  lemmas: Score;
  uas: Score;
  las: Score;
  lasFull: Score;
  /** One core, wall clock of each step alone. */
  speed: {
    /** Tokeniser and sentence splitter (raw mode only). */
    charactersPerSecond?: number;
    /** Tagger and lemmatiser. */
    taggerTokensPerSecond: number;
    parserTokensPerSecond: number;
    /** Every step together. */
    tokensPerSecond: number;
  };
}

export interface SyntaxEvalOptions {
  goldTokens?: boolean;
  /** Only the first n sentences. */
  limit?: number;
}

/** One word for scoring: its span (the surface token's, for a word of a multiword token) and analysis. */
interface EvalWord {
  start: number;
  end: number;
  multiword: boolean;
  form: string;
  upos: string;
  xpos: string;
  lemma: string;
  /** Index into the same list of the head word, -1 for a root. */
  head: number;
  deprel: string;
}

function score(gold: number, system: number, correct: number): Score {
  const precision = system ? correct / system : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, system, correct };
}

function spanScore(gold: ReadonlyArray<[number, number]>, system: ReadonlyArray<[number, number]>): Score {
  const keys = new Set(gold.map(([s, e]) => `${s}:${e}`));
  let correct = 0;
  for (const [s, e] of system) if (keys.has(`${s}:${e}`)) correct++;
  return score(gold.length, system.length, correct);
}

/** Gold words of a laid-out treebank document, with global head indexes. */
function goldWords(doc: ReturnType<typeof rawTreebank>['docs'][number]): EvalWord[] {
  const out: EvalWord[] = [];
  for (const s of doc.sentences) {
    const base = out.length;
    s.sentence.tokens.forEach((t, k) => {
      const span = s.tokens[k];
      for (const wi of t.words) {
        const w = s.sentence.words[wi];
        out.push({
          start: span.start,
          end: span.end,
          multiword: t.words.length > 1,
          form: w.form,
          upos: w.upos,
          xpos: w.xpos,
          lemma: w.lemma,
          head: w.head === 0 ? -1 : base + w.head - 1,
          deprel: w.deprel,
        });
      }
    });
  }
  return out;
}

function beyondEnd(words: readonly EvalWord[], i: number, end: number): boolean {
  if (i >= words.length) return true;
  return words[i].multiword ? words[i].start >= end : words[i].end > end;
}

function extendEnd(w: EvalWord, end: number): number {
  return w.multiword && w.end > end ? w.end : end;
}

/** Aligns system words to gold words; `map[s]` is the gold index aligned with system word s, or -1. */
export function alignWords(gold: readonly EvalWord[], system: readonly EvalWord[]): Int32Array {
  const map = new Int32Array(system.length).fill(-1);
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    if (gold[gi].multiword || system[si].multiword) {
      let end: number;
      if (gold[gi].multiword) {
        end = gold[gi].end;
        if (!system[si].multiword && system[si].start < gold[gi].start) si++;
      } else {
        end = system[si].end;
        if (!gold[gi].multiword && gold[gi].start < system[si].start) gi++;
      }
      const gs = gi;
      const ss = si;
      while (!beyondEnd(gold, gi, end) || !beyondEnd(system, si, end)) {
        if (gi < gold.length && (si >= system.length || gold[gi].start <= system[si].start)) {
          end = extendEnd(gold[gi], end);
          gi++;
        } else {
          end = extendEnd(system[si], end);
          si++;
        }
      }
      if (gi > gs && si > ss) alignByLcs(gold, system, gs, gi, ss, si, map);
    } else if (gold[gi].start === system[si].start && gold[gi].end === system[si].end) {
      map[si++] = gi++;
    } else if (gold[gi].start <= system[si].start) gi++;
    else si++;
  }
  return map;
}

function alignByLcs(
  gold: readonly EvalWord[],
  system: readonly EvalWord[],
  gs: number,
  ge: number,
  ss: number,
  se: number,
  map: Int32Array,
): void {
  const G = ge - gs;
  const S = se - ss;
  const lcs: number[][] = Array.from({ length: G + 1 }, () => new Array<number>(S + 1).fill(0));
  const same = (g: number, s: number): boolean => gold[gs + g].form.toLowerCase() === system[ss + s].form.toLowerCase();
  for (let g = G - 1; g >= 0; g--)
    for (let s = S - 1; s >= 0; s--)
      lcs[g][s] = Math.max(same(g, s) ? 1 + lcs[g + 1][s + 1] : 0, lcs[g + 1][s], lcs[g][s + 1]);
  let g = 0;
  let s = 0;
  while (g < G && s < S) {
    if (same(g, s)) {
      map[ss + s] = gs + g;
      g++;
      s++;
    } else if (lcs[g][s] === lcs[g + 1][s]) g++;
    else s++;
  }
}

const universal = (rel: string): string => {
  const i = rel.indexOf(':');
  return i < 0 ? rel : rel.slice(0, i);
};

interface Counts {
  tokens: [Array<[number, number]>, Array<[number, number]>];
  sentences: [Array<[number, number]>, Array<[number, number]>];
  gold: number;
  system: number;
  aligned: number;
  upos: number;
  xpos: number;
  lemmas: number;
  uas: number;
  las: number;
  lasFull: number;
}

function tally(c: Counts, gold: EvalWord[], system: EvalWord[]): void {
  const map = alignWords(gold, system);
  c.gold += gold.length;
  c.system += system.length;
  for (let s = 0; s < system.length; s++) {
    const g = map[s];
    if (g < 0) continue;
    c.aligned++;
    const gw = gold[g];
    const sw = system[s];
    if (gw.upos === sw.upos) c.upos++;
    if (gw.xpos === sw.xpos) c.xpos++;
    if (gw.lemma === sw.lemma) c.lemmas++;
    const sysHead = sw.head < 0 ? -1 : map[sw.head] < 0 ? -2 : map[sw.head];
    if (sysHead === gw.head) {
      c.uas++;
      if (universal(gw.deprel) === universal(sw.deprel)) c.las++;
      if (gw.deprel === sw.deprel) c.lasFull++;
    }
  }
}

function systemWords(tokens: readonly Token[], groups: readonly number[]): EvalWord[] {
  return tokens.map((t, i) => {
    let a = i;
    let b = i;
    while (a > 0 && groups[a - 1] === groups[i]) a--;
    while (b < tokens.length - 1 && groups[b + 1] === groups[i]) b++;
    return {
      start: tokens[a].start,
      end: tokens[b].end,
      multiword: a !== b,
      form: t.text,
      upos: t.upos ?? '',
      xpos: t.xpos ?? '',
      lemma: t.lemma ?? '',
      head: t.head ?? -1,
      deprel: t.deprel ?? '',
    };
  });
}

export function runSyntaxEval(file: string, opts: SyntaxEvalOptions = {}): SyntaxEvalResult {
  let gold: ConlluSentence[] = readConllu(file);
  if (opts.limit !== undefined) gold = gold.slice(0, opts.limit);
  // Load the models before timing anything.
  defaultTagger();
  defaultParser();
  const counts: Counts = {
    tokens: [[], []],
    sentences: [[], []],
    gold: 0,
    system: 0,
    aligned: 0,
    upos: 0,
    xpos: 0,
    lemmas: 0,
    uas: 0,
    las: 0,
    lasFull: 0,
  };
  let splitMs = 0;
  let tagMs = 0;
  let parseMs = 0;
  let characters = 0;
  let systemTokens = 0;
  const layout = rawTreebank(gold);
  // Offsets of documents differ; shift them so spans from different documents never coincide.
  let shift = 0;
  for (const doc of layout.docs) {
    const gw = goldWords(doc);
    const text = doc.text;
    let tokens: Token[];
    let groups: number[];
    let t0 = performance.now();
    if (opts.goldTokens) {
      tokens = [];
      groups = [];
      let surface = 0;
      doc.sentences.forEach((s, k) => {
        s.sentence.tokens.forEach((t, ti) => {
          const span = s.tokens[ti];
          for (const wi of t.words) {
            const form = s.sentence.words[wi].form;
            tokens.push({ index: tokens.length, start: span.start, end: span.end, text: form, sentence: k });
            groups.push(surface);
          }
          surface++;
        });
        counts.sentences[1].push([s.start + shift, s.end + shift]);
      });
    } else {
      const words = tokenizeWords(text);
      const sentences = splitSentences(text, words);
      splitMs += performance.now() - t0;
      characters += text.length;
      tokens = assignSentences(tokensOf(text, words), sentences);
      groups = words.map((w) => w.token);
      for (const s of sentences) counts.sentences[1].push([s.start + shift, s.end + shift]);
    }
    t0 = performance.now();
    tagTokens(tokens);
    tagMs += performance.now() - t0;
    t0 = performance.now();
    parseTokens(tokens);
    parseMs += performance.now() - t0;
    systemTokens += tokens.length;
    const sw = systemWords(tokens, groups);
    for (const s of doc.sentences) {
      counts.sentences[0].push([s.start + shift, s.end + shift]);
      for (const t of s.tokens) counts.tokens[0].push([t.start + shift, t.end + shift]);
    }
    for (let i = 0; i < sw.length; i++)
      if (i === 0 || groups[i] !== groups[i - 1]) counts.tokens[1].push([sw[i].start + shift, sw[i].end + shift]);
    tally(counts, gw, sw);
    shift += text.length + 1;
  }
  const perSecond = (n: number, ms: number): number => (ms > 0 ? (n * 1000) / ms : 0);
  return {
    file,
    mode: opts.goldTokens ? 'gold-tokens' : 'raw',
    documents: layout.docs.length,
    goldSentences: gold.length,
    goldWords: counts.gold,
    tokens: spanScore(counts.tokens[0], counts.tokens[1]),
    sentences: spanScore(counts.sentences[0], counts.sentences[1]),
    words: score(counts.gold, counts.system, counts.aligned),
    upos: score(counts.gold, counts.system, counts.upos),
    xpos: score(counts.gold, counts.system, counts.xpos),
    lemmas: score(counts.gold, counts.system, counts.lemmas),
    uas: score(counts.gold, counts.system, counts.uas),
    las: score(counts.gold, counts.system, counts.las),
    lasFull: score(counts.gold, counts.system, counts.lasFull),
    speed: {
      charactersPerSecond: opts.goldTokens ? undefined : perSecond(characters, splitMs),
      taggerTokensPerSecond: perSecond(systemTokens, tagMs),
      parserTokensPerSecond: perSecond(systemTokens, parseMs),
      tokensPerSecond: perSecond(systemTokens, splitMs + tagMs + parseMs),
    },
  };
}

export function formatSyntaxEval(r: SyntaxEvalResult): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const rows: Array<[string, Score]> = [
    ['Tokens', r.tokens],
    ['Sentences', r.sentences],
    ['Words', r.words],
    ['UPOS', r.upos],
    ['XPOS', r.xpos],
    ['Lemmas', r.lemmas],
    ['UAS', r.uas],
    ['LAS', r.las],
    ['LAS (subtypes)', r.lasFull],
  ];
  const n = (x: number | undefined): string => (x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));
  return [
    `${r.file} (${r.mode === 'raw' ? 'from raw text' : 'gold tokens and sentences'}; ${r.goldSentences} sentences, ${r.goldWords} words, ${r.documents} documents)`,
    '',
    '| metric         | precision | recall |     F1 |',
    '| -------------- | --------: | -----: | -----: |',
    ...rows.map(([name, s]) => `| ${name.padEnd(14)} |    ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`),
    '',
    `speed (one core, one cold pass over the file; npm run bench:syntax measures steady state on news): tokeniser + sentences ${n(r.speed.charactersPerSecond)} characters/s; tagger + lemmas ${n(r.speed.taggerTokensPerSecond)} tokens/s; parser ${n(r.speed.parserTokensPerSecond)} tokens/s; all ${n(r.speed.tokensPerSecond)} tokens/s`,
  ].join('\n');
}
