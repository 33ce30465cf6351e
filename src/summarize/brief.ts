/**
 * The brief of a story: what happened first, then the developments in time order, ending on the latest
 * turn. Wire copies count once: salience is the number of independent reports carrying a concept, and a
 * sentence cites each independent outlet that reports it, never the copies of one dispatch.
 */
import type { AnnotatedArticle, SummarySentence } from '../model.js';
import { findProvenance, outletOf } from '../compare/syndication.js';
import { bagCosine, bigramConcepts } from './features.js';
import { candidates, type Candidate } from './candidates.js';
import { conceptWeights, DUPLICATE_COSINE, queryBagOf, selectCandidates, standaloneScore } from './select.js';
import { sentenceBags, sourcesFor } from './cite.js';
import { contentStems } from './features.js';

/** Words in a story brief unless asked otherwise: a paragraph a reader takes in at a glance. */
export const DEFAULT_BRIEF_WORDS = 120;
/** Words and sentences in a brief of what is new. */
const SINCE_WORDS = 70;
const SINCE_SENTENCES = 3;
/** The opening is a lead of the first day's reports or of the earliest 1 in this many (docs are in date order). */
const OPENING_SHARE = 4;
/** Content cosine at which another outlet's sentence reports the same fact (looser than a copy). */
const CITE_COSINE = 0.45;

export interface BriefOptions {
  /** Word budget; `DEFAULT_BRIEF_WORDS` by default. One article always gets one sentence. */
  words?: number;
  /** A topic to focus on (the evaluation's topic statements). */
  query?: string;
  /** Drop closing attributions to fit more content. */
  compress?: boolean;
  /** Drop asides between commas (", who has led the department since 2021,"); on by default. */
  trimAsides?: boolean;
}

/** The day of a candidate's article ('9999' when undated). */
const dayOf = (c: Candidate): string => c.date.slice(0, 10);

