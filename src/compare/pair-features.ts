/**
 * Features of a pair of values from two reports of a story, for the alignment model: do the two figures state
 * the same measured thing of the same event? What each measures (concept, counted noun, predicate, what an
 * amount is of), who it is about, the participants the figures share on the parse, how alike the two sentences
 * are, and how close the figures are (reports of one fact give close figures even when they disagree).
 */
import type { AnnotatedArticle } from '../model.js';
import type { ValueInContext } from './values.js';
import { CONCEPT_NAMES } from './values.js';
import { firstTokenFrom } from '../text/token-search.js';

export const PAIR_FEATURES = [
  'concept same',
  'concept differs',
  'noun and verb same',
  'counted same',
  'counted differs',
  'predicate same',
  'thing same',
  'thing differs',
  'actor same',
  'actor differs',
  'near shared',
  'mid shared',
  'far shared',
  'shared weight',
  'sentence similarity',
  'figures close',
  'figures agree',
  'both deadlines',
  'whole and part',
  'both in the lead',
  'structural rule',
  'count',
  'money',
  'percent',
  'date',
  'duration',
  'other type',
] as const;

const PEOPLE = /^(people|person|resident|inhabitant|villager|civilian|citizen|local|individual)$/;
const GENERIC_NAME_WORDS = new Set([
  'the',
  'of',
  'party',
  'inc',
  'corp',
  'co',
  'ltd',
  'group',
  'company',
  'and',
  'mr',
  'mrs',
  'ms',
  'dr',
]);
/** Predicates too general to say two figures measure the same thing. */
const WEAK_PREDICATES = new Set([
  'be',
  'have',
  'get',
  'make',
  'take',
  'include',
  'say',
  'do',
  'give',
  'reach',
  'total',
]);
/** Sentences this early in an article are its lead: the facts every report states. */
const LEAD_SENTENCES = 3;

/** Counted nouns that are the same kind of thing ("residents" and "people"; no noun, as in "250 were killed", is people). */
export function sameCounted(a: string, b: string): boolean {
  const x = a || 'people';
  const y = b || 'people';
  return x === y || (PEOPLE.test(x) && PEOPLE.test(y));
}

/** The distinctive words of the names of a value's actors. */
function actorWords(xs: readonly string[]): Set<string> {
  return new Set(xs.flatMap((x) => x.split(/[\s-]+/)).filter((w) => w.length > 1 && !GENERIC_NAME_WORDS.has(w)));
}

/** Do two actor word sets name one actor? `unknown` when either names none. */
function actorRelation(a: ReadonlySet<string>, b: ReadonlySet<string>): 'same' | 'different' | 'unknown' {
  if (a.size === 0 || b.size === 0) return 'unknown';
  for (const w of b) if (a.has(w)) return 'same';
  return 'different';
}

/** What the features of a story's pairs read besides the two values: word weights and sentence contents. */
/** What the features read of one value, computed once per value rather than once per pair. */
interface Profile {
  anchors: ReadonlySet<string>;
  core: ReadonlySet<string>;
  lexical: boolean;
  whole: boolean;
  actorWords: ReadonlySet<string>;
  /** The sentence's content lemmas with counts, and the vector's norm. */
  sentence: ReadonlyMap<string, number>;
  norm: number;
}

/** What the features of a story's pairs read besides the two values: word weights and sentence contents. */
export class PairContext {
  private readonly df = new Map<string, number>();
  private readonly n: number;
  private readonly sentences = new Map<string, { words: Map<string, number>; norm: number }>();
  private readonly profiles = new Map<ValueInContext, Profile>();
  private readonly docs: ReadonlyMap<string, AnnotatedArticle>;

  constructor(values: readonly ValueInContext[], docs: readonly AnnotatedArticle[]) {
    for (const v of values) for (const l of new Set(v.anchors)) this.df.set(l, (this.df.get(l) ?? 0) + 1);
    this.n = values.length;
    this.docs = new Map(docs.map((d) => [d.article.id, d]));
  }

  idf(l: string): number {
    return Math.log(1 + this.n / (this.df.get(l) ?? 1));
  }

