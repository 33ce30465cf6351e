/**
 * Background dates: dates a report gives that are not when its news happened. They are kept on the timeline,
 * marked, so a reader can unfold them. Each rule reads the parse or the calendar, never the words of one story:
 *
 * - a state's start: "since 2021", "since it came out last year" (the expression or its clause is introduced
 *   by "since");
 * - the present perfect ("has operated ... in 1987", "every month so far this year has set a record"): a state
 *   reaching up to now, not an event of the day;
 * - a tally ("the second at a chemical plant this month"): a date on an ordinal nominal predicate;
 * - a date modifying a noun ("last year's inspection", "the flood of 1998", "the 1997 Kyoto treaty") when it
 *   names a whole year or lies before the report (see below);
 * - a past date well before the report: more than {@link RECENT_DAYS} days before the publication date of the
 *   article that gives it at day precision, an earlier month at month precision, an earlier year at year
 *   precision ("earlier this year" counts as before). Reports recount the days just before them as news ("on
 *   Tuesday", "last week"); what lies further back is context. The threshold is measured from the reporting
 *   article, not from the story's first article: a later article recounting the story's first day restates
 *   what the first article already gave as an event, and that article keeps it as one.
 */
import type { Token } from '../../model.js';
import { type Ymd, toDays } from '../calendar.js';
import { type Anchoring, auxiliaries } from './event.js';

/** How many days before its publication a report still tells as news. */
export const RECENT_DAYS = 7;

export type Precision = 'day' | 'month' | 'year';

export interface BackgroundInput {
  anchoring?: Anchoring;
  tokens: readonly Token[];
  kids: readonly number[][];
  /** The date at its precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  precision: Precision;
  /** The time expression as written. */
  text: string;
  /** The article's publication date. */
  published?: Ymd;
}

const ORDINAL =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|last|largest|biggest|worst|only)$/i;

/** Whether the date lies before the report by more than the recent window, at its own precision. */
export function wellBefore(date: string, precision: Precision, published: Ymd, text = ''): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (precision === 'year') return y < published.y || (y === published.y && /^earlier\s+this\b/i.test(text));
  if (precision === 'month') {
    const months = (published.y - y) * 12 + (published.m - m);
    return months > 0 || (months === 0 && /^earlier\s+this\b/i.test(text));
  }
  return toDays(published) - toDays({ y, m, d }) > RECENT_DAYS;
}

/** Whether the date lies after the publication date at its precision (a future entry). */
export function afterPublication(date: string, precision: Precision, published: Ymd): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (precision === 'year') return y > published.y;
  if (precision === 'month') return y * 12 + m > published.y * 12 + published.m;
  return toDays({ y, m, d }) > toDays(published);
}

/** Why a dated expression is background, or undefined when it dates an event of the report. */
export function backgroundReason(input: BackgroundInput): string | undefined {
  const { anchoring: a, tokens, kids, date, precision, published } = input;
  const before = published ? wellBefore(date, precision, published, input.text) : false;
  if (a) {
    if (a.marker === 'since') return 'a state since then';
    const p = a.predicate;
    const aux = p !== undefined ? auxiliaries(tokens, kids, p) : [];
    if (aux.some((t) => t.deprel === 'mark' && (t.lemma ?? t.text).toLowerCase() === 'since'))
      return 'a state since then';
    if (a.noun === undefined && aux.some((t) => t.deprel === 'aux' && /^(?:has|have|'ve|’ve)$/i.test(t.text)))
      return 'a state up to now (present perfect)';
    if (p !== undefined && isTally(tokens, kids, p)) return 'a tally over a period';
    if (a.noun !== undefined && (precision === 'year' || before)) return 'modifies a noun';
  }
  if (before) return 'well before the report';
  return undefined;
}

/** "The blaze is the second ... this month": a nominal predicate counted by an ordinal. */
function isTally(tokens: readonly Token[], kids: readonly number[][], p: number): boolean {
  if (!(kids[p] ?? []).some((k) => tokens[k].deprel === 'cop')) return false;
  if (ORDINAL.test(tokens[p].text)) return true;
  return (kids[p] ?? []).some((k) => tokens[k].deprel === 'amod' && ORDINAL.test(tokens[k].text));
}
