import type Database from 'better-sqlite3';
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
import { type AssignmentEntry, type ListStoriesOptions, StoreError, type StorySummary } from '../types.js';

/** The columns a story summary is read from. */
const SUMMARY_COLUMNS =
  'id, title, article_count, independent_sources, outlets, first_published, last_published, view_count, updated_at, view_updated_at';

interface StoryRow extends StorySummaryRow {
  outlets: string;
  updated_at: string;
  view_updated_at: string | null;
}

/**
 * SQLite's statements: synchronous (better-sqlite3), one statement per id where a lookup is an index probe,
 * JSON text for lists and documents, FTS5 for search. Statements are prepared once per connection.
 */
export class SqliteDialect implements BatchDialect, ReadDialect {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  // ---- batch ----

  insertArticles(docs: AnnotatedArticle[], now: string): boolean[] {
    const insert = this.sql(
      `INSERT INTO articles (id, path, title, source, source_inferred, url, byline, published, published_inferred, published_reason, text, annotations, ingested_at)
       VALUES (@id, @path, @title, @source, @source_inferred, @url, @byline, @published, @published_inferred, @published_reason, @text, @annotations, @ingested_at)
       ON CONFLICT(id) DO NOTHING`,
    );
    return docs.map((doc) => insert.run(articleRow(doc, now)).changes > 0);
  }

  updateArticle(doc: AnnotatedArticle): void {
    const a = doc.article;
    this.sql(
      `UPDATE articles SET published = @published, published_inferred = @published_inferred, published_reason = @published_reason,
       annotations = @annotations WHERE id = @id`,
    ).run({
      id: a.id,
      published: a.published ?? null,
      published_inferred: a.publishedInferred ? 1 : 0,
      published_reason: a.publishedReason ?? null,
      annotations: encodeAnnotations(doc),
    });
  }

  articleFacts(ids: string[]): Map<string, ArticleFacts> {
    const get = this.sql('SELECT published, source FROM articles WHERE id = ?');
    const out = new Map<string, ArticleFacts>();
    for (const id of ids) {
      const row = get.get(id) as ArticleFacts | undefined;
      if (row) out.set(id, row);
    }
    return out;
  }

  memberIds(storyId: string): string[] {
    return this.sql('SELECT article_id FROM story_articles WHERE story_id = ?')
      .all(storyId)
      .map((r) => (r as { article_id: string }).article_id);
  }

  upsertStory(w: StoryWrite, now: string): void {
    this.sql(
      `INSERT INTO stories (id, title, article_count, independent_sources, outlets, first_published, last_published, body, view_count, version, view_version, updated_at, view_updated_at)
       VALUES (@id, @title, @article_count, @independent_sources, @outlets, @first_published, @last_published, @body, @article_count, 1, 1, @updated_at, @updated_at)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count,
       independent_sources = excluded.independent_sources, outlets = excluded.outlets, first_published = excluded.first_published,
       last_published = excluded.last_published, body = excluded.body, view_count = excluded.view_count,
       version = stories.version + @bump, view_version = stories.version + @bump, updated_at = excluded.updated_at,
       view_updated_at = excluded.updated_at`,
    ).run({
      id: w.story.id,
      title: w.story.title,
      article_count: w.story.articleIds.length,
      independent_sources: w.story.independentSources,
      outlets: JSON.stringify(w.outlets),
      first_published: w.firstPublished,
      last_published: w.lastPublished,
      body: JSON.stringify(w.story),
      bump: w.bump ? 1 : 0,
      updated_at: now,
    });
  }

  addMembers(storyId: string, ids: string[], why: Map<string, Membership>): string[] {
    const storyOf = this.sql('SELECT story_id FROM story_articles WHERE article_id = ?');
    const assign = this.sql(
      `INSERT INTO story_articles (article_id, story_id, membership) VALUES (?, ?, ?)
       ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, membership = coalesce(excluded.membership, membership)`,
    );
    const left: string[] = [];
    for (const id of ids) {
      const previous = (storyOf.get(id) as { story_id: string } | undefined)?.story_id;
      if (previous !== undefined && previous !== storyId) left.push(previous);
      const m = why.get(id);
      assign.run(id, storyId, m ? JSON.stringify(m) : null);
    }
    return left;
  }

