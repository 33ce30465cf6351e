/**
 * Values: the figures of an article with what they measure. A figure is read from the surface (figures.ts);
 * what it measures is read from the dependency parse: the noun it counts, the predicate that noun is an argument
 * of, and that predicate's other arguments. Two outlets that write "forcing about 1,200 residents from their
 * homes" and "nearly 2,000 people were ordered out of their homes" give the same concept (evacuated) through
 * different words; a holiday's date and a capacity are not read as what happened.
 */
import type { AnnotatedArticle, Token } from '../model.js';
import { withParse } from '../text/parse.js';
import { tokensOverlapping } from '../text/token-search.js';
import { readFigures } from './figures.js';
import type { ClaimValue, Hedge, ValueType } from '../model.js';

/** A value with the words around it that alignment compares. */
export interface ValueInContext extends ClaimValue {
  /** Content lemmas of the figure's neighbourhood on the parse: what is counted, the predicate, its arguments. */
  anchors: string[];
  /** The predicate the figure is an argument of (lemma), or "". */
  predicate: string;
  /** What the figure counts (lemma of the noun), or "". */
  counted: string;
  /** The anchors close to the figure: what is counted, the predicate and its direct participants. */
  core: string[];
  /** What an amount or a date is of: the counted noun, else what the predicate acts on (lemma), or "". */
  thing: string;
  /** A duration read as a time limit ("within 30 days", "in six weeks"). */
  deadline: boolean;
  /** Names of who the figure is about (the predicate's subject, the counted noun's owner), lower-cased last words. */
  actors: string[];
  /** Index of the sentence the value is in. */
  sentence: number;
}

/**
 * Concepts that outlets name in many ways, by the lemmas that signal them. The measured thing of a casualty or
 * displacement count is what matters to a reader comparing reports, and what outlets word most differently.
 */
const CONCEPTS: Array<[string, ReadonlySet<string>]> = [
  [
    'dead',
    new Set([
      'kill',
      'die',
      'dead',
      'death',
      'fatality',
      'perish',
      'corpse',
      'toll',
      'drown',
      'fatal',
      'slay',
      'murder',
    ]),
  ],
  [
    'injured',
    new Set(['injure', 'injured', 'wound', 'wounded', 'hurt', 'injury', 'hospitalize', 'hospitalise', 'casualty']),
  ],
  ['missing', new Set(['missing', 'unaccounted'])],
  ['arrested', new Set(['arrest', 'detain', 'detention', 'jail', 'custody', 'imprison'])],
  ['evacuated', new Set(['evacuate', 'evacuation', 'evacuee', 'flee', 'displace', 'homeless', 'relocate'])],
  ['rescued', new Set(['rescue'])],
];

/** The names of the concepts above. */
export const CONCEPT_NAMES: ReadonlySet<string> = new Set([...CONCEPTS.map(([c]) => c), 'evacuated']);

/** Verbs that move people out of their homes: with "home" or "house" among the arguments, an evacuation. */
const DISPLACING = new Set(['order', 'force', 'drive', 'leave', 'move', 'flee', 'chase', 'evacuate']);
const DWELLINGS = new Set(['home', 'house', 'apartment', 'dwelling', 'residence']);

/** Nouns for people in general: "1,200 residents" and "1,200 people" count the same thing. */
const PEOPLE = new Set([
  'people',
  'person',
  'resident',
  'inhabitant',
  'villager',
  'civilian',
  'citizen',
  'local',
  'individual',
]);

/** Lemmas too common to tie two figures to the same fact. */
const WEAK_ANCHORS = new Set([
  'be',
  'have',
  'do',
  'say',
  'tell',
  'report',
  'add',
  'state',
  'official',
  'people',
  'year',
  'day',
  'time',
  'more',
  'least',
  'about',
  'than',
  'also',
  'other',
  'total',
  'number',
  'some',
  'all',
]);

/** Reporting verbs: the date a statement was made is not the date of what it reports. */
const REPORTING = new Set(['say', 'tell', 'announce', 'report', 'add', 'state', 'confirm', 'write', 'note', 'comment']);

