import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../../src/entities/index.js';
import { HAVE_EXAMPLES, checkInvariants, entitiesOf, example } from './helpers.js';

const PEOPLE = [
  'Ambra Battilana Gutierrez',
  'Andrew Cuomo',
  'Cyrus Vance',
  'Danny Frost',
  'David Boies',
  'Elizabeth Joseph',
  'Harvey Weinstein',
];

describe.skipIf(!HAVE_EXAMPLES)('example articles', () => {
  const a = entitiesOf(example('000_8c090a83704d7a73.txt'), 'a');
  const b = entitiesOf(example('003_4df99ba864ac3136.txt'), 'b');

  it('keeps every mention on its exact source text', () => {
    checkInvariants(a);
    checkInvariants(b);
  });

  it('finds every person exactly once in the story, and nothing else as a person', () => {
    const story = resolveEntities([a, b]);
    const persons = story
      .filter((e) => e.type === 'person')
      .map((e) => e.name)
      .sort();
    expect(persons).toEqual(PEOPLE);
  });

  it('links surnames and titles within each article', () => {
    const vance = a.entities.find((e) => e.name === 'Cyrus Vance');
    expect(vance?.roles).toContain('Manhattan District Attorney');
    expect(vance?.aliases).toEqual(['Vance']);
    const cuomo = b.entities.find((e) => e.name === 'Andrew Cuomo');
    expect(cuomo?.roles).toEqual(expect.arrayContaining(['Gov.', 'D-N.Y.']));
    expect(b.mentions.filter((m) => m.type === 'place').map((m) => m.text)).not.toContain('N.Y.');
    const frost = a.entities.find((e) => e.name === 'Danny Frost');
    expect(frost?.roles).toContain('spokesman');
  });

  it("resolves organisations across articles (NYPD, Time's Up)", () => {
    const story = resolveEntities([a, b]);
    const police = story.find((e) => e.name === 'New York Police Department');
    expect(police?.type).toBe('organization');
    expect(police?.aliases).toContain('NYPD');
    expect(new Set(police?.mentions.map((m) => m.articleId))).toEqual(new Set(['a', 'b']));
    const tu = story.filter((e) => /^Time.s Up$/.test(e.name));
    expect(tu).toHaveLength(1);
    expect(tu[0].type).toBe('organization');
  });

  it('reports each person with mentions in both articles where both name them', () => {
    const story = resolveEntities([a, b]);
    for (const name of ['Harvey Weinstein', 'Cyrus Vance', 'Andrew Cuomo', 'Ambra Battilana Gutierrez']) {
      const e = story.find((x) => x.name === name);
      expect(new Set(e?.mentions.map((m) => m.articleId)), name).toEqual(new Set(['a', 'b']));
    }
  });
});
