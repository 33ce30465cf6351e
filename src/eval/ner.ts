import { chunks, readConll, type LabelledDocument } from '../entities/conll.js';
import { defaultModel, loadModel } from '../entities/model-store.js';
import type { NerModel } from '../entities/tagger.js';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Gold chunks of this type. */
  gold: number;
  /** Predicted chunks of this type. */
  predicted: number;
}

export interface NerEvalResult {
  file: string;
  sentences: number;
  tokens: number;
  precision: number;
  recall: number;
  f1: number;
  byType: Record<string, PRF>;
  /** Tokens tagged per CPU second (one core), including feature extraction and decoding. */
  tokensPerSecond: number;
}

/** Any tagger to score: sentences of tokens in, one BIO/BIOES tag per token out. */
export type SentenceTagger = (sentences: string[][]) => string[][] | Promise<string[][]>;

export interface NerEvalOptions {
  /** Model file; the shipped model when absent. */
  model?: string | NerModel;
  /** Scores another tagger instead of the model (baselines). */
  tagger?: SentenceTagger;
  /** Counts only these types (e.g. PER, ORG, LOC for taggers without MISC). */
  types?: string[];
  /**
   * Maps gold types onto the tagger's PER/ORG/LOC/MISC. `'wnut'` maps WNUT-17 types (person, location,
   * corporation, group, product, creative-work); `'auto'` (default) picks it when the file uses them.
   */
  typeMap?: 'auto' | 'none' | 'wnut' | Record<string, string>;
}

const WNUT_MAP: Record<string, string> = {
  person: 'PER',
  location: 'LOC',
  corporation: 'ORG',
  group: 'ORG',
  product: 'MISC',
  'creative-work': 'MISC',
};

function mapTags(docs: LabelledDocument[], map: Record<string, string>): void {
  for (const d of docs)
    for (const s of d.sentences)
      s.tags = s.tags.map((t) => {
        if (t.length < 3 || t[1] !== '-') return t;
        const to = map[t.slice(2)];
        return to ? `${t[0]}-${to}` : t;
      });
}

function prf(correct: number, gold: number, predicted: number): PRF {
  const precision = predicted > 0 ? (100 * correct) / predicted : 0;
  const recall = gold > 0 ? (100 * correct) / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted };
}

/**
 * Scores the tagger on a labelled CoNLL-format file the way conlleval does: a predicted chunk counts only
 * when its type and both boundaries equal a gold chunk's. Figures are percentages.
 */
export async function runNerEval(file: string, opts: NerEvalOptions = {}): Promise<NerEvalResult> {
  const docs = readConll(file);
  const model = opts.tagger
    ? undefined
    : typeof opts.model === 'string'
      ? loadModel(opts.model)
      : (opts.model ?? defaultModel());
  const tm = opts.typeMap ?? 'auto';
  let map: Record<string, string> | undefined;
  if (tm === 'wnut') map = WNUT_MAP;
  else if (typeof tm === 'object') map = tm;
  else if (tm === 'auto' && docs.some((d) => d.sentences.some((s) => s.tags.some((t) => t.slice(2) in WNUT_MAP))))
    map = WNUT_MAP;
  if (map) mapTags(docs, map);

  let tokens = 0;
  let sentences = 0;
  let predictions: string[][][];
  let seconds: number;
  if (model) {
    // One untimed pass warms the JIT (as in a long-running process); the word caches are then cleared so
    // the timed pass still pays for every new word.
    for (const d of docs) model.tagDocument(d.sentences.map((s) => s.words));
    model.clearCaches();
    // CPU time rather than wall time: the figure is per core and does not depend on other load.
    const c0 = process.cpuUsage();
    predictions = docs.map((d) => model.tagDocument(d.sentences.map((s) => s.words)));
    const cpu = process.cpuUsage(c0);
    seconds = (cpu.user + cpu.system) / 1e6;
  } else {
    const tagger = opts.tagger as SentenceTagger;
    const c0 = process.cpuUsage();
    predictions = [];
    for (const d of docs) predictions.push(await tagger(d.sentences.map((s) => s.words)));
    const cpu = process.cpuUsage(c0);
    seconds = (cpu.user + cpu.system) / 1e6;
  }
  const keep = opts.types ? new Set(opts.types) : undefined;

  const counts = new Map<string, { correct: number; gold: number; predicted: number }>();
  const bump = (type: string, key: 'correct' | 'gold' | 'predicted'): void => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { correct: 0, gold: 0, predicted: 0 }));
    c[key]++;
  };
  docs.forEach((d, di) =>
    d.sentences.forEach((s, si) => {
      sentences++;
      tokens += s.words.length;
      const gold = chunks(s.tags).filter((c) => !keep || keep.has(c.type));
      const pred = chunks(predictions[di][si] ?? []).filter((c) => !keep || keep.has(c.type));
      const goldKeys = new Set(gold.map((c) => `${c.start}:${c.end}:${c.type}`));
      for (const c of gold) bump(c.type, 'gold');
      for (const c of pred) {
        bump(c.type, 'predicted');
        if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) bump(c.type, 'correct');
      }
    }),
  );
  let correct = 0;
  let gold = 0;
  let predicted = 0;
  const byType: Record<string, PRF> = {};
  for (const [type, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = prf(c.correct, c.gold, c.predicted);
    correct += c.correct;
    gold += c.gold;
    predicted += c.predicted;
  }
  const all = prf(correct, gold, predicted);
  return {
    file,
    sentences,
    tokens,
    precision: all.precision,
    recall: all.recall,
    f1: all.f1,
    byType,
    tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
  };
}

export function formatNerEval(r: NerEvalResult): string {
  const row = (name: string, p: number, rc: number, f: number, g: string, pr: string): string =>
    `${name.padEnd(8)} ${p.toFixed(2).padStart(9)} ${rc.toFixed(2).padStart(9)} ${f.toFixed(2).padStart(9)} ${g.padStart(7)} ${pr.padStart(9)}`;
  const lines = [
    `NER evaluation: ${r.file}`,
    `${r.sentences} sentences, ${r.tokens} tokens, ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} tokens/s`,
    '',
    `${'type'.padEnd(8)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)} ${'gold'.padStart(7)} ${'predicted'.padStart(9)}`,
  ];
  for (const [type, v] of Object.entries(r.byType))
    lines.push(row(type, v.precision, v.recall, v.f1, String(v.gold), String(v.predicted)));
  const g = Object.values(r.byType).reduce((a, v) => a + v.gold, 0);
  const p = Object.values(r.byType).reduce((a, v) => a + v.predicted, 0);
  lines.push(row('overall', r.precision, r.recall, r.f1, String(g), String(p)));
  return lines.join('\n');
}
