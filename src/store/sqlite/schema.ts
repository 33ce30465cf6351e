import type Database from 'better-sqlite3';
import { StoreError } from '../types.js';

/** Schema migrations, applied in order; the index + 1 is the schema version. Never edit a released one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     path TEXT, title TEXT, source TEXT, source_inferred INTEGER NOT NULL DEFAULT 0, url TEXT,
     published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0, published_reason TEXT,
     text TEXT NOT NULL,
     annotations TEXT NOT NULL,
     ingested_at TEXT NOT NULL
   );
   CREATE INDEX articles_published ON articles(published);
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     article_count INTEGER NOT NULL,
     independent_sources INTEGER NOT NULL,
     outlets TEXT NOT NULL,
     first_published TEXT, last_published TEXT,
     body TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX stories_updated ON stories(updated_at);
   CREATE TABLE story_articles (
     article_id TEXT PRIMARY KEY REFERENCES articles(id),
     story_id TEXT NOT NULL REFERENCES stories(id)
   );
   CREATE INDEX story_articles_story ON story_articles(story_id);
   CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61');
   CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;
   CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
   END;
   CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
   END;`,
  `CREATE TABLE assignment_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL);`,
  `ALTER TABLE articles ADD COLUMN byline TEXT;`,
  // Story lists page through this order; without the index every page sorted the whole table.
  `CREATE INDEX stories_recent ON stories(last_published DESC, updated_at DESC, id);`,
  // Why each article joined is kept with its membership, so a story's view can be rebuilt later from the
  // members alone. version counts membership changes; view_version is the version the stored view was
  // built from, and view_count how many members it covers.
  `ALTER TABLE story_articles ADD COLUMN membership TEXT;
   ALTER TABLE stories ADD COLUMN view_count INTEGER;
   ALTER TABLE stories ADD COLUMN view_updated_at TEXT;
   ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE stories ADD COLUMN view_version INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX stories_stale ON stories(article_count) WHERE view_version < version;`,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * `PRAGMA application_id` of Storyline databases ("Stor" in ASCII), set when Storyline creates a file. A
 * SQLite file with other tables and without it belongs to another application and is never written.
 */
export const STORYLINE_APPLICATION_ID = 0x53746f72;

/** Tables a Storyline database may hold; a file with any other table belongs to someone else. */
const OWN_TABLES = new Set(['articles', 'stories', 'story_articles', 'state', 'assignment_log', 'schema_migrations']);
export const isOwnTable = (name: string): boolean =>
  OWN_TABLES.has(name) || name === 'articles_fts' || name.startsWith('articles_fts_') || name.startsWith('sqlite_');
/** The schema version recorded in a database (0 for a new or empty file). */
export function schemaVersion(db: Database.Database): number {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!has) return 0;
  return (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

export function newerSchema(version: number): StoreError {
  return new StoreError(
    `database schema version ${version} is newer than this Storyline (${MIGRATIONS.length}); upgrade Storyline`,
  );
}
