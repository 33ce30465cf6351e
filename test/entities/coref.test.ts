import { describe, expect, it } from 'vitest';
import { checkInvariants, entitiesOf, entityNamed } from './helpers.js';
import { acronymMatch, personNamesCompatible } from '../../src/entities/names.js';

describe('within-article coreference', () => {
  it('links a surname to the full name and keeps the title as a role', () => {
    const doc = entitiesOf(
      'The group called for an investigation into Manhattan District Attorney Cyrus Vance. Vance has defended his decision.',
    );
    const vance = entityNamed(doc, 'Cyrus Vance');
    expect(vance?.aliases).toEqual(['Vance']);
    expect(vance?.mentions.length).toBe(2);
    expect(vance?.roles).toContain('Manhattan District Attorney');
    checkInvariants(doc);
  });

  it('links partial names: "Ambra Battilana Gutierrez" = "Ambra Battilana" = "Gutierrez"', () => {
    const doc = entitiesOf(
      'Prosecutors declined to charge him over one of his accusers, Ambra Battilana. ' +
        'The recording was made with model Ambra Battilana Gutierrez in 2015. Gutierrez told the police.',
    );
    const persons = doc.entities.filter((e) => e.type === 'person');
    expect(persons.map((p) => p.name)).toEqual(['Ambra Battilana Gutierrez']);
    expect(persons[0].aliases.sort()).toEqual(['Ambra Battilana', 'Gutierrez']);
    expect(persons[0].mentions.length).toBe(3);
  });

  it('links "Mr. Weinstein", "Harvey Weinstein" and "Weinstein"', () => {
    const doc = entitiesOf(
      'Harvey Weinstein was not charged. Weinstein denied it. Lawyers for Mr. Weinstein declined to comment.',
    );
    const hw = entityNamed(doc, 'Harvey Weinstein');
    expect(hw?.mentions.length).toBe(3);
    expect(doc.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  it('links an acronym to the written-out organisation', () => {
    const doc = entitiesOf(
      'The New York Police Department set up the sting. Officials at the NYPD declined to comment on the operation.',
    );
    const nypd = doc.entities.find((e) => e.aliases.includes('NYPD') || e.name === 'NYPD');
    expect(nypd?.name).toBe('New York Police Department');
    expect(nypd?.type).toBe('organization');
  });

  it('keeps two people who share a surname apart when both are named in full', () => {
    const doc = entitiesOf('John Smith met Jane Smith in Paris. John Smith later left for London.');
    const persons = doc.entities.filter((e) => e.type === 'person').map((e) => e.name);
    expect(persons.sort()).toEqual(['Jane Smith', 'John Smith']);
  });

  it('retypes a surname the tagger typed otherwise when a person of that name is in the article', () => {
    const doc = entitiesOf(
      'Ambra Battilana Gutierrez spoke to police. In the recording, he makes comments to Gutierrez, but nothing happened.',
    );
    const g = entityNamed(doc, 'Ambra Battilana Gutierrez');
    expect(g?.mentions.length).toBe(2);
    expect(doc.mentions.every((m) => m.type === 'person')).toBe(true);
  });

  it('matches names and acronyms the way the resolver needs', () => {
    expect(personNamesCompatible(['Ambra', 'Battilana'], ['Ambra', 'Battilana', 'Gutierrez'])).toBe(true);
    expect(personNamesCompatible(['H.', 'Weinstein'], ['Harvey', 'Weinstein'])).toBe(true);
    expect(personNamesCompatible(['Bob', 'Weinstein'], ['Harvey', 'Weinstein'])).toBe(false);
    expect(acronymMatch('New York Police Department', 'NYPD')).toBe(true);
    expect(acronymMatch('District Attorney', 'DA')).toBe(true);
    expect(acronymMatch('Bank of America', 'British Airways')).toBe(false);
  });

  it('links surnames with particles and organisations named with and without their kind', () => {
    const doc = entitiesOf(
      'Mayor Bill de Blasio spoke at Hofstra University on Monday. De Blasio said Hofstra had been a good host.',
    );
    expect(entityNamed(doc, 'Bill de Blasio')?.aliases).toEqual(['De Blasio']);
    expect(entityNamed(doc, 'Hofstra University')?.aliases).toEqual(['Hofstra']);
    const firm = entitiesOf(
      'The company Corvane Polymers said the fire was out. Corvane said the plant would stay closed this week.',
    );
    expect(entityNamed(firm, 'Corvane Polymers')?.aliases).toEqual(['Corvane']);
  });

  it('links an organisation named by the end of a longer name, but not a plain word', () => {
    const doc = entitiesOf(
      'A spokesman for the Manhattan DA said the DA had acted properly. The White House and the House disagreed.',
    );
    const da = doc.entities.filter((e) => /DA$/.test(e.name));
    expect(da).toHaveLength(1);
    expect(da[0].mentions.length).toBe(2);
    const house = doc.entities.filter((e) => /House$/.test(e.name));
    expect(house.length).toBe(2);
  });
});
