import pg from 'pg';
import type { AnnotatedArticle, Article, Membership, Story } from '../model.js';
import { ChangeWatches } from './changes.js';
import { encodeAnnotations, outletOf } from './codec.js';
import type { EncodedPrepared } from '../stories/index.js';
import {
  type ArticleRow,
  articleFromRow,
  queryParts,
  type SearchRow,
  searchHitFromRow,
  groupMembers,
  type MemberRow,
  pendingOf,
  summaryFromRow,
  type StorySummaryRow,
  withPending,
} from './rows.js';
import {
  type AssignmentEntry,
  type Batch,
  type BatchResult,
  type ListStoriesOptions,
  type LoggedEntry,
  type ReadOptions,
  type SearchHit,
  type Store,
  StoreError,
  type StoryMemberList,
  type StorySummary,
} from './types.js';

/**
 * Schema migrations, applied in order under an advisory lock so that several processes starting at once
 * migrate exactly once. Articles are partitioned by publication month (undated ones in the default
 * partition); `article_keys` holds the global content-hash key that partitioning cannot enforce.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE article_keys (
     id TEXT PRIMARY KEY,
     month DATE,
     ingested_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE articles (
     id TEXT NOT NULL,
     month DATE,
     path TEXT, title TEXT, source TEXT, source_inferred BOOLEAN NOT NULL DEFAULT false, url TEXT,
     published TEXT, published_inferred BOOLEAN NOT NULL DEFAULT false, published_reason TEXT,
     text TEXT NOT NULL,
     annotations JSONB NOT NULL,
     ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     tsv TSVECTOR GENERATED ALWAYS AS (
       setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
     ) STORED
   ) PARTITION BY RANGE (month);
   CREATE TABLE articles_undated PARTITION OF articles DEFAULT;
   CREATE INDEX articles_id ON articles (id);
   CREATE INDEX articles_tsv ON articles USING GIN (tsv);
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     article_count INTEGER NOT NULL,
     independent_sources INTEGER NOT NULL,
     outlets JSONB NOT NULL,
     first_published TEXT, last_published TEXT,
     body JSONB NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX stories_recent ON stories (last_published DESC NULLS LAST, updated_at DESC);
   CREATE TABLE story_articles (
     article_id TEXT PRIMARY KEY REFERENCES article_keys(id),
     story_id TEXT NOT NULL REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED
   );
   CREATE INDEX story_articles_story ON story_articles (story_id);
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `CREATE TABLE jobs (
     id BIGSERIAL PRIMARY KEY,
     payload JSONB NOT NULL,
     status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     lease_until TIMESTAMPTZ,
     worker TEXT,
     error TEXT,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     finished_at TIMESTAMPTZ
   );
   CREATE INDEX jobs_ready ON jobs (id) WHERE status IN ('queued', 'running');
   CREATE TABLE assignment_log (
     seq BIGSERIAL PRIMARY KEY,
     entry JSONB NOT NULL
   );`,
  `ALTER TABLE articles ADD COLUMN byline TEXT;`,
  // These documents are only ever stored and read whole, never queried inside the database: as text they
  // are not parsed and re-encoded by the server on every write, which was most of a batch's write time.
  `ALTER TABLE stories ALTER COLUMN body TYPE TEXT USING body::text;
   ALTER TABLE articles ALTER COLUMN annotations TYPE TEXT USING annotations::text;
   ALTER TABLE assignment_log ALTER COLUMN entry TYPE TEXT USING entry::text;`,
  // Why each article joined is kept with its membership, so a story's view can be rebuilt later from the
  // members alone. version counts membership changes; view_version is the version the stored view was
  // built from, and view_count how many members it covers.
  `ALTER TABLE story_articles ADD COLUMN membership TEXT;
   ALTER TABLE stories ADD COLUMN view_count INTEGER;
   ALTER TABLE stories ADD COLUMN view_updated_at TIMESTAMPTZ;
   ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE stories ADD COLUMN view_version INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX stories_stale ON stories (article_count) WHERE view_version < version;`,
  // A job analysed by one worker waits, with its analysed articles, for the worker that assigns stories.
  // Its result is written once and read once: compressing it would cost more than it saves.
  `ALTER TABLE jobs ADD COLUMN result TEXT;
   ALTER TABLE jobs ALTER COLUMN result SET STORAGE EXTERNAL;
   ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
   ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
     CHECK (status IN ('queued', 'running', 'analysed', 'done', 'failed'));
   CREATE INDEX jobs_analysed ON jobs (id) WHERE status = 'analysed';
   ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'ingest' CHECK (kind IN ('ingest', 'views'));
   CREATE INDEX jobs_ready_kind ON jobs (kind, id) WHERE status IN ('queued', 'running');`,
  // Large values are compressed with lz4 instead of pglz: several times faster to compress for a similar
  // size, and every article, story view and clusterer checkpoint (hundreds of MB for a long window over a
  // dense stream) is compressed inside the assignment transaction. Month partitions that exist already are
  // altered one by one; later ones inherit the setting. A server built without lz4 keeps pglz.
  `DO $$
   DECLARE part regclass;
   BEGIN
     FOR part IN SELECT 'articles'::regclass UNION ALL
                 SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'articles'::regclass LOOP
       EXECUTE format('ALTER TABLE %s ALTER COLUMN text SET COMPRESSION lz4, '
                      'ALTER COLUMN annotations SET COMPRESSION lz4', part);
     END LOOP;
     EXECUTE 'ALTER TABLE stories ALTER COLUMN body SET COMPRESSION lz4';
     EXECUTE 'ALTER TABLE state ALTER COLUMN value SET COMPRESSION lz4';
     EXECUTE 'ALTER TABLE assignment_log ALTER COLUMN entry SET COMPRESSION lz4';
     EXECUTE 'ALTER TABLE jobs ALTER COLUMN payload SET COMPRESSION lz4';
   EXCEPTION WHEN feature_not_supported THEN
     RAISE NOTICE 'lz4 compression is not available on this server: large values stay compressed with pglz';
   END $$;`,
  // A placement's prepared article (its features, a few KB) is only needed until the next clusterer
  // checkpoint. Kept beside the log entry rather than inside it, dropping it after a checkpoint deletes
  // rows instead of parsing and rewriting thousands of entries inside the assignment transaction.
  `CREATE TABLE assignment_prepared (
     seq BIGINT PRIMARY KEY,
     prepared TEXT NOT NULL
   );
   DO $$
   BEGIN
     EXECUTE 'ALTER TABLE assignment_prepared ALTER COLUMN prepared SET COMPRESSION lz4';
   EXCEPTION WHEN feature_not_supported THEN
     RAISE NOTICE 'lz4 compression is not available on this server: prepared articles stay compressed with pglz';
   END $$;
   INSERT INTO assignment_prepared (seq, prepared)
     SELECT seq, entry::jsonb->>'prepared' FROM assignment_log WHERE entry::jsonb ? 'prepared';
   UPDATE assignment_log SET entry = (entry::jsonb - 'prepared')::text WHERE entry::jsonb ? 'prepared';`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys (arbitrary constants, one per purpose). */