  setMemberships(memberships: Membership[]): void {
    const set = this.sql('UPDATE story_articles SET membership = ? WHERE article_id = ?');
    for (const m of memberships) set.run(JSON.stringify(m), m.articleId);
  }

  storyColumns(storyId: string): StoryColumns | undefined {
    const row = this.sql('SELECT outlets, first_published, last_published FROM stories WHERE id = ?').get(storyId) as
      (Omit<StoryColumns, 'outlets'> & { outlets: string }) | undefined;
    return row ? { ...row, outlets: JSON.parse(row.outlets) as string[] } : undefined;
  }

  growStory(g: StoryGrowth, now: string): void {
    const known = [g.before.first_published, g.before.last_published, ...g.addedDates]
      .filter((d): d is string => !!d)
      .sort();
    this.sql(
      `UPDATE stories SET article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = @id),
       independent_sources = @independent_sources, outlets = @outlets, first_published = @first_published,
       last_published = @last_published, version = version + 1, updated_at = @updated_at WHERE id = @id`,
    ).run({
      id: g.storyId,
      independent_sources: g.independentSources,
      outlets: JSON.stringify(g.outlets),
      first_published: known[0] ?? null,
      last_published: known[known.length - 1] ?? null,
      updated_at: now,
    });
  }

  vacate(storyIds: string[]): void {
    const bump = this.sql('UPDATE stories SET version = version + 1 WHERE id = ?');
    const deleteIfEmpty = this.sql(
      'DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM story_articles WHERE story_id = ?)',
    );
    for (const id of storyIds) {
      bump.run(id);
      deleteIfEmpty.run(id, id);
    }
  }

  writeViewIfVersion(story: Story, version: number, now: string): boolean {
    const info = this.sql(
      `UPDATE stories SET title = @title, independent_sources = @independent_sources, body = @body,
       view_count = @view_count, view_version = version, updated_at = @updated_at, view_updated_at = @updated_at
       WHERE id = @id AND version = @version`,
    ).run({
      id: story.id,
      title: story.title,
      independent_sources: story.independentSources,
      body: JSON.stringify(story),
      view_count: story.articleIds.length,
      version,
      updated_at: now,
    });
    return info.changes > 0;
  }

  versions(storyIds: string[]): Map<string, number> {
    const get = this.sql('SELECT version FROM stories WHERE id = ?');
    const out = new Map<string, number>();
    for (const id of storyIds) {
      const row = get.get(id) as { version: number } | undefined;
      if (row) out.set(id, row.version);
    }
    return out;
  }

  putState(entries: Array<[string, string]>): void {
    const put = this.sql(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of entries) put.run(key, value);
  }

  /** Prepared articles live inside the entries here: they are cut out of the JSON. */
  compactLog(afterSeq: number, throughSeq: number): void {
    this.sql(
      "UPDATE assignment_log SET entry = json_remove(entry, '$.prepared') WHERE seq > ? AND seq <= ? AND json_type(entry, '$.prepared') IS NOT NULL",
    ).run(afterSeq, throughSeq);
  }

  appendLog(entries: AssignmentEntry[]): void {
    const append = this.sql('INSERT INTO assignment_log (entry) VALUES (?)');
    for (const entry of entries) append.run(JSON.stringify(entry));
  }

  /** An embedded database has no job queue. */
  completeJobs(): void {}

  lastSeq(): number {
    return (this.sql('SELECT MAX(seq) AS seq FROM assignment_log').get() as { seq: number | null }).seq ?? 0;
  }

  /** Other processes notice commits by polling `data_version`. */
  signalChange(): void {}

  // ---- reads ----

  existingIds(ids: string[]): Set<string> {
    const out = new Set<string>();
    const stmt = this.sql('SELECT 1 FROM articles WHERE id = ?');
    for (const id of ids) if (stmt.get(id)) out.add(id);
    return out;
  }

  articleRows(ids: string[]): ArticleRow[] {
    const stmt = this.sql('SELECT * FROM articles WHERE id = ?');
    return ids.flatMap((id) => {
      const row = stmt.get(id) as ArticleRow | undefined;
      return row ? [row] : [];
    });
  }

