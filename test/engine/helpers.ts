import type { Story } from '../../src/model.js';
import type { Store } from '../../src/store/index.js';

/** Every stored story with its view, in id order. */
export async function allStories(store: Store): Promise<Story[]> {
  const out: Story[] = [];
  for (const s of await store.listStories({ limit: 1000 })) {
    const story = await store.getStory(s.id);
    if (story) out.push(story);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
