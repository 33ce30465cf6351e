import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  feedArticles,
  parseFeedChunks,
  parseFeedText,
  readFeedChunks,
  type FeedItemResult,
} from '../../src/ingest/feeds.js';
import { readInputFile } from '../../src/ingest/files.js';
import type { Article } from '../../src/model.js';

/** An invented RSS feed of `n` items; item 7's HTML quotes the tags that delimit items. */
function rss(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const extra = i === 7 ? ' The template reads <code>&lt;/item&gt;</code> and </item> <item> in raw form.' : '';
    items.push(
      `<item><title>Item ${i}: the Wexbury ferry timetable</title><link>https://example.org/a/${i}</link>` +
        `<guid>https://example.org/a/${i}</guid><pubDate>Mon, 05 Jan 2026 10:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>` +
        `<content:encoded><![CDATA[<p>Report ${i}: the Wexbury council changed the ferry timetable for the ${i}th time.${extra}</p>]]></content:encoded></item>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
    '<channel><title>Wexbury Courier</title><link>https://example.org/</link><description>Invented</description>\n' +
    items.join('\n') +
    '\n</channel></rss>\n'
  );
}

function atom(n: number): string {
  const entries: string[] = [];
  for (let i = 0; i < n; i++)
    entries.push(
      `<entry><id>urn:x:${i}</id><title>Entry ${i}</title><updated>2026-01-05T10:00:00Z</updated>` +
        `<link href="https://example.org/e/${i}"/><content type="html">&lt;p&gt;Entry ${i} about the Castlemere port.&lt;/p&gt;</content></entry>`,
    );
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Castlemere Log</title><id>urn:x</id>${entries.join('')}</feed>`;
}

async function collect(gen: AsyncGenerator<FeedItemResult>): Promise<FeedItemResult[]> {
  const out: FeedItemResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('feeds parsed a chunk of items at a time', () => {
  it('gives the same items in the same order as parsing the whole feed (RSS, with tags inside CDATA)', () => {
    const text = rss(450);
    const whole = parseFeedText(text);
    const chunks = [...parseFeedChunks(text, 100)];
    expect(chunks.map((c) => c.items.length)).toEqual([100, 100, 100, 100, 50]);
    expect(chunks.flatMap((c) => c.items)).toEqual(whole.items);
    for (const c of chunks) expect([c.format, c.title, c.link]).toEqual([whole.format, whole.title, whole.link]);
    expect(whole.items[7].html).toContain('</item> <item>');
  });

  it('chunks Atom entries too, and parses small or JSON feeds whole', () => {
    const text = atom(250);
    const chunks = [...parseFeedChunks(text, 100)];
    expect(chunks).toHaveLength(3);
    expect(chunks.flatMap((c) => c.items)).toEqual(parseFeedText(text).items);
    expect([...parseFeedChunks(rss(20), 100)]).toHaveLength(1);
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [{ id: '1', content_text: 'A line about Dunvale.' }],
    });
    expect([...parseFeedChunks(json, 100)]).toHaveLength(1);
  });

  it('turns every item of a chunked feed into an article, in order, numbering items across chunks', async () => {
    const text = rss(450);
    const chunked = await collect(feedArticles(readFeedChunks(text, 100), 'feed.xml'));
    const whole = await collect(feedArticles(parseFeedText(text), 'feed.xml'));
    expect(chunked).toEqual(whole);
    expect(chunked).toHaveLength(450);
    expect(chunked.map((r) => (r.ok ? r.article.url : undefined))).toEqual(
      Array.from({ length: 450 }, (_, i) => `https://example.org/a/${i}`),
    );
  });

  it('reads a large feed file item by item: all items, in document order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyline-feed-'));
    try {
      const path = join(dir, 'big.xml');
      writeFileSync(path, rss(1200));
      const articles: Article[] = [];
      for await (const r of readInputFile(path)) {
        expect(r.ok).toBe(true);
        if (r.ok) articles.push(r.article);
      }
      expect(articles).toHaveLength(1200);
      expect(articles.map((a) => a.title)).toEqual(
        Array.from({ length: 1200 }, (_, i) => `Item ${i}: the Wexbury ferry timetable`),
      );
      expect(articles.every((a) => a.source === 'Wexbury Courier')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a text that is not a feed where it is read, as before', () => {
    expect(() => readFeedChunks('<html><body>no feed</body></html>')).toThrow(/not a feed|malformed/);
  });
});
