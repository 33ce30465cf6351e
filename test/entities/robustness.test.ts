import { describe, expect, it } from 'vitest';
import { annotateEntities } from '../../src/entities/index.js';
import { emptyAnnotations } from '../../src/pipeline.js';
import { checkInvariants, entitiesOf } from './helpers.js';

describe('bad input', () => {
  it('handles an empty article and one without tokens', () => {
    const doc = annotateEntities(emptyAnnotations({ id: 'e', text: '', publishedInferred: false }));
    expect(doc.mentions).toEqual([]);
    expect(doc.entities).toEqual([]);
    expect(entitiesOf('').mentions).toEqual([]);
  });

  it('handles all-caps text', () => {
    const doc = entitiesOf('PRESIDENT BARACK OBAMA MET CHANCELLOR ANGELA MERKEL IN BERLIN ON TUESDAY.');
    checkInvariants(doc);
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.name)).toEqual([
      'BARACK OBAMA',
      'ANGELA MERKEL',
    ]);
    expect(doc.entities.find((e) => e.name === 'BERLIN')?.type).toBe('place');
  });

  it('restores casing in text written without any capital letter', () => {
    const doc = entitiesOf('gov andrew cuomo said on monday that harvey weinstein must face a review in new york.');
    checkInvariants(doc);
    const persons = doc.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(persons).toEqual(['andrew cuomo', 'harvey weinstein']);
    expect(doc.mentions.some((m) => m.text === 'monday')).toBe(false);
  });

  it('handles text without punctuation or sentence breaks', () => {
    const doc = entitiesOf(
      'Andrew Cuomo said Harvey Weinstein would face a review and then Cuomo left for Albany without comment',
    );
    checkInvariants(doc);
    expect(doc.entities.find((e) => e.name === 'Andrew Cuomo')?.mentions.length).toBe(2);
    expect(doc.entities.some((e) => e.name === 'Harvey Weinstein' && e.type === 'person')).toBe(true);
  });

  it('handles very long tokens', () => {
    const doc = entitiesOf(`${'A'.repeat(5000)} met Barack Obama in Chicago. ${'x'.repeat(20000)}`);
    checkInvariants(doc);
    expect(doc.mentions.every((m) => m.text.length < 100)).toBe(true);
    expect(doc.entities.some((e) => e.name === 'Barack Obama')).toBe(true);
  });

  it('handles non-Latin scripts and emoji', () => {
    const doc = entitiesOf(
      'Президент Владимир Путин встретился с канцлером. 習近平 visited Paris with Emmanuel Macron 🎉🎉 on Friday 👍.',
    );
    checkInvariants(doc);
    expect(doc.entities.find((e) => e.name === 'Emmanuel Macron')?.type).toBe('person');
    expect(doc.entities.find((e) => e.name === 'Paris')?.type).toBe('place');
    expect(doc.mentions.some((m) => /[🎉👍]/u.test(m.text))).toBe(false);
  });

  it('keeps offsets exact with curly quotes, dashes and odd whitespace', () => {
    const text =
      '\u201cWe are concerned,\u201d said Cuomo\u2019s aide \u2014 Melissa DeRosa \u2014 in\u00a0Albany.\n\n\tVance\u2019s office declined.';
    const doc = entitiesOf(text);
    checkInvariants(doc);
    expect(doc.mentions.map((m) => m.text)).toContain('Melissa DeRosa');
  });
});

describe('offset invariant on generated text', () => {
  // Deterministic pseudo-random articles mixing names, titles, punctuation, scripts and emoji.
  const pieces = [
    'Gov. Andrew Cuomo',
    'Mr. Weinstein',
    "Time's Up",
    'Time\u2019s Up',
    '(D-N.Y.)',
    'the NYPD',
    'New York Police Department',
    'said',
    'on Monday',
    'in October',
    ',',
    '.',
    '\u201c',
    '\u201d',
    '"',
    "'s",
    '\u2014',
    'Ambra Battilana Gutierrez',
    'Москва',
    '東京',
    '🎉',
    'https://t.co/abc123',
    '@NewYorker',
    'DA\u2019s office',
    'CNN\u2019s Elizabeth Joseph',
    '\n\n',
    'WEINSTEIN',
    'Danny Frost, a spokesman for the office,',
    'x'.repeat(60),
    '  ',
    '\t',
    'Vance',
    'e\u0301cole',
    '123',
  ];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 25; k++) {
    const parts: string[] = [];
    const len = 5 + rand(60);
    for (let i = 0; i < len; i++) parts.push(pieces[rand(pieces.length)]);
    const text = parts.join(rand(3) === 0 ? '' : ' ');
    it(`article ${k}`, () => {
      const doc = entitiesOf(text, `gen${k}`);
      checkInvariants(doc);
      for (const e of doc.entities) {
        expect(e.mentions.length).toBeGreaterThan(0);
        expect(e.name.length).toBeGreaterThan(0);
      }
    });
  }
});
