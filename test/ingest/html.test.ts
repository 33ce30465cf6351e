import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeHtmlBytes,
  extractHtml,
  extractHtmlBytes,
  htmlArticle,
  normalizeDate,
  stripSiteSuffix,
} from '../../src/ingest/html.js';
import { IngestError } from '../../src/ingest/errors.js';
import { runHtmlEval, tokenF1 } from '../../src/eval/html.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'html');
const names = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.html'))
  .map((n) => n.replace(/\.html$/, ''));

const para = (n: number): string =>
  `Paragraph ${n} tells how the council in Ashby Vale debated the new library budget for a long evening, with residents speaking for and against the plan in turn.`;

describe('HTML extraction on saved pages', () => {
  it('has at least 20 fixtures, each with expected text and metadata', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const n of names) {
      expect(readFileSync(join(FIXTURES, `${n}.expected.txt`), 'utf8').length).toBeGreaterThan(100);
      expect(JSON.parse(readFileSync(join(FIXTURES, `${n}.meta.json`), 'utf8'))).toHaveProperty('title');
    }
  });

  it.each(names)('%s: body keeps the paragraphs and leaves out page furniture', (name) => {
    const x = extractHtmlBytes(readFileSync(join(FIXTURES, `${name}.html`)));
    const expected = readFileSync(join(FIXTURES, `${name}.expected.txt`), 'utf8').trim();
    // Every expected paragraph is present as a block of its own.
    const blocks = new Set(x.text.split('\n\n').map((b) => b.replace(/\s+/g, ' ').trim()));
    const missing = expected.split('\n\n').filter((p) => !blocks.has(p.replace(/\s+/g, ' ').trim()));
    expect(missing).toEqual([]);
    expect(x.text).not.toMatch(
      /Related stories|Most read|Share on Facebook|Sign up for our free newsletter|We use cookies|Post comment|Privacy policy|Advertisement|Photograph: Chronicle staff/,
    );
    const meta = JSON.parse(readFileSync(join(FIXTURES, `${name}.meta.json`), 'utf8')) as Record<string, string>;
    expect({ title: x.title, outlet: x.outlet, date: x.published, url: x.url }).toEqual(meta);
  });

  it('offsets of the article refer to the extracted text', () => {
    const x = extractHtmlBytes(readFileSync(join(FIXTURES, 'news-nav-sidebar.html')));
    const a = htmlArticle(x, 'news-nav-sidebar.html');
    expect(a.text).toBe(x.text);
    expect(a.source).toBe('The Kestrel Bay Herald');
    expect(a.published).toBe('2026-03-04');
    expect(a.path).toBe('news-nav-sidebar.html');
  });

  it('the evaluation scores the fixtures and reports metadata accuracy', async () => {
    const r = await runHtmlEval(FIXTURES);
    expect(r.pages.length).toBe(names.length);
    expect(r.pages.every((p) => p.error === undefined)).toBe(true);
    expect(tokenF1('a b c', 'a b c').f1).toBe(1);
    expect(tokenF1('a b', 'a b c d').recall).toBe(0.5);
  });
});

