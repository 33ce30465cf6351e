/**
 * Readers of large inputs run long stretches of promise continuations (records are parsed from data
 * already in memory, SQLite writes are synchronous) during which Node never reaches its I/O phase:
 * signal handlers, timers and abort requests wait until the whole file is done. `LoopTurns` lets the
 * event loop turn (one `setImmediate`) whenever `everyMs` has passed since the last turn.
 */
export class LoopTurns {
  private last = Date.now();
  constructor(private readonly everyMs = 50) {}

  /** Lets the event loop run if it has not for a while; cheap to call after every record. */
  async maybe(): Promise<void> {
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = Date.now();
  }
}
