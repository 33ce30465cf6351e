import type { Store } from '../../store/types.js';
import type { ChangeFeed } from '../changes.js';
import type { EventHub } from '../events.js';
import type { IngestJobs } from '../jobs.js';
import type { SummaryIndex } from '../queries.js';
import type { StoryPages } from '../storypage.js';

/** What the route modules share: the store and the services `createApp` builds over it once. */
export interface RouteContext {
  store: Store;
  /** Story summaries for listing and search, invalidated when stories change. */
  index: SummaryIndex;
  /** Story views by page, with their validators. */
  pages: StoryPages;
  /** Ingest jobs queued by `POST /api/articles`. */
  jobs: IngestJobs;
  events: EventHub;
  /** Other processes' writes, followed while anyone listens to the event stream. */
  feed: ChangeFeed;
}
