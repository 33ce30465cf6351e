import { describe, expect, it } from 'vitest';
import { tokenizeWords, type WordSpan } from '../../src/text/tokenize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { mulberry32 } from '../../src/learn/hash.js';

/** Words, with "+" before a word that continues the previous one's multiword token. */
const words = (text: string): string[] =>
  tokenizeWords(text).map(
    (w, i, all) => (i > 0 && all[i - 1].token === w.token ? '+' : '') + text.slice(w.start, w.end),
  );

/** Surface tokens (multiword tokens joined). */
const tokens = (text: string): string[] => {
  const ws = tokenizeWords(text);
  const out: string[] = [];
  ws.forEach((w, i) => {
    if (i > 0 && ws[i - 1].token === w.token)
      out[out.length - 1] = text.slice(
        ws[i - 1].start - (out[out.length - 1].length - (ws[i - 1].end - ws[i - 1].start)),
        w.end,
      );
    else out.push(text.slice(w.start, w.end));
  });
  return out;
};

function checkSpans(text: string, ws: readonly WordSpan[]): void {
  let prevEnd = 0;
  let prevToken = -1;
  for (const w of ws) {
    expect(Number.isInteger(w.start) && Number.isInteger(w.end)).toBe(true);
    expect(w.start).toBeGreaterThanOrEqual(prevEnd);
    expect(w.end).toBeGreaterThan(w.start);
    expect(w.end).toBeLessThanOrEqual(text.length);
    expect(/\s/.test(text.slice(w.start, w.end))).toBe(false);
    expect(w.token === prevToken || w.token === prevToken + 1).toBe(true);
    // The words of one multiword token are contiguous.
    if (w.token === prevToken) expect(w.start).toBe(prevEnd);
    prevEnd = w.end;
    prevToken = w.token;
  }
}

