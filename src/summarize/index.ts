/**
 * Multi-document extractive summarisation.
 *
 * Method: concept coverage (Gillick & Favre 2009) optimised greedily under a word budget (Lin & Bilmes
 * 2010). Concepts are stemmed bigrams with a content word; a concept's weight is the number of
 * articles that mention it (content shared across outlets matters most), boosted when it contains a
 * query word. A sentence's gain is the weight of the concepts it adds that the summary does not cover
 * yet, so redundancy is penalised by construction; near-duplicates are also rejected outright.
 * Candidates exclude datelines, bylines, credits, headlines, embeds and quotes-only sentences, and
 * drop a leading dateline or discourse connective. The result is ordered by article date and
 * position, and each sentence cites its article plus any article carrying a near-identical sentence.
 */
import type { AnnotatedArticle, SourceRef, SummarySentence } from '../model.js';
import {
  bag,
  bagCosine,
  bigramConcepts,
  contentStems,
  datelineEnd,
  embedRanges,
  inRanges,
  isBoilerplate,
  wordCount,
  type Bag,
} from './features.js';

export interface SummarizeOptions {
  /** Word budget (whitespace-separated words); 100 by default. */
  words?: number;
  /** A query or topic statement to focus the summary on. */
  query?: string;
  /**
   * Drop closing attributions (", officials said.") to fit more content. Off by default: a brief
   * should say who said what; the evaluation reports both settings.
   */
  compress?: boolean;
}

/** A candidate sentence: a trimmed span of one article sentence. */
interface Candidate {
  doc: number;
  articleId: string;
  date: string;
  sentence: number;
  /** Position of the sentence among the article's content sentences (0 = lead). */
  rank: number;
  start: number;
  end: number;
  text: string;
  words: number;
  concepts: string[];
  content: Bag;
}

/**
 * Global settings, chosen on DUC 2006 as a whole (no per-cluster tuning): gain is divided by
 * length^0.8 (slightly favouring longer sentences over pure gain/length), query similarity scales a
 * sentence's gain by up to 1 + 3·cosine, and lead sentences get a small bonus.
 */
const LENGTH_EXPONENT = 0.8;
const QUERY_WEIGHT = 3;
const LEAD_WEIGHT = 0.3;

const TRAILING_ATTRIBUTION =
  /,\s*(?:according to [^,;"“”]{2,60}|(?:[A-Za-z.'’ ]{2,50}\s)?(?:said|says|reported|added)(?: [^,;"“”]{0,50})?)\.$/;

const CONNECTIVE =
  /^(?:but|and|also|however|meanwhile|still|yet|so|in addition|moreover|furthermore|nevertheless|indeed|instead|similarly|likewise|in fact|then|now|thus)\b,?\s+/i;

/** Trims a sentence span to the reportable part: no dateline, no leading connective. */
function trimSpan(text: string, start: number, stop: number, compress: boolean): { start: number; end: number } {
  let s = start;
  let end = stop;
  const sentence = text.slice(start, end);
  s += datelineEnd(sentence);
  const m = text.slice(s, end).match(CONNECTIVE);
  if (m) {
    s += m[0].length;
  }
  while (s < end && /\s/.test(text[s])) s++;
  if (compress) {
    // A closing attribution (", officials said.") carries no content of its own.
    const tail = text.slice(s, end).match(TRAILING_ATTRIBUTION);
    if (tail && tail.index !== undefined && tail.index > 40) end = s + tail.index;
  }
  // Capitalise nothing: the text must stay an exact slice, so a lower-case start is left as is.
  return { start: s, end };
}

/*
 * Stories are re-summarised whenever an article joins them, so the same sentences are analysed again
 * and again; their concepts and content bags depend on the text alone and are memoised (read-only).
 */
const MEMO_LIMIT = 100_000;
const conceptMemo = new Map<string, string[]>();
const bagMemo = new Map<string, Bag>();

