import { useEffect, useMemo, useState } from 'preact/hooks';
import { getStory, onStoryUpdate, type JsonArticle, type Story, type StoryDocument } from './api.js';
import { dateRange, plural } from './format.js';
import { Timeline } from './Timeline.js';
import { CoGraph } from './CoGraph.js';
import { Conflicts, Updates } from './Disagreements.js';
import { CoverageMatrix } from './Coverage.js';
import { Membership } from './Membership.js';
import { outletName, SourcePanel } from './SourcePanel.js';
import { usePassage, type Passage } from './passage.js';
import { useFocusHeading } from './router.js';
import { CitedSentences, dayAfter, lastSeen, markSeen } from './Brief.js';

type Articles = Map<string, JsonArticle>;

export function StoryView({ id }: { id: string }) {
  const [doc, setDoc] = useState<StoryDocument | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { passage, open, close } = usePassage();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  // What this browser last showed of the story, read once per story: the page then says what is new since.
  const seen = useMemo(() => lastSeen(id), [id]);

  useEffect(
    () =>
      onStoryUpdate((u) => {
        if (u.storyId === id) {
          setVersion((v) => v + 1);
          setNotice(
            `Updated: now ${plural(u.articleCount, 'article')} from ${plural(u.independentSources, 'independent source')}.`,
          );
        }
      }),
    [id],
  );
  useEffect(() => {
    const ctl = new AbortController();
    getStory(id, ctl.signal, seen ? dayAfter(seen) : undefined)
      .then((d) => {
        setDoc(d);
        const newest = d.articles
          .map((a) => a.published)
          .filter((p): p is string => !!p)
          .sort()
          .at(-1);
        if (!seen || (newest && newest > seen)) markSeen(id, newest);
        setError(undefined);
        document.title = `${d.stories[0]?.title ?? 'Story'} · Storyline`;
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => ctl.abort();
  }, [id, version, seen]);

  useFocusHeading(!!doc);
  const articles: Articles = useMemo(() => new Map((doc?.articles ?? []).map((a) => [a.id, a])), [doc]);
  if (error)
    return (
      <>
        <h1 tabIndex={-1}>Story not available</h1>
        <p class="error" role="alert">
          {error}
        </p>
        <a href="/">Back to the stories</a>
      </>
    );
  if (!doc) return <p class="loading">Loading…</p>;
  const story = doc.stories[0];
  if (!story) return <p class="error">The server returned no story.</p>;
  const number = (articleId: string): number => story.articleIds.indexOf(articleId) + 1;
  const outlets = [...new Set(story.articleIds.map((a) => outletName(articles.get(a))))];
  const dates = story.articleIds
    .map((a) => articles.get(a)?.published)
    .filter((d): d is string => !!d)
    .sort();

  return (
    <article class="story">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/">Stories</a>
      </nav>
      <h1 tabIndex={-1}>{story.title}</h1>
      <p class="meta">
        {plural(story.articleIds.length, 'article')} · {plural(story.independentSources, 'independent source')} ·{' '}
        {dateRange(dates[0], dates[dates.length - 1])}
      </p>
      <ul class="outlets" aria-label="Outlets">
        {outlets.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      <p class="notice" role="status" aria-live="polite">
        {notice ?? ''}
      </p>
      <div class="story-grid">
        <section class="brief" aria-labelledby="brief-h">
          {story.whatsNew && story.whatsNew.sentences.length > 0 && (
            <section class="whats-new" aria-labelledby="new-h">
              <h2 id="new-h">New since your last visit: reports after {seen}</h2>
              <CitedSentences
                sentences={story.whatsNew.sentences}
                label="new sentence"
                articles={articles}
                number={number}
                passage={passage}
                open={open}
              />
            </section>
          )}
          <h2 id="brief-h">Brief</h2>
          <CitedSentences
            sentences={story.summary}
            label="sentence"
            articles={articles}
            number={number}
            passage={passage}
            open={open}
          />
          <SourceList story={story} articles={articles} number={number} />
        </section>
        <aside class="panel-hint" aria-label="Source passages">
          <p>Select a citation number to read the exact passage it comes from.</p>
        </aside>
      </div>
      <SourcePanel passage={passage} articles={articles} number={number} onClose={close} />
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <Timeline events={story.timeline} articles={articles} onOpen={open} />
      </section>
      <Quotes story={story} articles={articles} onOpen={open} />
      <Conflicts story={story} articles={articles} number={number} />
      <Updates story={story} articles={articles} number={number} />
      <CoverageMatrix story={story} onOpen={open} />
      <Entities story={story} />
      <section aria-labelledby="graph-h">
        <h2 id="graph-h">Who appears with whom</h2>
        <CoGraph graph={doc.graph} />
      </section>
      <Membership story={story} articles={articles} number={number} />
    </article>
  );
}

function SourceList({ story, articles, number }: { story: Story; articles: Articles; number: (id: string) => number }) {
  return (
    <details class="sources">
      <summary>Sources ({story.articleIds.length})</summary>
      <ol>
        {story.articleIds.map((id) => {
          const a = articles.get(id);
          return (
            <li key={id} value={number(id)}>
              <a href={`/article/${encodeURIComponent(id)}`}>{a?.title ?? `Untitled (${outletName(a)})`}</a> —{' '}
              {outletName(a)}
              {a?.published ? `, ${a.published}` : ''}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function Quotes({ story, articles, onOpen }: { story: Story; articles: Articles; onOpen: (p: Passage) => void }) {
  const groups = new Map<string, Story['quotes']>();
  for (const q of story.quotes) {
    if (q.kind === 'indirect' && !q.speaker?.entityId) continue;
    const who = q.speaker?.name ?? 'Unattributed';
    const list = groups.get(who) ?? [];
    list.push(q);
    groups.set(who, list);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  return (
    <section aria-labelledby="quotes-h">
      <h2 id="quotes-h">What was said</h2>
      {sorted.length === 0 && <p>No attributed quotes.</p>}
      <div class="quote-groups">
        {sorted.map(([who, qs]) => {
          // The same words carried by several outlets are shown once, with every outlet that has them.
          const excerpts = new Map<string, Story['quotes']>();
          for (const q of qs) {
            const key = q.text
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, ' ')
              .trim();
            excerpts.set(key, [...(excerpts.get(key) ?? []), q]);
          }
          return (
            <div class="quote-group" key={who}>
              <h3>{who}</h3>
              <ul>
                {[...excerpts.values()].map((same, i) => (
                  <li key={i}>
                    {same[0].kind === 'indirect' ? (
                      // Reported speech is not a quotation: the cue as written, then what was reported.
                      <span class="reported">
                        {same[0].cue ? `${same[0].cue} ` : ''}
                        {same[0].text}
                      </span>
                    ) : (
                      <q>{same[0].text}</q>
                    )}{' '}
                    <span class="quote-outlets">
                      {same.map((q, j) => (
                        <button
                          key={j}
                          type="button"
                          class="link"
                          onClick={() =>
                            onOpen({ articleId: q.articleId, start: q.start, end: q.end, label: `Quote by ${who}` })
                          }
                        >
                          {outletName(articles.get(q.articleId))}
                        </button>
                      ))}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function Entities({ story }: { story: Story }) {
  const list = story.entities
    .filter((e) => e.type === 'person' || e.type === 'organization')
    .sort((a, b) => b.mentions.length - a.mentions.length);
  return (
    <section aria-labelledby="entities-h">
      <h2 id="entities-h">People and organisations</h2>
      {list.length === 0 && <p>None found.</p>}
      <ul class="entities">
        {list.slice(0, 40).map((e) => (
          <li key={e.id} class={e.type}>
            <span class="name">{e.name}</span>{' '}
            <span class="type">{e.type === 'person' ? 'person' : 'organisation'}</span>
            {e.roles.length > 0 && <span class="roles">{e.roles.join('; ')}</span>}
            {e.aliases.length > 0 && <span class="aliases">also: {e.aliases.join(', ')}</span>}
            <span class="mentions">{plural(e.mentions.length, 'mention')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