/** Relations that lead from a predicate to its participants and their modifiers. */
const ARGUMENT = /^(nsubj|obj|obl|iobj|compound|xcomp|ccomp|advmod|nmod|amod|acl)/;

const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

function lemmaOf(t: Token): string {
  return (t.lemma ?? t.text).toLowerCase();
}

/** Children of each token (by head), for walking the parse downwards. */
function childrenOf(tokens: readonly Token[], first: number, end: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = first; i < end; i++) {
    const h = tokens[i].head;
    if (h === undefined || h < 0) continue;
    const list = out.get(h);
    if (list) list.push(i);
    else out.set(h, [i]);
  }
  return out;
}

/** The token of a span whose head lies outside it: the word the span hangs from. */
function spanHead(tokens: readonly Token[], first: number, end: number): number {
  for (let i = first; i < end; i++) {
    const h = tokens[i].head ?? -1;
    if (h < first || h >= end) return i;
  }
  return first;
}

/**
 * The concept a neighbourhood of lemmas signals, if any: the first lemma (nearest the figure first) that names
 * one, so "12 people killed and 40 others injured" gives each count its own.
 */
export function conceptOf(lemmas: readonly string[]): string | undefined {
  for (const l of lemmas) for (const [concept, words] of CONCEPTS) if (words.has(l)) return concept;
  if (lemmas.some((l) => DWELLINGS.has(l)) && lemmas.some((l) => DISPLACING.has(l))) return 'evacuated';
  return undefined;
}

