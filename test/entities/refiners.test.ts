import { describe, expect, it } from 'vitest';
import { entitiesOf, entityNamed } from './helpers.js';
import { dropMonthsAndDays, type RefineContext } from '../../src/entities/refiners.js';
import { annotateText } from '../../src/text/annotate.js';
import { annotateEntities } from '../../src/entities/index.js';

const mentionTexts = (text: string): string[] => entitiesOf(text).mentions.map((m) => m.text);

describe('refiners', () => {
  it('keeps titles out of the name and records them as roles', () => {
    const doc = entitiesOf('Gov. Andrew Cuomo said on Monday that the review would start soon.');
    expect(mentionTexts(doc.article.text)).toContain('Andrew Cuomo');
    expect(doc.mentions.some((m) => m.text.includes('Gov.'))).toBe(false);
    expect(entityNamed(doc, 'Andrew Cuomo')?.roles).toContain('Gov.');
  });

  it('takes a place before a title into the role: "Manhattan District Attorney Cyrus Vance"', () => {
    const doc = entitiesOf('The group criticised Manhattan District Attorney Cyrus Vance for his decision.');
    const vance = entityNamed(doc, 'Cyrus Vance');
    expect(vance?.type).toBe('person');
    expect(vance?.roles).toContain('Manhattan District Attorney');
    expect(doc.mentions.some((m) => m.text.includes('Attorney'))).toBe(false);
  });

  it('does not record Mr./Mrs. as roles but still strips them', () => {
    const doc = entitiesOf('Harvey Weinstein denied the claims. A lawyer for Mr. Weinstein said so.');
    const hw = entityNamed(doc, 'Harvey Weinstein');
    expect(hw?.mentions.length).toBe(2);
    expect(hw?.roles).not.toContain('Mr.');
    expect(doc.mentions.map((m) => m.text)).not.toContain('Mr. Weinstein');
  });

  it('reads "Time\'s Up" as an organisation but "Cuomo\'s announcement" as a possessive', () => {
    const doc = entitiesOf("Andrew Cuomo spoke. Cuomo's announcement followed a letter from Time's Up, the group.");
    const tu = doc.entities.find((e) => e.name === "Time's Up");
    expect(tu?.type).toBe('organization');
    expect(doc.mentions.map((m) => m.text)).toContain('Cuomo');
    expect(doc.mentions.map((m) => m.text)).not.toContain("Cuomo's");
    expect(entityNamed(doc, 'Andrew Cuomo')?.mentions.length).toBe(2);
  });

  it('handles curly apostrophes the same way', () => {
    const doc = entitiesOf(
      'Andrew Cuomo spoke. Cuomo\u2019s announcement followed a letter from the Time\u2019s Up organization.',
    );
    expect(doc.entities.find((e) => e.name === 'Time\u2019s Up')?.type).toBe('organization');
    expect(doc.mentions.map((m) => m.text)).toContain('Cuomo');
  });

  it('keeps "(D-N.Y.)" as an attribute of the person, not a place', () => {
    const doc = entitiesOf('Gov. Andrew Cuomo (D-N.Y.) has demanded a review of the case.');
    expect(doc.mentions.filter((m) => m.type === 'place')).toEqual([]);
    expect(doc.mentions.some((m) => /N\.?Y/.test(m.text))).toBe(false);
    expect(entityNamed(doc, 'Andrew Cuomo')?.roles).toEqual(expect.arrayContaining(['Gov.', 'D-N.Y.']));
  });

  it('never reports months or weekdays as entities', () => {
    const text = 'Smith met Jones on Monday. In October, May and June were busy.';
    const doc = annotateText({ id: 't', text, publishedInferred: false });
    const ctx: RefineContext = { text, tokens: doc.tokens, isCommonWord: () => false };
    const idx = (w: string): number => doc.tokens.findIndex((t) => t.text === w);
    const drafts = ['Smith', 'Monday', 'October', 'May', 'June'].map((w) => ({
      start: idx(w),
      end: idx(w) + 1,
      type: 'person' as const,
      roles: [],
    }));
    expect(dropMonthsAndDays(drafts, ctx).map((d) => doc.tokens[d.start].text)).toEqual(['Smith']);
    const full = entitiesOf(text);
    expect(full.mentions.map((m) => m.text)).not.toEqual(expect.arrayContaining(['Monday']));
    expect(full.mentions.some((m) => /^(Monday|October|May|June)$/.test(m.text))).toBe(false);
  });

  it('finds names in all-caps text', () => {
    const doc = entitiesOf('NEW YORK GOV. ANDREW CUOMO SAID ON MONDAY THAT HARVEY WEINSTEIN MUST FACE A REVIEW.');
    const persons = doc.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(persons).toEqual(expect.arrayContaining(['ANDREW CUOMO', 'HARVEY WEINSTEIN']));
    expect(doc.mentions.some((m) => m.text === 'MONDAY')).toBe(false);
  });

  it('drops a capitalised common word at the start of a sentence', () => {
    const doc = entitiesOf('Back in October, Reuters reported the story.');
    expect(doc.mentions.map((m) => m.text)).not.toContain('Back');
  });

  it('records appositive roles', () => {
    const doc = entitiesOf("Danny Frost, a spokesman for the Manhattan DA's office, released a statement.");
    expect(entityNamed(doc, 'Danny Frost')?.roles).toContain('spokesman');
  });

  it('does not take URLs and handles for names', () => {
    const doc = entitiesOf(
      'Here is the audio: https://t.co/zSQbK5NV0c pic.twitter.com/vmrrSUp43w via @NewYorker today.',
    );
    expect(doc.mentions.some((m) => /t\.co|twitter|vmrr|@/.test(m.text))).toBe(false);
  });

  it('types a name ending in an organisation word as an organisation', () => {
    const doc = entitiesOf(
      'The sex crimes unit of the Manhattan District Attorney\u2019s Office and the editors of New York Magazine disagreed.',
    );
    const office = doc.entities.find((e) => e.name.endsWith('Office'));
    expect(office?.type).toBe('organization');
    expect(doc.entities.find((e) => e.name === 'New York Magazine')?.type).toBe('organization');
  });

  it('reads a multi-word name after a person noun as a person', () => {
    const doc = entitiesOf('The recording was made with model Ambra Battilana Gutierrez in 2015.');
    const g = doc.entities.find((e) => e.name === 'Ambra Battilana Gutierrez');
    expect(g?.type).toBe('person');
    expect(g?.roles).toContain('model');
  });

  it('reads a lone word after "in" as a place, not a person', () => {
    const doc = entitiesOf(
      'At a press conference in Chelsea, the mayor said it was too early to tell. Police searched Chelsea overnight.',
    );
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.name)).not.toContain('Chelsea');
    expect(entityNamed(doc, 'Chelsea')?.roles ?? []).not.toContain('mayor');
  });

  it('reads a name ending in Street or Road as a place, and keeps people whose surname is not one', () => {
    const doc = entitiesOf(
      'Along Mill Street, residents watched the smoke. Delia Frost, who lives on Mill Street, stayed home. ' +
        'Crews closed Foundry Road. Judge Anna Lane spoke later, and so did Senator Ruth Street.',
    );
    expect(entityNamed(doc, 'Mill Street')?.type).toBe('place');
    expect(entityNamed(doc, 'Foundry Road')?.type).toBe('place');
    expect(entityNamed(doc, 'Delia Frost')?.type).toBe('person');
    expect(entityNamed(doc, 'Anna Lane')?.type).toBe('person');
    expect(entityNamed(doc, 'Ruth Street')?.type).toBe('person');
  });

  it('reads the outlet naming itself as an organisation, only in its own articles', () => {
    const text = 'The Observer has learned that the firm applied to expand. Observer reporters saw the site.';
    const own = annotateEntities(
      annotateText({ id: 'o1', text, source: 'Tri-County Observer', publishedInferred: false }),
    );
    expect(entityNamed(own, 'Observer')?.type).toBe('organization');
    // A place in the outlet's name is still a place.
    const courier = annotateEntities(
      annotateText({
        id: 'c1',
        text: 'Smoke hung over Larkhollow all day.',
        source: 'Larkhollow Courier',
        publishedInferred: false,
      }),
    );
    expect(entityNamed(courier, 'Larkhollow')?.type).toBe('place');
  });

  it('takes an acronym before a title as the organisation in the role', () => {
    const doc = entitiesOf("The blast happened at 8:30 p.m., according to NYPD Commissioner James O'Neill.");
    expect(entityNamed(doc, "James O'Neill")?.roles).toContain('NYPD Commissioner');
    expect(entityNamed(doc, 'NYPD')?.type).toBe('organization');
  });

  it('joins an organisation head word with the name after "of"/"on"', () => {
    const doc = entitiesOf('The Commission on Presidential Debates chose Hofstra University for the first debate.');
    const names = doc.entities.map((e) => e.name);
    expect(names).toContain('Commission on Presidential Debates');
    expect(names).not.toContain('Presidential Debates');
  });

  it('keeps a bare state abbreviation after a name as an attribute', () => {
    const doc = entitiesOf('Voters did not turn out the way they did for Sen. Bernie Sanders (Vt.) in the primary.');
    expect(entityNamed(doc, 'Bernie Sanders')?.roles).toEqual(expect.arrayContaining(['Sen.', 'Vt.']));
    expect(doc.mentions.some((m) => m.text.startsWith('Vt'))).toBe(false);
  });

  it('drops persons made only of title words and pronoun contractions', () => {
    const doc = entitiesOf(
      'Joseph R. Biden, Jr., is Senior Fellow at the Center for Transatlantic Relations. \u201cI\u2019m sure,\u201d he said.',
    );
    const names = doc.entities.map((e) => e.name);
    expect(names).not.toContain('Senior Fellow');
    expect(names).not.toContain('I\u2019m');
  });

  it('does not read a closing quote as an apostrophe name', () => {
    const doc = entitiesOf('Christie Calls Clinton \u2018Disgrace\u2019 Over Remarks on Police.');
    expect(doc.mentions.some((m) => m.text.includes('\u2019 Over'))).toBe(false);
  });
});
