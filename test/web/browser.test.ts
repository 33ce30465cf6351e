import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle } from '../../src/ingest/parse.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { exampleArticles, exampleStore } from '../server/fixture.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WEB = path.resolve('web');
const DIST = path.join(WEB, 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, f.name);
    t = Math.max(t, f.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the web app when web/dist is missing or older than its sources. */
async function ensureBuilt(): Promise<void> {
  const index = path.join(DIST, 'index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'error' });
}

describe.skipIf(!existsSync(CHROMIUM))('web app in Chromium', () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let fireId: string;

  beforeAll(async () => {
    await ensureBuilt();
    store = await exampleStore();
    server = await startServer({ store, port: 0, webRoot: DIST });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    fireId = (await store.storyOf(exampleArticles()[0].id))!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(server.url + url);
    return { page, errors };
  }

  it('serves the app with caching and security headers', async () => {
    const html = await fetch(`${server.url}/story/anything`);
    expect(html.status).toBe(200);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const body = await html.text();
    expect(body).not.toMatch(/<script>(?!<)/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(server.url + asset);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('opens the story and shows the exact cited passage, by mouse and by keyboard', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('link', { name: /Fire at Larkhollow/ }).click();
    await page.waitForSelector('.brief .cite');
    const story = (await (await fetch(`${server.url}/api/stories/${fireId}`)).json()) as {
      stories: Array<{
        summary: Array<{ sources: Array<{ articleId: string; start: number; end: number }> }>;
        quotes: Array<{ kind: string; text: string }>;
      }>;
      articles: Array<{ id: string; text: string }>;
    };
    // Reported speech is shown as reported speech, never inside quotation marks.
    const quoted = await page.locator('.quote-group q').allTextContents();
    const reported = story.stories[0].quotes.filter((q) => q.kind === 'indirect').map((q) => q.text);
    expect(quoted.some((t) => reported.includes(t))).toBe(false);
    expect(await page.locator('.quote-group .reported').count()).toBeGreaterThan(0);
    const src = story.stories[0].summary[1].sources[0];
    const expected = story.articles.find((a) => a.id === src.articleId)!.text.slice(src.start, src.end);

    const cites = page.locator('.brief .cite');
    const firstOfSecond = story.stories[0].summary[0].sources.length;
    await cites.nth(firstOfSecond).click();
    const mark = page.locator('.panel mark.cited');
    await expect.poll(() => mark.textContent()).toBe(expected);
    expect(await mark.isVisible()).toBe(true);
    await expect
      .poll(() =>
        mark.evaluate(
          (m) => m.getBoundingClientRect().top >= 0 && m.getBoundingClientRect().bottom <= window.innerHeight,
        ),
      )
      .toBe(true);

    await page.getByRole('button', { name: 'Close the source passage' }).click();
    await expect.poll(() => page.locator('.panel mark.cited').count()).toBe(0);
    await cites.first().focus();
    await page.keyboard.press('Enter');
    const firstSrc = story.stories[0].summary[0].sources[0];
    const firstText = story.articles.find((a) => a.id === firstSrc.articleId)!.text.slice(firstSrc.start, firstSrc.end);
    await expect.poll(() => page.locator('.panel mark.cited').textContent()).toBe(firstText);
    // Focus moves once the panel has painted; wait for it rather than racing the effect.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cited'))).toBe(true);

    // The article page highlights the same passage from the offsets in the link.
    await page.locator('.panel a', { hasText: 'Read the whole article' }).click();
    await page.waitForSelector('.article .text');
    expect(
      await page
        .locator('.article mark.cited')
        .allTextContents()
        .then((t) => t.join('')),
    ).toBe(firstText);
    expect(await page.locator('.article .quote').count()).toBeGreaterThan(0);
    await page.locator('.article .quote').first().focus();
    expect(await page.locator('.article .quote:focus .tip').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells a returning reader what is new since the last visit, cited, and only once', async () => {
    const { page, errors } = await open('/');
    // The reader last saw the story when its newest report was from the first day.
    await page.evaluate((id) => localStorage.setItem(`storyline.seen.${id}`, '2026-10-06'), fireId);
    await page.goto(`${server.url}/story/${fireId}`);
    const box = page.locator('.whats-new');
    await box.waitFor();
    expect(await box.locator('h2').textContent()).toContain('reports after 2026-10-06');
    const sentences = await box.locator('.sentence').count();
    expect(sentences).toBeGreaterThan(0);
    expect(sentences).toBeLessThanOrEqual(3);
    await box.locator('.cite').first().click();
    await expect.poll(() => page.locator('.panel mark.cited').count()).toBe(1);
    // The visit is remembered: the next one has nothing new to say.
    await page.reload();
    await page.waitForSelector('.brief .cite');
    expect(await page.locator('.whats-new').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leads the comparison with where outlets disagree: each side in its own words, the figure marked and cited', async () => {
    const doc = (await (await fetch(`${server.url}/api/stories/${fireId}`)).json()) as {
      stories: Array<{
        conflicts?: Array<{
          sides: Array<{
            outlet: string;
            articleId: string;
            published?: string;
            value: { text: string };
            sentence: { start: number; end: number; text: string };
          }>;
        }>;
      }>;
      articles: Array<{ id: string; text: string }>;
    };
    const conflict = (doc.stories[0].conflicts ?? []).find((c) =>
      ['about 1,200', 'Nearly 2,000'].every((f) => c.sides.some((s) => s.value.text === f)),
    );
    expect(conflict, 'a conflict between "about 1,200" and "Nearly 2,000"').toBeDefined();
    const { page, errors } = await open(`/story/${fireId}`);
    const section = page.getByRole('region', { name: 'Where outlets disagree' });
    await section.waitFor();

    // Shown before the claim-by-claim coverage table, in document order.
    expect(
      await section.evaluate((s) => {
        const table = document.querySelector('table.coverage');
        return !!table && (s.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }),
    ).toBe(true);

    const exact = (t: string): RegExp => new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const card = section
      .locator('.disagreement')
      .filter({ has: page.locator('mark', { hasText: exact('about 1,200') }) })
      .filter({ has: page.locator('mark', { hasText: exact('Nearly 2,000') }) });
    await expect.poll(() => card.count()).toBeGreaterThan(0);
    for (const figure of ['about 1,200', 'Nearly 2,000']) {
      const side = conflict!.sides.find((s) => s.value.text === figure)!;
      const shown = card
        .first()
        .locator('.side')
        .filter({ has: page.locator('mark', { hasText: exact(figure) }) });
      expect(await shown.count(), figure).toBeGreaterThan(0);
      // The outlet, its date and its sentence, as the outlet wrote it.
      expect(await shown.first().locator('.outlet').textContent()).toBe(side.outlet);
      if (side.published) expect(await shown.first().textContent()).toContain(side.published);
      expect(await shown.first().locator('.said').textContent()).toBe(side.sentence.text);
      const article = doc.articles.find((a) => a.id === side.articleId)!;
      expect(article.text.slice(side.sentence.start, side.sentence.end)).toBe(side.sentence.text);

      // The citation opens the article with that sentence highlighted.
      const link = shown.first().getByRole('link', { name: /^Source/ });
      expect(await link.count()).toBe(1);
      await link.click();
      await page.waitForSelector('.article mark.cited');
      expect(page.url()).toContain(`/article/${encodeURIComponent(side.articleId)}`);
      const cited = (await page.locator('.article mark.cited').allTextContents()).join('');
      expect(cited).toBe(side.sentence.text);
      expect(cited).toContain(figure);
      await page.goBack();
      await section.waitFor();
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a passage where the reader is: no jump, Back closes it and restores the place, Escape closes it', async () => {
    const { page, errors } = await open(`/story/${fireId}`);
    await page.waitForSelector('.brief .cite');
    const mark = page.locator('.panel mark.cited');
    const scrollY = (): Promise<number> => page.evaluate(() => window.scrollY);
    const near = async (y: number): Promise<boolean> => Math.abs((await scrollY()) - y) <= 4;
    const triggers = {
      timeline: page.locator('.timeline .events button.link').first(),
      quote: page.locator('.quote-outlets button').first(),
      coverage: page.locator('table.coverage button.cell').first(),
    };
    for (const [name, trigger] of Object.entries(triggers)) {
      await trigger.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const before = await scrollY();
      expect(before, name).toBeGreaterThan(300);

      await trigger.click();
      await expect.poll(() => mark.count(), { message: name }).toBe(1);
      expect(await mark.isVisible(), name).toBe(true);
      expect(await near(before), `${name}: opening keeps the page where it was`).toBe(true);

      // Back closes the panel and leaves the reader where they were; Forward opens it again.
      await page.goBack();
      await expect.poll(() => mark.count(), { message: name }).toBe(0);
      await expect.poll(() => near(before), { message: `${name}: Back restores the scroll` }).toBe(true);
      await page.goForward();
      await expect.poll(() => mark.count(), { message: name }).toBe(1);
      expect(await near(before), name).toBe(true);

      // Escape closes it and gives focus back to the control that opened it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('cited'))).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => mark.count(), { message: name }).toBe(0);
      await expect
        .poll(() => trigger.evaluate((el) => el === document.activeElement), { message: `${name}: focus returns` })
        .toBe(true);
      expect(await near(before), name).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone: readable text, no sideways page scroll, 24 px targets, the skip link first', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/story/${fireId}`);
    await page.waitForSelector('.membership li');
    await page.waitForLoadState('networkidle');

    // The first Tab stop is the skip link, and following it moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

    const check = (): Promise<{ small: string[]; tiny: string[]; scrollWidth: number; width: number }> =>
      page.evaluate(() => {
        const small: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !n.textContent?.trim() || el.closest('title, desc, script, style, noscript')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const box = range.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (box.width < 1 || box.height < 1 || style.visibility !== 'visible') continue;
          // SVG text is drawn at its font size times the drawing's scale.
          const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
          const px = parseFloat(style.fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
          if (px < 11) small.push(`${el.tagName} ${px.toFixed(1)}px: ${n.textContent.trim().slice(0, 30)}`);
        }
        const tiny: string[] = [];
        for (const el of document.querySelectorAll('a, button')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.width < 24 || r.height < 24)
            tiny.push(
              `${el.tagName} ${r.width.toFixed(0)}×${r.height.toFixed(0)}: ${el.textContent?.trim().slice(0, 30)}`,
            );
        }
        return { small, tiny, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth };
      });
    const closed = await check();
    expect(closed.small).toEqual([]);
    expect(closed.tiny).toEqual([]);
    expect(closed.scrollWidth).toBeLessThanOrEqual(closed.width);

    // The coverage table scrolls inside its own box, and says so.
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.locator('.scroll-hint').isVisible()).toBe(true);
    expect(await wrap.evaluate((el) => el.classList.contains('more-right'))).toBe(true);

    // The open passage on a phone passes the same checks.
    await page.locator('.brief .cite').first().click();
    await page.waitForSelector('.panel mark.cited');
    const opened = await check();
    expect(opened.small).toEqual([]);
    expect(opened.tiny).toEqual([]);
    expect(opened.scrollWidth).toBeLessThanOrEqual(opened.width);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains each article in words a reader checks, with the scores behind a toggle', async () => {
    const { page, errors } = await open(`/story/${fireId}`);
    const section = page.getByRole('region', { name: 'Why these articles' });
    await section.locator('li').first().waitFor();
    const visible = await section.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const d of copy.querySelectorAll('details:not([open])')) d.remove();
      return copy.textContent ?? '';
    });
    expect(visible).not.toMatch(/jaccard|containment|score/i);
    // No story or article ids.
    expect(visible).not.toMatch(/story-|\b[0-9a-f]{16}\b/);
    expect(visible).toContain("A copy of Meridian Press Agency's report");
    expect(visible).toMatch(/Names the same people \([^)]*Gregory Tannehill/);
    expect(visible).toMatch(/Published the same day/);

    // The numbers are one toggle away.
    const details = section.locator('details', { hasText: 'Jaccard' }).first();
    expect(await details.locator('p').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.textContent()).toMatch(/Score 0\.\d+/);
    expect(await details.locator('p').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches and filters the story list', async () => {
    const { page, errors } = await open('/');
    await page.waitForSelector('.stories li');
    const all = await page.locator('.stories > li').count();
    expect(all).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Search', { exact: true }).fill('council vote bus');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('.stories > li').count()).toBe(1);
    expect(await page.locator('.stories .title').textContent()).toMatch(/Port Emery/);
    expect(page.url()).toContain('q=council');
    await page.getByRole('link', { name: 'Clear' }).click();
    await expect.poll(() => page.locator('.stories > li').count()).toBe(all);
    await page.getByLabel('Outlet', { exact: true }).fill('Brackenford Gazette');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('outlet=Brackenford');
    await expect.poll(() => page.locator('.stories > li').count()).toBeLessThan(all);
    const outlets = await page.locator('.stories > li .outlets').allTextContents();
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets.length).toBeLessThan(all);
    expect(outlets.every((o) => o.includes('Brackenford Gazette'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates an open story page when an article joins it', async () => {
    const { page, errors } = await open(`/story/${fireId}`);
    await page.waitForSelector('.brief .cite');
    await page.waitForFunction(() => document.documentElement.dataset.live === 'on');
    const before = (await store.getStory(fireId))!.articleIds.length;
    const base = exampleArticles()[0];
    const text = base.text
      .replace('A fire tore through', 'A large fire tore through')
      .replace('officials said', 'local officials said');
    // `wait=true`: answer once the article is stored and placed.
    const res = await fetch(`${server.url}/api/articles?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text,
        title: 'Plant fire forces evacuation',
        source: 'Lakeside Wire',
        published: '2026-10-06',
      }),
    });
    expect(res.status).toBe(201);
    const { stories } = (await res.json()) as { stories: Array<{ storyId: string; articleCount: number }> };
    expect(stories.map((s) => s.storyId)).toContain(fireId);
    await expect
      .poll(() => page.locator('.notice').textContent(), { timeout: 10_000 })
      .toContain(`${before + 1} articles`);
    await expect.poll(() => page.locator('.story > .meta').textContent()).toContain(`${before + 1} articles`);
    expect(await page.locator('.outlets li', { hasText: 'Lakeside Wire' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders hostile article text as text: nothing executes', async () => {
    const payload = [
      'PORT EMERY — The harbour board said on Monday <script>window.__xss = 1; document.title = "pwned"</script> that ferries will run again.',
      '<img src=x onerror="window.__xss = 2; document.title = \'pwned\'"> Board chair Lena Voss said: "We are <b onmouseover=window.__xss=3>ready</b>."',
      'Read more at <a href="javascript:window.__xss=4">javascript:window.__xss=4</a> or <svg onload="window.__xss=5"></svg> <iframe src="javascript:parent.__xss=6"></iframe>.',
    ].join('\n\n');
    // Stored directly, as a file ingest would, so that the page's own defences are what is tested.
    const article = makeArticle(payload, {
      title: '<img src=x onerror="window.__xss=7;document.title=\'pwned\'">Ferries <script>window.__xss=8</script>',
      source: '<script>window.__xss=9</script>Harbour Wire',
      url: 'javascript:window.__xss=10',
      published: '2026-11-02',
    });
    const report = await new Engine(store).ingest([article]);
    expect(report.stored).toEqual([article.id]);
    const storyId = await store.storyOf(article.id);

    for (const url of [`/story/${storyId}`, `/article/${article.id}`, '/?q=ferries']) {
      const { page, errors } = await open(url);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      if (url.startsWith('/story')) {
        await page.locator('.brief .cite').first().click();
        await page.waitForSelector('.panel mark.cited');
      }
      if (url.startsWith('/article')) {
        await page.locator('.article .text').hover();
        for (const q of await page.locator('.article .quote').all()) await q.focus();
      }
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss,
        title: document.title,
        scripts: document.querySelectorAll('script:not([src])').length,
        injected: document.querySelectorAll(
          'main img, main iframe, main b, main a[href^="javascript:"], main svg [onload]',
        ).length,
        text: document.querySelector('main')?.textContent ?? '',
      }));
      expect(state.xss, url).toBeUndefined();
      // The payloads would set the title to exactly "pwned"; showing the article title as text is fine.
      expect(state.title, url).not.toBe('pwned');
      expect(state.scripts, url).toBe(0);
      expect(state.injected, url).toBe(0);
      expect(state.text, url).toMatch(/<script>|<img src=x/);
      expect(errors, url).toEqual([]);
      await page.close();
    }
  });

  it('rejects an oversized upload before storing anything', async () => {
    const count = await store.countArticles();
    const res = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'z'.repeat(6 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await store.countArticles()).toBe(count);
  });
});