  countArticles(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  storyBody(id: string): { body: string; article_count: number; view_count: number | null } | undefined {
    return this.sql('SELECT body, article_count, view_count FROM stories WHERE id = ?').get(id) as
      { body: string; article_count: number; view_count: number | null } | undefined;
  }

  membershipRows(storyIds: string[]): string[] {
    return this.sql(
      `SELECT membership FROM story_articles
       WHERE story_id IN (SELECT value FROM json_each(?)) AND membership IS NOT NULL`,
    )
      .all(JSON.stringify(storyIds))
      .map((r) => (r as { membership: string }).membership);
  }

  memberRows(storyIds: string[]): MemberRow[] {
    return this.sql(
      `SELECT s.id, s.independent_sources, s.version, s.view_version, sa.article_id
       FROM stories s JOIN story_articles sa ON sa.story_id = s.id
       WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id, sa.article_id`,
    ).all(JSON.stringify(storyIds)) as MemberRow[];
  }

  staleStories(limit: number): string[] {
    return this.sql('SELECT id FROM stories WHERE view_version < version ORDER BY article_count DESC, id LIMIT ?')
      .all(limit)
      .map((r) => (r as { id: string }).id);
  }

  storyOf(articleId: string): string | undefined {
    const row = this.sql('SELECT story_id FROM story_articles WHERE article_id = ?').get(articleId) as
      { story_id: string } | undefined;
    return row?.story_id;
  }

  listSummaries(opts: ListStoriesOptions): StorySummary[] {
    // Only the list columns: a story's body holds its whole view and is megabytes for a large story.
    const rows = (
      opts.updatedSince === undefined
        ? this.sql(
            `SELECT ${SUMMARY_COLUMNS} FROM stories ORDER BY last_published DESC, updated_at DESC, id LIMIT ? OFFSET ?`,
          ).all(opts.limit ?? 50, opts.offset ?? 0)
        : this.sql(
            `SELECT ${SUMMARY_COLUMNS} FROM stories WHERE updated_at > ? ORDER BY updated_at, id LIMIT ? OFFSET ?`,
          ).all(opts.updatedSince, opts.limit ?? 50, opts.offset ?? 0)
    ) as StoryRow[];
    return rows.map(storySummary);
  }

  summariesOf(ids: string[]): StorySummary[] {
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(ids),
    ) as StoryRow[];
    return rows.map(storySummary);
  }

  searchRows(query: string, limit: number): SearchRow[] {
    const match = toFtsQuery(query);
    if (!match) return [];
    try {
      return this.sql(
        `SELECT a.id, a.title, a.source, a.published, sa.story_id,
                snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         LEFT JOIN story_articles sa ON sa.article_id = a.id
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?`,
      ).all(match, limit) as SearchRow[];
    } catch (err) {
      throw new StoreError(`bad search query "${query}": ${(err as Error).message}`, { cause: err });
    }
  }

  stateValue(key: string): string | undefined {
    const row = this.sql('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Prepared articles are inside the entries. */
  logRows(afterSeq: number, limit: number): LogRow[] {
    const rows = this.sql('SELECT seq, entry FROM assignment_log WHERE seq > ? ORDER BY seq LIMIT ?').all(
      afterSeq,
      limit,
    ) as Array<{ seq: number; entry: string }>;
    return rows.map((r) => ({ seq: r.seq, entry: r.entry, prepared: null }));
  }
}

/**
 * Turns user words into an FTS5 query: every word must match (prefix match on the last one, as people
 * type), quoted phrases stay phrases. User input never reaches FTS5 syntax unescaped.
 */
export function toFtsQuery(query: string): string {
  const parts = queryParts(query);
  // A single word is a prefix when it comes last, quoted or not.
  return parts
    .map((p, i) => `"${p.words.join(' ')}"${i === parts.length - 1 && p.words.length === 1 ? '*' : ''}`)
    .join(' ');
}

function articleRow(doc: AnnotatedArticle, now: string): Record<string, string | number | null> {
  const a = doc.article;
  return {
    id: a.id,
    path: a.path ?? null,
    title: a.title ?? null,
    source: a.source ?? null,
    source_inferred: a.sourceInferred ? 1 : 0,
    url: a.url ?? null,
    byline: a.byline ?? null,
    published: a.published ?? null,
    published_inferred: a.publishedInferred ? 1 : 0,
    published_reason: a.publishedReason ?? null,
    text: a.text,
    annotations: encodeAnnotations(doc),
    ingested_at: now,
  };
}

function storySummary(r: StoryRow): StorySummary {
  return summaryFromRow(r, JSON.parse(r.outlets) as string[], r.updated_at, r.view_updated_at ?? undefined);
}
