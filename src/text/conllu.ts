import { readFileSync } from 'node:fs';

/**
 * CoNLL-U reading (Universal Dependencies treebanks): sentences of syntactic words, the surface tokens
 * they were written as (multiword tokens such as "don't" = do + n't), and the document and paragraph
 * breaks. Also rebuilds a treebank's raw text with every token's offsets, so a pipeline can be run on
 * the text and scored against the trees the way the CoNLL 2018 shared task does.
 */

export interface ConlluWord {
  /** 1-based position in the sentence. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root. */
  head: number;
  deprel: string;
}

/** A token as written: one word, or several for a multiword token. */
export interface ConlluToken {
  form: string;
  /** Indexes into the sentence's `words`. */
  words: number[];
  spaceAfter: boolean;
}

export interface ConlluSentence {
  id?: string;
  text?: string;
  newDoc: boolean;
  newPar: boolean;
  words: ConlluWord[];
  tokens: ConlluToken[];
}

export class ConlluError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConlluError';
  }
}

/** Parses CoNLL-U text. Empty nodes (`8.1`) are skipped: basic trees do not use them. */
export function parseConllu(source: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence | undefined;
  let pending: { newDoc: boolean; newPar: boolean } = { newDoc: false, newPar: false };
  let range: { to: number; token: ConlluToken } | undefined;
  const lines = source.split(/\r?\n/);
  const finish = (): void => {
    if (cur && cur.words.length) out.push(cur);
    cur = undefined;
    range = undefined;
  };
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    if (line.trim() === '') {
      finish();
      continue;
    }
    if (line.startsWith('#')) {
      if (!cur) cur = { ...pending, words: [], tokens: [] };
      if (/^#\s*newdoc\b/.test(line)) cur.newDoc = true;
      if (/^#\s*newpar\b/.test(line)) cur.newPar = true;
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m) {
        if (m[1] === 'sent_id') cur.id = m[2].trim();
        else cur.text = m[2];
      }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10)
      throw new ConlluError(`line ${ln + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (!cur) cur = { ...pending, words: [], tokens: [] };
    pending = { newDoc: false, newPar: false };
    const id = cols[0];
    const spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(cols[9]);
    const dash = id.indexOf('-');
    if (dash > 0) {
      const to = Number(id.slice(dash + 1));
      range = { to, token: { form: cols[1], words: [], spaceAfter } };
      cur.tokens.push(range.token);
      continue;
    }
    if (id.includes('.')) continue;
    const n = Number(id);
    const word: ConlluWord = {
      id: n,
      form: cols[1],
      lemma: cols[2],
      upos: cols[3],
      xpos: cols[4],
      feats: cols[5],
      head: cols[6] === '_' ? 0 : Number(cols[6]),
      deprel: cols[7],
    };
    cur.words.push(word);
    if (range && n <= range.to) {
      range.token.words.push(cur.words.length - 1);
      if (n === range.to) range = undefined;
    } else {
      cur.tokens.push({ form: cols[1], words: [cur.words.length - 1], spaceAfter });
    }
  }
  finish();
  // Sentences always start a paragraph when they start a document.
  for (const s of out) if (s.newDoc) s.newPar = true;
  return out;
}

export function readConllu(path: string): ConlluSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

/** A treebank laid out as raw text, with each sentence's and token's offsets into it. */
export interface RawTreebank {
  /** One string per document. */
  docs: RawDocument[];
}

export interface RawDocument {
  text: string;
  sentences: Array<{
    sentence: ConlluSentence;
    start: number;
    end: number;
    tokens: Array<{ start: number; end: number }>;
  }>;
}

/**
 * Lays the treebank out as raw documents: tokens joined as written (a space unless `SpaceAfter=No`),
 * sentences of a paragraph joined by a space, paragraphs by a blank line; a new document at each
 * `newdoc`. This is the text the pipeline reads when scored "from raw text".
 */
export function rawTreebank(sentences: readonly ConlluSentence[]): RawTreebank {
  const docs: RawDocument[] = [];
  let doc: RawDocument | undefined;
  let parts: string[] = [];
  let offset = 0;
  let lastSpace = true;
  const close = (): void => {
    if (doc) {
      doc.text = parts.join('');
      docs.push(doc);
    }
  };
  for (const s of sentences) {
    if (!doc || s.newDoc) {
      close();
      doc = { text: '', sentences: [] };
      parts = [];
      offset = 0;
    } else if (s.newPar) {
      parts.push('\n\n');
      offset += 2;
    } else if (lastSpace) {
      parts.push(' ');
      offset += 1;
    }
    const start = offset;
    const tokens: Array<{ start: number; end: number }> = [];
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tokens[i];
      tokens.push({ start: offset, end: offset + t.form.length });
      parts.push(t.form);
      offset += t.form.length;
      if (i < s.tokens.length - 1 && t.spaceAfter) {
        parts.push(' ');
        offset += 1;
      }
    }
    lastSpace = s.tokens.length === 0 || s.tokens[s.tokens.length - 1].spaceAfter;
    doc.sentences.push({ sentence: s, start, end: offset, tokens });
  }
  close();
  return { docs };
}
