import type { AnnotatedArticle, Article } from '../model.js';
import type { IngestFailure } from '../ingest/errors.js';
import { decodePrepared, encodePrepared, type EncodedPrepared, type PreparedArticle } from '../stories/index.js';
import { decodeAnnotations, encodeAnnotations } from '../store/codec.js';

/** Articles analysed and prepared for story assignment, not stored yet. */
export interface AnalysedBatch {
  docs: AnnotatedArticle[];
  /** Clustering features of each article, by id. */
  prepared: Map<string, PreparedArticle>;
  /** Articles left out: repeated in the batch or already stored. */
  duplicates: string[];
  failures: IngestFailure[];
  tokens: number;
}

interface EncodedBatch {
  docs: Array<{ article: Article; annotations: string; prepared?: EncodedPrepared }>;
  duplicates: string[];
  failures: IngestFailure[];
  tokens: number;
}

/**
 * An analysed batch as text, to hand it from the worker that analysed it to the one that assigns stories.
 * Tokens are left out (assignment and assembly do not read them), as in the store.
 */
export function encodeAnalysed(b: AnalysedBatch): string {
  const out: EncodedBatch = { docs: [], duplicates: b.duplicates, failures: b.failures, tokens: b.tokens };
  for (const d of b.docs) {
    const p = b.prepared.get(d.article.id);
    out.docs.push({
      article: d.article,
      annotations: encodeAnnotations(d),
      ...(p ? { prepared: encodePrepared(p) } : {}),
    });
  }
  return JSON.stringify(out);
}

export function decodeAnalysed(json: string): AnalysedBatch {
  const e = JSON.parse(json) as Partial<EncodedBatch>;
  const out: AnalysedBatch = {
    docs: [],
    prepared: new Map(),
    duplicates: e.duplicates ?? [],
    failures: e.failures ?? [],
    tokens: e.tokens ?? 0,
  };
  for (const d of e.docs ?? []) {
    out.docs.push(decodeAnnotations(d.article, d.annotations, false));
    if (d.prepared) out.prepared.set(d.article.id, decodePrepared(d.prepared));
  }
  return out;
}
