import { describe, expect, it } from 'vitest';
import type { AnnotatedArticle } from '../src/model.js';
import { ARTICLE_INPUTS, ARTICLE_STAGES, annotateArticle, emptyAnnotations } from '../src/pipeline.js';
import { addTiming, runStages, StageError, unmetRequirement, type Stage } from '../src/engine/run-stages.js';
import {
  DATE_STAGE,
  defaultStoryParts,
  STORY_INPUTS,
  STORY_STAGES,
  type StoryContext,
  type StoryDraft,
} from '../src/engine/stages.js';
import { assembleStory, type StoryParts } from '../src/engine/story.js';

const article = (id: string, source: string, text: string): AnnotatedArticle =>
  annotateArticle({ id, text, source, published: '2024-03-05', publishedInferred: false });

const docs = [
  article(
    'a',
    'Harbor Ledger',
    'The city council approved the transit plan on Monday. "We will start building in May," Mayor Ana Ruiz said. The plan costs $40 million.',
  ),
  article(
    'b',
    'Meridian Press',
    'Mayor Ana Ruiz said on Monday that the council approved a $45 million transit plan. "We will start building in May," she said.',
  ),
];

/** The fields whose values differ between two objects. */
function changed(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
}

describe('declared stages', () => {
  it('meet every requirement from the input or an earlier stage, in both pipelines', () => {
    expect(unmetRequirement(ARTICLE_STAGES, ARTICLE_INPUTS)).toBeUndefined();
    expect(unmetRequirement([DATE_STAGE, ...STORY_STAGES], STORY_INPUTS)).toBeUndefined();
    // The check does find a stage placed before what it reads.
    const [text, syntax] = ARTICLE_STAGES;
    expect(unmetRequirement([syntax, text], ARTICLE_INPUTS)).toBe('syntax: tokens');
    const quotes = STORY_STAGES.find((s) => s.name === 'quotes') as Stage<StoryDraft, StoryContext>;
    expect(unmetRequirement([quotes], STORY_INPUTS)).toBe('quotes: entities');
  });

  it('have distinct names and assign only the fields they declare (per article)', () => {
    expect(new Set(ARTICLE_STAGES.map((s) => s.name)).size).toBe(ARTICLE_STAGES.length);
    let doc = emptyAnnotations(docs[0].article);
    for (const stage of ARTICLE_STAGES) {
      const next = stage.run(doc, {});
      for (const field of changed(doc, next)) expect(stage.assigns, `${stage.name} changed ${field}`).toContain(field);
      doc = next;
    }
    expect(doc).toEqual(docs[0]);
  });

  it('assign only the fields they declare, and every field of a story (per story)', () => {
    expect(new Set(STORY_STAGES.map((s) => s.name)).size).toBe(STORY_STAGES.length);
    const ctx: StoryContext = { parts: defaultStoryParts(), summaryWords: 60 };
    let draft: StoryDraft = { id: 's', articles: docs };
    for (const stage of STORY_STAGES) {
      const next = stage.run(draft, ctx);
      for (const field of changed(draft, next))
        expect(stage.assigns, `${stage.name} changed ${field}`).toContain(field);
      draft = next;
    }
    const story = assembleStory('s', docs, defaultStoryParts(), { summaryWords: 60 });
    const assigned = new Set(STORY_STAGES.flatMap((s) => s.assigns));
    for (const field of Object.keys(story).filter((k) => k !== 'id')) expect(assigned).toContain(field);
    const { articles: _articles, ...fromStages } = draft;
    expect(fromStages).toEqual(story);
  });
});

describe('the stage runner', () => {
  type Doc = { n: number; log: string[] };
  const step = (name: string, fn: (d: Doc) => Doc, optional?: boolean): Stage<Doc> => ({
    name,
    requires: ['n'],
    assigns: ['n', 'log'],
    optional,
    run: fn,
  });
  const add = (name: string, k: number): Stage<Doc> => step(name, (d) => ({ n: d.n + k, log: [...d.log, name] }));
  const boom = (name: string, optional?: boolean): Stage<Doc> =>
    step(
      name,
      () => {
        throw new RangeError(`${name} failed`);
      },
      optional,
    );

  it('ends the run with a StageError that names the stage and keeps the cause and its message', () => {
    let caught: unknown;
    try {
      runStages([add('one', 1), boom('two'), add('three', 3)], { n: 0, log: [] }, {});
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StageError);
    const e = caught as StageError;
    expect(e.stage).toBe('two');
    expect(e.message).toBe('two failed');
    expect(e.cause).toBeInstanceOf(RangeError);
  });

  it('skips an optional stage that throws, leaving the document as it was', () => {
    const out = runStages([add('one', 1), boom('two', true), add('three', 3)], { n: 0, log: [] }, {});
    expect(out).toEqual({ n: 4, log: ['one', 'three'] });
  });

  it('times every stage it runs, through the one helper', () => {
    const timings = new Map<string, number>();
    runStages([add('one', 1), boom('two', true), add('three', 3)], { n: 0, log: [] }, { timings });
    expect([...timings.keys()].sort()).toEqual(['one', 'three', 'two']);
    addTiming(timings, 'one', performance.now() - 5);
    expect(timings.get('one')).toBeGreaterThanOrEqual(5);
    addTiming(undefined, 'one', 0);
  });

  it('surfaces a throwing story part from assembleStory as a StageError', () => {
    const parts: StoryParts = {
      ...defaultStoryParts(),
      summary: () => {
        throw new Error('no brief today');
      },
    };
    expect(() => assembleStory('s', docs, parts)).toThrow(StageError);
    expect(() => assembleStory('s', docs, parts)).toThrow('no brief today');
    try {
      assembleStory('s', docs, parts);
    } catch (err) {
      expect((err as StageError).stage).toBe('summary');
    }
  });

  it('gives an article no quotes when its quote stage throws (the stage is optional)', () => {
    const stages = ARTICLE_STAGES.map((s) =>
      s.name === 'quotes'
        ? {
            ...s,
            run: (): AnnotatedArticle => {
              throw new Error('malformed');
            },
          }
        : s,
    );
    const doc = runStages(stages, emptyAnnotations(docs[0].article), {});
    expect(doc.quotes).toEqual([]);
    expect({ ...doc, quotes: docs[0].quotes }).toEqual(docs[0]);
    expect(docs[0].quotes.length).toBeGreaterThan(0);
  });
});
