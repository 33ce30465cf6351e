import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { pgCtl, type PgControl } from '../../scripts/pg-cluster.js';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';
import { JobQueue } from '../../src/store/queue.js';
import { runWorker } from '../../src/engine/worker.js';
import { Engine } from '../../src/engine/engine.js';
import { makeArticle } from '../../src/ingest/parse.js';
import { syntheticArticles, syntheticEvents } from '../synthetic.js';

const url = inject('pgUrl');
const control = inject('pgControl');
const opened: PostgresStore[] = [];
let n = 0;

/** A fresh database schema and its URL, so each test starts from nothing. */
async function freshSchema(): Promise<string> {
  const schema = `w${process.pid}_${++n}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function open(schemaUrl: string): Promise<PostgresStore> {
  const s = await PostgresStore.open(schemaUrl, { retryForMs: 60_000 });
  opened.push(s);
  return s;
}

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
});

/** Every article stored exactly once, in exactly one story, logged once, and no job left behind. */
async function expectExactlyOnce(store: PostgresStore, ids: string[]): Promise<void> {
  const q = async (sql: string): Promise<number> => Number((await store.query<{ n: string }>(sql)).rows[0].n);
  expect(await q('SELECT COUNT(*) AS n FROM article_keys')).toBe(ids.length);
  expect(await q('SELECT COUNT(*) AS n FROM articles')).toBe(ids.length);
  expect(await q('SELECT COUNT(DISTINCT id) AS n FROM articles')).toBe(ids.length);
  expect(await q('SELECT COUNT(*) AS n FROM story_articles')).toBe(ids.length);
  expect(await q(`SELECT COUNT(*) AS n FROM assignment_log WHERE entry::jsonb->>'op' = 'add'`)).toBe(ids.length);
  expect(
    await q(
      `SELECT COUNT(DISTINCT entry::jsonb->>'articleId') AS n FROM assignment_log WHERE entry::jsonb->>'op' = 'add'`,
    ),
  ).toBe(ids.length);
  expect(await q(`SELECT COUNT(*) AS n FROM jobs WHERE status <> 'done'`)).toBe(0);
  const stored = new Set(await store.existingIds(ids));
  expect(ids.every((id) => stored.has(id))).toBe(true);
  // Views rebuilt outside the lock all caught up (idle workers complete what a killed one left behind)…
  expect(await q('SELECT COUNT(*) AS n FROM stories WHERE view_version < version')).toBe(0);
  // …and the stories' views partition the articles.
  const { rows } = await store.query<{ body: string }>('SELECT body FROM stories');
  const members = rows.flatMap((r) => (JSON.parse(r.body) as { articleIds: string[] }).articleIds);
  expect(members.length).toBe(ids.length);
  expect(new Set(members).size).toBe(ids.length);
}

describe.skipIf(!url)('ingest workers on PostgreSQL', () => {
  it('two workers given articles of the same new event at the same moment make one story', async () => {
    const schemaUrl = await freshSchema();
    const a = makeArticle(
      'A fire burned the Corvane Polymers plant in Larkhollow on Tuesday, and about 1,200 residents were evacuated. "We made the call early," said Fire Chief Maria Okonkwo-Reyes.',
      { source: 'Valley Herald', published: '2026-10-06' },
    );
    const b = makeArticle(
      'Nearly 2,000 Larkhollow residents left their homes after a fire at the Corvane Polymers plant on Tuesday, Fire Chief Maria Okonkwo-Reyes said. Corvane Polymers said it was cooperating.',
      { source: 'Riverside Daily', published: '2026-10-06' },
    );
    for (let round = 0; round < 3; round++) {
      const u = round === 0 ? schemaUrl : await freshSchema();
      const s1 = await open(u);
      const s2 = await open(u);
      const [r1, r2] = await Promise.all([new Engine(s1).ingest([a]), new Engine(s2).ingest([b])]);
      expect(r1.stored.length + r2.stored.length).toBe(2);
      const stories = await s1.listStories();
      expect(stories).toHaveLength(1);
      expect(stories[0].articleCount).toBe(2);
    }
  });

  it('several workers drain a queue: nothing lost, nothing duplicated, duplicates in the queue stored once', async () => {
    const schemaUrl = await freshSchema();
    const store = await open(schemaUrl);
    const articles = syntheticArticles(syntheticEvents(12), 8);
    const queue = new JobQueue(store, { leaseMs: 5000 });
    await queue.enqueue(articles, 5);
    await queue.enqueue(articles.slice(0, 20), 4); // the same content queued twice
    const workers = await Promise.all([open(schemaUrl), open(schemaUrl), open(schemaUrl)]);
    const reports = await Promise.all(
      workers.map((w, i) =>
        runWorker(w, { name: `w${i}`, exitWhenIdle: true, pollMs: 50, leaseMs: 5000, viewDelayMs: 200 }),
      ),
    );
    expect(reports.reduce((s, r) => s + r.stored, 0)).toBe(articles.length);
    await expectExactlyOnce(
      store,
      articles.map((x) => x.id),
    );
    expect(await queue.counts()).toMatchObject({ queued: 0, running: 0, failed: 0 });
  });

  it('a worker that does not hold the lead hands analysed jobs on; the lead, once free, assigns them in queue order', async () => {
    const schemaUrl = await freshSchema();
    const store = await open(schemaUrl);
    const articles = syntheticArticles(syntheticEvents(6), 5, 3);
    const queue = new JobQueue(store, { leaseMs: 5000, viewDelayMs: 0 });
    // Five jobs: fewer than the analysed jobs at which workers stop analysing ahead of assignment.
    await queue.enqueue(articles, 6);
    // Another process holds the lead and assigns nothing.
    const holder = await store.tryLead();
    expect(holder).toBeDefined();
    expect(await store.tryLead()).toBeUndefined();
    const events: Array<{ handedOn?: boolean; stored: number }> = [];
    const w = await open(schemaUrl);
    const controller = new AbortController();
    const running = runWorker(w, {
      name: 'analyser',
      pollMs: 50,
      viewDelayMs: 200,
      signal: controller.signal,
      onJob: (e) => events.push(e),
    });
    const deadline = Date.now() + 60_000;
    while ((await queue.counts()).queued + (await queue.counts()).running > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const handed = await queue.counts();
    expect(handed).toMatchObject({ queued: 0, running: 0, done: 0, analysed: Math.ceil(articles.length / 6) });
    expect(events.every((e) => e.handedOn && e.stored === 0)).toBe(true);
    expect(await store.countArticles()).toBe(0);
    // The lead is released: the waiting worker takes it over and assigns everything handed on.
    await holder?.release();
    const report = await (async () => {
      while ((await queue.counts()).analysed > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      controller.abort();
      return running;
    })();
    expect(report.stored).toBe(articles.length);
    const again = await runWorker(w, { name: 'again', exitWhenIdle: true, pollMs: 50, viewDelayMs: 200 });
    expect(again.stored).toBe(0);
    await expectExactlyOnce(
      store,
      articles.map((x) => x.id),
    );
    // The handed-on order is the queue's: the same stories as one engine fed the same jobs one by one.
    const single = await open(await freshSchema());
    const engine = new Engine(single);
    for (let i = 0; i < articles.length; i += 6) await engine.ingest(articles.slice(i, i + 6));
    const partition = async (s: PostgresStore): Promise<string[]> =>
      (
        await s.query<{ ids: string }>(
          `SELECT string_agg(article_id, ',' ORDER BY article_id) AS ids FROM story_articles GROUP BY story_id`,
        )
      ).rows
        .map((r) => r.ids)
        .sort();
    expect(await partition(store)).toEqual(await partition(single));
  });

  it('a job handed on that cannot be read goes back to be analysed again', async () => {
    const schemaUrl = await freshSchema();
    const store = await open(schemaUrl);
    const articles = syntheticArticles(syntheticEvents(2), 3, 5);
    const queue = new JobQueue(store, { leaseMs: 5000 });
    const [id] = await queue.enqueue(articles, 10);
    const [job] = await queue.claim('broken', 1);
    expect(job.id).toBe(id);
    expect(await queue.stage(id, 'someone else', '{}')).toBe(false);
    expect(await queue.stage(id, 'broken', '{"docs": [{"article": 1}]}')).toBe(true);
    const report = await runWorker(await open(schemaUrl), {
      name: 'w',
      exitWhenIdle: true,
      pollMs: 50,
      viewDelayMs: 200,
    });
    expect(report.stored).toBe(articles.length);
    const { rows } = await store.query<{ attempts: number; error: string | null }>('SELECT attempts, error FROM jobs');
    expect(rows[0].attempts).toBe(2);
    expect(rows[0].error).toMatch(/unreadable analysis/);
    await expectExactlyOnce(
      store,
      articles.map((x) => x.id),
    );
  });

  it('loses and duplicates nothing when workers are killed with SIGKILL mid-batch', async () => {
    const schemaUrl = await freshSchema();
    const store = await open(schemaUrl);
    const articles = syntheticArticles(syntheticEvents(16), 16, 11);
    await new JobQueue(store).enqueue(articles, 6);
    const children = new Set<ChildProcess>();
    const start = (): ChildProcess => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/bin.ts',
          'worker',
          '--db',
          schemaUrl,
          '--lease',
          '2',
          '--poll',
          '100',
          '--view-delay',
          '0.5',
          '--quiet',
          '--exit-when-idle',
        ],
        { stdio: 'ignore' },
      );
      children.add(child);
      child.on('exit', () => children.delete(child));
      return child;
    };
    for (let i = 0; i < 3; i++) start();
    let kills = 0;
    const queue = new JobQueue(store);
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const c = await queue.counts();
      if (c.queued === 0 && c.running === 0 && c.analysed === 0) break;
      // Kill whenever jobs are in flight (six times at most), so kills land mid-batch however fast the run.
      if (kills < 6 && c.running > 0 && (c.done > 0 || kills > 0)) {
        const victims = [...children];
        const victim = victims[Math.floor(Math.random() * victims.length)];
        if (victim) {
          victim.kill('SIGKILL');
          kills++;
          start();
        }
      }
      if (children.size === 0) start();
    }
    await Promise.all([...children].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))));
    expect(kills).toBeGreaterThanOrEqual(3);
    await expectExactlyOnce(
      store,
      articles.map((x) => x.id),
    );
  }, 200_000);

  it.skipIf(!control)(
    'survives a database restart mid-ingest',
    async () => {
      const ctl = JSON.parse(control) as PgControl;
      const schemaUrl = await freshSchema();
      const store = await open(schemaUrl);
      const articles = syntheticArticles(syntheticEvents(10), 10, 5);
      await new JobQueue(store).enqueue(articles, 5);
      const worker = await open(schemaUrl);
      const running = runWorker(worker, {
        name: 'restart',
        exitWhenIdle: true,
        pollMs: 50,
        leaseMs: 3000,
        viewDelayMs: 200,
      });
      await new Promise((r) => setTimeout(r, 1500));
      pgCtl(ctl, 'restart');
      const report = await running;
      expect(report.stored).toBe(articles.length);
      await expectExactlyOnce(
        store,
        articles.map((x) => x.id),
      );
    },
    120_000,
  );
});
