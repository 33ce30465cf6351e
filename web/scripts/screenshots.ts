/**
 * Takes the documentation screenshots and measures first paint, against the example corpus.
 * Usage: npx tsx web/scripts/screenshots.ts [examples-dir] [out-dir]
 * Needs a built web app (npm run build:web) and Chromium at /usr/bin/chromium (or CHROMIUM).
 */
import { readdir, readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle, parseTextFile } from '../../src/ingest/parse.js';
import { startServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';

const examples = process.argv[2] ?? 'examples';
const out = process.argv[3] ?? 'docs/screenshots';

const store = await openStore(':memory:');
const files = (await readdir(examples)).filter((f) => f.endsWith('.txt')).sort();
const articles = [];
for (const f of files) {
  const { body, meta } = parseTextFile(await readFile(path.join(examples, f), 'utf8'), f);
  articles.push(makeArticle(body, meta));
}
await new Engine(store).ingest(articles);
const server = await startServer({ store, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
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
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const paints: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(server.url + '/', { waitUntil: 'load' });
    await page.waitForSelector('.stories li');
    const fp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    paints.push(fp);
  }
  await page.screenshot({ path: path.join(out, 'story-list.png') });
  await page
    .getByRole('link', { name: /Larkhollow/ })
    .first()
    .click();
  await page.waitForSelector('.brief .cite');
  await page.locator('.brief .cite').nth(4).click();
  await page.waitForSelector('mark.cited');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, 'story-citation.png') });
  for (const [id, name] of [
    ['#quotes-h', 'story-quotes'],
    ['#coverage-h', 'story-coverage'],
    ['#entities-h', 'story-entities'],
    ['#graph-h', 'story-graph'],
    ['#membership-h', 'story-membership'],
  ]) {
    await page.locator(id).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(out, `${name}.png`) });
  }
  await page.locator('.panel a').click();
  await page.waitForSelector('.article .text');
  await page.locator('.quote').first().focus();
  await page.screenshot({ path: path.join(out, 'article.png') });
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto(server.url + '/', { waitUntil: 'load' });
  await phone.click('.stories .title');
  await phone.waitForSelector('.brief .cite');
  await phone.screenshot({ path: path.join(out, 'story-phone.png') });
  paints.sort((a, b) => a - b);
  console.log(
    `first-contentful-paint (ms) over ${paints.length} loads: median ${paints[Math.floor(paints.length / 2)].toFixed(0)}, min ${paints[0].toFixed(0)}, max ${paints[paints.length - 1].toFixed(0)}`,
  );
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
