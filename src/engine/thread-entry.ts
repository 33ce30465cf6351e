/**
 * The body of an analysis thread (see `threads.ts`): runs `Engine#analyse` on the batches it is sent and
 * posts each back (by structured clone). It holds no store: analysis reads only the article and the clusterer options.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../model.js';
import type { Store } from '../store/types.js';
import { Engine } from './engine.js';
import type { AnalysisRequest, AnalysisResponse, ThreadData } from './threads.js';

/** Stands in for the store: analysis never touches it, and if it ever did the batch fails loudly. */
const noStore = new Proxy({} as Store, {
  get(_target, key) {
    throw new Error(`analysis threads have no store (asked for ${String(key)})`);
  },
});

// Story assignment on the main thread is the serial step: when the cores are short (more threads than
// cores, or other jobs on the machine) it gets the processor first. On Linux the priority is per thread;
// lowering it needs no privileges. Where it is not allowed, the threads share the cores evenly.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here
}

const data = workerData as ThreadData;
const timings = data.timings ? new Map<string, number>() : undefined;
const engine = new Engine(noStore, { clusterer: data.clusterer, timings });
const port = parentPort;
if (!port) throw new Error('thread-entry runs only as a worker thread');

port.on('message', (m: AnalysisRequest) => {
  let out: AnalysisResponse;
  try {
    timings?.clear();
    const batch = engine.analyse(m.articles as Article[], { known: new Set(m.known) });
    out = { id: m.id, ok: true, batch, ...(timings ? { timings: [...timings] } : {}) };
  } catch (err) {
    out = { id: m.id, ok: false, error: (err as Error).message ?? String(err) };
  }
  port.postMessage(out);
});
