import type { Signature } from './dedup.js';
import { FEATURE_GROUPS, type ArticleFeatures, type FeatureGroup, type LeadFeatures } from './features.js';
import { StoryClustererError } from './errors.js';
import type { PreparedArticle } from './types.js';

/**
 * A prepared article as plain JSON, kept in the assignment log so that other processes replay a placement
 * without reading, tokenising and featurising the article again. Weights are written as JavaScript prints
 * them, which reads back to the same doubles, and entries keep their order: the replayed state is the same
 * bit for bit.
 */
export interface EncodedPrepared {
  id: string;
  source?: string;
  day?: number;
  groups: Record<FeatureGroup, Array<[string, number]>>;
  labels: Array<[string, string]>;
  lead: LeadFeatures;
  /** MinHash values as little-endian 32-bit words in base64, and the shingle count. */
  signature?: { hashes: string; size: number };
}

export function encodePrepared(p: PreparedArticle): EncodedPrepared {
  const f = p.features;
  const groups = {} as Record<FeatureGroup, Array<[string, number]>>;
  for (const g of FEATURE_GROUPS) groups[g] = [...f.groups[g]];
  const out: EncodedPrepared = { id: f.id, groups, labels: [...f.labels], lead: f.lead };
  if (f.source !== undefined) out.source = f.source;
  if (f.day !== undefined) out.day = f.day;
  if (p.signature) {
    const words = Uint32Array.from(p.signature.hashes);
    out.signature = {
      hashes: Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString('base64'),
      size: p.signature.size,
    };
  }
  return out;
}

function fail(what: string): never {
  throw new StoryClustererError(
    `a logged article preparation is malformed (${what}); the log was not written by this version`,
  );
}

function pairs<V>(x: unknown, value: (v: unknown) => v is V, what: string): Array<[string, V]> {
  if (!Array.isArray(x)) fail(what);
  for (const e of x as unknown[])
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || !value(e[1])) fail(what);
  return x as Array<[string, V]>;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Reads back what `encodePrepared` wrote; anything else is refused with a typed error. */
export function decodePrepared(x: unknown): PreparedArticle {
  if (!x || typeof x !== 'object') fail('not an object');
  const e = x as Partial<EncodedPrepared>;
  if (typeof e.id !== 'string' || e.id === '') fail('id');
  if (!e.groups || typeof e.groups !== 'object') fail('groups');
  const groups = {} as Record<FeatureGroup, Map<string, number>>;
  for (const g of FEATURE_GROUPS) groups[g] = new Map(pairs(e.groups[g] ?? [], isNumber, `group ${g}`));
  const lead = e.lead;
  if (!lead || !Array.isArray(lead.names) || !Array.isArray(lead.days)) fail('lead');
  const features: ArticleFeatures = {
    id: e.id,
    source: typeof e.source === 'string' ? e.source : undefined,
    day: isNumber(e.day) ? e.day : undefined,
    groups,
    labels: new Map(pairs(e.labels ?? [], isString, 'labels')),
    lead: { names: lead.names.filter(isString), days: lead.days.filter(isNumber) },
  };
  if (!e.signature) return { features };
  const { hashes, size } = e.signature;
  if (typeof hashes !== 'string' || !isNumber(size)) fail('signature');
  const bytes = Buffer.from(hashes, 'base64');
  if (bytes.length % 4 !== 0) fail('signature length');
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) words.push(bytes.readUInt32LE(i));
  const signature: Signature = { hashes: words, size };
  return { features, signature };
}
