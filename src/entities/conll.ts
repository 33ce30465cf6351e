import { readFileSync } from 'node:fs';

/** One labelled sentence: tokens with their gold tags (BIO or BIOES, as written in the file). */
export interface LabelledSentence {
  words: string[];
  tags: string[];
}

/** A document: the unit inside which document-level features (casing elsewhere, repeated names) apply. */
export interface LabelledDocument {
  sentences: LabelledSentence[];
}

/** A typed chunk over token indexes `[start, end)`. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

export class NerDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerDataError';
  }
}

/**
 * Reads a CoNLL-style file: one token per line with the tag in the last column (space- or
 * tab-separated, so CoNLL-2003 `token TAG` and WNUT-17 `token<TAB>TAG` both work), blank lines between
 * sentences and `-DOCSTART-` lines between documents. In files without document markers (tweets)
 * every sentence is its own document, so document features never mix unrelated texts.
 */
export function readConll(file: string): LabelledDocument[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new NerDataError(
      `Cannot read NER data file "${file}": ${(err as Error).message}. Pass the path of a CoNLL file (e.g. ner/conll2003/eng.testa under the data folder).`,
    );
  }
  return parseConll(raw);
}

export function parseConll(raw: string): LabelledDocument[] {
  const docs: LabelledDocument[] = [];
  let doc: LabelledDocument = { sentences: [] };
  let sent: LabelledSentence = { words: [], tags: [] };
  let sawDocStart = false;
  const endSentence = (): void => {
    if (sent.words.length > 0) doc.sentences.push(sent);
    sent = { words: [], tags: [] };
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const line0 of raw.split(/\r?\n/)) {
    const line = line0.trimEnd();
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    if (line.startsWith('-DOCSTART-')) {
      sawDocStart = true;
      endDoc();
      continue;
    }
    const parts = line.split(/[\t ]+/);
    if (parts.length < 2) {
      // A lone token without a tag: treat as outside any entity rather than failing the whole file.
      sent.words.push(parts[0]);
      sent.tags.push('O');
      continue;
    }
    sent.words.push(parts[0]);
    sent.tags.push(parts[parts.length - 1]);
  }
  endDoc();
  if (!sawDocStart) {
    const all = docs.flatMap((d) => d.sentences);
    docs.length = 0;
    for (const sentence of all) docs.push({ sentences: [sentence] });
  }
  return docs;
}

function splitTag(tag: string): [string, string] {
  if (tag === 'O' || tag.length < 2 || tag[1] !== '-') return ['O', ''];
  return [tag[0], tag.slice(2)];
}

/**
 * Chunks as conlleval finds them, for BIO, IOB1 and BIOES alike: a chunk starts at B/S, or at I/E after
 * O, after a chunk end (E/S) or after a different type; it ends at E/S or where the next one starts.
 */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  let prevP = 'O';
  let prevT = '';
  for (let i = 0; i < tags.length; i++) {
    const [p, t] = splitTag(tags[i]);
    const starts =
      p === 'B' ||
      p === 'S' ||
      ((p === 'I' || p === 'E') && (prevP === 'O' || prevP === 'E' || prevP === 'S' || prevT !== t));
    if (cur && (p === 'O' || starts)) {
      cur.end = i;
      out.push(cur);
      cur = null;
    }
    if (starts) cur = { start: i, end: i + 1, type: t };
    if (cur && (p === 'E' || p === 'S')) {
      cur.end = i + 1;
      out.push(cur);
      cur = null;
    }
    prevP = p;
    prevT = t;
  }
  if (cur) {
    cur.end = tags.length;
    out.push(cur);
  }
  return out;
}

/** Rewrites any BIO/IOB1/BIOES tag sequence as BIOES over the same chunks. */
export function toBioes(tags: readonly string[]): string[] {
  const out = tags.map(() => 'O');
  for (const c of chunks(tags)) {
    if (c.end - c.start === 1) out[c.start] = `S-${c.type}`;
    else {
      out[c.start] = `B-${c.type}`;
      for (let i = c.start + 1; i < c.end - 1; i++) out[i] = `I-${c.type}`;
      out[c.end - 1] = `E-${c.type}`;
    }
  }
  return out;
}
