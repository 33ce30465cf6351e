/** How a store notices commits made by other processes; each backend supplies only its signal. */

/** Polling interval for stores that cannot push notices (SQLite). */
export const CHANGE_POLL_MS = 500;

/**
 * Calls `onChange` whenever `read` returns something other than last time. The timer does not keep the
 * process alive, and stops for good once `read` throws (the store was closed). Returns the stop function.
 */
export function pollForChanges(read: () => unknown, onChange: () => void, everyMs = CHANGE_POLL_MS): () => void {
  let last: unknown;
  try {
    last = read();
  } catch {
    return () => undefined;
  }
  const timer = setInterval(() => {
    let now: unknown;
    try {
      now = read();
    } catch {
      clearInterval(timer);
      return;
    }
    if (now === last) return;
    last = now;
    try {
      onChange();
    } catch {
      // A failing listener must not stop the watch.
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Listeners of one store, so that closing the store stops every watch still running. */
export class ChangeWatches {
  private readonly stops = new Set<() => void>();

  add(stop: () => void): () => void {
    const once = (): void => {
      if (this.stops.delete(once)) stop();
    };
    this.stops.add(once);
    return once;
  }

  stopAll(): void {
    for (const stop of [...this.stops]) stop();
  }
}
