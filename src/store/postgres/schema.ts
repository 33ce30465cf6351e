/**
 * Schema migrations, applied in order under an advisory lock so that several processes starting at once
 * migrate exactly once. Articles are partitioned by publication month (undated ones in the default
 * partition); `article_keys` holds the global content-hash key that partitioning cannot enforce.
 */
export const MIGRATIONS: readonly string[] = [
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

/** The notice channel commits signal on (the payload names the schema written). */
export const CHANGE_CHANNEL = 'storyline_changes';
