/**
 * Reproduces NIST's official DUC 2006 ROUGE-2 and ROUGE-SU4 averages with our ROUGE port, reading
 * the evaluation configuration (`rougejk.in`), the peers and models from a DUC 2006 folder.
 * Settings as NIST ran ROUGE-1.5.5: `-n 4 -m -2 4 -u -f A -p 0.5 -t 0` (stemming, no stopword removal,
 * summaries already truncated to 250 words, jackknifing built into the configuration).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  gramCounts,
  rougeBootstrapMean,
  rougeTokens,
  scoreAgainstModels,
  ROUGE_2,
  ROUGE_SU4,
  type GramCounts,
  type RougeMetric,
  type RougeOptions,
} from '../summarize/rouge.js';

export class DucDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DucDataError';
  }
}

/** One `<EVAL>` of a ROUGE configuration: peers and models by id, file names relative to the roots. */
export interface RougeEvalSpec {
  id: string;
  peers: Array<{ id: string; file: string }>;
  models: Array<{ id: string; file: string }>;
}

/** Parses the XML evaluation configuration of ROUGE-1.5.5 (only the elements it uses). */
export function parseRougeConfig(xml: string): RougeEvalSpec[] {
  const evals: RougeEvalSpec[] = [];
  const evalRe = /<EVAL\s+ID="([^"]*)"\s*>([\s\S]*?)<\/EVAL>/gi;
  let m: RegExpExecArray | null;
  while ((m = evalRe.exec(xml))) {
    const body = m[2];
    const items = (tag: string): Array<{ id: string; file: string }> =>
      [...body.matchAll(new RegExp(`<${tag}\\s+ID="([^"]*)"\\s*>([^<]*)</${tag}>`, 'gi'))].map((x) => ({
        id: x[1],
        file: x[2].trim(),
      }));
    evals.push({ id: m[1], peers: items('P'), models: items('M') });
  }
  return evals;
}

export interface RougeEvalRow {
  peer: string;
  rouge2: number;
  su4: number;
  official2?: number;
  officialSU4?: number;
  /** Both scores equal the official ones at two decimals of the ×100 value. */
  match2: boolean;
  matchSU4: boolean;
  evaluations: number;
}

export interface RougeEvalResult {
  rows: RougeEvalRow[];
  /** Rows with an official score. */
  compared: number;
  exact2: number;
  exactSU4: number;
  exactBoth: number;
  /** Rows whose ROUGE-2 and SU4 equal the official five-decimal values exactly. */
  identical: number;
  /** Same, restricted to automatic systems (numeric peer ids). */
  systems: { compared: number; exactBoth: number };
  seconds: number;
}

/** Reads an official `*.avg` file: `PEER SCORE (95%-conf.int. LO - HI)` per line. */
export function readOfficialAverages(file: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^(\S+)\s+([0-9.]+)/);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** Reads a one-sentence-per-line summary. */
export function readSummaryLines(file: string): string[] {
  return readFileSync(file, 'latin1').split('\n');
}

/** Two-decimal agreement of the ×100 values, as the official tables are compared. */
export const sameAt2 = (a: number, b: number): boolean => Math.round(a * 10000) === Math.round(b * 10000);

export interface RougeEvalOptions {
  /** Extra `-l` truncation; NIST's files are already truncated so none is applied by default. */
  wordLimit?: number;
  /** Report plain means instead of ROUGE's bootstrap means (differences of a few 1e-5). */
  plainMean?: boolean;
}