export const LOCKS = { migrate: 727001, assign: 727002, partition: 727003, lead: 727004 } as const;

/** Errors worth retrying: serialisation/deadlock conflicts and a server that went away or is starting. */
export function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return (
    code === '40001' ||
    code === '40P01' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code.startsWith('08') ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(
      (err as Error).message ?? '',
    )
  );
}

const ignoreError = (): void => undefined;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The role taken by `PostgresStore.tryLead`, until released or until its connection is lost. */
export interface Leadership {
  readonly lost: boolean;
  release(): Promise<void>;
}

export interface PostgresStoreOptions {
  /** Connections in the pool. */
  poolSize?: number;
  /** How long to keep retrying a transient failure (a restarting server), in milliseconds. */
  retryForMs?: number;
}

function monthOf(published: string | undefined): string | null {
  return published ? `${published.slice(0, 7)}-01` : null;
}

type Run = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

/**
 * Reads and writes over one way of running statements: the pool (with retries) for the store itself, or
 * one client inside an open transaction for an `exclusive` section.
 */
abstract class PgAccess implements Store {
  readonly kind = 'postgres' as const;
  protected abstract readonly run: Run;
  protected readonly knownPartitions: Set<string>;

  constructor(knownPartitions: Set<string>) {
    this.knownPartitions = knownPartitions;
  }