describe('HTML metadata', () => {
  it('takes the date from JSON-LD inside @graph when no meta tag has it', () => {
    const html = `<html><head><title>Home</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Foo"},{"@type":"NewsArticle","headline":"Graph headline","datePublished":"2024-11-05T23:30:00-05:00","publisher":{"@type":"Organization","name":"Graph Times"}}]}</script></head><body><article>${[1, 2, 3].map((n) => `<p>${para(n)}</p>`).join('')}</article></body></html>`;
    const x = extractHtml(html, { pageUrl: 'https://www.graphtimes.example/a?utm=1' });
    expect(x.title).toBe('Graph headline');
    expect(x.published).toBe('2024-11-05');
    expect(x.outlet).toBe('Graph Times');
    expect(x.url).toBe('https://www.graphtimes.example/a?utm=1');
  });

  it('falls back to the domain for the outlet and to the <title> without the site suffix', () => {
    const x = extractHtml(
      `<html><head><title>Bridge vote delayed again - riverside.example</title></head><body>${[1, 2, 3].map((n) => `<p>${para(n)}</p>`).join('')}</body></html>`,
      {
        pageUrl: 'https://www.riverside.example/news/1',
      },
    );
    expect(x.outlet).toBe('riverside.example');
    expect(x.title).toBe('Bridge vote delayed again');
    expect(stripSiteSuffix('Council backs bridge | The Courier', 'The Courier')).toBe('Council backs bridge');
  });

  it('ignores broken JSON-LD and still reads the page', () => {
    const x = extractHtml(
      `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta name="pubdate" content="20240307"></head><body><h1>Fallback title</h1>${[1, 2].map((n) => `<p>${para(n)}</p>`).join('')}</body></html>`,
    );
    expect(x.title).toBe('Fallback title');
    expect(x.published).toBe('2024-03-07');
  });

  it('normalises dates in web formats', () => {
    expect(normalizeDate('2024-03-05T10:00:00Z')).toBe('2024-03-05');
    expect(normalizeDate('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05');
    expect(normalizeDate('March 5, 2024')).toBe('2024-03-05');
    expect(normalizeDate('5 March 2024')).toBe('2024-03-05');
    expect(normalizeDate('2024-02-30')).toBeUndefined();
    expect(normalizeDate('yesterday')).toBeUndefined();
  });
});

describe('HTML text blocks', () => {
  it('puts a blank line between paragraphs, headings, list items and quotes, and joins table cells', () => {
    const html = `<div><h2>Heading</h2><p>One <b>bold</b>\n  word.</p><ul><li>First</li><li>Second</li></ul><blockquote>Quoted</blockquote><table><tr><td>a</td><td>b</td></tr></table><p>Line<br>break</p></div>`;
    const x = extractHtml(`<html><body>${html}</body></html>`);
    expect(x.text).toBe('Heading\n\nOne bold word.\n\nFirst\n\nSecond\n\nQuoted\n\na | b\n\nLine\nbreak');
  });

  it('reads malformed HTML (unclosed tags, stray end tags) without failing', () => {
    const x = extractHtml(`<html><body><div><p>${para(1)}<p>${para(2)}</div></span></b><p>${para(3)}`);
    expect(x.text.split('\n\n')).toHaveLength(3);
    expect(x.text).toContain('Paragraph 3');
  });

  it('refuses a page without any text', () => {
    expect(() => extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>')).toThrow(IngestError);
    expect(() => extractHtmlBytes(new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('HTML charsets', () => {
  const page = (charsetTag: string, word: string): string =>
    `<html><head>${charsetTag}<title>T</title></head><body><p>Le ${word} de la Fontaine a ouvert ses portes en 1921 et sert depuis cent ans le meilleur chocolat chaud de la vieille ville, selon ses clients fidèles.</p></body></html>`;

  it('reads a Latin-1 page declared as UTF-8', () => {
    const bytes = Buffer.from(page('<meta charset="utf-8">', 'Café'), 'latin1');
    expect(extractHtmlBytes(bytes).text).toContain('Le Café de la Fontaine');
  });

  it('reads a UTF-8 page declared as Latin-1 (in the header and in the page)', () => {
    const bytes = Buffer.from(page('<meta charset="iso-8859-1">', 'Café'), 'utf8');
    expect(extractHtmlBytes(bytes).text).toContain('Le Café de la Fontaine');
    expect(extractHtmlBytes(bytes, { headerCharset: 'ISO-8859-1' }).text).toContain('Le Café');
  });

  it('reads a Latin-1 page without any charset, and honours a BOM over the declaration', () => {
    expect(extractHtmlBytes(Buffer.from(page('', 'Café'), 'latin1')).text).toContain('Le Café');
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(page('<meta charset="windows-1252">', 'Café'), 'utf8'),
    ]);
    expect(extractHtmlBytes(bom).text).toContain('Le Café');
  });

  it('prefers the HTTP header charset to the meta tag when both are plausible', () => {
    const bytes = Buffer.from(page('<meta charset="utf-8">', 'Caf\u00e9'), 'latin1');
    expect(decodeHtmlBytes(bytes, 'windows-1252').text).toContain('Café');
  });
});
