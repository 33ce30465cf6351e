/**
 * Builds an arbitrarily long, realistic article stream from a small annotated corpus. Each pass over the
 * corpus is an "era" of news: its articles get new dates inside the era, and a per-era transformation
 * rewrites every word (names always; other words by default too) with a letter substitution of the same length.
 * Offsets therefore stay valid, annotations are reused without re-analysis, stories keep their real
 * sizes and shapes, and copies from different eras no longer look like the same text.
 */
import { createHash } from 'node:crypto';
import type { AnnotatedArticle, Article, Span } from '../src/model.js';

const DAY = 86_400_000;

function hash32(s: string): number {
  return createHash('md5').update(s).digest().readUInt32LE(0);
}

/** A substitution of the 26 letters, different for every era. */
function alphabet(era: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
  let seed = (era + 1) * 2654435761;
  for (let i = letters.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [letters[i], letters[j]] = [letters[j], letters[i]];
  }
  return letters.join('');
}

export interface Era {
  index: number;
  transformWord: (word: string) => string;
  transform: (text: string) => string;
}

/**
 * The per-era rewriting: names always, other words when their hash says so (about `share` of them; all by
 * default, because shared everyday vocabulary across eras let stories of different eras grow together).
 */
export function era(index: number, share = 1): Era {
  const sub = alphabet(index);
  const cipher = (w: string): string =>
    w.replace(/[A-Za-z]/g, (c) => {
      const lower = c.toLowerCase();
      const mapped = sub[lower.charCodeAt(0) - 97];
      return c === lower ? mapped : mapped.toUpperCase();
    });
  const transformWord = (w: string): string => {
    if (index === 0) return w;
    const name = /^\p{Lu}/u.test(w);
    if (name || hash32(`${index}:${w.toLowerCase()}`) % 1000 < share * 1000) return cipher(w);
    return w;
  };
  const transform = (text: string): string => text.replace(/[A-Za-z]+/g, transformWord);
  return { index, transformWord, transform };
}

function respan<T extends Span>(s: T, text: string): T {
  return { ...s, text: text.slice(s.start, s.end) };
}

function shiftDate(value: string, deltaDays: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + deltaDays * DAY).toISOString().slice(0, 10);
}

/**
 * One article of an era: new text and id, every span re-sliced from the new text (offsets unchanged),
 * names rewritten the same way, the publication date and day-precision time values moved to `published`.
 */
export function variant(doc: AnnotatedArticle, e: Era, published: string): AnnotatedArticle {
  const text = e.transform(doc.article.text);
  const id = createHash('sha256').update(`${e.index}\u0000${text}`).digest('hex').slice(0, 16);
  const delta = doc.article.published
    ? Math.round((Date.parse(published) - Date.parse(doc.article.published)) / DAY)
    : 0;
  return {
    article: {
      ...doc.article,
      id,
      text,
      published,
      publishedInferred: false,
      title: doc.article.title ? e.transform(doc.article.title) : undefined,
    },
    sentences: doc.sentences.map((s) => respan(s, text)),
    tokens: doc.tokens.map((t) => respan(t, text)),
    mentions: doc.mentions.map((m) => respan(m, text)),
    entities: doc.entities.map((x) => ({
      ...x,
      name: e.transform(x.name),
      aliases: x.aliases.map(e.transform),
      roles: x.roles.map(e.transform),
    })),
    quotes: doc.quotes.map((q) => ({
      ...respan(q, text),
      cue: q.cue ? respan(q.cue, text) : undefined,
      speaker: q.speaker
        ? {
            ...q.speaker,
            name: e.transform(q.speaker.name),
            span: q.speaker.span ? respan(q.speaker.span, text) : undefined,
          }
        : null,
    })),
    timexes: doc.timexes.map((t) => ({ ...respan(t, text), value: delta ? shiftDate(t.value, delta) : t.value })),
  };
}

/**
 * The stream's schedule: era after era over the corpus, each era `eraDays` long, the corpus's articles
 * spread over it in their own date order (undated ones last), until `n` items.
 */
function* schedule<T>(
  items: T[],
  dateOf: (x: T) => string | undefined,
  n: number,
  opts: { eraDays?: number; start?: string },
): Generator<{ item: T; era: Era; published: string }> {
  const eraDays = opts.eraDays ?? 60;
  const start = Date.parse(opts.start ?? '2001-01-01');
  const ordered = [...items].sort((a, b) => (dateOf(a) ?? '9999').localeCompare(dateOf(b) ?? '9999'));
  let produced = 0;
  for (let k = 0; produced < n && ordered.length > 0; k++) {
    const e = era(k);
    for (let i = 0; i < ordered.length && produced < n; i++) {
      const day = Math.floor((i / ordered.length) * eraDays);
      yield {
        item: ordered[i],
        era: e,
        published: new Date(start + (k * eraDays + day) * DAY).toISOString().slice(0, 10),
      };
      produced++;
    }
  }
}

/** `n` annotated articles in publication order (see `schedule`), reusing the corpus's annotations. */
export function* resampledStream(
  base: AnnotatedArticle[],
  n: number,
  opts: { eraDays?: number; start?: string } = {},
): Generator<AnnotatedArticle> {
  for (const { item, era: e, published } of schedule(base, (d) => d.article.published, n, opts))
    yield variant(item, e, published);
}

/** Raw articles (text and date only) of the same stream, for benchmarks that analyse them again. */
export function* resampledArticles(
  base: Article[],
  n: number,
  opts: { eraDays?: number; start?: string } = {},
): Generator<Article> {
  for (const { item, era: e, published } of schedule(base, (a) => a.published, n, opts)) {
    const text = e.transform(item.text);
    const id = createHash('sha256').update(`${e.index}\u0000${text}`).digest('hex').slice(0, 16);
    yield {
      ...item,
      id,
      text,
      published,
      publishedInferred: false,
      title: item.title ? e.transform(item.title) : undefined,
    };
  }
}
