/**
 * The direction of a relative date ("Monday", "in March") from the tense and modality of the predicate it
 * modifies, read on the parse: auxiliaries will/shall/would and modals look ahead, a "to"-infinitive
 * ("told to report on Monday", "expected to sign") looks ahead, predicates of planning with "for"/"until"
 * ("scheduled a news conference for Monday") look ahead, past and perfect forms look back, and the simple
 * present of an event verb ("the trial resumes Monday") looks ahead. When the parse gives no clear signal the
 * word-based reading of `tense.ts` decides.
 */
import type { Token } from '../../model.js';
import type { Tense } from '../tense.js';
import { anchorOnParse, auxiliaries, childrenOf, tokensIn } from './event.js';

/** The index of the token just before offset `start` (-1 when none). */
function tokensBefore(tokens: readonly Token[], start: number): number {
  const at = tokensIn(tokens, start, start + 1)[0] ?? tokens.length;
  return at - 1;
}

const FUTURE_AUX = new Set(['will', 'shall', 'would', "'ll", '’ll', "'d", '’d', 'wo']);
const MODAL_AHEAD = new Set(['could', 'can', 'may', 'might', 'should', 'must', 'ought']);
const PLANNING = new Set(['schedule', 'reschedule', 'plan', 'slate', 'postpone', 'delay']);
/**
 * Verbs whose "to"-infinitive lies ahead of them ("expected to sign", "told to report", "decided to open");
 * others ("failed to stop", "began to", "staged celebrations to mark") say nothing about direction.
 */
const AHEAD_OF = new Set(
  (
    'expect plan schedule slate set hope want intend decide agree tell order ask vow promise aim prepare threaten ' +
    'seek propose pledge need have be go due likely able ready urge call require allow invite'
  ).split(' '),
);
/** Words right before a date that put it ahead of the writer: "effective Feb. 1", "starting Monday". */
const AHEAD_CUE = new Set(['effective', 'starting', 'beginning']);
/** Verbs whose simple present reports a state or speech, not a scheduled event. */
const STATIVE = new Set(['be', 'have', 'say', 'know', 'think', 'believe', 'want', 'need', 'seem', 'remain', 'include']);

/** The tense the parse gives the predicate an expression modifies, or undefined when it gives none. */
export function tenseOfPredicate(tokens: readonly Token[], kids: readonly number[][], p: number): Tense | undefined {
  const pred = tokens[p];
  const aux = auxiliaries(tokens, kids, p);
  const words = aux.map((t) => t.text.toLowerCase());
  const lemmas = aux.map((t) => (t.lemma ?? t.text).toLowerCase());
  const perfect = lemmas.includes('have') && aux.some((t) => t.deprel === 'aux');
  if (words.some((w) => FUTURE_AUX.has(w)) || lemmas.some((l) => FUTURE_AUX.has(l))) return perfect ? 'past' : 'future';
  if (words.some((w) => MODAL_AHEAD.has(w))) {
    // "could not be located Wednesday": a negated "could" is a past inability.
    const negated = (kids[p] ?? []).some(
      (k) =>
        (tokens[k].deprel === 'advmod' && /^(?:not|n't|never)$/i.test(tokens[k].text)) ||
        (tokens[k].deprel?.startsWith('nsubj') && (kids[k] ?? []).some((j) => /^neither$/i.test(tokens[j].text))),
    );
    if (perfect) return 'past';
    return negated && words.includes('could') ? undefined : 'future';
  }
  // "to report", "to be lifted": an infinitive looks ahead of a verb of planning, expecting or telling.
  const toMark = aux.some((t) => t.deprel === 'mark' && t.text.toLowerCase() === 'to');
  if (toMark && (pred.xpos === 'VB' || pred.upos === 'AUX' || aux.some((t) => t.xpos === 'VB'))) {
    const gov = tokens[pred.head ?? -1];
    const ahead = pred.deprel?.startsWith('xcomp') && gov && AHEAD_OF.has((gov.lemma ?? '').toLowerCase());
    if (!ahead) return undefined;
    // "had been scheduled to expire Friday": a plan seen from the past.
    const govAux = auxiliaries(tokens, kids, pred.head!);
    return govAux.some((t) => t.text.toLowerCase() === 'had') ? 'past' : 'future';
  }
  if (perfect) return 'past';
  const tensed = aux.find((t) => t.deprel === 'aux' || t.deprel === 'aux:pass' || t.deprel === 'cop') ?? pred;
  const tag = tensed.xpos ?? '';
  if (tag === 'VBD') return 'past';
  if (tag === 'VBZ' || tag === 'VBP') {
    if (tensed.deprel === 'aux:pass') return undefined;
    // "is meeting Monday", "resumes Monday", "opens May 19": the present of an event is a schedule.
    if (tensed === pred && STATIVE.has((pred.lemma ?? '').toLowerCase())) return undefined;
    if (pred.deprel === 'ccomp' || tensed.deprel === 'cop') return undefined;
    return 'present';
  }
  if (pred.xpos === 'VBN' && (pred.deprel === 'acl' || pred.deprel === 'amod')) return 'past';
  return undefined;
}

/** A finite predicate of planning: "scheduled a conference for Monday", "has scheduled a news conference Thursday". */
function planned(tokens: readonly Token[], p: number): boolean {
  const t = tokens[p];
  return PLANNING.has((t.lemma ?? '').toLowerCase()) && t.deprel !== 'acl' && t.deprel !== 'amod';
}

/**
 * A function giving, for a time expression's offsets, the tense of the predicate it modifies, read on
 * `tokens` (which must carry the parse); undefined where the parse gives no clear signal.
 */
export function parseTense(tokens: readonly Token[]): ((start: number, end: number) => Tense | undefined) | undefined {
  if (tokens.length === 0 || tokens.some((t) => t.head === undefined)) return undefined;
  const kids = childrenOf(tokens);
  return (start, end) => {
    const a = anchorOnParse(tokens, kids, start, end);
    if (!a || a.predicate === undefined || a.noun !== undefined || a.argument) return undefined;
    const before = tokens[tokensBefore(tokens, start)];
    if (before && AHEAD_CUE.has(before.text.toLowerCase())) return 'future';
    if (a.marker !== 'since' && planned(tokens, a.predicate)) return 'future';
    // "since Monday" looks back whatever the verb; "by Tuesday evening" follows the verb.
    if (a.marker === 'since') return 'past';
    return tenseOfPredicate(tokens, kids, a.predicate);
  };
}
