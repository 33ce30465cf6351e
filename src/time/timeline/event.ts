/**
 * The event a time expression dates, read on the dependency parse: the expression's head word, the predicate it
 * modifies (through `obl`, `obl:tmod`, `nmod:tmod`, `advmod` and the like) and that predicate's clause.
 */
import type { Span, Token } from '../../model.js';

/** Where a time expression sits in its sentence's parse. */
export interface Anchoring {
  /** The expression's head token (index into the article's tokens). */
  head: number;
  /** The relation of the head to what it modifies. */
  relation: string;
  /** The preposition or subordinator introducing the expression ("on", "since", "by"), lower-cased. */
  marker?: string;
  /** The predicate the expression dates (a verb, or the head of a nominal or adjectival predicate). */
  predicate?: number;
  /** The noun the expression modifies instead of a predicate ("last year's inspection", "the flood of 1998"). */
  noun?: number;
  /** The expression fills an argument slot (subject, object) rather than dating anything. */
  argument: boolean;
}

/** Relations by which a date modifies the word above it as an adjunct of time. */
const ADJUNCT = new Set(['obl', 'obl:tmod', 'obl:npmod', 'nmod:tmod', 'nmod:npmod', 'advmod', 'advcl', 'obl:unmarked']);
/** Relations by which a date is a modifier of a noun. */
const NOUN_MOD = new Set(['nmod', 'nmod:poss', 'compound', 'amod', 'nummod', 'appos', 'acl']);
/**
 * Relations by which a date fills an argument slot. Objects are not among them: the parser often takes a bare
 * date after a verb ("resumes Monday", "spent Wednesday at the plant") for an object.
 */
const ARGUMENT = new Set(['nsubj', 'nsubj:pass', 'csubj']);
const OBJECT = new Set(['obj', 'iobj', 'xcomp']);
/** Relations that stay inside the time expression's own phrase ("late Monday", "12:01 a.m. Monday"). */
const INNER = new Set([
  'compound',
  'nmod:tmod',
  'obl:tmod',
  'nummod',
  'amod',
  'det',
  'advmod',
  'nmod',
  'flat',
  'appos',
]);

const TIME_PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'by',
  'until',
  'till',
  'since',
  'during',
  'before',
  'after',
  'through',
]);

const isPredicate = (t: Token): boolean => t.upos === 'VERB' || t.upos === 'AUX';

/** The tokens of the article that overlap `[start, end)`, by index (tokens are in text order). */
export function tokensIn(tokens: readonly Token[], start: number, end: number): number[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) out.push(i);
  return out;
}

/** The children of each token, built once per article. */
export function childrenOf(tokens: readonly Token[]): number[][] {
  const kids: number[][] = tokens.map(() => []);
  tokens.forEach((t, i) => {
    if (t.head !== undefined && t.head >= 0 && t.head < tokens.length) kids[t.head].push(i);
  });
  return kids;
}

/** The head of a span: the token whose head lies outside it (the first such, or the last token). */
export function spanHead(tokens: readonly Token[], idx: readonly number[]): number | undefined {
  if (idx.length === 0) return undefined;
  const inside = new Set(idx);
  for (const i of idx) {
    const h = tokens[i].head;
    if (h === undefined || h < 0 || !inside.has(h)) return i;
  }
  return idx[idx.length - 1];
}

const lower = (t: Token | undefined): string => (t ? (t.lemma ?? t.text).toLowerCase() : '');

/**
 * Anchors the expression `[start, end)` on the parse. Returns undefined when the tokens carry no parse.
 * The climb goes from the expression's head to the first predicate above it; a date hanging from a noun is
 * reported as that noun's modifier (and the predicate above the noun is still given for direction).
 */
