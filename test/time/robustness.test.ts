import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../../src/model.js';
import { annotateTime, findTimexes } from '../../src/time/index.js';
import { parseTimeMl } from '../../src/eval/time.js';

const DCT = '2018-01-01';

function doc(text: string, published?: unknown): AnnotatedArticle {
  return {
    article: { id: 'x', text, published: published as string | undefined, publishedInferred: false },
    sentences: [],
    tokens: [],
    mentions: [],
    entities: [],
    quotes: [],
    timexes: [],
  };
}

const datesIn = (text: string, dct?: string): string[] =>
  findTimexes(text, dct)
    .filter((t) => t.type === 'date' || t.type === 'time')
    .map((t) => t.value);

describe('bad input does not invent dates', () => {
  it('rejects impossible calendar dates', () => {
    expect(datesIn('The meeting on February 30 was cancelled.', DCT)).toEqual([]);
    expect(datesIn('It was filed on 2017-02-30.', DCT)).toEqual([]);
    expect(datesIn('Due 13/45/2017 at the latest.', DCT)).toEqual([]);
    // A valid year next to an impossible day keeps only the year.
    expect(datesIn('The meeting on February 30, 2015 was cancelled.', DCT)).toEqual(['2015']);
  });

  it('does not read scores, prices, quantities or phone numbers as dates', () => {
    expect(datesIn('Chelsea won 3-2 on the night.', DCT).filter((v) => /^\d/.test(v))).toEqual([]);
    expect(datesIn('The ticket costs $2015 and the bag 1,999 dollars.', DCT)).toEqual([]);
    expect(datesIn('Call 555-2017 or (212) 555-1998 for details.', DCT)).toEqual([]);
    expect(datesIn('The attacks of 9/11 changed everything.', DCT)).toEqual([]);
    expect(datesIn('The plane carried 2000 people and 1500 tons of cargo.', DCT)).toEqual([]);
    expect(datesIn('Rates rose 2.2015 percent.', DCT)).toEqual([]);
    expect(datesIn('He lives at No. 1984 Main Street.', DCT)).toEqual([]);
  });

  it('keeps years far in the past only with a temporal cue, and never beyond the plausible range', () => {
    expect(datesIn('The castle was built in 1066.', DCT)).toEqual(['1066']);
    expect(datesIn('The army had 1066 soldiers.', DCT)).toEqual([]);
    expect(datesIn('A plan for the year 2500 and 9999 more.', DCT)).toEqual([]);
  });

  it('does not read modal verbs, names or verbs as months and seasons', () => {
    expect(
      findTimexes('The company may sell its unit. Protesters march on city hall. Jan Smith said prices fall.', DCT),
    ).toEqual([]);
    expect(findTimexes('Summer Smith spoke to April Ryan.', DCT)).toEqual([]);
  });

  it('does not read ages as durations', () => {
    expect(findTimexes('The 6-year-old boy and his 52-year-old father, aged 52 years old.', DCT)).toEqual([]);
  });

  it('handles a missing or malformed creation date without crashing or inventing', () => {
    for (const bad of [undefined, '', 'yesterday', '2018-13-45', '2018/01/01', 42, null, '2018-02-30']) {
      const out = annotateTime(doc('He said Monday that sales rose last year and would rise next month.', bad)).timexes;
      const values = out.map((t) => t.value);
      expect(values).toEqual(['XXXX-WXX-1', 'XXXX', 'XXXX-XX']);
      expect(out.every((t) => t.anchor === undefined)).toBe(true);
    }
  });

  it('ignores long runs without whitespace but still finds dates right after a URL', () => {
    expect(findTimexes('9'.repeat(5000) + ' ' + '-'.repeat(5000), DCT)).toEqual([]);
    const text =
      'Here is the audio: https://t.co/zSQbK5NV0cZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ pic.twitter.com/abc October 10, 2017';
    expect(findTimexes(text, DCT).map((t) => t.value)).toEqual(['2017-10-10']);
  });

  it('handles empty and odd text', () => {
    expect(annotateTime(doc('')).timexes).toEqual([]);
    expect(annotateTime(doc(undefined as unknown as string, DCT)).timexes).toEqual([]);
    expect(() => annotateTime(doc('\u0000\uD800 May\n\n\n 2015 ,,, ... last', DCT))).not.toThrow();
  });
});

/** A small deterministic generator, so failures are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FRAGMENTS = [
  'said Monday',
  'on Oct. 10, 2017',
  'last year',
  'in the third-quarter',
  'within 45 days',
  'the day before',
  'at 2:30 p.m. EST',
  'two years ago',
  'every Friday',
  'Dec. 25',
  'this week',
  'the 1990s',
  'fiscal 2015',
  'mid-2016',
  "the '80s",
  'noon',
  'a year earlier',
  '3-2',
  '$2015',
  '9/11',
  'now',
  'recently',
  'the future',
  'the year-ago period',
  'Sunday night',
  'early next year',
  'winter',
  'the following day',
  '“quoted May 5”',
  'é',
  '😀',
  '\n',
  '  ',
  ',',
  '.',
  'and',
  'the',
  'x',
];

function checkInvariant(text: string, dct?: string): void {
  const out = findTimexes(text, dct);
  let last = -1;
  for (const t of out) {
    expect(t.text).toBe(text.slice(t.start, t.end));
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    // Sorted and non-overlapping.
    expect(t.start).toBeGreaterThanOrEqual(last);
    last = t.end;
    expect(t.value.length).toBeGreaterThan(0);
  }
}

describe('offset invariant', () => {
  it('holds over many generated inputs', () => {
    const r = rng(7);
    for (let i = 0; i < 400; i++) {
      const n = 1 + Math.floor(r() * 25);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]);
      const text = parts.join(r() < 0.5 ? ' ' : '');
      checkInvariant(text, r() < 0.8 ? DCT : undefined);
    }
  });

  const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
  const tbDir = path.join(dataRoot, 'time/timebank');
  describe.skipIf(!existsSync(tbDir))('on TimeBank documents', () => {
    it('holds on every document', () => {
      for (const f of readdirSync(tbDir).filter((x) => x.endsWith('.tml'))) {
        const d = parseTimeMl(readFileSync(path.join(tbDir, f), 'utf8'), f);
        checkInvariant(d.text, d.dct);
      }
    });
  });
});
