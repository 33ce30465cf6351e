/** The shape of a time rule and the pattern pieces the rule families share. */
import { MONTH_RE, WEEKDAY_RE } from '../lexicon.js';
import type { Candidate } from '../resolve.js';

export type Groups = Record<string, string | undefined>;

/** What a rule makes of a match; `end`/`skip` narrow the extent to part of the match. */
export type Made = Omit<Candidate, 'start' | 'end'> & { end?: number; skip?: number };

/**
 * One time rule. For speed a rule is only tried in a window around a `core` that every match of it contains
 * (a month name, a digit, a unit word …), and only on texts holding one of its `gate` words.
 */
export interface TimeRule {
  name: string;
  /** Regular-expression source of the core. */
  core: string;
  /** Space-separated words of which at least one must occur in the text (null: always try). */
  gate: string | null;
  pattern: RegExp;
  make: (g: Groups, m: RegExpExecArray, text: string) => Made | null;
}

/** A rule ready for scanning. */
export interface CoredRule {
  name: string;
  re: RegExp;
  make: TimeRule['make'];
  core: RegExp;
  gate: string[] | null;
}

export function compileRule(rule: TimeRule): CoredRule {
  return {
    name: rule.name,
    re: rule.pattern,
    make: rule.make,
    core: new RegExp(rule.core, 'gi'),
    gate: rule.gate ? rule.gate.split(' ') : null,
  };
}

const B = '(?<![\\p{L}\\p{N}_$£€#@&])';
export const E = '(?![\\p{L}\\p{N}_])';
/** Modifiers a date can take: "early", "the end of", "the first half of" … */
export const MOD =
  '(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|end|beginning|start|middle|turn)(?:\\s+(?:part\\s+)?of(?:\\s+the)?)?|' +
  'the\\s+(?:first|second|latter|last)\\s+half\\s+of|the\\s+(?:rest|remainder|balance)\\s+of|the\\s+close\\s+of|end\\s+of)';

/** A rule pattern: `body` as a whole word (not inside a word, number or handle). */
export function rx(body: string): RegExp {
  return new RegExp(B + '(?:' + body + ')' + E, 'giu');
}

export const MON = `(?<mon>${MONTH_RE})`;
export const WD = `(?<wd>${WEEKDAY_RE})`;

export const cap = (w: string | undefined): boolean => !!w && /^\p{Lu}/u.test(w);

/** Words after which "May"/"March" are months rather than a modal verb or a walk. */
const MONTH_CUE =
  /(?:^|\s)(?:in|since|until|till|by|last|next|this|early|late|mid|of|from|through|to|before|after|during|between|and|or|end|beginning|that|each|every|since|on)\s*-?\s*$/i;

/** Whether a capitalised month word at `start..end` is a month here rather than a name, a verb or an abbreviation. */
export function monthOk(word: string, text: string, start: number, end: number, needCue: boolean): boolean {
  if (!cap(word)) return false;
  const lower = word.toLowerCase();
  const full = lower.length > 4 || lower === 'may' || lower === 'june' || lower === 'july';
  if (!full && !word.endsWith('.')) {
    // "Jan" without a period is more often a name.
    if (!/^\s+\d/.test(text.slice(end, end + 3))) return false;
  }
  if (needCue && (lower === 'may' || lower === 'march')) {
    return MONTH_CUE.test(text.slice(Math.max(0, start - 20), start));
  }
  return true;
}

/** Core of the month rules: a month name, or an abbreviation with its period or a following number. */
export const MONTH_CORE =
  '\\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\\.|\\s+\\d))';
export const UNIT_CORE = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)';
export const MONTH_WORDS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
export const WEEKDAY_WORDS =
  'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays';