/** What the figure counts and the predicate it is an argument of, read off the parse. */
function neighbourhood(
  tokens: readonly Token[],
  kids: Map<number, number[]>,
  head: number,
  type: ValueType,
): {
  counted?: number;
  predicate?: number;
  object?: number;
  subject?: number;
  actorTokens: number[];
  lemmas: string[];
  core: string[];
  close: string[];
} {
  const lemmas: string[] = [];
  // The words that say what the figure is (what is counted, the predicate and its direct arguments), apart
  // from the wider context that only helps to tell two facts apart.
  const core: string[] = [];
  // The words one step from the figure's noun or predicate: what names the concept ("forced … from homes").
  const close: string[] = [];
  const add = (i: number | undefined, inCore = true, isClose = inCore): void => {
    if (i === undefined || i < 0) return;
    const t = tokens[i];
    if (!CONTENT.has(t.upos ?? '') || /^\d/.test(t.text)) return;
    lemmas.push(lemmaOf(t));
    if (inCore) core.push(lemmaOf(t));
    if (isClose) close.push(lemmaOf(t));
  };
  let counted: number | undefined;
  const ht = tokens[head];
  const rel = ht.deprel ?? '';
  const up = ht.head ?? -1;
  if ((rel === 'nummod' || rel === 'compound' || rel === 'amod') && up >= 0 && tokens[up].upos === 'NOUN') counted = up;
  else {
    // "1,200 of the residents": the number heads the phrase, the people are its "of" dependent.
    const of = (kids.get(head) ?? []).find((k) => tokens[k].deprel?.startsWith('nmod') && tokens[k].upos === 'NOUN');
    if (of !== undefined) counted = of;
    else if (type !== 'count' && up >= 0 && tokens[up].upos === 'NOUN') counted = up;
  }
  add(counted);
  let predicate: number | undefined;
  // Modifiers of what is counted ("1,200 evacuated residents", "residents from their homes").
  // Words up to two steps below the counted noun or the predicate are near the figure; deeper ones are context.
  const below = (from: number, depth: number, rels: RegExp, inCore: boolean, coreDepth = inCore ? 2 : 0): void => {
    for (const k of kids.get(from) ?? []) {
      if (k === counted || k === head || k === predicate) continue;
      if (!rels.test(tokens[k].deprel ?? '')) continue;
      add(k, inCore && coreDepth > 0, inCore && coreDepth > 1);
      if (depth > 1) below(k, depth - 1, ARGUMENT, coreDepth > 1, coreDepth - 1);
    }
  };
  if (counted !== undefined) below(counted, 2, /^(amod|acl|compound|nmod)/, true);
  // Up to the predicate: the nearest verb (or predicative adjective, "were dead") above.
  let at = counted ?? head;
  for (let steps = 0; steps < 4; steps++) {
    const h = tokens[at].head ?? -1;
    if (h < 0) break;
    const u = tokens[h].upos;
    if (u === 'VERB' || (u === 'ADJ' && steps === 0)) {
      predicate = h;
      break;
    }
    if (u === 'NOUN' && steps === 0 && counted === undefined) add(h);
    at = h;
  }
  if (predicate === undefined && counted === undefined && ['ADJ', 'VERB'].includes(tokens[head].upos ?? ''))
    predicate = head;
  add(predicate);
  // The predicate's arguments and theirs: what happened to whom, where ("review of the plant's permits").
  if (predicate !== undefined) below(predicate, 3, ARGUMENT, true);
  // A predicate inside a larger one ("expect the factory … to open", "said the plant would close"): the larger
  // one's participants are context too, as the parse may hang them from either.
  const outer = predicate !== undefined ? (tokens[predicate].head ?? -1) : -1;
  if (outer >= 0 && /^(acl|xcomp|ccomp|advcl|conj)/.test(tokens[predicate as number].deprel ?? '')) {
    add(outer, false);
    below(outer, 1, ARGUMENT, false);
    const higher = tokens[outer].head ?? -1;
    if (tokens[outer].upos === 'NOUN' && higher >= 0) {
      add(higher, false);
      below(higher, 1, ARGUMENT, false);
    }
  }
  // A figure that heads its phrase ("the toll stood at 57"): its own modifiers name it.
  below(head, 1, /^(nmod|compound|amod)/, true);
  // What the predicate acts on ("review" in "complete a review within 30 days"), to name the measured thing.
  const object = (predicate !== undefined ? (kids.get(predicate) ?? []) : []).find(
    (k) => k !== counted && k !== head && /^(obj|nsubj:pass|xcomp)$/.test(tokens[k].deprel ?? ''),
  );
  const subject = (predicate !== undefined ? (kids.get(predicate) ?? []) : []).find(
    (k) => k !== counted && k !== head && /^nsubj/.test(tokens[k].deprel ?? '') && tokens[k].upos === 'NOUN',
  );
  // Who acts or owns: the predicate's subject (or agent) and the counted noun's possessor, as token indexes.
  const actorTokens: number[] = [];
  for (const k of predicate !== undefined ? (kids.get(predicate) ?? []) : [])
    if (k !== counted && k !== head && /^(nsubj|obl:agent)/.test(tokens[k].deprel ?? '')) actorTokens.push(k);
  for (const k of counted !== undefined ? (kids.get(counted) ?? []) : [])
    if (/^nmod:poss/.test(tokens[k].deprel ?? '')) actorTokens.push(k);
  return { counted, predicate, object, subject, actorTokens, lemmas: [...new Set(lemmas)], core, close };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (day, month or year precision), with the interval it covers. */
function dateInterval(iso: string): [number, number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    return [d, d, d];
  }
  if (m[2]) {
    const lo = Date.UTC(y, Number(m[2]) - 1, 1) / DAY_MS;
    const hi = Date.UTC(y, Number(m[2]), 1) / DAY_MS - 1;
    return [lo, lo, hi];
  }
  const lo = Date.UTC(y, 0, 1) / DAY_MS;
  return [lo, lo, Date.UTC(y + 1, 0, 1) / DAY_MS - 1];
}

/** Names of the people and organisations (entity mentions, their fullest form) covering the actor tokens, lower-cased. */
function actorsOf(doc: AnnotatedArticle, tokens: readonly Token[], actorTokens: readonly number[]): string[] {
  const out = new Set<string>();
  for (const k of actorTokens) {
    const t = tokens[k];
    for (const m of doc.mentions) {
      if (m.start > t.end) break;
      if (m.end <= t.start) continue;
      // People and organisations act; a place named as subject ("Kenya charged…") is not told apart reliably.
      if (m.type !== 'person' && m.type !== 'organization') continue;
      const name = m.entity !== undefined ? (doc.entities[m.entity]?.name ?? m.text) : m.text;
      out.add(name.toLowerCase());
    }
  }
  return [...out];
}

