import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultTimelineLabelsPath,
  formatTimelineEval,
  loadTimelineLabels,
  runTimelineEval,
} from '../../src/eval/timeline.js';

const DUC = path.join(path.resolve(process.env.STORYLINE_DATA ?? '../shared/data'), 'summaries/duc2006/docs');

describe('timeline labels', () => {
  const labels = loadTimelineLabels(defaultTimelineLabelsPath());

  it('hold the demo and DUC 2006 items with offsets, hashes and gold fields', () => {
    expect(labels.filter((l) => l.corpus === 'demo').length).toBeGreaterThan(50);
    expect(labels.filter((l) => l.corpus === 'duc2006').length).toBeGreaterThan(100);
    expect(new Set(labels.filter((l) => l.corpus === 'duc2006').map((l) => l.set)).size).toBe(10);
    for (const l of labels) {
      expect(l.span[1] - l.span[0]).toBe(l.text.length);
      expect(l.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(l.date)).toBe(true);
      expect(typeof l.background).toBe('boolean');
    }
    // Dev and test are split by cluster.
    const splitOf = new Map<string, string>();
    for (const l of labels.filter((x) => x.corpus === 'duc2006')) {
      expect(splitOf.get(l.set) ?? l.split).toBe(l.split);
      splitOf.set(l.set, l.split);
    }
  });

  it.skipIf(!existsSync(DUC))(
    'runs over the demo and DUC 2006 with every text and span hash matching',
    async () => {
      const r = await runTimelineEval(DUC);
      expect(r.outcomes).toHaveLength(labels.length);
      for (const part of ['demo', 'dev', 'test'] as const) expect(r.byPart[part].items).toBeGreaterThan(0);
      expect(formatTimelineEval(r)).toMatch(/event date correct/);
    },
    120_000,
  );
});
