import type { AnnotatedArticle, LinkedExcerpt, LinkedStatement } from '../model.js';

export type { LinkedExcerpt, LinkedStatement } from '../model.js';
import { normalizeQuotes } from './marks.js';

const STOP = new Set(
  'a an the and or but if of to in on at for with by from as is are was were be been being it its this that these those i we you he she they them his her their our my me us not no do does did have has had will would can could should may might must shall than then so such there here what which who whom whose when where why how all any each every some about into over under after before again further once also just very too only own same out up down off more most other'.split(
    ' ',
  ),
);

/** Content words of a text, lower-cased, with quote marks and punctuation normalised away. */
export function contentWords(s: string): string[] {
  return normalizeQuotes(s)
    .toLowerCase()
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

/** Minimum shared content words for two excerpts to be one statement, and the overlap of the smaller one. */
const MIN_SHARED = 4;
const MIN_OVERLAP = 0.6;

/** Two excerpts are one statement when they share enough words and most of the shorter one's words. */
export function sameStatement(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const small = Math.min(a.size, b.size);
  return small > 0 && shared >= MIN_SHARED && shared / small >= MIN_OVERLAP;
}

/**
 * Pairs of word sets that may be one statement (smaller index first; a pair of equal-sized sets may come
 * twice). Prefix filtering keeps this near-linear for stories with thousands of quotes: if the smaller set
 * A shares at least MIN_OVERLAP of its words with B, then any |A| − ⌈MIN_OVERLAP·|A|⌉ + 1 of A's words
 * include a shared one, so A only needs to look up its rarest words of that many. Every pair that `sameStatement` accepts is
 * among the candidates; comparing all pairs sharing any word was quadratic in the story's size.
 */
export function candidatePairs(sets: readonly Set<string>[]): Array<[number, number]> {
  const postings = new Map<string, number[]>();
  sets.forEach((ws, i) => {
    for (const w of ws) {
      const l = postings.get(w);
      if (l) l.push(i);
      else postings.set(w, [i]);
    }
  });
  const rarity = (w: string): number => postings.get(w)?.length ?? 0;
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  sets.forEach((ws, i) => {
    const size = ws.size;
    if (size === 0) return;
    const prefix = size - Math.ceil(MIN_OVERLAP * size) + 1;
    const words = [...ws].sort((x, y) => rarity(x) - rarity(y) || (x < y ? -1 : x > y ? 1 : 0)).slice(0, prefix);
    seen.clear();
    for (const w of words) {
      for (const j of postings.get(w) ?? []) {
        // Probe from the smaller set of each pair (either one when they are the same size).
        if (j === i || sets[j].size < size || seen.has(j)) continue;
        seen.add(j);
        pairs.push(i < j ? [i, j] : [j, i]);
      }
    }
  });
  return pairs;
}

/**
 * Links the same statement quoted by several articles: excerpts from different articles whose content
 * words overlap strongly (most of the shorter excerpt's words are in the longer one) join one statement.
 */
export function linkQuotes(docs: AnnotatedArticle[]): LinkedStatement[] {
  const items: Array<{ ex: LinkedExcerpt; words: Set<string> }> = [];
  for (const d of docs) {
    d.quotes.forEach((q, i) => {
      const words = new Set(contentWords(q.text));
      if (words.size < MIN_SHARED) return;
      items.push({
        ex: {
          articleId: d.article.id,
          quote: i,
          start: q.start,
          end: q.end,
          text: q.text,
          kind: q.kind,
          speaker: q.speaker?.name ?? null,
        },
        words,
      });
    });
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [i, j] of candidatePairs(items.map((it) => it.words))) {
    if (items[j].ex.articleId === items[i].ex.articleId) continue;
    if (sameStatement(items[i].words, items[j].words)) parent[find(j)] = find(i);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const out: LinkedStatement[] = [];
  for (const members of groups.values()) {
    const excerpts = members.map((i) => items[i].ex);
    const articles = new Set(excerpts.map((e) => e.articleId)).size;
    if (articles < 2) continue;
    const speakers = new Map<string, number>();
    for (const e of excerpts) if (e.speaker) speakers.set(e.speaker, (speakers.get(e.speaker) ?? 0) + 1);
    const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const direct = excerpts.filter((e) => e.kind === 'direct');
    const rep = [...(direct.length ? direct : excerpts)].sort((a, b) => b.text.length - a.text.length)[0];
    const norm = (s: string): string => contentWords(s).join(' ');
    let wordingDiffers = false;
    for (let a = 0; a < excerpts.length && !wordingDiffers; a++) {
      for (let b = a + 1; b < excerpts.length; b++) {
        const x = excerpts[a];
        const y = excerpts[b];
        if (x.articleId === y.articleId || x.kind === 'indirect' || y.kind === 'indirect') continue;
        if (!x.speaker || x.speaker !== y.speaker) continue;
        const nx = norm(x.text);
        const ny = norm(y.text);
        // A shorter excerpt of the same words is not a different wording.
        if (nx !== ny && !nx.includes(ny) && !ny.includes(nx)) {
          wordingDiffers = true;
          break;
        }
      }
    }
    out.push({ id: `s${out.length + 1}`, speaker, text: rep.text, excerpts, articles, wordingDiffers });
  }
  return out;
}