function conceptsOf(text: string): string[] {
  let v = conceptMemo.get(text);
  if (v === undefined) {
    v = [...new Set(bigramConcepts(text))];
    if (conceptMemo.size >= MEMO_LIMIT) conceptMemo.clear();
    conceptMemo.set(text, v);
  }
  return v;
}

function contentBag(text: string): Bag {
  let v = bagMemo.get(text);
  if (v === undefined) {
    v = bag(contentStems(text));
    if (bagMemo.size >= MEMO_LIMIT) bagMemo.clear();
    bagMemo.set(text, v);
  }
  return v;
}

function candidates(docs: readonly AnnotatedArticle[], compress: boolean): Candidate[] {
  const out: Candidate[] = [];
  docs.forEach((doc, d) => {
    const text = doc.article.text;
    const title = doc.article.title?.trim();
    let rank = 0;
    const embeds = embedRanges(text);
    for (const s of doc.sentences) {
      if (title && s.text.trim() === title) continue;
      if (isBoilerplate(s.text) || inRanges(embeds, s.start, s.end)) continue;
      const span = trimSpan(text, s.start, s.end, compress);
      const t = text.slice(span.start, span.end);
      const n = wordCount(t);
      const r = rank++;
      if (n < 8 || n > 60) continue;
      if (/\?["'”’]?$/.test(t)) continue;
      // Sentences that are mostly a direct quote read poorly out of context.
      if (/^["“'‘`]/.test(t)) continue;
      if (!/^[A-Z0-9"“]/.test(t)) continue;
      // An opening pronoun has no referent once the sentence is taken out of its article.
      if (/^(He|She|It|They|This|These|Those|His|Her|Its|Their)\b/.test(t)) continue;
      out.push({
        doc: d,
        articleId: doc.article.id,
        // Undated articles go after dated ones.
        date: doc.article.published ?? '9999',
        sentence: s.index,
        rank: r,
        start: span.start,
        end: span.end,
        text: t,
        words: n,
        concepts: conceptsOf(t),
        content: contentBag(t),
      });
    }
  });
  return out;
}

/** Multi-document extractive summary within a word budget; see the module comment for the method. */
export function summarize(docs: readonly AnnotatedArticle[], opts: SummarizeOptions = {}): SummarySentence[] {
  const requested = opts.words ?? 100;
  const budget = Number.isFinite(requested) ? Math.max(0, Math.floor(requested)) : 100;
  if (docs.length === 0 || budget === 0) return [];
  const cands = candidates(docs, opts.compress ?? false);
  if (cands.length === 0) return [];

  // Concept weight: number of articles mentioning it, so content shared across sources counts most.
  const df = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const c of cands) {
    for (const k of c.concepts) {
      if (seen.get(k) === c.doc) continue;
      seen.set(k, c.doc);
      df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  const query = new Set(opts.query ? contentStems(opts.query) : []);
  const minDf = docs.length >= 4 ? 2 : 1;
  const weight = new Map<string, number>();
  for (const [k, n] of df) {
    if (n < minDf) continue;
    const [a, b] = k.split(' ');
    const q = query.has(a) || query.has(b) ? 1 : 0;
    weight.set(k, n * (1 + q));
  }
  // Query relevance and lead position as small sentence-level priors.
  const queryBag = bag([...query]);
  const priors = new Map<Candidate, number>();
  for (const c of cands) {
    const rel = query.size > 0 ? bagCosine(c.content, queryBag) : 0;
    const lead = c.rank === 0 ? 1 : c.rank < 3 ? 0.5 : 0;
    priors.set(c, 1 + QUERY_WEIGHT * rel + LEAD_WEIGHT * lead);
  }
  const prior = (c: Candidate): number => priors.get(c) ?? 1;

  // Lazy greedy (Minoux): a candidate's score only falls as coverage grows, so a stale score is an
  // upper bound and most candidates are never rescored.
  const conceptId = new Map<string, number>();
  const weights: number[] = [];
  const ids = cands.map((c) => {
    const out: number[] = [];
    for (const k of c.concepts) {
      const w = weight.get(k);
      if (w === undefined) continue;
      let id = conceptId.get(k);
      if (id === undefined) {
        id = weights.length;
        conceptId.set(k, id);
        weights.push(w);
      }
      out.push(id);
    }
    return out;
  });
  const covered = new Uint8Array(weights.length);
  const scoreOf = (i: number): number => {
    let gain = 0;
    for (const id of ids[i]) if (!covered[id]) gain += weights[id];
    return gain <= 0 ? 0 : (gain * prior(cands[i])) / Math.pow(cands[i].words, LENGTH_EXPONENT);
  };
  const heap = new MaxHeap();
  cands.forEach((_, i) => {
    const sc = scoreOf(i);
    if (sc > 0) heap.push(i, sc);
  });
  const chosen: Candidate[] = [];
  let used = 0;
  while (heap.size > 0) {
    const i = heap.pop();
    const c = cands[i];
    if (used + c.words > budget) continue;
    const sc = scoreOf(i);
    if (sc <= 0) continue;
    if (heap.size > 0 && sc < heap.topScore()) {
      heap.push(i, sc);
      continue;
    }
    if (chosen.some((x) => bagCosine(x.content, c.content) > 0.5)) continue;
    chosen.push(c);
    used += c.words;
    for (const id of ids[i]) covered[id] = 1;
  }

  chosen.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.doc - b.doc || a.start - b.start));
  const sentenceStems = docs.map((d) => d.sentences.map((x) => contentBag(x.text)));
  return chosen.map((c) => ({ text: c.text, sources: sourcesFor(c, docs, sentenceStems) }));
}

/** The sentence's own span plus the same statement in other articles (near-identical sentences). */
function sourcesFor(c: Candidate, docs: readonly AnnotatedArticle[], sentenceStems: Bag[][]): SourceRef[] {
  const refs: SourceRef[] = [{ articleId: c.articleId, start: c.start, end: c.end }];
  const seenArticles = new Set([c.articleId]);
  docs.forEach((doc, d) => {
    if (seenArticles.has(doc.article.id)) return;
    let bestSim = 0;
    let bestRef: SourceRef | undefined;
    doc.sentences.forEach((s, k) => {
      const sim = bagCosine(c.content, sentenceStems[d][k]);
      if (sim > bestSim) {
        bestSim = sim;
        bestRef = { articleId: doc.article.id, start: s.start, end: s.end };
      }
    });
    if (bestRef && bestSim >= 0.8) {
      refs.push(bestRef);
      seenArticles.add(doc.article.id);
    }
  });
  return refs;
}

/** Max-heap of item indexes by score; ties go to the lower index (earlier candidate). */
class MaxHeap {
  private items: number[] = [];
  private scores: number[] = [];
  get size(): number {
    return this.items.length;
  }
  topScore(): number {
    return this.scores[0];
  }
  private above(a: number, b: number): boolean {
    return this.scores[a] > this.scores[b] || (this.scores[a] === this.scores[b] && this.items[a] < this.items[b]);
  }
  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
  }
  push(item: number, score: number): void {
    this.items.push(item);
    this.scores.push(score);
    let k = this.items.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.above(k, p)) break;
      this.swap(k, p);
      k = p;
    }
  }
  pop(): number {
    const top = this.items[0];
    const lastItem = this.items.pop() as number;
    const lastScore = this.scores.pop() as number;
    if (this.items.length > 0) {
      this.items[0] = lastItem;
      this.scores[0] = lastScore;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < this.items.length && this.above(l, m)) m = l;
        if (r < this.items.length && this.above(r, m)) m = r;
        if (m === k) break;
        this.swap(k, m);
        k = m;
      }
    }
    return top;
  }
}
