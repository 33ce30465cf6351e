import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonArraySplitter, readBulkFile, recordToArticle, type BulkRecordResult } from '../../src/ingest/bulk.js';
import { detectInputKind, readInputFile } from '../../src/ingest/files.js';
import { tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function workspace(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

async function collect(gen: AsyncGenerator<BulkRecordResult>): Promise<BulkRecordResult[]> {
  const out: BulkRecordResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

const TEXT = (n: number): string =>
  `Report number ${n}: the Ashby Vale council met on Monday and agreed to repair the old footbridge over the Lind.`;

describe('JSONL', () => {
  it('reads records with default fields and reports bad lines as file:LINE failures', async () => {
    const dir = workspace();
    const file = join(dir, 'a.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          text: TEXT(1),
          title: 'One',
          date: '2024-03-05',
          source: 'Vale Post',
          url: 'https://v.example/1',
        }),
        '{"text": "broken',
        '',
        JSON.stringify({
          body: TEXT(2),
          headline: 'Two',
          published: 'Tue, 05 Mar 2024 10:00:00 GMT',
          publisher: { name: 'Lind Times' },
        }),
        JSON.stringify({ title: 'no text here' }),
        JSON.stringify([1, 2]),
        JSON.stringify({ text: TEXT(3), date: 'not a date' }),
      ].join('\n'),
    );
    const rs = await collect(readBulkFile(file, 'jsonl'));
    const ok = rs
      .filter((r) => r.ok)
      .map((r) => (r as { article: { title?: string; published?: string; source?: string; path?: string } }).article);
    expect(ok.map((a) => [a.title, a.published, a.source])).toEqual([
      ['One', '2024-03-05', 'Vale Post'],
      ['Two', '2024-03-05', 'Lind Times'],
    ]);
    expect(ok[0].path).toBe(`${file}:1`);
    const failed = rs.filter((r) => !r.ok).map((r) => (r as { failure: { path: string; reason: string } }).failure);
    expect(failed.map((f) => f.path)).toEqual([`${file}:2`, `${file}:5`, `${file}:6`, `${file}:7`]);
    expect(failed[0].reason).toMatch(/invalid JSON/);
    expect(failed[1].reason).toMatch(/no text in field .*--text-field/);
    expect(failed[2].reason).toMatch(/not an object/);
    expect(failed[3].reason).toMatch(/unrecognised date "not a date" in field "date"/);
  });

  it('applies a field mapping, including nested fields and HTML text', () => {
    const a = recordToArticle(
      {
        story: '<p>First para.</p><p>Second para of the story.</p>',
        meta: { when: '2023-12-01', outlet: 'Deep Field' },
        name: 'Mapped',
      },
      { textField: 'story', dateField: 'meta.when', sourceField: 'meta.outlet', titleField: 'name', html: true },
      'x.jsonl:1',
    );
    expect(a.text).toBe('First para.\n\nSecond para of the story.');
    expect(a.published).toBe('2023-12-01');
    expect(a.source).toBe('Deep Field');
    expect(a.title).toBe('Mapped');
  });
});

describe('CSV', () => {
  it('streams rows with mapped columns; a malformed row is a failure with its line', async () => {
    const dir = workspace();
    const file = join(dir, 'a.csv');
    writeFileSync(
      file,
      `headline,story,day,paper\n"Bridge","${TEXT(1).replace(/"/g, '""')}",2024-01-02,Vale Post\n"Too",many,columns,here,extra\n"Quote ""test""","Line one\nline two of a quoted, multi-line field",2024-01-03,Lind Times\n"Empty",,2024-01-04,X\n`,
    );
    const rs = await collect(
      readBulkFile(file, 'csv', { textField: 'story', titleField: 'headline', dateField: 'day', sourceField: 'paper' }),
    );
    const ok = rs
      .filter((r) => r.ok)
      .map((r) => (r as { article: { title?: string; text: string; published?: string } }).article);
    expect(ok.map((a) => a.title)).toEqual(['Bridge', 'Quote "test"']);
    expect(ok[1].text).toBe('Line one\nline two of a quoted, multi-line field');
    const failed = rs.filter((r) => !r.ok).map((r) => (r as { failure: { path: string; reason: string } }).failure);
    expect(failed).toHaveLength(2);
    expect(failed[0].path).toBe(`${file}:3`);
    expect(failed[0].reason).toMatch(/bad CSV record/);
    expect(failed[1].reason).toMatch(/no text in field "story"/);
  });
});

