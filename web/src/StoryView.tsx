import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getStory, onStoryUpdate, type JsonArticle, type Story, type StoryDocument } from './api.js';
import { dateRange, plural } from './format.js';
import { segments } from './highlight.js';
import { Timeline } from './Timeline.js';
import { CoGraph } from './CoGraph.js';
import { Conflicts, Updates } from './Disagreements.js';
import { useFocusHeading } from './router.js';

export interface Passage {
  articleId: string;
  start: number;
  end: number;
  /** What asked for it, to say so in the panel. */
  label: string;
}

type Articles = Map<string, JsonArticle>;

const outletName = (a: JsonArticle | undefined): string => a?.source ?? 'Unknown outlet';

export function StoryView({ id }: { id: string }) {
  const [doc, setDoc] = useState<StoryDocument | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [passage, setPassage] = useState<Passage | undefined>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();

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
    getStory(id, ctl.signal)
      .then((d) => {
        setDoc(d);
        setError(undefined);
        document.title = `${d.stories[0]?.title ?? 'Story'} · Storyline`;
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => ctl.abort();
  }, [id, version]);

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
          <h2 id="brief-h">Brief</h2>
          <p>
            {story.summary.map((s, i) => (
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
                            setPassage({
                              articleId: src.articleId,
                              start: src.start,
                              end: src.end,
                              label: `Source ${n} of sentence ${i + 1}`,
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
          <SourceList story={story} articles={articles} number={number} />
        </section>
        <SourcePanel passage={passage} articles={articles} number={number} onClose={() => setPassage(undefined)} />
      </div>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <Timeline events={story.timeline} articles={articles} onOpen={setPassage} />
      </section>
      <Quotes story={story} articles={articles} onOpen={setPassage} />
      <Conflicts story={story} articles={articles} number={number} />
      <Updates story={story} articles={articles} number={number} />
      <CoverageMatrix story={story} onOpen={setPassage} />
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

function SourcePanel({
  passage,
  articles,
  number,
  onClose,
}: {
  passage?: Passage;
  articles: Articles;
  number: (id: string) => number;
  onClose: () => void;
}) {
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!passage || !markRef.current) return;
    markRef.current.scrollIntoView({ block: 'center', behavior: 'auto' });
    markRef.current.focus({ preventScroll: true });
  }, [passage]);
  if (!passage) {
    return (
      <aside class="panel empty" aria-label="Source passage">
        <p>Select a citation number to read the exact passage it comes from.</p>
      </aside>
    );
  }
  const a = articles.get(passage.articleId);
  if (!a) return <aside class="panel">The cited article is not in this story any more.</aside>;
  const start = Math.max(0, passage.start);
  const end = Math.min(a.text.length, passage.end);
  // Show the paragraph around the passage with some context rather than the whole article.
  const from = Math.max(0, a.text.lastIndexOf('\n', Math.max(0, start - 1)) + 1, start - 600);
  const nl = a.text.indexOf('\n', end);
  const to = Math.min(a.text.length, nl < 0 ? a.text.length : nl, end + 600);
  const segs = segments(a.text, [{ start, end, data: true }], from, to);
  return (
    <aside class="panel" aria-labelledby="panel-h">
      <div class="panel-head">
        <h2 id="panel-h">
          [{number(a.id)}] {outletName(a)}
        </h2>
        <button type="button" class="secondary small" onClick={onClose} aria-label="Close the source passage">
          Close
        </button>
      </div>
      <p class="meta">
        {a.title ?? 'Untitled article'}
        {a.published ? ` · ${a.published}` : ''} · {passage.label}
      </p>
      <blockquote class="passage">
        {from > 0 ? '… ' : ''}
        {segs.map((s, i) =>
          s.mark ? (
            <mark key={i} ref={markRef} tabIndex={-1} class="cited" data-start={s.start} data-end={s.end}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
        {to < a.text.length ? ' …' : ''}
      </blockquote>
      <a href={`/article/${encodeURIComponent(a.id)}?start=${start}&end=${end}`}>Read the whole article</a>
    </aside>
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

function CoverageMatrix({ story, onOpen }: { story: Story; onOpen: (p: Passage) => void }) {
  const [all, setAll] = useState(false);
  const claims = story.claims ?? [];
  const outlets = story.coverage?.outlets ?? [...new Set(claims.flatMap((c) => c.outlets))];
  if (claims.length === 0 || outlets.length < 2) {
    return (
      <section aria-labelledby="coverage-h">
        <h2 id="coverage-h">Coverage</h2>
        <p>Only one outlet so far: nothing to compare.</p>
      </section>
    );
  }
  const order = { conflict: 0, shared: 1, unique: 2 } as const;
  const ranked = [...claims].sort((a, b) => order[a.kind] - order[b.kind] || b.outlets.length - a.outlets.length);
  const shown = all ? ranked : ranked.slice(0, 15);
  return (
    <section aria-labelledby="coverage-h">
      <h2 id="coverage-h">Coverage</h2>
      <p class="legend">
        <span class="cell shared">●</span> shared by several outlets · <span class="cell unique">◆</span> only this
        outlet · <span class="cell conflict">▲</span> outlets disagree
      </p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Claims by outlet">
        <table class="coverage">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {outlets.map((o) => (
                <th scope="col" key={o}>
                  <span>{o}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} class={c.kind}>
                <th scope="row">
                  {c.text}
                  {c.conflicts.length > 0 && (
                    <span class="conflict-note">
                      {c.conflicts
                        .map((k) => `${k.slot}: ${k.values.map((v) => `${v.value} (${v.outlet})`).join(' vs ')}`)
                        .join('; ')}
                    </span>
                  )}
                </th>
                {outlets.map((o) => {
                  const src = c.sources.find((s) => s.outlet === o);
                  if (!src) return <td key={o} aria-label="not reported" />;
                  const sym = c.kind === 'conflict' ? '▲' : c.kind === 'shared' ? '●' : '◆';
                  return (
                    <td key={o}>
                      <button
                        type="button"
                        class={`cell ${c.kind}`}
                        aria-label={`${o}: ${c.kind}, show the passage`}
                        onClick={() =>
                          onOpen({
                            articleId: src.articleId,
                            start: src.start,
                            end: src.end,
                            label: `Claim (${c.kind}) in ${o}`,
                          })
                        }
                      >
                        {sym}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ranked.length > 15 && (
        <button
          type="button"
          class="secondary small"
          onClick={() => setAll(!all)}
          aria-expanded={all ? 'true' : 'false'}
        >
          {all ? 'Show fewer claims' : `Show all ${ranked.length} claims`}
        </button>
      )}
      {story.coverage?.byOutlet && (
        <ul class="adds">
          {story.coverage.byOutlet.map((o) => (
            <li key={o.outlet}>
              <strong>{o.outlet}</strong>: {plural(o.claims, 'claim')}, {o.adds.length} no other outlet has
            </li>
          ))}
        </ul>
      )}
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

function Membership({ story, articles, number }: { story: Story; articles: Articles; number: (id: string) => number }) {
  const m = story.membership ?? [];
  return (
    <section aria-labelledby="membership-h">
      <h2 id="membership-h">Why these articles</h2>
      <ol class="membership">
        {m.map((x) => {
          const a = articles.get(x.articleId);
          return (
            <li key={x.articleId} value={number(x.articleId)}>
              <a href={`/article/${encodeURIComponent(x.articleId)}`}>{a?.title ?? `Untitled (${outletName(a)})`}</a>{' '}
              <span class="meta">— {outletName(a)}</span> <span class={`decision ${x.decision}`}>{x.decision}</span>
              {x.score > 0 && <span class="meta"> score {x.score.toFixed(2)}</span>}
              <p>{x.summary}</p>
              {x.shared && x.shared.length > 0 && <p class="shared">Shared: {x.shared.join(', ')}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
