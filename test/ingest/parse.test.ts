import { describe, expect, it } from 'vitest';
import {
  contentHash,
  inferOutletFromCredit,
  makeArticle,
  normalizeQuotes,
  parseHeaderDate,
  parseTextFile,
} from '../../src/ingest/parse.js';
import { IngestError } from '../../src/ingest/errors.js';

describe('parseTextFile', () => {
  it('reads a leading "date YYYY-MM-DD" prefix on the same line as the text', () => {
    const { body, meta } = parseTextFile(
      " date 2018-01-01 Time's Up, the group, has called for an inquiry.\n\nSecond paragraph.",
    );
    expect(meta.published).toBe('2018-01-01');
    expect(body.startsWith("Time's Up, the group")).toBe(true);
  });

  it('accepts "date:" with a colon', () => {
    expect(parseTextFile('date: 2020-02-29 Leap day text.').meta.published).toBe('2020-02-29');
  });

  it('reads a header block ended by a blank line', () => {
    const raw =
      'title: Fire at plant\nsource: Valley Courier\nurl: https://x.example/a\ndate: 2024-03-05\n\nBody here.\nMore.';
    const { body, meta } = parseTextFile(raw, 'a.txt');
    expect(meta).toEqual({
      path: 'a.txt',
      title: 'Fire at plant',
      source: 'Valley Courier',
      url: 'https://x.example/a',
      published: '2024-03-05',
    });
    expect(body).toBe('Body here.\nMore.');
  });

  it('treats header-like lines without a following blank line as body', () => {
    const raw = 'title: not really a header\nThe text continues right away.';
    const { body, meta } = parseTextFile(raw);
    expect(meta.title).toBeUndefined();
    expect(body).toBe(raw);
  });

  it('normalises CRLF line ends', () => {
    expect(parseTextFile('title: T\r\n\r\nLine one.\r\nLine two.').body).toBe('Line one.\nLine two.');
  });

  it('rejects impossible and malformed header dates with a clear reason', () => {
    expect(() => parseTextFile('date: 2018-02-30\n\nText.')).toThrow(/no such day/);
    expect(() => parseTextFile('date: yesterday\n\nText.')).toThrow(/expected YYYY-MM-DD/);
    expect(() => parseHeaderDate('0001-01-01')).toThrow(IngestError);
  });

  it('accepts ISO timestamps in headers', () => {
    expect(parseHeaderDate('2019-07-04T10:22:00Z')).toBe('2019-07-04');
  });
});

describe('outlet from credit lines', () => {
  it('finds the outlet in a closing credit line', () => {
    expect(inferOutletFromCredit("Body.\n\nCNN's Elizabeth Joseph contributed to this report from New York.")).toBe(
      'CNN',
    );
    // Written as the outlet writes itself, so it matches the same outlet given in a header.
    expect(inferOutletFromCredit('Body.\n\nThe Harbor Ledger’s Nina Sato contributed reporting.')).toBe(
      'The Harbor Ledger',
    );
  });

  it('ignores possessives that are not credit lines', () => {
    expect(inferOutletFromCredit("Cuomo's announcement came on the heels of a letter.")).toBeUndefined();
  });

  it('marks an outlet taken from the credit line as inferred', () => {
    const a = makeArticle("Text.\n\nCNN's Elizabeth Joseph contributed to this report.", {});
    expect(a.source).toBe('CNN');
    expect(a.sourceInferred).toBe(true);
    const b = makeArticle("Text.\n\nCNN's Elizabeth Joseph contributed to this report.", { source: 'Wire' });
    expect(b.source).toBe('Wire');
    expect(b.sourceInferred).toBeUndefined();
  });
});

describe('article identity', () => {
  it('is the same for the same content whatever the whitespace', () => {
    expect(contentHash('A  text.\n')).toBe(contentHash('A text.'));
    expect(contentHash('A text.')).not.toBe(contentHash('Another text.'));
  });

  it('refuses an empty body', () => {
    expect(() => makeArticle('   \n', {})).toThrow(/no text/);
  });
});

describe('normalizeQuotes', () => {
  it('keeps the length so offsets stay valid', () => {
    const s = '“It’s here,” she said — ‘ok’.';
    const n = normalizeQuotes(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe("\"It's here,\" she said — 'ok'.");
  });
});