  profile(v: ValueInContext): Profile {
    let p = this.profiles.get(v);
    if (p) return p;
    const concept = v.concept.replace(/\|whole$/, '');
    const sentence = this.sentenceWords(v);
    p = {
      anchors: new Set(v.anchors),
      core: new Set(v.core),
      lexical: CONCEPT_NAMES.has(concept),
      whole: v.concept.endsWith('|whole'),
      actorWords: actorWords(v.actors),
      sentence: sentence.words,
      norm: sentence.norm,
    };
    this.profiles.set(v, p);
    return p;
  }

  /** Content lemmas of a value's sentence, with counts. */
  private sentenceWords(v: ValueInContext): { words: Map<string, number>; norm: number } {
    const key = `${v.articleId}#${v.sentence}`;
    let m = this.sentences.get(key);
    if (m) return m;
    const words = new Map<string, number>();
    const doc = this.docs.get(v.articleId);
    const sent = doc?.sentences[v.sentence];
    if (doc && sent) {
      for (let i = firstTokenFrom(doc.tokens, sent.start); i < doc.tokens.length; i++) {
        const t = doc.tokens[i];
        if (t.start >= sent.end) break;
        const u = t.upos ?? '';
        if (u !== 'NOUN' && u !== 'PROPN' && u !== 'VERB' && u !== 'ADJ') continue;
        const l = (t.lemma ?? t.text).toLowerCase();
        if (l.length < 3) continue;
        words.set(l, (words.get(l) ?? 0) + 1);
      }
    }
    let norm = 0;
    for (const c of words.values()) norm += c * c;
    m = { words, norm: Math.sqrt(norm) };
    this.sentences.set(key, m);
    return m;
  }
}

/** Cosine of two sentences' content lemmas. */
function sentenceSimilarity(x: Profile, y: Profile): number {
  if (x.norm === 0 || y.norm === 0) return 0;
  const [small, large] = x.sentence.size <= y.sentence.size ? [x.sentence, y.sentence] : [y.sentence, x.sentence];
  let dot = 0;
  for (const [w, c] of small) {
    const d = large.get(w);
    if (d !== undefined) dot += c * d;
  }
  return dot / (x.norm * y.norm);
}

/** How close two figures are, 1 for equal and falling with their ratio (dates: with the days between them). */
function closeness(a: ValueInContext, b: ValueInContext): number {
  if (a.type === 'date') return Math.exp(-Math.abs(a.value - b.value) / 30);
  if (a.value <= 0 || b.value <= 0) return a.value === b.value ? 1 : 0;
  return Math.exp(-Math.abs(Math.log(a.value / b.value)) * 2);
}

function overlap(a: ValueInContext, b: ValueInContext): boolean {
  const lowA = a.low ?? -Infinity;
  const highA = a.high ?? Infinity;
  const lowB = b.low ?? -Infinity;
  const highB = b.high ?? Infinity;
  return lowA <= highB && lowB <= highA && (a.type !== 'tally' || a.against === b.against);
}

/** Can two values be the same fact at all? Same type and unit; a date only with a date of the same precision. */
export function comparable(a: ValueInContext, b: ValueInContext): boolean {
  if (a.type !== b.type || a.unit !== b.unit) return false;
  if (a.type === 'date' && (a.date ?? '').length !== (b.date ?? '').length) return false;
  return true;
}

/**
 * The structural rule: the same measured thing (a concept named alike, the same counted noun and predicate, two
 * deadlines of one matter, what an amount is of) and participants near both figures; never two named actors.
 */