export function anchorOnParse(
  tokens: readonly Token[],
  kids: readonly number[][],
  start: number,
  end: number,
): Anchoring | undefined {
  const idx = tokensIn(tokens, start, end);
  const first = spanHead(tokens, idx);
  if (first === undefined || tokens[first].head === undefined) return undefined;
  let h: number = first;
  const inside = new Set(idx);
  const markerOf = (i: number): string | undefined => {
    for (const k of kids[i] ?? []) {
      const r = tokens[k].deprel ?? '';
      if ((r === 'case' || r === 'mark') && !inside.has(k)) return lower(tokens[k]);
    }
    // "since about 2 a.m.": the marker can hang from a word of the expression rather than its head.
    const before = tokens[idx[0] - 1];
    if (before && (before.deprel === 'case' || before.deprel === 'mark') && before.sentence === tokens[h].sentence)
      return lower(before);
    return undefined;
  };
  const anchoring: Anchoring = { head: h, relation: tokens[h].deprel ?? '', argument: false };
  anchoring.marker = markerOf(h);
  // A time phrase inside a larger time phrase ("Monday" in "12:01 a.m. Monday") climbs to the outer one.
  for (let guard = 0; guard < 4; guard++) {
    const up: number = tokens[h].head ?? -1;
    if (up < 0 || !INNER.has(tokens[h].deprel ?? '') || isPredicate(tokens[up])) break;
    if (!/^(?:NUM|NOUN|PROPN)$/.test(tokens[up].upos ?? '') || !isTimeWord(tokens[up])) break;
    h = up;
    anchoring.relation = tokens[h].deprel ?? '';
    anchoring.marker ??= markerOf(h);
  }
  const rel = anchoring.relation;
  const gov = tokens[h].head ?? -1;
  if (ARGUMENT.has(rel)) anchoring.argument = true;
  if (gov < 0) {
    // The expression is the root: a fragment ("Tuesday, Oct. 6") or a nominal predicate with the date as head.
    anchoring.predicate = h;
    return anchoring;
  }
  // A date with a preposition of time under a noun is usually the parser's attachment of an adjunct
  // ("reach $3 billion by 2002"): it dates the predicate above. "of", "from" and possessives modify the noun.
  const adjunctMarker = anchoring.marker !== undefined && TIME_PREPOSITIONS.has(anchoring.marker);
  if (NOUN_MOD.has(rel) && !adjunctMarker && !isPredicate(tokens[gov]) && !hasCopula(tokens, kids, gov)) {
    anchoring.noun = gov;
    anchoring.predicate = predicateAbove(tokens, kids, gov);
    return anchoring;
  }
  if (
    ADJUNCT.has(rel) ||
    ARGUMENT.has(rel) ||
    OBJECT.has(rel) ||
    isPredicate(tokens[gov]) ||
    hasCopula(tokens, kids, gov)
  ) {
    anchoring.predicate =
      isPredicate(tokens[gov]) || hasCopula(tokens, kids, gov) ? gov : predicateAbove(tokens, kids, gov);
    return anchoring;
  }
  anchoring.predicate = predicateAbove(tokens, kids, gov);
  return anchoring;
}

const TIME_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|noon|midnight|a\.m\.|p\.m\.|am|pm|day|week|month|year|today|tonight|yesterday|tomorrow|\d{1,4}(?::\d\d)?|jan\.?|feb\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

function isTimeWord(t: Token): boolean {
  return TIME_WORDS.test(t.text);
}

/** A nominal or adjectival predicate ("was in stable condition", "is the second"). */
export function hasCopula(tokens: readonly Token[], kids: readonly number[][], i: number): boolean {
  return (kids[i] ?? []).some((k) => tokens[k].deprel === 'cop');
}

/** The nearest predicate at or above token `i` in its sentence. */
export function predicateAbove(tokens: readonly Token[], kids: readonly number[][], i: number): number | undefined {
  let cur = i;
  for (let guard = 0; guard < 40 && cur >= 0; guard++) {
    if (isPredicate(tokens[cur]) || hasCopula(tokens, kids, cur)) return cur;
    const up = tokens[cur].head ?? -1;
    if (up < 0) return cur;
    cur = up;
  }
  return undefined;
}

/** The auxiliaries and markers of a predicate, lower-cased lemmas with their Penn tags. */
export function auxiliaries(tokens: readonly Token[], kids: readonly number[][], p: number): Token[] {
  return (kids[p] ?? [])
    .filter((k) => {
      const r = tokens[k].deprel ?? '';
      return r === 'aux' || r === 'aux:pass' || r === 'mark' || r === 'cop';
    })
    .map((k) => tokens[k]);
}

/** Relations that start a clause of their own below a predicate, left out of its clause span. */
const OWN_CLAUSE = new Set(['conj', 'parataxis', 'advcl', 'acl:relcl', 'ccomp', 'cc', 'punct', 'list']);

/**
 * The clause of predicate `p` as a span of the article: the predicate and its dependents, without clauses of
 * their own (co-ordinated, parenthetical, adverbial, relative, reported) unless the time expression is in them.
 */
export function clauseSpan(
  text: string,
  tokens: readonly Token[],
  kids: readonly number[][],
  p: number,
  keep: readonly number[],
): Span {
  const want = new Set(keep);
  const inSub = (i: number): boolean => {
    const stack = [i];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (want.has(c)) return true;
      stack.push(...(kids[c] ?? []));
    }
    return false;
  };
  let lo = tokens[p].start;
  let hi = tokens[p].end;
  const stack = [p];
  const sentence = tokens[p].sentence;
  while (stack.length > 0) {
    const c = stack.pop()!;
    const t = tokens[c];
    if (t.sentence !== sentence) continue;
    lo = Math.min(lo, t.start);
    hi = Math.max(hi, t.end);
    for (const k of kids[c] ?? []) {
      if (c === p && OWN_CLAUSE.has(tokens[k].deprel ?? '') && !inSub(k)) continue;
      stack.push(k);
    }
  }
  return { start: lo, end: hi, text: text.slice(lo, hi) };
}
