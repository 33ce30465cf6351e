import type pg from 'pg';
import type { AnnotatedArticle, Membership, Story } from '../../model.js';
import { encodeAnnotations } from '../codec.js';
import type {
  ArticleFacts,
  BatchDialect,
  LogRow,
  ReadDialect,
  StoryColumns,
  StoryGrowth,
  StoryWrite,
} from '../dialect.js';
import {
  type ArticleRow,
  type MemberRow,
  queryParts,
  type SearchRow,
  summaryFromRow,
  type StorySummaryRow,
} from '../rows.js';
import type { AssignmentEntry, ListStoriesOptions, StorySummary } from '../types.js';
import { CHANGE_CHANNEL, LOCKS } from './schema.js';

/** Runs one statement: on the pool (with retries) for the store itself, or on the client of an open transaction. */
export type Run = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>;

const STORY_SUMMARY_COLUMNS =
  'id, title, article_count, independent_sources, outlets, first_published, last_published, view_count, updated_at, view_updated_at';

interface PgStoryRow extends StorySummaryRow {
  outlets: string[];
  updated_at: Date;
  view_updated_at: Date | null;
}

function monthOf(published: string | undefined): string | null {
  return published ? `${published.slice(0, 7)}-01` : null;
}

/**
 * PostgreSQL's statements: one per table for a whole list (`unnest`, `= ANY`), articles in month partitions
 * created on first use, server time for update times, tsvector search, prepared articles of the log in a
 * table of their own, and a NOTIFY with every batch.
 */
export class PgDialect implements BatchDialect, ReadDialect {
  /**
   * @param run how statements run
   * @param knownPartitions month partitions known to exist, shared by every dialect of one store
   */
  constructor(
    private readonly run: Run,
    private readonly knownPartitions: Set<string>,
  ) {}

  /** Creates the month partition for a date if it does not exist yet. */
  private async ensurePartition(month: string | null): Promise<void> {
    if (!month || this.knownPartitions.has(month)) return;
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const name = `articles_${y}_${String(m).padStart(2, '0')}`;
    await this.run('SELECT pg_advisory_xact_lock($1)', [LOCKS.partition]);
    // to_regclass follows search_path, so each schema gets its own partitions.
    const exists = await this.run<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
    if (!exists.rows[0].found) {
      // Only undated rows live in the default partition, so a new month never conflicts with it.
      await this.run(`CREATE TABLE ${name} PARTITION OF articles FOR VALUES FROM ('${month}') TO ('${next}')`);
    }
    this.knownPartitions.add(month);
  }

  // ---- batch ----

