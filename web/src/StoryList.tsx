import { useEffect, useState } from 'preact/hooks';
import { listStories, onStoryUpdate, type StoryPage } from './api.js';
import { dateRange, plural } from './format.js';
import { navigate } from './router.js';

const FIELDS = ['q', 'outlet', 'from', 'to'] as const;

export function StoryList({ params }: { params: URLSearchParams }) {
  const query = Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [page, setPage] = useState<StoryPage | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  const key = params.toString();

  useEffect(() => onStoryUpdate(() => setTick((t) => t + 1)), []);
  useEffect(() => {
    const ctl = new AbortController();
    listStories({ ...query, offset }, ctl.signal)
      .then((p) => {
        setPage(p);
        setError(undefined);
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => ctl.abort();
  }, [key, tick]);

  const submit = (e: Event): void => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const p = new URLSearchParams();
    for (const k of FIELDS) {
      const v = String(form.get(k) ?? '').trim();
      if (v) p.set(k, v);
    }
    navigate(p.toString() ? `/?${p}` : '/');
  };
  const pageHref = (o: number): string => {
    const p = new URLSearchParams(params);
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    return p.toString() ? `/?${p}` : '/';
  };
  const filtered = FIELDS.some((k) => query[k]);

  return (
    <>
      <h1 tabIndex={-1}>Stories</h1>
      {/* Keyed by the query so the fields show the current filters after navigation. */}
      <form key={key} class="filters" role="search" onSubmit={submit}>
        <label class="grow">
          <span>Search</span>
          <input type="search" name="q" defaultValue={query.q} placeholder="words, names, places" />
        </label>
        <label>
          <span>Outlet</span>
          <input type="text" name="outlet" defaultValue={query.outlet} placeholder="any" />
        </label>
        <label>
          <span>From</span>
          <input type="date" name="from" defaultValue={query.from} />
        </label>
        <label>
          <span>To</span>
          <input type="date" name="to" defaultValue={query.to} />
        </label>
        <div class="actions">
          <button type="submit">Search</button>
          {filtered && (
            <a class="button secondary" href="/">
              Clear
            </a>
          )}
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!page && !error && <p class="loading">Loading…</p>}
      {page && (
        <>
          <p class="count" aria-live="polite">
            {page.total !== undefined
              ? `${plural(page.total, 'story', 'stories')}${filtered ? ' match' : ''}`
              : `Stories ${offset + 1}–${offset + page.stories.length}, most recent first`}
          </p>
          <ol class="stories">
            {page.stories.map((s) => (
              <li key={s.id}>
                <a href={`/story/${encodeURIComponent(s.id)}`} class="title">
                  {s.title}
                </a>
                <div class="meta">
                  <span title="articles / independent sources after wire copies are collapsed">
                    {plural(s.articleCount, 'article')} · {plural(s.independentSources, 'independent source')}
                  </span>
                  <span>{dateRange(s.firstPublished, s.lastPublished)}</span>
                  <span>updated {s.updatedAt.slice(0, 16).replace('T', ' ')}</span>
                </div>
                <ul class="outlets" aria-label="Outlets">
                  {s.outlets.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {page.stories.length === 0 && (
            <p>
              No stories
              {filtered ? ' match these filters' : ' yet. Add articles with storyline ingest or POST /api/articles'}.
            </p>
          )}
          <nav class="pager" aria-label="Pages">
            {offset > 0 && <a href={pageHref(Math.max(0, offset - page.limit))}>← Newer</a>}
            {page.hasMore && <a href={pageHref(offset + page.limit)}>Older →</a>}
          </nav>
        </>
      )}
    </>
  );
}
