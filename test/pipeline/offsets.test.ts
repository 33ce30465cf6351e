import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { annotateArticle } from '../../src/pipeline.js';
import { makeArticle, parseTextFile } from '../../src/ingest/parse.js';
import type { AnnotatedArticle, Span } from '../../src/model.js';
import { EXAMPLES_DIR, HAVE_EXAMPLES } from '../helpers.js';
import { rng } from '../synthetic.js';

/** Every span any stage produced, with where it came from. */
function allSpans(doc: AnnotatedArticle): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  doc.sentences.forEach((s) => out.push(['sentence', s]));
  doc.tokens.forEach((s) => out.push(['token', s]));
  doc.mentions.forEach((s) => out.push(['mention', s]));
  doc.timexes.forEach((s) => out.push(['timex', s]));
  for (const q of doc.quotes) {
    out.push(['quote', q]);
    if (q.cue) out.push(['cue', q.cue]);
    if (q.speaker?.span) out.push(['speaker', q.speaker.span]);
  }
  return out;
}

function checkInvariant(doc: AnnotatedArticle): void {
  const text = doc.article.text;
  for (const [kind, s] of allSpans(doc)) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end), kind).toBe(true);
    expect(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${kind} ${s.start}-${s.end}`).toBe(true);
    expect(text.slice(s.start, s.end), kind).toBe(s.text);
  }
}

const PIECES = [
  'Gov.',
  'Andrew',
  'Cuomo',
  'said',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  'Monday',
  'last year',
  'on Oct. 6,',
  'the NYPD',
  'Time’s Up',
  '(D-N.Y.)',
  '$10,000',
  '45 days',
  '—',
  '...',
  '.',
  ',',
  '?',
  '!',
  '\n',
  '\n\n',
  'according to',
  'the letter',
  'he',
  'she',
  'told',
  'reporters',
  'Ambra Battilana Gutierrez',
  'in 2015',
  'ÉCOLE',
  'naïve',
  '東京',
  'مرحبا',
  '😀',
  '👩‍👩‍👧',
  'a'.repeat(300),
  '  ',
  '\t',
  'U.S.',
  'Mr.',
  'Weinstein',
  'added that',
  ':',
  'called it "disturbing"',
  '9/11',
  '3-2',
  'February 30',
];

describe('offset invariant', () => {
  it('holds for every span over many generated inputs', () => {
    const random = rng(20180101);
    for (let n = 0; n < 300; n++) {
      const len = 1 + Math.floor(random() * 60);
      const parts: string[] = [];
      for (let i = 0; i < len; i++) parts.push(PIECES[Math.floor(random() * PIECES.length)]);
      const text = parts.join(random() < 0.8 ? ' ' : '');
      if (text.trim() === '') continue;
      const doc = annotateArticle(makeArticle(text.trim(), { published: random() < 0.5 ? '2018-01-01' : undefined }));
      checkInvariant(doc);
    }
  });

  it.skipIf(!HAVE_EXAMPLES)('holds on the example articles', () => {
    for (const f of readdirSync(EXAMPLES_DIR)) {
      const { body, meta } = parseTextFile(readFileSync(join(EXAMPLES_DIR, f), 'utf8'), f);
      checkInvariant(annotateArticle(makeArticle(body, meta)));
    }
  });

  it('holds on the bundled demo corpus', () => {
    const dir = resolve('examples');
    if (!existsSync(dir)) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const { body, meta } = parseTextFile(readFileSync(join(dir, f), 'utf8'), f);
      checkInvariant(annotateArticle(makeArticle(body, meta)));
    }
  });
});
