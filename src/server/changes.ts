/**
 * Story updates from other processes (`storyline ingest`, workers): while anyone follows the event stream,
 * the store's change notices are turned into the same story events the server's own ingests publish.
 */
import type { Store } from '../store/types.js';
import type { StoryUpdate } from './events.js';

/** Stories read per step when following changes. */
const PAGE = 200;

export class ChangeFeed {
  private users = 0;
  private stop?: () => void;
  /** Stories updated after this time are news; advanced as they are reported. */
  private cursor = new Date().toISOString();
  private reading = false;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly publish: (u: StoryUpdate) => void,
    /** Called on every change notice, before the stories are read (cached lists go stale). */
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Starts following changes for one more listener; the returned function gives the place back. */
  retain(): () => void {
    if (this.users++ === 0) {
      this.cursor = new Date().toISOString();
      this.stop = this.store.watchChanges(() => void this.changed());
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.users === 0) {
        this.stop?.();
        this.stop = undefined;
      }
    };
  }

  /** Reads the stories updated since the last notice; notices arriving meanwhile cause one more read. */
  private async changed(): Promise<void> {
    this.onChange();
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        // One batch writes many stories at the same time, so pages go by offset from a fixed time.
        const since = this.cursor;
        for (let offset = 0; ; offset += PAGE) {
          const page = await this.store.listStories({ updatedSince: since, limit: PAGE, offset });
          for (const s of page) {
            this.publish({
              storyId: s.id,
              title: s.title,
              articleCount: s.articleCount,
              independentSources: s.independentSources,
            });
            if (s.updatedAt > this.cursor) this.cursor = s.updatedAt;
          }
          if (page.length < PAGE) break;
        }
      } while (this.again && this.users > 0);
    } catch (err) {
      console.error(`storyline serve: reading changed stories: ${(err as Error).message}`);
    } finally {
      this.reading = false;
    }
  }
}
