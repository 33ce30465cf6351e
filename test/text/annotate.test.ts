import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model.js';
import { annotateText, joinHyphenated } from '../../src/text/annotate.js';
import { annotateSyntax } from '../../src/text/parse.js';
import { mulberry32 } from '../../src/learn/hash.js';

const article = (text: string): Article => ({ id: 'a', text, publishedInferred: false });

/** Runs the text and syntax stages and checks every span and tree. */
function checkAll(text: string): void {
  const doc = annotateSyntax(annotateText(article(text)));
  let last = 0;
  for (const t of doc.tokens) {
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.text.trim()).toBe(t.text);
    expect(t.upos).toBeTruthy();
    expect(t.deprel).toBeTruthy();
    if (t.head !== -1) expect(doc.tokens[t.head!].sentence).toBe(t.sentence);
    last = t.end;
  }
  for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('the text and syntax stages on bad input', () => {
  it('handle empty and blank text', () => {
    expect(annotateText(article('')).tokens).toEqual([]);
    expect(annotateSyntax(annotateText(article(' \n\t '))).tokens).toEqual([]);
  });

  it('handle binary garbage, lone surrogates, mixed scripts and a 10,000-character token', () => {
    const rand = mulberry32(5);
    const garbage = Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(rand() * 0xffff))).join('');
    checkAll(garbage);
    checkAll('\ud800 said \udc00 the "mayor\ud83d" — 東京 said Москва; مرحبا said 😀😀.');
    checkAll(`He wrote ${'x'.repeat(10_000)} and ${'ab-'.repeat(3000)} said.`);
  });

  it('handle one long line without a sentence end', () => {
    const words = ['the', 'council', 'said', 'Smith', ',', '1,200', 'and', 'voted', 'on', 'Tuesday'];
    const rand = mulberry32(9);
    const text = Array.from({ length: 100_000 }, () => words[Math.floor(rand() * words.length)]).join(' ');
    checkAll(text);
  });
});

describe('joinHyphenated', () => {
  it('gives readers hyphenated names and compounds whole, with exact offsets', () => {
    const text = 'Maria Okonkwo-Reyes, a well-known critic, said the vote was 7-4 - a surprise.';
    const doc = annotateText(article(text));
    expect(doc.tokens.map((t) => t.text)).toContain('Okonkwo');
    const joined = joinHyphenated(doc.tokens, text);
    const words = joined.map((t) => t.text);
    expect(words).toContain('Okonkwo-Reyes');
    expect(words).toContain('well-known');
    expect(words).toContain('7-4');
    // A spaced dash stays a dash.
    expect(words).toContain('-');
    for (const t of joined) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(joined.find((t) => t.text === 'Okonkwo-Reyes')?.upos).toBe('PROPN');
    expect(joined.map((t) => t.index)).toEqual(joined.map((_, i) => i));
  });
});