  /**
   * New articles go in with one statement per table (a batch is tens to hundreds of articles, and each round
   * trip is paid under the assignment lock); `article_keys` holds the key partitioning cannot enforce.
   */
  async insertArticles(docs: AnnotatedArticle[]): Promise<boolean[]> {
    const months = docs.map((d) => monthOf(d.article.published));
    const keys = await this.run<{ id: string }>(
      `INSERT INTO article_keys (id, month) SELECT * FROM unnest($1::text[], $2::date[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [docs.map((d) => d.article.id), months],
    );
    const fresh = new Set(keys.rows.map((r) => r.id));
    // Of several copies in one batch, the first is inserted.
    const inserting = docs.map((d) => fresh.delete(d.article.id));
    const rows = docs.flatMap((d, i) => (inserting[i] ? [{ d, month: months[i] }] : []));
    for (const month of new Set(rows.map((r) => r.month))) await this.ensurePartition(month);
    if (rows.length > 0) {
      const column = <T>(f: (d: AnnotatedArticle, month: string | null) => T): T[] => rows.map((r) => f(r.d, r.month));
      await this.run(
        `INSERT INTO articles (id, month, path, title, source, source_inferred, url, published, published_inferred, published_reason, text, annotations, byline)
         SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[],
                              $9::boolean[], $10::text[], $11::text[], $12::text[], $13::text[])`,
        [
          column((d) => d.article.id),
          column((_, month) => month),
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
    return inserting;
  }

  /** Refreshes the row, moving it to another partition if its month changed. */
  async updateArticle(doc: AnnotatedArticle): Promise<void> {
    const a = doc.article;
    const month = monthOf(a.published);
    await this.ensurePartition(month);
    await this.run(
      `UPDATE articles SET month = $2, published = $3, published_inferred = $4, published_reason = $5, annotations = $6
       WHERE id = $1`,
      [a.id, month, a.published ?? null, a.publishedInferred, a.publishedReason ?? null, encodeAnnotations(doc)],
    );
    await this.run('UPDATE article_keys SET month = $2 WHERE id = $1', [a.id, month]);
  }

  async articleFacts(ids: string[]): Promise<Map<string, ArticleFacts>> {
    const { rows } = await this.run<{ id: string; published: string | null; source: string | null }>(
      'SELECT id, published, source FROM articles WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async memberIds(storyId: string): Promise<string[]> {
    const { rows } = await this.run<{ article_id: string }>(
      'SELECT article_id FROM story_articles WHERE story_id = $1',
      [storyId],
    );
    return rows.map((r) => r.article_id);
  }

  async upsertStory(w: StoryWrite): Promise<void> {
    await this.run(
      `INSERT INTO stories (id, title, article_count, independent_sources, outlets, first_published, last_published, body, view_count, version, view_version, updated_at, view_updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$3, 1, 1, now(), now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, article_count = EXCLUDED.article_count,
         independent_sources = EXCLUDED.independent_sources, outlets = EXCLUDED.outlets,
         first_published = EXCLUDED.first_published, last_published = EXCLUDED.last_published,
         body = EXCLUDED.body, view_count = EXCLUDED.view_count,
         version = stories.version + $9, view_version = stories.version + $9, updated_at = EXCLUDED.updated_at,
         view_updated_at = EXCLUDED.updated_at`,
      [
        w.story.id,
        w.story.title,
        w.story.articleIds.length,
        w.story.independentSources,
        JSON.stringify(w.outlets),
        w.firstPublished,
        w.lastPublished,
        JSON.stringify(w.story),
        w.bump ? 1 : 0,
      ],
    );
  }

  async addMembers(storyId: string, ids: string[], why: Map<string, Membership>): Promise<string[]> {
    if (ids.length === 0) return [];
    const moved = await this.run<{ story_id: string }>(
      'SELECT DISTINCT story_id FROM story_articles WHERE article_id = ANY($1) AND story_id <> $2',
      [ids, storyId],
    );
    await this.run(
      `INSERT INTO story_articles (article_id, story_id, membership)
       SELECT m.article_id, $3, m.membership FROM unnest($1::text[], $2::text[]) AS m(article_id, membership)
       ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id,
         membership = coalesce(EXCLUDED.membership, story_articles.membership)`,
      [ids, ids.map((id) => (why.has(id) ? JSON.stringify(why.get(id)) : null)), storyId],
    );
    return moved.rows.map((r) => r.story_id);
  }

  async setMemberships(memberships: Membership[]): Promise<void> {
    await this.run(
      `UPDATE story_articles sa SET membership = m.membership
       FROM unnest($1::text[], $2::text[]) AS m(article_id, membership) WHERE sa.article_id = m.article_id`,
      [memberships.map((m) => m.articleId), memberships.map((m) => JSON.stringify(m))],
    );
  }

  async storyColumns(storyId: string): Promise<StoryColumns | undefined> {
    const { rows } = await this.run<StoryColumns>(
      'SELECT outlets, first_published, last_published FROM stories WHERE id = $1',
      [storyId],
    );
    return rows[0];
  }

  /** The new dates are merged with the stored ones by the server. */
  async growStory(g: StoryGrowth): Promise<void> {
    await this.run(
      `UPDATE stories SET article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = $1),
         independent_sources = $2, outlets = $3, version = version + 1,
         first_published = (SELECT MIN(d) FROM unnest($4::text[] || first_published) AS d),
         last_published = (SELECT MAX(d) FROM unnest($4::text[] || last_published) AS d),
         updated_at = now()
       WHERE id = $1`,
      [g.storyId, g.independentSources, JSON.stringify(g.outlets), g.addedDates],
    );
  }

  async vacate(storyIds: string[]): Promise<void> {
    await this.run('UPDATE stories SET version = version + 1 WHERE id = ANY($1)', [storyIds]);
    await this.run(
      'DELETE FROM stories s WHERE s.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = s.id)',
      [storyIds],
    );
  }

  async writeViewIfVersion(story: Story, version: number): Promise<boolean> {
    const written = await this.run(
      `UPDATE stories SET title = $2, independent_sources = $3, body = $4, view_count = $5, view_version = version,
         updated_at = now(), view_updated_at = now() WHERE id = $1 AND version = $6`,
      [story.id, story.title, story.independentSources, JSON.stringify(story), story.articleIds.length, version],
    );
    return written.rowCount !== 0;
  }

  async versions(storyIds: string[]): Promise<Map<string, number>> {
    const { rows } = await this.run<{ id: string; version: number }>(
      'SELECT id, version FROM stories WHERE id = ANY($1)',
      [storyIds],
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  async putState(entries: Array<[string, string]>): Promise<void> {
    for (const [key, value] of entries) {
      await this.run(
        'INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, value],
      );
    }
  }

  /** Prepared articles are kept beside the entries: dropping them deletes rows. */
  async compactLog(afterSeq: number, throughSeq: number): Promise<void> {
    await this.run('DELETE FROM assignment_prepared WHERE seq > $1 AND seq <= $2', [afterSeq, throughSeq]);
  }

  async appendLog(log: AssignmentEntry[]): Promise<void> {
    // Sequence numbers are drawn first (in order, under the exclusive lock) so that each prepared
    // article can be stored against its entry's.
    const { rows } = await this.run<{ seq: string }>(
      "SELECT nextval(pg_get_serial_sequence('assignment_log', 'seq')) AS seq FROM generate_series(1, $1)",
      [log.length],
    );
    const seqs = rows.map((r) => r.seq);
    const entries: string[] = [];
    const preparedSeqs: string[] = [];
    const prepared: string[] = [];
    log.forEach((e, i) => {
      if (e.op === 'add' && e.prepared) {
        const { prepared: p, ...rest } = e;
        entries.push(JSON.stringify(rest));
        preparedSeqs.push(seqs[i]);
        prepared.push(JSON.stringify(p));
      } else entries.push(JSON.stringify(e));
    });
    await this.run('INSERT INTO assignment_log (seq, entry) SELECT * FROM unnest($1::bigint[], $2::text[])', [
      seqs,
      entries,
    ]);
    if (prepared.length > 0)
      await this.run('INSERT INTO assignment_prepared (seq, prepared) SELECT * FROM unnest($1::bigint[], $2::text[])', [
        preparedSeqs,
        prepared,
      ]);
  }

  async completeJobs(ids: number[]): Promise<void> {
    await this.run(
      `UPDATE jobs SET status = 'done', finished_at = now(), lease_until = NULL, result = NULL WHERE id = ANY($1)`,
      [ids],
    );
  }

  async lastSeq(): Promise<number> {
    const last = await this.run<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM assignment_log');
    return Number(last.rows[0].seq ?? 0);
  }

  /** Delivered to listeners only if the transaction commits (see `PostgresStore.watchChanges`). */
  async signalChange(): Promise<void> {
    await this.run('SELECT pg_notify($1, current_schema())', [CHANGE_CHANNEL]);
  }

  // ---- reads ----

  async existingIds(ids: string[]): Promise<Set<string>> {
    const { rows } = await this.run<{ id: string }>('SELECT id FROM article_keys WHERE id = ANY($1)', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async articleRows(ids: string[]): Promise<ArticleRow[]> {
    const { rows } = await this.run<ArticleRow>(
      `SELECT id, path, title, source, source_inferred, url, byline, published, published_inferred, published_reason, text, annotations
       FROM articles WHERE id = ANY($1)`,
      [ids],
    );
    return rows;
  }

  async countArticles(): Promise<number> {
    const { rows } = await this.run<{ n: string }>('SELECT COUNT(*) AS n FROM article_keys');
    return Number(rows[0].n);
  }

  async storyBody(id: string): Promise<{ body: string; article_count: number; view_count: number | null } | undefined> {
    const { rows } = await this.run<{ body: string; article_count: number; view_count: number | null }>(
      'SELECT body, article_count, view_count FROM stories WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  async membershipRows(storyIds: string[]): Promise<string[]> {
    const { rows } = await this.run<{ membership: string }>(
      'SELECT membership FROM story_articles WHERE story_id = ANY($1::text[]) AND membership IS NOT NULL',
      [storyIds],
    );
    return rows.map((r) => r.membership);
  }

  async memberRows(storyIds: string[]): Promise<MemberRow[]> {
    const { rows } = await this.run<MemberRow>(
      `SELECT s.id, s.independent_sources, s.version, s.view_version, sa.article_id
       FROM stories s JOIN story_articles sa ON sa.story_id = s.id
       WHERE s.id = ANY($1::text[]) ORDER BY s.id, sa.article_id`,
      [storyIds],
    );
    return rows;
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

  async listSummaries(opts: ListStoriesOptions): Promise<StorySummary[]> {
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

  async summariesOf(ids: string[]): Promise<StorySummary[]> {
    const { rows } = await this.run<PgStoryRow>(
      `SELECT ${STORY_SUMMARY_COLUMNS}
       FROM stories WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows.map(storySummary);
  }

  async searchRows(query: string, limit: number): Promise<SearchRow[]> {
    const tsquery = toTsQuery(query);
    if (!tsquery) return [];
    const { rows } = await this.run<SearchRow>(
      `SELECT a.id, a.title, a.source, a.published, sa.story_id,
              ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=2') AS snippet
       FROM articles a CROSS JOIN to_tsquery('english', $1) q
       LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.tsv @@ q ORDER BY ts_rank_cd(a.tsv, q) DESC, a.id LIMIT $2`,
      [tsquery, limit],
    );
    return rows;
  }

  async stateValue(key: string): Promise<string | undefined> {
    const { rows } = await this.run<{ value: string }>('SELECT value FROM state WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  async logRows(afterSeq: number, limit: number): Promise<LogRow[]> {
    const { rows } = await this.run<{ seq: string; entry: string; prepared: string | null }>(
      `SELECT l.seq, l.entry, p.prepared FROM assignment_log l LEFT JOIN assignment_prepared p USING (seq)
       WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), entry: r.entry, prepared: r.prepared }));
  }
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
