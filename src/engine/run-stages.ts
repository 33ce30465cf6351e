/**
 * The one way stages run, for the per-article pipeline and the per-story assembly alike: in declared order,
 * each timed by `addTiming` when a timings map is given, and every exception handled here, by one policy.
 */

/**
 * One component of a pipeline over documents of type `D`. `requires` names the fields of `D` it reads, which
 * an earlier stage (or the input) must have assigned; `assigns` names the fields it sets. A stage returns the
 * document with its fields assigned and never changes what earlier stages produced.
 */
export interface Stage<D, C = StageContext> {
  readonly name: string;
  readonly requires: readonly (keyof D & string)[];
  readonly assigns: readonly (keyof D & string)[];
  /**
   * When set, a throw leaves the document as it was before the stage (its fields keep their defaults) and the
   * run goes on: for stages whose absence is tolerable and whose input may be malformed.
   */
  readonly optional?: boolean;
  readonly run: (doc: D, ctx: C) => D;
}

/** What every run of stages may carry. */
export interface StageContext {
  /** Stage timings in milliseconds, accumulated when present (benchmarks and workers read them). */
  timings?: Map<string, number>;
}

/** A stage that threw: `stage` names it, `cause` is what it threw, and the message is the cause's. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'StageError';
  }
}

/**
 * Adds the milliseconds since `t0` to `name` in `timings`. Always through `set`, so a map that attributes
 * other costs on each report (the benchmark's processor time) sees every stage end.
 */
export function addTiming(timings: Map<string, number> | undefined, name: string, t0: number): void {
  if (timings) timings.set(name, (timings.get(name) ?? 0) + performance.now() - t0);
}

/** Runs `fn`, its wall-clock time added to `name` when timings are kept. */
export function timed<T>(timings: Map<string, number> | undefined, name: string, fn: () => T): T {
  if (!timings) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    addTiming(timings, name, t0);
  }
}

/**
 * Runs the stages over `doc` in order. The error policy: an optional stage that throws is skipped (the
 * document stays as it was); any other throw ends the run as a `StageError` naming the stage, which the
 * caller decides about (the engine turns a failed article into a failure line and goes on with the batch).
 */
export function runStages<D, C extends StageContext>(stages: readonly Stage<D, C>[], doc: D, ctx: C): D {
  let current = doc;
  for (const stage of stages) {
    try {
      current = timed(ctx.timings, stage.name, () => stage.run(current, ctx));
    } catch (err) {
      if (stage.optional) continue;
      throw err instanceof StageError ? err : new StageError(stage.name, err);
    }
  }
  return current;
}

/**
 * The first stage whose `requires` names a field that neither the input nor an earlier stage assigns, as
 * `stage: field`; undefined when every requirement is met. Tests check the declared lists with it.
 */
export function unmetRequirement<D, C>(stages: readonly Stage<D, C>[], inputs: readonly string[]): string | undefined {
  const assigned = new Set<string>(inputs);
  for (const stage of stages) {
    const missing = stage.requires.find((f) => !assigned.has(f));
    if (missing !== undefined) return `${stage.name}: ${missing}`;
    for (const f of stage.assigns) assigned.add(f);
  }
  return undefined;
}