/** What an amount is of: "$48 million contract", "the contract is worth $48 million", "penalties of $250,000". */
function thingOf(tokens: readonly Token[], near: { counted?: number; object?: number; subject?: number }): string {
  for (const i of [near.counted, near.subject, near.object]) {
    if (i === undefined) continue;
    const l = lemmaOf(tokens[i]);
    if (!UNIT_NOUNS.has(l) && tokens[i].upos !== 'PRON') return l;
  }
  return '';
}

/** Unit nouns: what a figure is in, not what it is about. */
const UNIT_NOUNS = new Set([
  'day',
  'week',
  'month',
  'year',
  'hour',
  'minute',
  'decade',
  'percent',
  'dollar',
  'mile',
  'kilometer',
  'kilometre',
  'meter',
  'metre',
  'foot',
  'point',
  'vote',
]);

/** A measured thing in words, for display: "residents evacuated", "review (complete)", "contract (award)". */
function measuredWords(
  tokens: readonly Token[],
  near: { counted?: number; predicate?: number; object?: number; core: string[] },
  concept: string | undefined,
): string {
  const counted = near.counted !== undefined ? tokens[near.counted] : undefined;
  const noun = counted && !UNIT_NOUNS.has(lemmaOf(counted)) ? counted.text.toLowerCase() : '';
  if (concept) return noun ? `${noun} ${concept}` : concept;
  const verb = near.predicate !== undefined ? lemmaOf(tokens[near.predicate]) : '';
  const object = near.object !== undefined ? lemmaOf(tokens[near.object]) : '';
  const topic = noun || object || near.core.find((l) => l !== verb && !UNIT_NOUNS.has(l) && !WEAK_ANCHORS.has(l)) || '';
  if (topic && verb) return `${topic} (${verb})`;
  return topic || verb || 'figure';
}

/**
 * The values of one article: every figure with what it measures, and the dates of what happened (from the time
 * expressions, where the predicate is not a reporting verb).
 */
