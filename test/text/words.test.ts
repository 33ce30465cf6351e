import { describe, expect, it } from 'vitest';
import { MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, WEEKDAYS, WEEKDAY_ABBREVIATIONS } from '../../src/text/words.js';

describe('shared word lists', () => {
  it('lists months and weekdays in calendar order', () => {
    expect(MONTHS).toHaveLength(12);
    expect(MONTHS[0]).toBe('january');
    expect(MONTHS[8]).toBe('september');
    expect(WEEKDAYS).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
  });

  it('abbreviates every month but May and every weekday by a prefix of its name', () => {
    for (const a of MONTH_ABBREVIATIONS) expect(MONTHS.some((m) => m !== 'may' && m.startsWith(a))).toBe(true);
    expect(MONTH_ABBREVIATIONS).not.toContain('may');
    expect(MONTH_ABBREVIATIONS).toContain('sept');
    for (const a of WEEKDAY_ABBREVIATIONS) expect(WEEKDAYS.some((d) => d.startsWith(a))).toBe(true);
    expect(WEEKDAY_ABBREVIATIONS).toContain('thurs');
  });

  it('gives number words their values', () => {
    expect(NUMBER_WORDS.zero).toBe(0);
    expect(NUMBER_WORDS.nineteen).toBe(19);
    expect(NUMBER_WORDS.eighty).toBe(80);
    expect(NUMBER_WORDS.dozen).toBe(12);
    expect(NUMBER_WORDS.hundred).toBe(100);
  });
});