export async function runRougeEval(ducDir: string, opts: RougeEvalOptions = {}): Promise<RougeEvalResult> {
  const t0 = performance.now();
  const configFile = path.join(ducDir, 'rougejk.in');
  if (!existsSync(configFile)) {
    throw new DucDataError(
      `No rougejk.in in ${ducDir}: pass the DUC 2006 folder (summaries/duc2006 of the data root).`,
    );
  }
  const evals = parseRougeConfig(readFileSync(configFile, 'utf8'));
  if (evals.length === 0) throw new DucDataError(`${configFile} holds no <EVAL> entries.`);
  const ropts: RougeOptions = { stem: true, wordLimit: opts.wordLimit ?? 0, alpha: 0.5, mode: 'A' };
  const tokenCache = new Map<string, string[]>();
  const tokensOf = (file: string): string[] => {
    let t = tokenCache.get(file);
    if (!t) {
      if (!existsSync(file)) throw new DucDataError(`Missing summary file ${file}.`);
      t = rougeTokens(readSummaryLines(file), ropts);
      tokenCache.set(file, t);
    }
    return t;
  };
  const metrics: RougeMetric[] = [ROUGE_2, ROUGE_SU4];
  const perEval = new Map<string, { r2: Map<string, number>; su4: Map<string, number> }>();
  for (const ev of evals) {
    for (const metric of metrics) {
      const models: GramCounts[] = ev.models.map((m) =>
        gramCounts(tokensOf(path.join(ducDir, 'models', m.file)), metric),
      );
      for (const p of ev.peers) {
        const peer = gramCounts(tokensOf(path.join(ducDir, 'peers', p.file)), metric);
        const s = scoreAgainstModels(peer, models, ropts);
        const acc = perEval.get(p.id) ?? { r2: new Map<string, number>(), su4: new Map<string, number>() };
        (metric === ROUGE_2 ? acc.r2 : acc.su4).set(`${ev.id}.${p.id}`, s.recall);
        perEval.set(p.id, acc);
      }
    }
  }
  const off2 = readOfficialAverages(path.join(ducDir, 'rouge2.jk.m.avg'));
  const offSU4 = readOfficialAverages(path.join(ducDir, 'rougeSU4.jk.m.avg'));
  const mean = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0) / m.size;
  const average = opts.plainMean ? mean : (m: Map<string, number>): number => rougeBootstrapMean(m);
  const rows: RougeEvalRow[] = [...perEval.entries()].map(([peer, a]) => {
    const rouge2 = average(a.r2);
    const su4 = average(a.su4);
    const official2 = off2.get(peer);
    const officialSU4 = offSU4.get(peer);
    return {
      peer,
      rouge2,
      su4,
      official2,
      officialSU4,
      match2: official2 !== undefined && sameAt2(rouge2, official2),
      matchSU4: officialSU4 !== undefined && sameAt2(su4, officialSU4),
      evaluations: a.r2.size,
    };
  });
  rows.sort((x, y) => (y.official2 ?? y.rouge2) - (x.official2 ?? x.rouge2));
  const withOfficial = rows.filter((r) => r.official2 !== undefined && r.officialSU4 !== undefined);
  const systems = withOfficial.filter((r) => /^\d+$/.test(r.peer));
  return {
    rows,
    compared: withOfficial.length,
    exact2: withOfficial.filter((r) => r.match2).length,
    exactSU4: withOfficial.filter((r) => r.matchSU4).length,
    exactBoth: withOfficial.filter((r) => r.match2 && r.matchSU4).length,
    identical: withOfficial.filter(
      (r) =>
        Math.round(r.rouge2 * 1e5) === Math.round((r.official2 ?? -1) * 1e5) &&
        Math.round(r.su4 * 1e5) === Math.round((r.officialSU4 ?? -1) * 1e5),
    ).length,
    systems: { compared: systems.length, exactBoth: systems.filter((r) => r.match2 && r.matchSU4).length },
    seconds: (performance.now() - t0) / 1000,
  };
}

const fmt = (x: number | undefined): string => (x === undefined ? '   -   ' : (x * 100).toFixed(3).padStart(7));

export function formatRougeEval(r: RougeEvalResult): string {
  const lines = [
    'peer   R-2 ours  official  ok   SU4 ours  official  ok',
    ...r.rows.map(
      (x) =>
        `${x.peer.padEnd(5)} ${fmt(x.rouge2)}   ${fmt(x.official2)}  ${x.match2 ? 'yes' : 'NO '}  ${fmt(x.su4)}   ${fmt(x.officialSU4)}  ${x.matchSU4 ? 'yes' : 'NO '}`,
    ),
    '',
    `ROUGE-2 equal at 2 decimals (x100): ${r.exact2}/${r.compared}; SU4: ${r.exactSU4}/${r.compared}; both: ${r.exactBoth}/${r.compared}`,
    `identical to all five decimals: ${r.identical}/${r.compared}`,
    `automatic systems with both equal: ${r.systems.exactBoth}/${r.systems.compared}`,
    `time: ${r.seconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