describe('tokenizeWords', () => {
  it('splits punctuation off and keeps exact offsets', () => {
    const text = 'Gov. Andrew Cuomo (D-N.Y.) said so, and left!';
    expect(words(text)).toEqual([
      'Gov.',
      'Andrew',
      'Cuomo',
      '(',
      'D',
      '-',
      'N.Y.',
      ')',
      'said',
      'so',
      ',',
      'and',
      'left',
      '!',
    ]);
    for (const w of tokenizeWords(text)) expect(text.slice(w.start, w.end).trim()).toBe(text.slice(w.start, w.end));
  });

  it('splits clitics into the words of one multiword token, as UD English EWT does', () => {
    expect(words("I don't, can't, won't. I'm sure it's Cuomo's; they're, we've, I'll, you'd")).toEqual([
      'I',
      'do',
      "+n't",
      ',',
      'ca',
      "+n't",
      ',',
      'wo',
      "+n't",
      '.',
      'I',
      "+'m",
      'sure',
      'it',
      "+'s",
      'Cuomo',
      "+'s",
      ';',
      'they',
      "+'re",
      ',',
      'we',
      "+'ve",
      ',',
      'I',
      "+'ll",
      ',',
      'you',
      "+'d",
    ]);
    expect(words('It isn’t here')).toEqual(['It', 'is', '+n’t', 'here']);
    expect(words('I cannot, gonna, dont, Im')).toEqual([
      'I',
      'can',
      '+not',
      ',',
      'gon',
      '+na',
      ',',
      'do',
      '+nt',
      ',',
      'I',
      '+m',
    ]);
    expect(words("the parents' house")).toEqual(['the', 'parents', "+'", 'house']);
    expect(tokens("don't stop")).toEqual(["don't", 'stop']);
    // Names with apostrophes stay whole.
    expect(words("O'Brien left")).toEqual(["O'Brien", 'left']);
  });

  it('splits hyphens except after prefixes and inside phone numbers', () => {
    expect(words('a 15-year-old well-known co-worker')).toEqual([
      'a',
      '15',
      '-',
      'year',
      '-',
      'old',
      'well',
      '-',
      'known',
      'co-worker',
    ]);
    expect(words('e-mail non-profit mid-August')).toEqual(['e-mail', 'non-profit', 'mid-August']);
    expect(words('won 7-4, call 713-853-3989')).toEqual(['won', '7', '-', '4', ',', 'call', '713-853-3989']);
  });

  it('keeps abbreviations, titles, initials and dotted acronyms with their period', () => {
    expect(words('Sen. J. Doe of the U.S. met Gen. Smith at 6:40 a.m. on Jan. 5, No. 3 at Acme Inc.')).toEqual([
      'Sen.',
      'J.',
      'Doe',
      'of',
      'the',
      'U.S.',
      'met',
      'Gen.',
      'Smith',
      'at',
      '6:40',
      'a.m.',
      'on',
      'Jan.',
      '5',
      ',',
      'No.',
      '3',
      'at',
      'Acme',
      'Inc',
      '.',
    ]);
    expect(words('He said no. Then left.')).toEqual(['He', 'said', 'no', '.', 'Then', 'left', '.']);
  });

  it('keeps numbers and amounts whole and splits currency and percent signs', () => {
    expect(words('$1.2 billion, 1,200 people, 3.5% on 11/28/2000')).toEqual([
      '$',
      '1.2',
      'billion',
      ',',
      '1,200',
      'people',
      ',',
      '3.5',
      '%',
      'on',
      '11/28/2000',
    ]);
  });

  it('keeps URLs, e-mail addresses, handles, tags and emoticons whole', () => {
    expect(words('See https://example.com/a?b=1&c=2. Mail j.doe@example.org, @storyline #news :) ;-)')).toEqual([
      'See',
      'https://example.com/a?b=1&c=2',
      '.',
      'Mail',
      'j.doe@example.org',
      ',',
      '@storyline',
      '#news',
      ':)',
      ';-)',
    ]);
    expect(words('(www.example.com)')).toEqual(['(', 'www.example.com', ')']);
    expect(words('on pic.twitter.com/abc now')).toEqual(['on', 'pic.twitter.com', '/', 'abc', 'now']);
  });

  it('handles quotation marks of every style, dashes, ellipses and bullets', () => {
    expect(words('“Quoted” ‘single’ «guillemets» "plain" \'plain\'')).toEqual([
      '“',
      'Quoted',
      '”',
      '‘',
      'single',
      '’',
      '«',
      'guillemets',
      '»',
      '"',
      'plain',
      '"',
      "'",
      'plain',
      "'",
    ]);
    expect(words('a -- b — c – d... e… • f ?!')).toEqual([
      'a',
      '--',
      'b',
      '—',
      'c',
      '–',
      'd',
      '...',
      'e',
      '…',
      '•',
      'f',
      '?!',
    ]);
  });

  it('keeps LaTeX-style quotes of wire copy as single tokens', () => {
    const t = "He said, ``We won.'' Then ``It's fine,'' and `Yes.' ''";
    const surface = [...new Set(tokenizeWords(t).map((w) => w.token))].map((k) => {
      const ws = tokenizeWords(t).filter((w) => w.token === k);
      return t.slice(ws[0].start, ws[ws.length - 1].end);
    });
    expect(surface).toEqual([
      'He',
      'said',
      ',',
      '``',
      'We',
      'won',
      '.',
      "''",
      'Then',
      '``',
      "It's",
      'fine',
      ',',
      "''",
      'and',
      '`',
      'Yes',
      '.',
      "'",
      "''",
    ]);
  });

  it('keeps a decimal without its leading zero whole', () => {
    const t = 'warming .05 degrees, a .50-caliber rifle ($.99) and 3.5 percent. .NET';
    const words = tokenizeWords(t).map((w) => t.slice(w.start, w.end));
    expect(words).toEqual([
      'warming',
      '.05',
      'degrees',
      ',',
      'a',
      '.50',
      '-',
      'caliber',
      'rifle',
      '(',
      '$',
      '.99',
      ')',
      'and',
      '3.5',
      'percent',
      '.',
      '.',
      'NET',
    ]);
  });

  it('keeps emoji sequences and mixed scripts whole', () => {
    expect(words('ok 👍🏽 👨‍👩‍👧 Привет мир 東京')).toEqual(['ok', '👍🏽', '👨‍👩‍👧', 'Привет', 'мир', '東京']);
  });

  it('survives bad input', () => {
    expect(tokenizeWords('')).toEqual([]);
    expect(tokenizeWords(' \n\t\u00a0\u200b ')).toEqual([]);
    const nasty = [
      '\ud800',
      '\udc00x',
      'a\ud800b',
      '\u0000\u0001\u0007',
      'x'.repeat(10000),
      "''''",
      '-'.repeat(5000),
      '.'.repeat(3000),
      'a@',
      '@',
      'http://',
      ':',
      '1-',
      "a'",
      'www.',
    ];
    for (const t of nasty) checkSpans(t, tokenizeWords(t));
    const long = 'a.b-c'.repeat(2000);
    checkSpans(long, tokenizeWords(long));
  });

  it('gives valid, ordered, non-overlapping, non-blank spans on random input (seeded)', () => {
    const rand = mulberry32(20261203);
    const alphabet = [
      'a',
      'Z',
      'é',
      'я',
      '東',
      '1',
      '0',
      ' ',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '.',
      ',',
      '-',
      '—',
      "'",
      '’',
      '"',
      '“',
      '”',
      '(',
      ')',
      '$',
      '%',
      '@',
      '#',
      ':',
      ';',
      '/',
      '!',
      '?',
      '…',
      '\ud83d\ude00',
      '\ud83c\udffd',
      '\ud83d\udc4d',
      '\ufe0f',
      '\ud800',
      '\udc00',
      '\u200d',
      '\u0301',
      '\u0000',
      'http://',
      'www.',
      "n't",
      "'s",
      'U.S.',
      'Mr.',
      '...',
      ':)',
      '://',
    ];
    for (let round = 0; round < 300; round++) {
      const len = Math.floor(rand() * 120);
      let text = '';
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const ws = tokenizeWords(text);
      checkSpans(text, ws);
      // Every non-space character outside a token is an invisible control.
      const covered = new Uint8Array(text.length);
      for (const w of ws) covered.fill(1, w.start, w.end);
      for (let i = 0; i < text.length; i++) if (!covered[i]) expect(/[\s\p{Cc}\u200b\ufeff]/u.test(text[i])).toBe(true);
      const sents = splitSentences(text, ws);
      let prev = 0;
      for (const s of sents) {
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(s.end).toBeGreaterThan(s.start);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text.trim()).toBe(s.text);
        prev = s.end;
      }
    }
  });

  it('is linear on long lines', () => {
    const text = "The U.S. Sen. J. Doe said it cost $1.2 billion, don't you know? ".repeat(20000);
    const ws = tokenizeWords(text);
    expect(ws.length).toBeGreaterThan(200000);
    expect(text.slice(ws[ws.length - 1].start, ws[ws.length - 1].end)).toBe('?');
  });
});
