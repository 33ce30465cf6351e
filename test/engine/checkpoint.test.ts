import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_BYTES_PER_ENTRY,
  CHECKPOINT_EVERY,
  SharedClusterer,
  checkpointInterval,
} from '../../src/engine/assignment.js';
import { SqliteStore } from '../../src/store/sqlite.js';

describe('clusterer checkpoints', () => {
  it('are spaced by a fixed minimum, or in proportion to the size of the state they write', () => {
    expect(checkpointInterval(0)).toBe(CHECKPOINT_EVERY);
    expect(checkpointInterval(CHECKPOINT_EVERY * CHECKPOINT_BYTES_PER_ENTRY)).toBe(CHECKPOINT_EVERY);
    expect(checkpointInterval(4 * CHECKPOINT_EVERY * CHECKPOINT_BYTES_PER_ENTRY)).toBe(4 * CHECKPOINT_EVERY);
  });

  it('are due once enough log entries accumulated, and restore the position they were written at', async () => {
    const store = new SqliteStore(':memory:');
    const shared = new SharedClusterer();
    await shared.sync(store);
    expect(shared.checkpointDue(CHECKPOINT_EVERY - 1)).toBeUndefined();
    const due = shared.checkpointDue(CHECKPOINT_EVERY);
    expect(due?.state).toBeDefined();
    // The entries the checkpoint covers need no prepared articles any more.
    expect(due?.compactLog).toEqual({ afterSeq: 0, throughSeq: CHECKPOINT_EVERY });
    expect(shared.checkpointDue(2 * CHECKPOINT_EVERY - 1)).toBeUndefined();
    expect(shared.checkpointDue(2 * CHECKPOINT_EVERY)?.compactLog).toEqual({
      afterSeq: CHECKPOINT_EVERY,
      throughSeq: 2 * CHECKPOINT_EVERY,
    });
    // Written to the store, it is where a new process starts.
    await store.commit({ articles: [], stories: [], ...due });
    const other = new SharedClusterer();
    const c = await other.sync(store);
    expect(c.stats().articles).toBe(0);
    expect(other.checkpointDue(2 * CHECKPOINT_EVERY - 1)).toBeUndefined();
    expect(other.checkpointDue(2 * CHECKPOINT_EVERY)).toBeDefined();
    await store.close();
  });
});
