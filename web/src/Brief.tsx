import type { JsonArticle, Story } from './api.js';
import { outletName } from './SourcePanel.js';
import type { Passage } from './passage.js';

type Sentence = Story['summary'][number];

/** Sentences with their citation buttons: each opens the exact passage its number stands for. */
export function CitedSentences({
  sentences,
  label,
  articles,
  number,
  passage,
  open,
}: {
  sentences: Sentence[];
  /** What a sentence is called in the passage panel's label ("sentence", "new sentence"). */
  label: string;
  articles: Map<string, JsonArticle>;
  number: (articleId: string) => number;
  passage: Passage | undefined;
  open: (p: Passage) => void;
}) {
  return (
    <p>
      {sentences.map((s, i) => (
        <span key={i} class="sentence">
          {s.text}
          <span class="cites">
            {s.sources.map((src, j) => {
              const n = number(src.articleId);
              const a = articles.get(src.articleId);
              const active =
                passage &&
                passage.articleId === src.articleId &&
                passage.start === src.start &&
                passage.end === src.end;
              return (
                <sup key={j}>
                  <button
                    type="button"
                    class={`cite${active ? ' active' : ''}`}
                    aria-pressed={active ? 'true' : 'false'}
                    aria-label={`Source ${n}: ${outletName(a)}, show the passage`}
                    onClick={() =>
                      open({
                        articleId: src.articleId,
                        start: src.start,
                        end: src.end,
                        label: `Source ${n} of ${label} ${i + 1}`,
                      })
                    }
                  >
                    {n}
                  </button>
                </sup>
              );
            })}
          </span>{' '}
        </span>
      ))}
    </p>
  );
}

const SEEN_PREFIX = 'storyline.seen.';

/** The newest publication date this browser showed for a story, if any (storage may be off). */
export function lastSeen(storyId: string): string | undefined {
  try {
    return localStorage.getItem(SEEN_PREFIX + storyId) ?? undefined;
  } catch {
    return undefined;
  }
}

export function markSeen(storyId: string, newest: string | undefined): void {
  if (!newest) return;
  try {
    localStorage.setItem(SEEN_PREFIX + storyId, newest);
  } catch {
    // Private windows may refuse storage: the page then simply never says what is new.
  }
}

/** The day after a date (`YYYY-MM-DD…`), so reports of the day already seen are not new again. */
export function dayAfter(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