export function extractValues(input: AnnotatedArticle): ValueInContext[] {
  const doc = withParse(input);
  const text = doc.article.text;
  const tokens = doc.tokens;
  const out: ValueInContext[] = [];
  const timexSpans = doc.timexes.filter((x) => x.type !== 'duration');
  for (const sent of doc.sentences) {
    const [first, end] = tokensOverlapping(tokens, sent.start, sent.end);
    if (first >= end) continue;
    let kids: Map<number, number[]> | undefined;
    const kidsOf = (): Map<number, number[]> => (kids ??= childrenOf(tokens, first, end));
    for (const f of readFigures(sent.text)) {
      const start = sent.start + f.start;
      const stop = sent.start + f.end;
      // Numbers inside a date or a time of day belong to the date.
      if (f.type === 'count' && timexSpans.some((x) => x.start < stop && x.end > start)) continue;
      const [a, b] = tokensOverlapping(tokens, sent.start + f.numberStart, sent.start + f.numberEnd);
      if (a >= b) continue;
      const head = spanHead(tokens, a, b);
      const near = neighbourhood(tokens, kidsOf(), head, f.type);
      const concept = f.type === 'count' ? conceptOf(near.close) : undefined;
      const countedLemma = near.counted !== undefined ? lemmaOf(tokens[near.counted]) : '';
      const predicate = near.predicate !== undefined ? lemmaOf(tokens[near.predicate]) : '';
      // A count with nothing counted and no predicate cannot be aligned with anything.
      if (f.type === 'count' && !concept && !countedLemma && !predicate) continue;
      const noun = PEOPLE.has(countedLemma) ? 'people' : countedLemma;
      // "75 of the 125 seats", "a 125-seat assembly": the second figure is the whole, not the same count.
      const whole =
        /\b\d[\d,.]*\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?$/i.test(
          sent.text.slice(Math.max(0, f.start - 24), f.start),
        ) ||
        (f.type === 'count' && /^\d[\d,.]*-[a-z]+\s+[a-z]/i.test(sent.text.slice(f.numberStart, f.numberStart + 24)));
      out.push({
        type: f.type,
        value: f.value,
        low: f.low,
        high: f.high,
        hedge: f.hedge,
        unit: f.unit,
        ...(f.against !== undefined ? { against: f.against } : {}),
        measured: (whole ? 'all ' : '') + (f.type === 'tally' ? 'vote' : measuredWords(tokens, near, concept)),
        concept:
          (concept ?? (f.type === 'tally' ? 'vote' : [noun, predicate].filter(Boolean).join('|'))) +
          (whole ? '|whole' : ''),
        articleId: doc.article.id,
        start,
        end: stop,
        text: text.slice(start, stop),
        anchors: near.lemmas.filter((l) => !WEAK_ANCHORS.has(l)),
        predicate,
        counted: countedLemma,
        core: near.core.filter((l) => !WEAK_ANCHORS.has(l)),
        thing: thingOf(tokens, near),
        actors: actorsOf(doc, tokens, near.actorTokens),
        deadline:
          f.type === 'duration' &&
          /\b(within|in|by|over|for the next)\s+$/i.test(sent.text.slice(Math.max(0, f.start - 16), f.start)),
        sentence: sent.index,
      });
    }
  }
  // The dateline's date ("MOSCOW, May 7 (Xinhua) --") is when the dispatch was filed, not a fact it reports.
  const dateline = /^[^\n]{0,60}?\((?:[A-Z][\w .&-]{1,40})\)\s*(?:[—–_]|--?)/.exec(text)?.[0].length ?? 0;
  for (const x of doc.timexes) {
    if (x.type !== 'date' || x.end <= dateline) continue;
    const interval = dateInterval(x.value);
    if (!interval) continue;
    const [a, b] = tokensOverlapping(tokens, x.start, x.end);
    if (a >= b) continue;
    const sentence = tokens[a].sentence;
    const [sFirst, sEnd] = tokensOverlapping(
      tokens,
      doc.sentences[sentence]?.start ?? 0,
      doc.sentences[sentence]?.end ?? 0,
    );
    const near = neighbourhood(tokens, childrenOf(tokens, sFirst, sEnd), spanHead(tokens, a, b), 'date');
    const predicate =
      near.predicate !== undefined && tokens[near.predicate].upos === 'VERB' ? lemmaOf(tokens[near.predicate]) : '';
    // The date of a statement, or a date hanging from no event, is not a fact outlets report differently.
    if (!predicate || REPORTING.has(predicate)) continue;
    // "By Thursday" is a deadline and "since 2021" a start: each bounds the date on one side only.
    const before = text.slice(Math.max(0, x.start - 16), x.start).toLowerCase();
    const bound: Hedge = /\b(by|before|until|till|no later than)\s+(the\s+)?$/.test(before)
      ? 'up to'
      : /\b(after|since|from)\s+(the\s+)?$/.test(before)
        ? 'at least'
        : 'exact';
    out.push({
      type: 'date',
      value: interval[0],
      low: bound === 'up to' ? null : interval[1],
      high: bound === 'at least' ? null : interval[2],
      hedge: bound,
      unit: 'day',
      date: x.value,
      measured: `date ${predicate === 'be' ? 'of the event' : `(${predicate})`}`,
      concept: predicate,
      articleId: doc.article.id,
      start: x.start,
      end: x.end,
      text: x.text,
      anchors: near.lemmas.filter((l) => !WEAK_ANCHORS.has(l)),
      predicate,
      counted: '',
      core: near.core.filter((l) => !WEAK_ANCHORS.has(l)),
      thing: thingOf(tokens, near),
      actors: actorsOf(doc, tokens, near.actorTokens),
      deadline: false,
      sentence,
    });
  }
  return out;
}

/** A value as published: without the parse context alignment used. */
export function publicValue(v: ValueInContext): ClaimValue {
  const {
    anchors: _a,
    predicate: _p,
    sentence: _s,
    counted: _c,
    core: _k,
    thing: _t,
    deadline: _d,
    actors: _x,
    ...value
  } = v;
  return value;
}
