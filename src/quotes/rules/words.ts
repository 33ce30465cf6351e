/** Word lists and patterns shared by several rules. */

export const CAP_WORD = /^\p{Lu}/u;

export const TIME_HEADS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)$/i;

/** Heads of subjects that "show" something as a source does ("FEC records show …"). */
export const DOCUMENT_SUBJECTS = new Set([
  'records',
  'reports',
  'report',
  'polls',
  'poll',
  'filings',
  'filing',
  'figures',
  'numbers',
  'statistics',
  'results',
  'surveys',
  'survey',
  'studies',
  'study',
  'estimates',
  'documents',
  'data',
  'emails',
  'records',
  'polling',
  'research',
  'analysis',
]);

/** Whether a token is only quote marks. */
export function isMark(s: string): boolean {
  return /^["\u201c\u201d\u2018\u2019'\u00ab\u00bb]+$/.test(s);
}
