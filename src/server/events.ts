/** Story updates published after each ingest, for the Server-Sent Events stream. */

export interface StoryUpdate {
  storyId: string;
  title: string;
  articleCount: number;
  independentSources: number;
}

type Listener = (u: StoryUpdate) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(u: StoryUpdate): void {
    for (const fn of this.listeners) {
      try {
        fn(u);
      } catch {
        // A broken subscriber must not stop the others.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
