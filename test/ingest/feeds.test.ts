import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeFeedBytes,
  feedArticles,
  looksLikeFeed,
  parseFeedText,
  type FeedItemResult,
} from '../../src/ingest/feeds.js';
import { IngestError } from '../../src/ingest/errors.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const load = (name: string): string => decodeFeedBytes(readFileSync(join(FIXTURES, name)));

async function collect(gen: AsyncGenerator<FeedItemResult>): Promise<FeedItemResult[]> {
  const out: FeedItemResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('feed files', () => {
  it('reads RSS 2.0 with content:encoded as block text, and drops a duplicate body under another GUID', async () => {
    const feed = parseFeedText(load('rss2.xml'));
    expect(feed.format).toBe('rss');
    expect(feed.items).toHaveLength(3);
    const rs = await collect(feedArticles(feed, 'rss2.xml'));
    const arts = rs
      .filter((r) => r.ok)
      .map(
        (r) =>
          (r as { article: { text: string; title?: string; published?: string; source?: string; url?: string } })
            .article,
      );
    expect(arts).toHaveLength(2);
    expect(arts[0].text).toBe(
      'The Kestrel Bay harbour authority voted five to two on Tuesday night to build a second ferry terminal on the eastern quay.\n\nHarbour master Ilse Brandvold said the existing pier could no longer cope with summer crowds.',
    );
    expect(arts[0]).toMatchObject({
      title: 'Harbour authority approves second ferry terminal',
      published: '2026-03-04',
      source: 'The Kestrel Bay Herald',
      url: 'https://kestrelbayherald.example/2026/03/ferry-terminal',
    });
    expect(arts[1].text).toContain('Weekdays: 23:40\n\nSundays: 22:10');
    expect(arts[1].published).toBe('2026-03-05');
  });

  it('reads Atom html and text content', async () => {
    const feed = parseFeedText(load('atom.xml'));
    expect(feed.format).toBe('atom');
    const arts = (await collect(feedArticles(feed, 'atom.xml'))).map((r) => (r.ok ? r.article : undefined));
    expect(arts[0]?.text).toBe(
      'Police have closed the coast road between Vigra and Halsen after several trees fell across it.\n\nDrivers are asked to stay at home until the wind drops.',
    );
    expect(arts[0]?.published).toBe('2026-02-09');
    expect(arts[0]?.url).toBe('https://northline.example/2026/02/storm-orla-road');
    expect(arts[1]?.text).toMatch(/^All ferries/);
  });

  it('reads JSON Feed content_html and content_text', async () => {
    const feed = parseFeedText(load('feed.json'));
    expect(feed.format).toBe('json');
    const arts = (await collect(feedArticles(feed, 'feed.json'))).map((r) => (r.ok ? r.article : undefined));
    expect(arts.map((a) => a?.published)).toEqual(['2025-08-21', '2025-08-22']);
    expect(arts[0]?.text.split('\n\n')).toHaveLength(2);
    expect(arts[1]?.source).toBe('Valley Ledger');
  });

  it('reads an RDF feed declared ISO-8859-1, using the description when nothing else is there', async () => {
    const feed = parseFeedText(load('rdf.rdf'));
    expect(feed.format).toBe('rdf');
    const rs = await collect(feedArticles(feed, 'rdf.rdf'));
    expect(rs[0].ok && rs[0].article.text).toMatch(/^Café owners in the old town/);
    expect(rs[0].ok && rs[0].article.title).toBe('Café owners protest new terrace fees');
    expect(rs[0].ok && rs[0].article.published).toBe('2025-07-03');
  });

  it('recognises feeds by content', () => {
    expect(looksLikeFeed(load('rss2.xml'))).toBe(true);
    expect(looksLikeFeed(load('atom.xml'))).toBe(true);
    expect(looksLikeFeed(load('feed.json'))).toBe(true);
    expect(looksLikeFeed('<!doctype html><html></html>')).toBe(false);
    expect(looksLikeFeed('{"text": "x"}')).toBe(false);
  });

  it('skips items already seen (by GUID or URL) and reports link-only items when fetching is off', async () => {
    const feed = parseFeedText(`<rss version="2.0"><channel><title>L</title>
      <item><title>Old</title><guid>g-old</guid><description>Seen before.</description></item>
      <item><title>Link only</title><link>https://example.invalid/a</link></item></channel></rss>`);
    const rs = await collect(feedArticles(feed, 'f.xml', { seen: new Set(['g-old']) }));
    expect(rs).toHaveLength(1);
    expect(rs[0].ok).toBe(false);
    expect(!rs[0].ok && rs[0].failure.path).toBe('f.xml item 2 (https://example.invalid/a)');
    expect(!rs[0].ok && rs[0].failure.reason).toMatch(/only a link/);
  });

  it('handles a feed of 10,000 items', async () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Item ${i}</title><guid>id-${i}</guid><description>Notice ${i}: the ferry to island ${i % 97} leaves at ${i % 24}:00 today.</description></item>`,
    ).join('');
    const feed = parseFeedText(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`,
    );
    expect(feed.items).toHaveLength(10_000);
    let ok = 0;
    for await (const r of feedArticles(feed, 'big.xml')) if (r.ok) ok++;
    expect(ok).toBe(10_000);
  });

  it('gives a clear error for malformed XML and for documents that are not feeds', () => {
    expect(() => parseFeedText('<rss version="2.0"><channel><title>Broken</ti')).toThrow(IngestError);
    expect(() => parseFeedText('<html><body>no feed</body></html>')).toThrow(/not a feed/);
    expect(() => parseFeedText('')).toThrow(IngestError);
  });
});
