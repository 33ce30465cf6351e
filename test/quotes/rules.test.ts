import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/text/annotate.js';
import { findAttributions, PASSES, ruleContext, type RawAttribution } from '../../src/quotes/rules/index.js';
import type { AnnotatedArticle } from '../../src/model.js';

function doc(text: string): AnnotatedArticle {
  return annotateText({ id: 'a', text, publishedInferred: false });
}

const TEXT = [
  'PORT EMERY — "We are ready," Lopez said. "The team has trained for months."',
  'Kim said in a statement:',
  '"The first paragraph is here.',
  '"The second paragraph ends it."',
  'The mayor said the plan was "a reckless gamble" that would cost the city dearly.',
  'According to the report, the bridge was closed for repairs.',
  'Residents were ordered to leave at 6 p.m., officials said.',
].join('\n\n');

/** Runs the passes one by one, keeping each pass's input and output. */
function steps(d: AnnotatedArticle): Array<{ name: string; input: RawAttribution[]; output: RawAttribution[] }> {
  const ctx = ruleContext(d);
  const out: Array<{ name: string; input: RawAttribution[]; output: RawAttribution[] }> = [];
  let list: RawAttribution[] = [];
  for (const [name, pass] of PASSES) {
    const output = pass(ctx, list);
    out.push({ name, input: list, output });
    list = output;
  }
  return out;
}

describe('attribution rule passes', () => {
  it('run in the documented order', () => {
    expect(PASSES.map(([name]) => name)).toEqual([
      'quotations',
      'bareParagraphs',
      'splitStatements',
      'headline',
      'transcript',
      'reportedSpeech',
      'partialQuotes',
      'passives',
      'datelines',
    ]);
  });

  it('give the same result as findAttributions when run one by one', () => {
    const d = doc(TEXT);
    const s = steps(d);
    expect(s[s.length - 1].output).toEqual(findAttributions(d));
  });

  it('return a new list and leave their input untouched', () => {
    const d = doc(TEXT);
    const ctx = ruleContext(d);
    let list: RawAttribution[] = [];
    for (const [name, pass] of PASSES) {
      const before = structuredClone(list);
      const output = pass(ctx, list);
      expect(output, name).not.toBe(list);
      expect(list, name).toEqual(before);
      // Run again on the same input and context: the same answer.
      expect(pass(ctx, list), name).toEqual(output);
      list = output;
    }
    expect(list.length).toBeGreaterThan(0);
  });

  it('give unique ids and links that resolve to earlier attributions', () => {
    const found = findAttributions(doc(TEXT));
    const ids = found.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const links = found.flatMap((a, i) =>
      [a.continues, a.inherits].filter((l) => l !== undefined).map((l) => ({ at: i, to: ids.indexOf(l!) })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.to).toBeGreaterThanOrEqual(0);
      expect(l.to).toBeLessThan(l.at);
    }
  });

  it('link split quotes and partial quotes by id', () => {
    const found = findAttributions(doc(TEXT));
    const byId = new Map(found.map((a) => [a.id, a]));
    const text = TEXT;
    const second = found.find((a) => text.slice(a.content.start, a.content.end).startsWith('The team'));
    expect(byId.get(second!.continues!)?.content).toEqual(
      found.find((a) => text.slice(a.content.start, a.content.end) === 'We are ready')?.content,
    );
    const partial = found.find((a) => a.kind === 'partial' && a.inherits !== undefined);
    expect(byId.get(partial!.inherits!)?.kind).toBe('indirect');
  });
});