describe('JSON arrays', () => {
  it('splits top-level elements across any chunk boundaries, ignoring brackets and commas in strings', () => {
    const doc = JSON.stringify([
      { text: 'a, [b] {c} "q" \\ end' },
      { text: 'two', n: [1, [2, { x: ']' }]] },
      'str,ing',
      42,
      null,
    ]);
    for (const size of [1, 2, 3, 7, 1000]) {
      const s = new JsonArraySplitter();
      const els = [];
      for (let i = 0; i < doc.length; i += size) els.push(...s.push(doc.slice(i, i + size)));
      s.end();
      expect(els.map((e) => JSON.parse(e.text!))).toEqual(JSON.parse(doc));
    }
  });

  it('reports the line of each bad element and keeps the rest', async () => {
    const dir = workspace();
    const file = join(dir, 'a.json');
    writeFileSync(
      file,
      `[\n  {"text": ${JSON.stringify(TEXT(1))}},\n  {"text": nope},\n  {"title": "x"},\n  {"text": ${JSON.stringify(TEXT(2))}, "date": "2024-05-06"}\n]\n`,
    );
    const rs = await collect(readBulkFile(file, 'json'));
    expect(rs.filter((r) => r.ok)).toHaveLength(2);
    const failed = rs.filter((r) => !r.ok).map((r) => (r as { failure: { path: string; reason: string } }).failure);
    expect(failed.map((f) => f.path)).toEqual([`${file}:3`, `${file}:4`]);
    expect(failed[0].reason).toMatch(/invalid JSON in element 2/);
  });

  it('refuses a file that is not an array, an unterminated array, and an oversized element', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'obj.json'), '{"text": "x"}');
    writeFileSync(join(dir, 'open.json'), `[{"text": ${JSON.stringify(TEXT(1))}}, {"text": "unfinished`);
    writeFileSync(join(dir, 'big.json'), `[{"text": "${'x'.repeat(5000)}"}, {"text": ${JSON.stringify(TEXT(2))}}]`);
    const obj = await collect(readBulkFile(join(dir, 'obj.json'), 'json'));
    expect((obj[0] as { failure: { reason: string } }).failure.reason).toMatch(/not a JSON array/);
    const open = await collect(readBulkFile(join(dir, 'open.json'), 'json'));
    expect(open.filter((r) => r.ok)).toHaveLength(1);
    expect((open.at(-1) as { failure: { reason: string } }).failure.reason).toMatch(/not closed/);
    const big = await collect(readBulkFile(join(dir, 'big.json'), 'json', { maxRecordChars: 1000 }));
    expect(big.map((r) => r.ok)).toEqual([false, true]);
    expect((big[0] as { failure: { reason: string } }).failure.reason).toMatch(/over 1000 characters/);
  });
});

describe('input kinds', () => {
  it('detects kinds by extension and content, and reads each through one entry point', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), `title: T\n\n${TEXT(1)}`);
    writeFileSync(join(dir, 'page.txt'), `<!DOCTYPE html><html><body><p>${TEXT(2)}</p></body></html>`);
    writeFileSync(
      join(dir, 'feed.txt'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I</title><description>${TEXT(3)}</description></item></channel></rss>`,
    );
    writeFileSync(
      join(dir, 'jf.json'),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: '1', content_text: TEXT(4) }],
      }),
    );
    writeFileSync(join(dir, 'arr.json'), JSON.stringify([{ text: TEXT(5) }]));
    expect(await detectInputKind(join(dir, 'a.txt'))).toBe('text');
    expect(await detectInputKind(join(dir, 'page.txt'))).toBe('html');
    expect(await detectInputKind(join(dir, 'feed.txt'))).toBe('feed');
    expect(await detectInputKind(join(dir, 'jf.json'))).toBe('feed');
    expect(await detectInputKind(join(dir, 'arr.json'))).toBe('json');
    for (const [name, n] of [
      ['page.txt', 2],
      ['feed.txt', 3],
      ['jf.json', 4],
      ['arr.json', 5],
    ] as const) {
      const rs = [];
      for await (const r of readInputFile(join(dir, name))) rs.push(r);
      expect(rs).toHaveLength(1);
      expect(rs[0].ok && rs[0].article.text).toBe(TEXT(n));
    }
  });
});