  abstract commit(batch: Batch): Promise<BatchResult>;
  abstract exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  /** Creates the month partition for a date if it does not exist yet. */
  private async ensurePartition(c: pg.PoolClient, month: string | null): Promise<void> {
    if (!month || this.knownPartitions.has(month)) return;
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const name = `articles_${y}_${String(m).padStart(2, '0')}`;
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.partition]);
    // to_regclass follows search_path, so each schema gets its own partitions.
    const exists = await c.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
    if (!exists.rows[0].found) {
      // Only undated rows live in the default partition, so a new month never conflicts with it.
      await c.query(`CREATE TABLE ${name} PARTITION OF articles FOR VALUES FROM ('${month}') TO ('${next}')`);
    }
    this.knownPartitions.add(month);
  }

  async existingIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.run<{ id: string }>('SELECT id FROM article_keys WHERE id = ANY($1)', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Writes a batch inside an open transaction (workers add their own steps to the same transaction). */
  async commitIn(c: pg.PoolClient, batch: Batch): Promise<BatchResult> {
    const result: BatchResult = { inserted: [], existing: [], lastSeq: 0, versions: {}, staleViews: [] };
    // New articles go in with one statement per table (a batch is tens to hundreds of articles, and each
    // round trip is paid under the assignment lock); re-analysed ones are updated one by one.
    const months = batch.articles.map((d) => monthOf(d.article.published));
    const keys = await c.query<{ id: string }>(
      `INSERT INTO article_keys (id, month) SELECT * FROM unnest($1::text[], $2::date[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [batch.articles.map((d) => d.article.id), months],
    );
    const fresh = new Set(keys.rows.map((r) => r.id));
    const inserting: number[] = [];
    for (const [i, doc] of batch.articles.entries()) {
      if (fresh.delete(doc.article.id)) inserting.push(i);
    }
    for (const month of new Set(inserting.map((i) => months[i]))) await this.ensurePartition(c, month);
    if (inserting.length > 0) {
      const column = <T>(f: (d: AnnotatedArticle, i: number) => T): T[] =>
        inserting.map((i) => f(batch.articles[i], i));
      await c.query(
        `INSERT INTO articles (id, month, path, title, source, source_inferred, url, published, published_inferred, published_reason, text, annotations, byline)
         SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[],
                              $9::boolean[], $10::text[], $11::text[], $12::text[], $13::text[])`,
        [
          column((d) => d.article.id),
          column((_, i) => months[i]),
          column((d) => d.article.path ?? null),
          column((d) => d.article.title ?? null),
          column((d) => d.article.source ?? null),
          column((d) => d.article.sourceInferred === true),
          column((d) => d.article.url ?? null),
          column((d) => d.article.published ?? null),
          column((d) => d.article.publishedInferred),
          column((d) => d.article.publishedReason ?? null),
          column((d) => d.article.text),
          column((d) => encodeAnnotations(d)),
          column((d) => d.article.byline ?? null),
        ],
      );
    }
    const inserted = new Set(inserting);
    for (const [i, doc] of batch.articles.entries()) {
      const a = doc.article;
      if (inserted.has(i)) {
        result.inserted.push(a.id);
        continue;
      }
      result.existing.push(a.id);
      // Re-analysis (an inferred date, better annotations) refreshes the row, moving it if its month changed.
      const month = months[i];
      await this.ensurePartition(c, month);
      await c.query(
        `UPDATE articles SET month = $2, published = $3, published_inferred = $4, published_reason = $5, annotations = $6
         WHERE id = $1`,
        [a.id, month, a.published ?? null, a.publishedInferred, a.publishedReason ?? null, encodeAnnotations(doc)],
      );
      await c.query('UPDATE article_keys SET month = $2 WHERE id = $1', [a.id, month]);
    }
    const inBatch = new Map(batch.articles.map((d) => [d.article.id, d.article]));
    const vacated = new Set<string>();
    for (const story of batch.stories) {
      const { dates, outlets } = await this.datesAndOutlets(c, story.articleIds, inBatch);
      dates.sort();
      // Only new members are written; a story that loses its last article to another is removed below.
      const current = await c.query<{ article_id: string }>(
        'SELECT article_id FROM story_articles WHERE story_id = $1',
        [story.id],
      );
      const have = new Set(current.rows.map((r) => r.article_id));
      const added = story.articleIds.filter((id) => !have.has(id));
      await c.query(
        `INSERT INTO stories (id, title, article_count, independent_sources, outlets, first_published, last_published, body, view_count, version, view_version, updated_at, view_updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$3, 1, 1, now(), now())
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, article_count = EXCLUDED.article_count,
           independent_sources = EXCLUDED.independent_sources, outlets = EXCLUDED.outlets,
           first_published = EXCLUDED.first_published, last_published = EXCLUDED.last_published,
           body = EXCLUDED.body, view_count = EXCLUDED.view_count,
           version = stories.version + $9, view_version = stories.version + $9, updated_at = EXCLUDED.updated_at,
           view_updated_at = EXCLUDED.updated_at`,
        [
          story.id,
          story.title,
          story.articleIds.length,
          story.independentSources,
          JSON.stringify([...outlets].sort()),
          dates[0] ?? null,
          dates[dates.length - 1] ?? null,
          JSON.stringify(story),
          added.length > 0 ? 1 : 0,
        ],
      );
      const why = new Map((story.membership ?? []).map((m) => [m.articleId, m]));
      for (const r of await this.addMembers(c, story.id, added, why)) vacated.add(r);
      // A manual decision replaces the recorded reason of members already there; other rebuilds keep it.
      const manual = story.articleIds.filter((id) => have.has(id) && why.get(id)?.decision === 'manual');
      if (manual.length > 0) {
        await c.query(
          `UPDATE story_articles sa SET membership = m.membership
           FROM unnest($1::text[], $2::text[]) AS m(article_id, membership) WHERE sa.article_id = m.article_id`,
          [manual, manual.map((id) => JSON.stringify(why.get(id)))],
        );
      }
    }
    for (const { storyId, added, independentSources } of batch.members ?? []) {
      const found = await c.query<{ outlets: string[] }>('SELECT outlets FROM stories WHERE id = $1', [storyId]);
      const row = found.rows[0];
      if (!row) throw new StoreError(`story ${storyId} does not exist: its new members cannot be recorded`);
      const ids = added.map((m) => m.articleId);
      for (const r of await this.addMembers(c, storyId, ids, new Map(added.map((m) => [m.articleId, m])))) {
        if (r !== storyId) vacated.add(r);
      }
      const { dates, outlets: addedOutlets } = await this.datesAndOutlets(c, ids, inBatch);
      const outlets = new Set([...row.outlets, ...addedOutlets]);
      await c.query(
        `UPDATE stories SET article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = $1),
           independent_sources = $2, outlets = $3, version = version + 1,
           first_published = (SELECT MIN(d) FROM unnest($4::text[] || first_published) AS d),
           last_published = (SELECT MAX(d) FROM unnest($4::text[] || last_published) AS d),
           updated_at = now()
         WHERE id = $1`,
        [storyId, independentSources, JSON.stringify([...outlets].sort()), dates],
      );
    }
    if (vacated.size > 0) {
      // A story that lost members has a view that no longer matches them.
      await c.query('UPDATE stories SET version = version + 1 WHERE id = ANY($1)', [[...vacated]]);
      await c.query(
        'DELETE FROM stories s WHERE s.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)',
        [[...vacated]],
      );
    }
    for (const { story, version } of batch.views ?? []) {
      const written = await c.query(
        `UPDATE stories SET title = $2, independent_sources = $3, body = $4, view_count = $5, view_version = version,
           updated_at = now(), view_updated_at = now() WHERE id = $1 AND version = $6`,
        [story.id, story.title, story.independentSources, JSON.stringify(story), story.articleIds.length, version],
      );
      if (written.rowCount === 0) result.staleViews.push(story.id);
    }
    const touched = [...batch.stories.map((s) => s.id), ...(batch.members ?? []).map((m) => m.storyId)];
    if (touched.length > 0) {
      const { rows } = await c.query<{ id: string; version: number }>(
        'SELECT id, version FROM stories WHERE id = ANY($1)',
        [touched],
      );
      for (const r of rows) result.versions[r.id] = r.version;
    }
    if (batch.compactLog) {
      await c.query('DELETE FROM assignment_prepared WHERE seq > $1 AND seq <= $2', [
        batch.compactLog.afterSeq,
        batch.compactLog.throughSeq,
      ]);
    }
    for (const [key, value] of Object.entries(batch.state ?? {})) {
      await c.query(
        'INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, value],
      );
    }
    if (batch.log && batch.log.length > 0) {
      // Sequence numbers are drawn first (in order, under the exclusive lock) so that each prepared
      // article can be stored against its entry's.
      const { rows } = await c.query<{ seq: string }>(
        "SELECT nextval(pg_get_serial_sequence('assignment_log', 'seq')) AS seq FROM generate_series(1, $1)",
        [batch.log.length],
      );
      const seqs = rows.map((r) => r.seq);
      const entries: string[] = [];
      const preparedSeqs: string[] = [];
      const prepared: string[] = [];
      batch.log.forEach((e, i) => {
        if (e.op === 'add' && e.prepared) {
          const { prepared: p, ...rest } = e;
          entries.push(JSON.stringify(rest));
          preparedSeqs.push(seqs[i]);
          prepared.push(JSON.stringify(p));
        } else entries.push(JSON.stringify(e));
      });
      await c.query('INSERT INTO assignment_log (seq, entry) SELECT * FROM unnest($1::bigint[], $2::text[])', [
        seqs,
        entries,
      ]);
      if (prepared.length > 0)
        await c.query(
          'INSERT INTO assignment_prepared (seq, prepared) SELECT * FROM unnest($1::bigint[], $2::text[])',
          [preparedSeqs, prepared],
        );
    }
    if (batch.completeJobs && batch.completeJobs.length > 0) {
      await c.query(
        `UPDATE jobs SET status = 'done', finished_at = now(), lease_until = NULL, result = NULL WHERE id = ANY($1)`,
        [batch.completeJobs],
      );
    }
    const last = await c.query<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM assignment_log');
    result.lastSeq = Number(last.rows[0].seq ?? 0);
    // Delivered to listeners only if the transaction commits (see `watchChanges`).
    await c.query('SELECT pg_notify($1, current_schema())', [CHANGE_CHANNEL]);
    return result;
  }

  abstract watchChanges(onChange: () => void): () => void;

  /** Publication dates and outlets of these articles: from the batch when they are in it, else stored. */
  private async datesAndOutlets(
    c: pg.PoolClient,
    ids: string[],
    inBatch: Map<string, Article>,
  ): Promise<{ dates: string[]; outlets: Set<string> }> {
    const stored = new Map<string, { published: string | null; source: string | null }>();
    const missing = ids.filter((id) => !inBatch.has(id));
    if (missing.length > 0) {
      const { rows } = await c.query<{ id: string; published: string | null; source: string | null }>(
        'SELECT id, published, source FROM articles WHERE id = ANY($1)',
        [missing],
      );
      for (const r of rows) stored.set(r.id, r);
    }
    const dates: string[] = [];
    const outlets = new Set<string>();
    for (const id of ids) {
      const a = inBatch.get(id);
      const published = a ? a.published : stored.get(id)?.published;
      const source = a ? outletOf(a) : stored.get(id)?.source;
      if (published) dates.push(published);
      if (source) outlets.add(source);
    }
    return { dates, outlets };
  }

  /** Adds articles to a story with the reasons they joined; returns the stories they left. */
  private async addMembers(
    c: pg.PoolClient,
    storyId: string,
    ids: string[],
    why: Map<string, Membership>,
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const moved = await c.query<{ story_id: string }>(
      'SELECT DISTINCT story_id FROM story_articles WHERE article_id = ANY($1) AND story_id <> $2',
      [ids, storyId],
    );
    await c.query(
      `INSERT INTO story_articles (article_id, story_id, membership)
       SELECT m.article_id, $3, m.membership FROM unnest($1::text[], $2::text[]) AS m(article_id, membership)
       ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id,
         membership = coalesce(EXCLUDED.membership, story_articles.membership)`,
      [ids, ids.map((id) => (why.has(id) ? JSON.stringify(why.get(id)) : null)), storyId],
    );
    return moved.rows.map((r) => r.story_id);
  }

  async readLog(afterSeq: number, limit = 10_000): Promise<LoggedEntry[]> {
    const { rows } = await this.run<{ seq: string; entry: string; prepared: string | null }>(
      `SELECT l.seq, l.entry, p.prepared FROM assignment_log l LEFT JOIN assignment_prepared p USING (seq)
       WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => {
      const entry = JSON.parse(r.entry) as AssignmentEntry;
      if (r.prepared !== null && entry.op === 'add') entry.prepared = JSON.parse(r.prepared) as EncodedPrepared;
      return { seq: Number(r.seq), entry };
    });
  }

  async getArticle(id: string): Promise<AnnotatedArticle | undefined> {
    return (await this.getArticles([id]))[0];
  }

  async getArticles(ids: string[], opts: ReadOptions = {}): Promise<AnnotatedArticle[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.run<ArticleRow>(
      `SELECT id, path, title, source, source_inferred, url, byline, published, published_inferred, published_reason, text, annotations
       FROM articles WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const withTokens = opts.tokens ?? true;
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is ArticleRow => !!r)
      .map((r) => articleFromRow(r, withTokens));
  }

  async countArticles(): Promise<number> {
    const { rows } = await this.run<{ n: string }>('SELECT COUNT(*) AS n FROM article_keys');
    return Number(rows[0].n);
  }

  async getStory(id: string): Promise<Story | undefined> {
    const { rows } = await this.run<{ body: string; article_count: number; view_count: number | null }>(
      'SELECT body, article_count, view_count FROM stories WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? withPending(JSON.parse(row.body) as Story, pendingOf(row)) : undefined;
  }

  async getMemberships(storyIds: string[]): Promise<Map<string, Membership>> {
    if (storyIds.length === 0) return new Map();
    const { rows } = await this.run<{ membership: string }>(
      'SELECT membership FROM story_articles WHERE story_id = ANY($1::text[]) AND membership IS NOT NULL',
      [storyIds],
    );
    return new Map(rows.map((r) => JSON.parse(r.membership) as Membership).map((m) => [m.articleId, m]));
  }

  async getStoryMembers(storyIds: string[]): Promise<StoryMemberList[]> {
    if (storyIds.length === 0) return [];
    const { rows } = await this.run<MemberRow>(
      `SELECT s.id, s.independent_sources, s.version, s.view_version, sa.article_id
       FROM stories s JOIN story_articles sa ON sa.story_id = s.id
       WHERE s.id = ANY($1::text[]) ORDER BY s.id, sa.article_id`,
      [storyIds],
    );
    return groupMembers(storyIds, rows);
  }

  async staleStories(limit: number): Promise<string[]> {
    const { rows } = await this.run<{ id: string }>(
      'SELECT id FROM stories WHERE view_version < version ORDER BY article_count DESC, id LIMIT $1',
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async storyOf(articleId: string): Promise<string | undefined> {
    const { rows } = await this.run<{ story_id: string }>('SELECT story_id FROM story_articles WHERE article_id = $1', [
      articleId,
    ]);
    return rows[0]?.story_id;
  }

  async listStories(opts: ListStoriesOptions = {}): Promise<StorySummary[]> {
    // Times compare at the millisecond precision `updatedAt` is reported at.
    const { rows } =
      opts.updatedSince === undefined
        ? await this.run<PgStoryRow>(
            `SELECT ${STORY_SUMMARY_COLUMNS}
             FROM stories ORDER BY last_published DESC NULLS LAST, updated_at DESC, id LIMIT $1 OFFSET $2`,
            [opts.limit ?? 50, opts.offset ?? 0],
          )
        : await this.run<PgStoryRow>(
            `SELECT ${STORY_SUMMARY_COLUMNS} FROM stories WHERE date_trunc('milliseconds', updated_at) > $1::timestamptz
             ORDER BY updated_at, id LIMIT $2 OFFSET $3`,
            [opts.updatedSince, opts.limit ?? 50, opts.offset ?? 0],
          );
    return rows.map(storySummary);
  }

  async getStorySummaries(ids: string[]): Promise<StorySummary[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.run<PgStoryRow>(
      `SELECT ${STORY_SUMMARY_COLUMNS}
       FROM stories WHERE id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [storySummary(r)] : [];
    });
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const tsquery = toTsQuery(query);
    if (!tsquery) return [];
    const { rows } = await this.run<SearchRow>(
      `SELECT a.id, a.title, a.source, a.published, sa.story_id,
              ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=2') AS snippet
       FROM articles a CROSS JOIN to_tsquery('english', $1) q
       LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.tsv @@ q ORDER BY ts_rank_cd(a.tsv, q) DESC, a.id LIMIT $2`,
      [tsquery, opts.limit ?? 20],
    );
    return rows.map(searchHitFromRow);
  }

  async getState(key: string): Promise<string | undefined> {
    const { rows } = await this.run<{ value: string }>('SELECT value FROM state WHERE key = $1', [key]);
    return rows[0]?.value;
  }
}

