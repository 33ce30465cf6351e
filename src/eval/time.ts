import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, TimeExpression, TimexType } from '../model.js';
import { annotateText } from '../text/annotate.js';
import { annotateTime } from '../time/index.js';
import * as chrono from 'chrono-node';

/** A gold TIMEX3 with offsets into the plain text of `<TEXT>`. */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
}

export interface TimeMlDoc {
  id: string;
  dct?: string;
  text: string;
  timexes: GoldTimex[];
}

export interface TimeEvalOptions {
  /** Stop after this many documents (for quick runs). */
  limit?: number;
  /** Keep per-document error listings in the result. */
  errors?: boolean;
  /** `storyline` (default) or `chrono` (chrono-node alone, as a baseline). */
  system?: 'storyline' | 'chrono';
  /** Annotation convention of the time stage; TimeML corpora are scored with `timeml` (the default here). */
  convention?: 'storyline' | 'timeml';
}

/** chrono-node alone: values at the precision of the components it is certain of. */
export function chronoTimexes(text: string, dct?: string): TimeExpression[] {
  const ref = dct ? new Date(`${dct}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: TimeExpression[] = [];
  const p2 = (n: number | null): string => String(n ?? 0).padStart(2, '0');
  for (const r of chrono.parse(text, ref)) {
    const c = r.start;
    const y = String(c.get('year') ?? 0).padStart(4, '0');
    let value: string;
    if (c.isCertain('day') || c.isCertain('weekday') || !c.isCertain('month'))
      value = `${y}-${p2(c.get('month'))}-${p2(c.get('day'))}`;
    else value = `${y}-${p2(c.get('month'))}`;
    if (c.isCertain('year') && !c.isCertain('month') && !c.isCertain('weekday')) value = y;
    const hour = c.isCertain('hour');
    if (hour) value += `T${p2(c.get('hour'))}:${p2(c.get('minute'))}`;
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, type: hour ? 'time' : 'date', value });
  }
  return out;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface TimeEvalError {
  doc: string;
  kind: 'missed' | 'spurious' | 'value' | 'type' | 'extent';
  gold?: string;
  predicted?: string;
}

export interface TimeEvalResult {
  system: string;
  documents: number;
  gold: number;
  predicted: number;
  strict: PRF;
  relaxed: PRF;
  /** Type accuracy over relaxed matches, and the TempEval-3 type attribute F1. */
  typeAccuracy: number;
  typeF1: number;
  /** Value accuracy over relaxed matches, and the TempEval-3 value attribute F1. */
  valueAccuracy: number;
  valueF1: number;
  /** Throughput of the time stage alone (annotateTime), articles per CPU second, after a warm-up pass. */
  articlesPerSecond: number;
  /** The same in characters per CPU second (articles differ in length). */
  charsPerSecond: number;
  /** Throughput including the text stage (sentences and tokens), articles per CPU second. */
  articlesPerSecondWithText: number;
  errors?: TimeEvalError[];
}

export class TimeMlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeMlError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(ent: string): string {
  if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
  if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
  return ENTITIES[ent] ?? `&${ent};`;
}

/** Parses one TimeML document: the DCT, the plain text of `<TEXT>` and its TIMEX3s with offsets. */
export function parseTimeMl(xml: string, id = 'doc'): TimeMlDoc {
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/.exec(xml)?.[1] ?? '';
  const dctValue = /value="([^"]*)"/.exec(dctBlock)?.[1];
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : undefined;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!body) throw new TimeMlError(`${id}: no <TEXT> element; is this a TimeML (.tml) file?`);
  const src = body[1];
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: Array<{ start: number; type: TimexType; value: string } | null> = [];
  const tag = /<(\/?)([A-Za-z0-9_]+)([^>]*?)(\/?)>|&(#x?[0-9a-fA-F]+|[a-z]+);/g;
  let last = 0;
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    text += src.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[5] !== undefined) {
      text += decodeEntity(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2];
    const selfClosing = m[4] === '/';
    if (selfClosing) continue;
    if (!closing) {
      if (name === 'TIMEX3') {
        const type = (/type="([A-Z]+)"/.exec(m[3])?.[1] ?? 'DATE').toLowerCase() as TimexType;
        const value = /value="([^"]*)"/.exec(m[3])?.[1] ?? '';
        open.push({ start: text.length, type, value });
      } else open.push(null);
    } else {
      const o = open.pop();
      if (name === 'TIMEX3' && o) {
        timexes.push({
          start: o.start,
          end: text.length,
          text: text.slice(o.start, text.length),
          type: o.type,
          value: o.value,
        });
      }
    }
  }
  text += src.slice(last);
  return { id, dct, text, timexes };
}

async function listTml(dir: string): Promise<string[]> {
  let st;
  try {
    st = await stat(dir);
  } catch {
    throw new TimeMlError(`TimeML path not found: ${dir} (pass a folder of .tml files, e.g. <data>/time/timebank)`);
  }
  if (st.isFile()) return [dir];
  const names = (await readdir(dir)).filter((n) => n.endsWith('.tml')).sort();
  if (names.length === 0) throw new TimeMlError(`no .tml files in ${dir}`);
  return names.map((n) => path.join(dir, n));
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const prf = (correct: number, predicted: number, gold: number): PRF => {
  const p = ratio(correct, predicted);
  const r = ratio(correct, gold);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

const normValue = (v: string): string => v.trim().toUpperCase();

/**
 * TempEval-3 task A over TimeML files: strict (exact) and relaxed (overlap) extent P/R/F1, and attribute
 * F1 over relaxed matches (attribute P = correct/predicted, R = correct/gold), as in the official scorer.
 */
export async function runTimeEval(dirs: string | string[], opts: TimeEvalOptions = {}): Promise<TimeEvalResult> {
  const list = Array.isArray(dirs) ? dirs : [dirs];
  const files: string[] = [];
  for (const d of list) files.push(...(await listTml(d)));
  const limited = opts.limit ? files.slice(0, opts.limit) : files;
  const docs: TimeMlDoc[] = [];
  for (const f of limited) docs.push(parseTimeMl(await readFile(f, 'utf8'), path.basename(f, '.tml')));

  let gold = 0,
    predicted = 0,
    strictOk = 0,
    relaxedOk = 0,
    typeOk = 0,
    valueOk = 0;
  const errors: TimeEvalError[] = [];
  const withText = docs.map((doc) => {
    const article: Article = { id: doc.id, text: doc.text, published: doc.dct, publishedInferred: false };
    return annotateText(article);
  });
  // CPU time, not wall time: the machine may be shared. The first pass warms up the JIT.
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const system = (d: (typeof withText)[number]): TimeExpression[] =>
    opts.system === 'chrono'
      ? chronoTimexes(d.article.text, d.article.published)
      : annotateTime(d, { convention: opts.convention ?? 'timeml' }).timexes;
  for (const d of withText) system(d);
  let c0 = cpuMs();
  const predictions = withText.map(system);
  const timeMs = cpuMs() - c0;
  c0 = cpuMs();
  for (const d of docs)
    annotateTime(annotateText({ id: d.id, text: d.text, published: d.dct, publishedInferred: false }));
  const bothMs = cpuMs() - c0;
  const chars = docs.reduce((a, d) => a + d.text.length, 0);
  docs.forEach((doc, di) => {
    const pred = predictions[di];
    gold += doc.timexes.length;
    predicted += pred.length;
    const used = new Set<number>();
    const matchedPred = new Set<TimeExpression>();
    for (const g of doc.timexes) {
      // Prefer an exact match, then the largest overlap.
      let best = -1;
      let bestOverlap = 0;
      pred.forEach((p, i) => {
        if (used.has(i)) return;
        const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
        if (ov <= 0) return;
        const score = p.start === g.start && p.end === g.end ? Infinity : ov;
        if (score > bestOverlap) {
          bestOverlap = score;
          best = i;
        }
      });
      if (best < 0) {
        if (opts.errors) errors.push({ doc: doc.id, kind: 'missed', gold: `${g.text} [${g.type} ${g.value}]` });
        continue;
      }
      used.add(best);
      const p = pred[best];
      matchedPred.add(p);
      relaxedOk++;
      if (p.start === g.start && p.end === g.end) strictOk++;
      else if (opts.errors) errors.push({ doc: doc.id, kind: 'extent', gold: g.text, predicted: p.text });
      if (p.type === g.type) typeOk++;
      else if (opts.errors)
        errors.push({ doc: doc.id, kind: 'type', gold: `${g.text} [${g.type}]`, predicted: `${p.text} [${p.type}]` });
      if (normValue(p.value) === normValue(g.value)) valueOk++;
      else if (opts.errors)
        errors.push({
          doc: doc.id,
          kind: 'value',
          gold: `${g.text} [${g.value}] dct=${doc.dct}`,
          predicted: `${p.text} [${p.value}]`,
        });
    }
    if (opts.errors) {
      for (const p of pred)
        if (!matchedPred.has(p))
          errors.push({ doc: doc.id, kind: 'spurious', predicted: `${p.text} [${p.type} ${p.value}]` });
    }
  });
  const result: TimeEvalResult = {
    system: opts.system === 'chrono' ? 'chrono-node' : `storyline (${opts.convention ?? 'timeml'} convention)`,
    documents: docs.length,
    gold,
    predicted,
    strict: prf(strictOk, predicted, gold),
    relaxed: prf(relaxedOk, predicted, gold),
    typeAccuracy: ratio(typeOk, relaxedOk),
    typeF1: prf(typeOk, predicted, gold).f1,
    valueAccuracy: ratio(valueOk, relaxedOk),
    valueF1: prf(valueOk, predicted, gold).f1,
    articlesPerSecond: ratio(docs.length, timeMs / 1000),
    charsPerSecond: ratio(chars, timeMs / 1000),
    articlesPerSecondWithText: ratio(docs.length, bothMs / 1000),
  };
  if (opts.errors) result.errors = errors;
  return result;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

/** A plain-text table of the TempEval-3 task A metrics. */
export function formatTimeEval(r: TimeEvalResult): string {
  const lines = [
    `TempEval-3 task A, ${r.system}: ${r.documents} documents, ${r.gold} gold / ${r.predicted} predicted TIMEX3`,
    '',
    'metric              P       R      F1',
    `strict extent  ${pct(r.strict.p)}  ${pct(r.strict.r)}  ${pct(r.strict.f1)}`,
    `relaxed extent ${pct(r.relaxed.p)}  ${pct(r.relaxed.r)}  ${pct(r.relaxed.f1)}`,
    `type attribute                ${pct(r.typeF1)}   (accuracy on matches ${pct(r.typeAccuracy).trim()})`,
    `value attribute               ${pct(r.valueF1)}   (accuracy on matches ${pct(r.valueAccuracy).trim()})`,
    '',
    `speed (CPU, one core): ${Math.round(r.articlesPerSecond)} articles/s = ${(r.charsPerSecond / 1e6).toFixed(2)} M chars/s (time stage); ` +
      `${Math.round(r.articlesPerSecondWithText)} articles/s (text + time stages)`,
  ];
  return lines.join('\n');
}
