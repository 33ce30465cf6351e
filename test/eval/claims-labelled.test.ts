import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  ClaimLabelsError,
  defaultClaimLabelsPath,
  loadClaimLabels,
  matches,
  type LabelledPair,
} from '../../src/eval/claims-labelled.js';
import { AlignmentModelError, readAlignmentModel, defaultAlignmentModel } from '../../src/compare/alignment-model.js';
import { PAIR_FEATURES } from '../../src/compare/pair-features.js';
import type { ValueInContext } from '../../src/compare/values.js';
import { workspaces } from '../helpers.js';
import { afterEach } from 'vitest';

const { make: workspace, cleanup } = workspaces();
afterEach(cleanup);

describe('claims labels', () => {
  it('applies edits from the last to the first, checking what each replaces', () => {
    const text = 'The quake killed 57 people and injured 200.';
    const edited = applyEdits(
      text,
      [
        { doc: 'd', start: 17, end: 19, was: '57', text: '47' },
        { doc: 'd', start: 39, end: 42, was: '200', text: 'two hundred' },
      ],
      'x',
    );
    expect(edited).toBe('The quake killed 47 people and injured two hundred.');
    expect(() => applyEdits(text, [{ doc: 'd', start: 0, end: 3, was: 'A', text: 'B' }], 'x')).toThrow(
      ClaimLabelsError,
    );
  });

  it('matches a predicted pair to a labelled one in either order, by overlapping spans', () => {
    const label: LabelledPair = {
      type: 'count',
      relation: 'conflict',
      measured: 'dead',
      a: { doc: 'A', span: [10, 20], hash: '', text: '' },
      b: { doc: 'B', span: [30, 35], hash: '', text: '' },
    };
    const v = (articleId: string, start: number, end: number) => ({ articleId, start, end }) as ValueInContext;
    expect(matches(label, { a: v('B', 31, 33), b: v('A', 12, 14) })).toBe(true);
    expect(matches(label, { a: v('A', 20, 25), b: v('B', 30, 35) })).toBe(false);
  });

  it('ships labels that load, with both splits and every relation', () => {
    const file = defaultClaimLabelsPath();
    expect(existsSync(file)).toBe(true);
    const items = loadClaimLabels(file);
    expect(new Set(items.map((i) => i.split))).toEqual(new Set(['dev', 'test']));
    const relations = new Set(items.flatMap((i) => i.pairs.map((p) => p.relation)));
    expect(relations).toEqual(new Set(['agree', 'conflict', 'update']));
  });

  it('refuses a labels line that is not JSON, naming the line', () => {
    const f = join(workspace(), 'bad.jsonl');
    writeFileSync(f, '{"id":"x","docs":[],"edits":[],"pairs":[]}\nnot json\n');
    expect(() => loadClaimLabels(f)).toThrow(/bad\.jsonl:2/);
  });
});

describe('alignment model file', () => {
  it('ships a model trained on the features this build computes', () => {
    expect(defaultAlignmentModel().weights).toHaveLength(PAIR_FEATURES.length);
  });

  it('refuses a model trained on other features, saying how to retrain', () => {
    const f = join(workspace(), 'model.json');
    writeFileSync(f, JSON.stringify({ features: ['x'], weights: [1], bias: 0, threshold: 0.5 }));
    expect(() => readAlignmentModel(f)).toThrow(AlignmentModelError);
    expect(() => readAlignmentModel(f)).toThrow(/train:claims/);
  });
});
