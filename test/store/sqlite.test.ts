import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, SQLITE_SCHEMA_VERSION, toFtsQuery } from '../../src/store/sqlite.js';
import { annotateArticle } from '../../src/pipeline.js';
import { makeArticle } from '../../src/ingest/parse.js';
import type { Story } from '../../src/model.js';
import { tempDir } from '../helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function doc(body: string, meta: Parameters<typeof makeArticle>[1] = {}) {
  return annotateArticle(makeArticle(body, meta));
}

function story(id: string, articleIds: string[]): Story {
  return { id, title: `Story ${id}`, articleIds, independentSources: 1, entities: [], quotes: [], timeline: [], summary: [] };
}

describe('SqliteStore', () => {
  it('stores articles with annotations and reads them back exactly', async () => {
    const store = new SqliteStore(':memory:');
    const d = doc('Fire Chief Maria Lopez said the fire was out. "We were lucky," she said.', { source: 'Courier', published: '2024-03-05', title: 'Fire' });
    const r = await store.commit({ articles: [d], stories: [story('s1', [d.article.id])] });
    expect(r.inserted).toEqual([d.article.id]);
    const back = await store.getArticle(d.article.id);
    expect(back?.article).toEqual(d.article);
    expect(back?.sentences).toEqual(d.sentences);
    expect(back?.mentions).toEqual(d.mentions);
    expect(back?.tokens.map((t) => t.text)).toEqual(d.tokens.map((t) => t.text));
    expect(await store.storyOf(d.article.id)).toBe('s1');
    expect((await store.getStory('s1'))?.title).toBe('Story s1');
    await store.close();
  });

  it('keeps one article for the same content ingested twice', async () => {
    const store = new SqliteStore(':memory:');
    const a = doc('Same text twice.');
    const b = doc('Same   text twice.\n');
    expect(a.article.id).toBe(b.article.id);
    await store.commit({ articles: [a], stories: [] });
    const r = await store.commit({ articles: [b], stories: [] });
    expect(r.inserted).toEqual([]);
    expect(r.existing).toEqual([a.article.id]);
    expect(await store.countArticles()).toBe(1);
  });

  it('writes a batch all or nothing', async () => {
    const store = new SqliteStore(':memory:');
    const a = doc('First article survives.');
    await store.commit({ articles: [a], stories: [story('s1', [a.article.id])] });
    const b = doc('Second article is rolled back.');
    // A story pointing at an article that does not exist violates a foreign key: the whole batch fails.
    await expect(store.commit({ articles: [b], stories: [story('s2', [b.article.id, 'missing-article'])] })).rejects.toThrow(/nothing was stored/);
    expect(await store.countArticles()).toBe(1);
    expect(await store.getArticle(b.article.id)).toBeUndefined();
    expect((await store.listStories()).map((s) => s.id)).toEqual(['s1']);
  });

  it('finds articles by full-text search with prefix matching and snippets', async () => {
    const store = new SqliteStore(':memory:');
    const a = doc('The council approved the transit contract on Tuesday.', { title: 'Transit vote' });
    const b = doc('Firefighters contained the blaze at the chemical plant.', { title: 'Plant fire' });
    await store.commit({ articles: [a, b], stories: [story('s1', [a.article.id]), story('s2', [b.article.id])] });
    const hits = await store.search('transit contr');
    expect(hits.map((h) => h.articleId)).toEqual([a.article.id]);
    expect(hits[0].snippet).toContain('[');
    expect(hits[0].storyId).toBe('s1');
    expect(await store.search('"chemical plant"')).toHaveLength(1);
    expect(await store.search('AND OR NOT (')).toEqual([]);
    expect(await store.search('firefighter')).toHaveLength(1); // porter stemming
  });

  it('migrates a new file and reopens it without re-running migrations', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'x.db');
    const s1 = new SqliteStore(file);
    const a = doc('Persisted across reopen.');
    await s1.commit({ articles: [a], stories: [], state: { k: 'v' } });
    await s1.close();
    const s2 = new SqliteStore(file);
    expect(await s2.countArticles()).toBe(1);
    expect(await s2.getState('k')).toBe('v');
    await s2.close();
    const raw = new Database(file);
    const versions = raw.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toHaveLength(SQLITE_SCHEMA_VERSION);
    raw.close();
  });

  it('refuses a database from a newer version with an actionable message', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(99, 'x');
    raw.close();
    expect(() => new SqliteStore(file)).toThrow(/newer than this Storyline/);
  });

  it('lists stories most recent first with outlets and dates', async () => {
    const store = new SqliteStore(':memory:');
    const a = doc('Old news item one.', { source: 'A', published: '2020-01-01' });
    const b = doc('New news item two.', { source: 'B', published: '2021-01-01' });
    const c = doc('New news item three.', { source: 'C', published: '2021-01-02' });
    await store.commit({ articles: [a, b, c], stories: [story('old', [a.article.id]), story('new', [b.article.id, c.article.id])] });
    const list = await store.listStories();
    expect(list.map((s) => s.id)).toEqual(['new', 'old']);
    expect(list[0]).toMatchObject({ articleCount: 2, outlets: ['B', 'C'], firstPublished: '2021-01-01', lastPublished: '2021-01-02' });
  });
});

describe('toFtsQuery', () => {
  it('quotes every word so user input never becomes FTS syntax', () => {
    expect(toFtsQuery('vance NEAR(cuomo)')).toBe('"vance" "NEAR" "cuomo"*');
    expect(toFtsQuery('"open letter" time')).toBe('"open letter" "time"*');
    expect(toFtsQuery('  ')).toBe('');
  });
});