function byDate(a: AnnotatedArticle, b: AnnotatedArticle): number {
  const da = a.article.published ?? '9999';
  const db = b.article.published ?? '9999';
  return da < db ? -1 : da > db ? 1 : a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

function budgetOf(requested: number | undefined, fallback: number): number {
  const n = requested ?? fallback;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : fallback;
}

/** Articles in date order without the copies of a dispatch already in the set, and each one's outlet. */
function independentReports(input: readonly AnnotatedArticle[]): {
  docs: AnnotatedArticle[];
  origin: (d: AnnotatedArticle) => string;
} {
  const sorted = [...input].sort(byDate);
  const provenance = findProvenance(sorted);
  return {
    docs: sorted.filter((d) => !provenance.get(d.article.id)?.copyOf),
    origin: (d) => provenance.get(d.article.id)?.origin ?? outletOf(d),
  };
}

/** Cites a sentence by its own span and one matching sentence per other independent outlet. */
function cite(
  chosen: readonly Candidate[],
  docs: readonly AnnotatedArticle[],
  origin: (d: AnnotatedArticle) => string,
): SummarySentence[] {
  const bags = sentenceBags(docs);
  return chosen.map((c) => {
    const own = origin(docs[c.doc]);
    const outlets = new Set([own]);
    // One sentence per other outlet: the earliest of its reports that carries the fact.
    const refs = sourcesFor(c, docs, bags, CITE_COSINE, (d) => origin(d) !== own).filter((r, i) => {
      if (i === 0) return true;
      const d = docs.find((x) => x.article.id === r.articleId);
      if (!d || outlets.has(origin(d))) return false;
      outlets.add(origin(d));
      return true;
    });
    const sentence: SummarySentence = { text: c.text, sources: refs };
    if (c.omitted) sentence.omitted = c.omitted;
    return sentence;
  });
}

const chronological = (a: Candidate, b: Candidate): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.doc - b.doc || a.start - b.start;

/**
 * The brief of a story: its first sentence says what happened (the most salient lead of the first day's
 * reports), then the developments in time order, and the last sentence is the latest report's turn.
 */
export function briefStory(input: readonly AnnotatedArticle[], opts: BriefOptions = {}): SummarySentence[] {
  const budget = budgetOf(opts.words, DEFAULT_BRIEF_WORDS);
  if (input.length === 0 || budget === 0) return [];
  const { docs, origin } = independentReports(input);
  const cands = candidates(docs, { compress: opts.compress, trimAsides: opts.trimAsides ?? true }).filter(
    (c) => c.words <= budget,
  );
  if (cands.length === 0) return [];
  const query = new Set(opts.query ? contentStems(opts.query) : []);
  const queryBag = queryBagOf(opts.query);
  const weight = conceptWeights(cands, docs.length, query, docs);
  const score = (c: Candidate): number => standaloneScore(c, weight, queryBag);
  const best = (list: readonly Candidate[]): Candidate | undefined =>
    list.reduce<Candidate | undefined>((b, c) => (b === undefined || score(c) > score(b) ? c : b), undefined);

  // What happened: the story began with its first reports (its first day's, and the earliest quarter of them
  // when it was covered over a long time), and of their leads the one sharing most with the other reports
  // says it best; without a usable lead, the first day's most salient sentence.
  const standalone = cands.filter((c) => !c.antecedent);
  const firstDay = standalone.reduce((d, c) => (dayOf(c) < d ? dayOf(c) : d), '9999');
  const earliest = Math.ceil(docs.length / OPENING_SHARE);
  const event =
    best(standalone.filter((c) => c.rank === 0 && (dayOf(c) === firstDay || c.doc < earliest))) ??
    best(standalone.filter((c) => dayOf(c) === firstDay)) ??
    best(standalone);
  if (!event) return [];
  if (docs.length === 1) return cite([event], docs, origin);

  // The latest turn: the lead of the latest dated report, when it says something the opening does not.
  let latest: Candidate | undefined;
  const lastDay = cands.reduce((d, c) => (dayOf(c) !== '9999' && dayOf(c) > d ? dayOf(c) : d), firstDay);
  if (lastDay > dayOf(event)) {
    const lastDoc = Math.max(...cands.filter((c) => dayOf(c) === lastDay).map((c) => c.doc));
    const fresh = standalone.filter(
      (c) =>
        c.doc === lastDoc && event.words + c.words <= budget && bagCosine(c.content, event.content) <= DUPLICATE_COSINE,
    );
    latest = best(fresh);
  }

  const seeds = latest ? [event, latest] : [event];
  const middle = selectCandidates(cands, { budget, articles: docs.length, query: opts.query, seeds, docs });
  middle.sort(chronological);
  return cite([event, ...middle, ...(latest ? [latest] : [])], docs, origin);
}

/**
 * What is new since a time: two or three sentences from the reports published at or after `since`, about
 * what the earlier reports did not say. Empty when nothing was published since.
 */
export function briefSince(
  input: readonly AnnotatedArticle[],
  since: string,
  opts: Omit<BriefOptions, 'query'> = {},
): SummarySentence[] {
  const budget = budgetOf(opts.words, SINCE_WORDS);
  const { docs, origin } = independentReports(input);
  const isNew = (d: AnnotatedArticle): boolean => d.article.published !== undefined && d.article.published >= since;
  const fresh = docs.filter(isNew);
  if (fresh.length === 0 || budget === 0) return [];
  const known = new Set<string>();
  for (const d of docs)
    if (!isNew(d)) for (const s of d.sentences) for (const k of bigramConcepts(s.text)) known.add(k);
  const cands = candidates(docs, { compress: opts.compress, trimAsides: opts.trimAsides ?? true }).filter(
    (c) => isNew(docs[c.doc]) && c.words <= budget,
  );
  // Opens on the lead that adds most: a report's lead is its own account of what happened.
  const weight = conceptWeights(cands, fresh.length, new Set());
  const novelty = (c: Candidate): number =>
    c.concepts.reduce((n, k) => n + (known.has(k) ? 0 : (weight.get(k) ?? 0.5)), 0) / Math.pow(c.words, 0.8);
  const leads = cands.filter((c) => c.rank === 0 && !c.antecedent && novelty(c) > 0);
  const opening = leads.reduce<Candidate | undefined>((b, c) => (!b || novelty(c) > novelty(b) ? c : b), undefined);
  const seeds = opening ? [opening] : [];
  const chosen = [
    ...seeds,
    ...selectCandidates(cands, { budget, articles: fresh.length, known, seeds, maxSentences: SINCE_SENTENCES }),
  ];
  chosen.sort(chronological);
  return cite(chosen, docs, origin);
}
