import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../../src/entities/index.js';
import type { AnnotatedArticle, EntityType } from '../../src/model.js';
import { compatibleCandidates } from '../../src/entities/resolve.js';
import { personNamesCompatible } from '../../src/entities/names.js';
import { rng } from '../synthetic.js';

/** A minimal annotated article whose entities are given as [name, type, mention texts, roles]. */
function article(id: string, ents: Array<[string, EntityType, string[], string[]?]>): AnnotatedArticle {
  let text = '';
  const mentions: AnnotatedArticle['mentions'] = [];
  const entities: AnnotatedArticle['entities'] = [];
  ents.forEach(([name, type, texts, roles], ei) => {
    const idx: number[] = [];
    for (const t of texts) {
      const start = text.length;
      text += `${t}. `;
      idx.push(mentions.length);
      mentions.push({ start, end: start + t.length, text: t, type, entity: ei });
    }
    entities.push({
      name,
      type,
      aliases: [...new Set(texts.filter((t) => t !== name))],
      mentions: idx,
      roles: roles ?? [],
    });
  });
  return {
    article: { id, text, publishedInferred: false },
    sentences: [],
    tokens: [],
    mentions,
    entities,
    quotes: [],
    timexes: [],
  };
}

describe('cross-article resolution', () => {
  it('merges the same person written differently across articles', () => {
    const a = article('a', [['Harvey Weinstein', 'person', ['Harvey Weinstein', 'Weinstein']]]);
    const b = article('b', [['Weinstein', 'person', ['Weinstein', 'Weinstein']]]);
    const c = article('c', [['Ambra Battilana Gutierrez', 'person', ['Ambra Battilana Gutierrez'], ['model']]]);
    const d = article('d', [['Ambra Battilana', 'person', ['Ambra Battilana']]]);
    const out = resolveEntities([a, b, c, d]);
    const hw = out.find((e) => e.name === 'Harvey Weinstein');
    expect(hw?.mentions.map((m) => m.articleId)).toEqual(['a', 'a', 'b', 'b']);
    const abg = out.find((e) => e.name === 'Ambra Battilana Gutierrez');
    expect(abg?.aliases).toContain('Ambra Battilana');
    expect(abg?.roles).toEqual(['model']);
    expect(out.filter((e) => e.type === 'person')).toHaveLength(2);
  });

  it('never merges two people who share a surname with different first names', () => {
    const a = article('a', [['Harvey Weinstein', 'person', ['Harvey Weinstein']]]);
    const b = article('b', [['Bob Weinstein', 'person', ['Bob Weinstein']]]);
    const c = article('c', [['Weinstein', 'person', ['Weinstein']]]);
    const out = resolveEntities([a, b, c]);
    const names = out
      .filter((e) => e.type === 'person')
      .map((e) => e.name)
      .sort();
    expect(names).toEqual(['Bob Weinstein', 'Harvey Weinstein', 'Weinstein']);
  });

  it('merges organisations by name and acronym, and gives deterministic ids', () => {
    const a = article('a', [['New York Police Department', 'organization', ['New York Police Department']]]);
    const b = article('b', [['NYPD', 'organization', ['NYPD', 'NYPD']]]);
    const first = resolveEntities([a, b]);
    expect(first).toHaveLength(1);
    expect(first[0].name).toBe('New York Police Department');
    expect(first[0].aliases).toEqual(['NYPD']);
    expect(first[0].id).toBe('organization:new-york-police-department');
    expect(resolveEntities([a, b]).map((e) => e.id)).toEqual(first.map((e) => e.id));
  });

  it('keeps different organisations apart', () => {
    const a = article('a', [['Bank of America', 'organization', ['Bank of America']]]);
    const b = article('b', [['British Airways', 'organization', ['British Airways']]]);
    expect(resolveEntities([a, b])).toHaveLength(2);
  });

  it('joins a shortened organisation name to the one organisation it can stand for', () => {
    const a = article('a', [['Larkhollow Town Council', 'organization', ['Larkhollow Town Council']]]);
    const b = article('b', [['Council', 'organization', ['Council']]]);
    const c = article('c', [['Town Council', 'organization', ['Town Council']]]);
    const out = resolveEntities([a, b, c]);
    expect(out).toHaveLength(1);
    expect(out[0].name).toBe('Larkhollow Town Council');
    expect(out[0].aliases.sort()).toEqual(['Council', 'Town Council']);
    // Two councils in the story: a bare "Council" could be either, so it stays apart.
    const d = article('d', [['Cindermoor Town Council', 'organization', ['Cindermoor Town Council']]]);
    const two = resolveEntities([a, b, d]);
    expect(two.map((e) => e.name).sort()).toEqual(['Cindermoor Town Council', 'Council', 'Larkhollow Town Council']);
  });

  it('joins a one-word organisation name to the one organisation whose name starts with it', () => {
    const a = article('a', [['Calloway Transit Systems', 'organization', ['Calloway Transit Systems']]]);
    const b = article('b', [['Calloway', 'organization', ['Calloway', 'Calloway']]]);
    const out = resolveEntities([a, b]);
    expect(out).toHaveLength(1);
    expect(out[0].name).toBe('Calloway Transit Systems');
    const c = article('c', [
      ['Northgate Coach Lines', 'organization', ['Northgate Coach Lines']],
      ['Northgate Mall Trust', 'organization', ['Northgate Mall Trust']],
    ]);
    // Two organisations start with the word: it could be either, so it stays apart.
    const d = article('d', [['Northgate', 'organization', ['Northgate']]]);
    expect(resolveEntities([c, d])).toHaveLength(3);
  });

  it('copes with no articles and articles without entities', () => {
    expect(resolveEntities([])).toEqual([]);
    expect(resolveEntities([article('a', [])])).toEqual([]);
  });
});

describe('compatible person candidates', () => {
  it('finds every pair of compatible names that comparing all pairs finds', () => {
    const pick = rng(2024);
    const firsts = ['Harvey', 'H.', 'Hana', 'J.', 'John', 'Joan', 'R.', 'Ronald', 'de', 'Van', 'Ana', 'A.'];
    const lasts = ['Weinstein', 'W.', 'Blasio', 'Ronald', 'Okafor', 'Oakes', 'Hart', 'Ana', 'J.'];
    const name = (): string[] => {
      const n = 2 + Math.floor(pick() * 2);
      return Array.from({ length: n }, (_, i) =>
        i === n - 1 ? lasts[Math.floor(pick() * lasts.length)] : firsts[Math.floor(pick() * firsts.length)],
      );
    };
    for (let round = 0; round < 20; round++) {
      const people = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(pick() * 2) }, name));
      const found = new Set(compatibleCandidates(people).map(([a, b]) => `${a},${b}`));
      let compatible = 0;
      for (let a = 0; a < people.length; a++)
        for (let b = a + 1; b < people.length; b++) {
          if (people[a].some((x) => people[b].some((y) => personNamesCompatible(x, y)))) {
            compatible++;
            expect(found.has(`${a},${b}`), `${people[a].join('|')} / ${people[b].join('|')}`).toBe(true);
          }
        }
      expect(compatible).toBeGreaterThan(0);
      // The index must also leave pairs out, or it is no better than comparing all of them.
      expect(found.size).toBeLessThan((people.length * (people.length - 1)) / 2);
    }
  });
});
