import { afterAll, describe, expect, inject, it } from 'vitest';
import { POSTGRES_SCHEMA_VERSION, PostgresStore, toTsQuery } from '../../src/store/postgres.js';
import { doc, story, storeContract } from './contract.js';
import { freshPostgresStore } from './pg-schema.js';

const url = inject('pgUrl');
const opened: PostgresStore[] = [];

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
});

describe.skipIf(!url)('PostgreSQL', () => {
  storeContract('PostgreSQL', () => freshPostgresStore(url, opened));

  it('puts dated articles into month partitions and undated ones into the default partition', async () => {
    const store = await freshPostgresStore(url, opened);
    const a = doc('A dated article in March.', { published: '2024-03-05' });
    const b = doc('An undated article.');
    await store.commit({ articles: [a, b], stories: [story('s', [a.article.id, b.article.id])] });
    const { rows } = await store.query<{ rel: string; id: string }>(
      'SELECT tableoid::regclass::text AS rel, id FROM articles ORDER BY id',
    );
    const where = new Map(rows.map((r) => [r.id, r.rel.replace(/^.*\./, '')]));
    expect(where.get(a.article.id)).toBe('articles_2024_03');
    expect(where.get(b.article.id)).toBe('articles_undated');
    // A date inferred later moves the row to its month.
    await store.commit({
      articles: [{ ...b, article: { ...b.article, published: '2024-03-06', publishedInferred: true } }],
      stories: [],
    });
    const moved = await store.query<{ rel: string }>(
      'SELECT tableoid::regclass::text AS rel FROM articles WHERE id = $1',
      [b.article.id],
    );
    expect(moved.rows[0].rel.replace(/^.*\./, '')).toBe('articles_2024_03');
  });

  it('migrates once when several processes open the same database at the same time', async () => {
    const first = await freshPostgresStore(url, opened);
    const schemaUrl = (first.pool.options as { connectionString: string }).connectionString;
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(schemaUrl)));
    const { rows } = await first.query<{ n: string }>('SELECT COUNT(*) AS n FROM schema_migrations');
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    const versions = await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual(versions.rows.map((_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('moves prepared articles out of log entries written before they were kept beside them', async () => {
    const first = await freshPostgresStore(url, opened);
    const schemaUrl = (first.pool.options as { connectionString: string }).connectionString;
    const prepared = { id: 'a1', groups: {}, labels: [], lead: { names: [], days: [] } };
    // The log as the version before the latest migration wrote it: the prepared article inside the entry.
    await first.query('DROP TABLE assignment_prepared');
    await first.query('DELETE FROM schema_migrations WHERE version = $1', [POSTGRES_SCHEMA_VERSION]);
    await first.query('INSERT INTO assignment_log (entry) VALUES ($1), ($2)', [
      JSON.stringify({ op: 'add', articleId: 'a1', prepared }),
      JSON.stringify({ op: 'recheck' }),
    ]);
    const upgraded = await PostgresStore.open(schemaUrl);
    try {
      const raw = await upgraded.query<{ entry: string }>('SELECT entry FROM assignment_log ORDER BY seq');
      expect(raw.rows.map((r) => JSON.parse(r.entry) as unknown)).toEqual([
        { op: 'add', articleId: 'a1' },
        { op: 'recheck' },
      ]);
      const log = await upgraded.readLog(0);
      expect(log.map((e) => e.entry)).toEqual([{ op: 'add', articleId: 'a1', prepared }, { op: 'recheck' }]);
      // Compaction drops it again.
      await upgraded.commit({ articles: [], stories: [], compactLog: { afterSeq: 0, throughSeq: log[0].seq } });
      expect((await upgraded.readLog(0))[0].entry).toEqual({ op: 'add', articleId: 'a1' });
    } finally {
      await upgraded.close();
    }
  });
});

describe('toTsQuery', () => {
  it('turns user words into lexemes, never into tsquery syntax', () => {
    expect(toTsQuery('vance & !cuomo')).toBe("'vance' & 'cuomo':*");
    expect(toTsQuery('"open letter" time')).toBe("('open' <-> 'letter') & 'time':*");
    expect(toTsQuery("o'brien")).toBe("'o' & 'brien':*");
    expect(toTsQuery(' ')).toBe('');
  });
});