function structuralMatch(
  a: ValueInContext,
  b: ValueInContext,
  s: { near: number; mid: number; far: number; actors: string; lexA: boolean; lexB: boolean },
): boolean {
  if (s.actors === 'different') return false;
  const near = s.near + (s.actors === 'same' ? 1 : 0);
  // One participant near both figures, or two in their wider context: one common context word ("city") is chance.
  const context = near >= 1 || s.mid + s.far >= 2;
  // Two participants near both figures tie them even when each says what is measured differently.
  const strong = near >= 2;
  const samePredicate = a.predicate !== '' && a.predicate === b.predicate && !WEAK_PREDICATES.has(a.predicate);
  const sameThing = a.thing !== '' && a.thing === b.thing;
  switch (a.type) {
    case 'count':
      if (s.lexA || s.lexB) return a.concept === b.concept && sameCounted(a.counted, b.counted);
      if (!a.counted || !b.counted || !sameCounted(a.counted, b.counted)) return false;
      return (samePredicate && context) || strong;
    case 'tally':
      return a.value + (a.against ?? 0) === b.value + (b.against ?? 0) || context;
    case 'date':
      return samePredicate && context;
    case 'duration':
      if (a.deadline && b.deadline && near >= 1) return true;
      if (a.thing !== '' && b.thing !== '' && a.thing !== b.thing && !strong) return false;
      return ((sameThing || samePredicate) && context) || strong;
    default:
      // An amount or a share is of something: a contract's value and a fine are not two accounts of one figure.
      if (a.thing !== '' && b.thing !== '' && a.thing !== b.thing && !strong) return false;
      return ((sameThing || samePredicate) && context) || strong;
  }
}

/** The feature vector of a pair, in the order of `PAIR_FEATURES`. */
export function pairFeatures(a: ValueInContext, b: ValueInContext, ctx: PairContext): number[] {
  const pa = ctx.profile(a);
  const pb = ctx.profile(b);
  let near = 0;
  let mid = 0;
  let far = 0;
  let weight = 0;
  for (const l of pa.anchors) {
    if (!pb.anchors.has(l)) continue;
    weight += ctx.idf(l);
    if (l === a.counted || l === a.predicate || l === b.counted || l === b.predicate) continue;
    if (pa.core.has(l) && pb.core.has(l)) near++;
    else if (pa.core.has(l) || pb.core.has(l)) mid++;
    else far++;
  }
  const lexA = pa.lexical;
  const lexB = pb.lexical;
  const actors = actorRelation(pa.actorWords, pb.actorWords);
  const wholeA = pa.whole;
  const wholeB = pb.whole;
  const type = a.type;
  const rule = structuralMatch(a, b, { near, mid, far, actors, lexA, lexB });
  return [
    lexA && lexB && a.concept === b.concept ? 1 : 0,
    lexA && lexB && a.concept !== b.concept ? 1 : 0,
    !lexA && !lexB && a.concept === b.concept && a.concept.includes('|') ? 1 : 0,
    a.counted && b.counted && sameCounted(a.counted, b.counted) ? 1 : 0,
    a.counted && b.counted && !sameCounted(a.counted, b.counted) ? 1 : 0,
    a.predicate !== '' && a.predicate === b.predicate && !WEAK_PREDICATES.has(a.predicate) ? 1 : 0,
    a.thing !== '' && a.thing === b.thing ? 1 : 0,
    a.thing !== '' && b.thing !== '' && a.thing !== b.thing ? 1 : 0,
    actors === 'same' ? 1 : 0,
    actors === 'different' ? 1 : 0,
    Math.min(near, 3) / 3,
    Math.min(mid, 3) / 3,
    Math.min(far, 3) / 3,
    Math.min(weight, 12) / 12,
    sentenceSimilarity(pa, pb),
    closeness(a, b),
    overlap(a, b) ? 1 : 0,
    a.deadline && b.deadline ? 1 : 0,
    wholeA !== wholeB ? 1 : 0,
    a.sentence < LEAD_SENTENCES && b.sentence < LEAD_SENTENCES ? 1 : 0,
    rule ? 1 : 0,
    type === 'count' ? 1 : 0,
    type === 'money' ? 1 : 0,
    type === 'percent' ? 1 : 0,
    type === 'date' ? 1 : 0,
    type === 'duration' ? 1 : 0,
    type === 'age' || type === 'distance' || type === 'tally' ? 1 : 0,
  ];
}

/** A linear model over the pair features: a pair aligns when its score reaches the threshold. */
export interface AlignmentModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  threshold: number;
}

/** The model's probability that a pair states one fact. */
export function alignmentScore(model: AlignmentModel, f: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < f.length; i++) z += model.weights[i] * f[i];
  return 1 / (1 + Math.exp(-z));
}