/** The shared store for teams: PostgreSQL with month partitions, tsvector search and a job queue. */
export class PostgresStore extends PgAccess {
  readonly pool: pg.Pool;
  private readonly retryForMs: number;
  protected readonly run: Run = (sql, params) => this.query(sql, params ?? []);

  private constructor(
    private readonly url: string,
    opts: PostgresStoreOptions,
  ) {
    super(new Set());
    this.pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 4 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.retryForMs = opts.retryForMs ?? 60_000;
  }

  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, opts);
    try {
      await store.migrate();
    } catch (err) {
      await store.pool.end().catch(() => undefined);
      throw new StoreError(`cannot open PostgreSQL database: ${(err as Error).message}`, { cause: err });
    }
    return store;
  }

  /** Runs `fn` in a transaction, retrying the whole transaction on transient failures. */
  async tx<T>(fn: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient | undefined;
      try {
        client = await this.pool.connect();
        // A server that goes away between statements must surface as a failed query, not a crash.
        client.on('error', ignoreError);
        await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
        const result = await fn(client);
        await client.query('COMMIT');
        client.off('error', ignoreError);
        client.release();
        return result;
      } catch (err) {
        if (client) {
          await client.query('ROLLBACK').catch(() => undefined);
          client.off('error', ignoreError);
          // A broken connection must not go back to the pool.
          client.release(isTransient(err) ? (err as Error) : undefined);
        }
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  /**
   * Tries to take a lock held for as long as this process keeps a connection: the role of the one process
   * that assigns stories for all workers. The database releases it when the process dies or its
   * connection breaks, so another process can take the role over. Returns undefined when another holds it.
   */
  async tryLead(): Promise<Leadership | undefined> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      if (isTransient(err)) return undefined;
      throw err;
    }
    const state = { lost: false };
    const onError = (): void => {
      state.lost = true;
    };
    client.on('error', onError);
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCKS.lead]);
      if (!rows[0]?.ok) {
        client.off('error', onError);
        client.release();
        return undefined;
      }
    } catch (err) {
      client.off('error', onError);
      client.release(err as Error);
      if (isTransient(err)) return undefined;
      throw err;
    }
    return {
      get lost() {
        return state.lost;
      },
      release: async () => {
        if (!state.lost) await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.lead]).catch(onError);
        client.off('error', onError);
        client.release(state.lost ? new Error('connection lost') : undefined);
      },
    };
  }

  /** A single statement with the same retry rule. */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.pool.query<R>(sql, params);
      } catch (err) {
        if (!isTransient(err) || Date.now() > deadline) throw err;
        await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }
  }

  private async migrate(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > MIGRATIONS.length) {
        throw new StoreError(
          `database schema version ${current} is newer than this Storyline (${MIGRATIONS.length}); upgrade Storyline`,
        );
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]);
        await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  async commit(batch: Batch): Promise<BatchResult> {
    try {
      return await this.tx((c) => this.commitIn(c, batch));
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`could not write the batch (nothing was stored): ${(err as Error).message}`, { cause: err });
    }
  }

  async exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.assign]);
      return fn(new PgTransactionView(c, this.knownPartitions));
    });
  }

  private readonly watches = new ChangeWatches();

  /**
   * LISTENs on a connection of its own for the notice every commit sends. A lost connection is reopened
   * after a second, and reported as a change since notices may have been missed meanwhile.
   */
  watchChanges(onChange: () => void): () => void {
    let stopped = false;
    let client: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: this.url });
      client = c;
      c.on('error', () => reopen(c));
      c.on('notification', (n) => {
        if (n.channel === CHANGE_CHANNEL) onChange();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANGE_CHANNEL}`);
        if (stopped) await c.end();
      } catch {
        reopen(c);
      }
    };
    const reopen = (c: pg.Client): void => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      retry = setTimeout(() => {
        if (stopped) return;
        onChange();
        void connect();
      }, 1000);
      retry.unref();
    };
    void connect();
    return this.watches.add(() => {
      stopped = true;
      clearTimeout(retry);
      client?.end().catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    this.watches.stopAll();
    await this.pool.end();
  }
}

/** The store as seen from inside an exclusive section: every statement runs in its transaction. */
class PgTransactionView extends PgAccess {
  protected readonly run: Run;

  constructor(
    private readonly client: pg.PoolClient,
    knownPartitions: Set<string>,
  ) {
    super(knownPartitions);
    this.run = (sql, params) => client.query(sql, params ?? []);
  }

  commit(batch: Batch): Promise<BatchResult> {
    return this.commitIn(this.client, batch);
  }

  exclusive<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return fn(this);
  }

  /** Watching belongs to the owning store; a transaction sees no other commits. */
  watchChanges(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    // The owning store closes the pool.
  }
}

/** The notice channel commits signal on (the payload names the schema written). */
const CHANGE_CHANNEL = 'storyline_changes';

const STORY_SUMMARY_COLUMNS =
  'id, title, article_count, independent_sources, outlets, first_published, last_published, view_count, updated_at, view_updated_at';

interface PgStoryRow extends StorySummaryRow {
  outlets: string[];
  updated_at: Date;
  view_updated_at: Date | null;
}

function storySummary(r: PgStoryRow): StorySummary {
  return summaryFromRow(r, r.outlets, r.updated_at.toISOString(), r.view_updated_at?.toISOString());
}

/**
 * The same query language as the SQLite store: every word must match, the last as a prefix, and
 * "quoted phrases" as phrases. Words are passed as lexemes, never as tsquery syntax.
 */
export function toTsQuery(query: string): string {
  const parts = queryParts(query);
  const lexeme = (w: string): string => `'${w.toLowerCase()}'`;
  return parts
    .map((p, i) =>
      p.quoted
        ? `(${p.words.map(lexeme).join(' <-> ')})`
        : `${lexeme(p.words[0])}${i === parts.length - 1 ? ':*' : ''}`,
    )
    .join(' & ');
}
