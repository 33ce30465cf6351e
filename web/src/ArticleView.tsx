import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getArticle, type ArticleDocument } from './api.js';
import { nonOverlapping } from './highlight.js';
import { useFocusHeading } from './router.js';

interface Piece {
  start: number;
  end: number;
  quote?: number;
  mention?: number;
  timex?: number;
  cited: boolean;
}

/** Cuts the text at every boundary of quotes, names, dates and the cited passage. */
function pieces(doc: ArticleDocument, cited?: { start: number; end: number }): Piece[] {
  const len = doc.article.text.length;
  const quotes = nonOverlapping(
    doc.quotes.map((q, i) => ({ start: q.start, end: q.end, data: i })),
    len,
  );
  const inner = nonOverlapping<{ mention?: number; timex?: number }>(
    [
      ...doc.mentions.map((m, i) => ({ start: m.start, end: m.end, data: { mention: i } })),
      ...doc.timexes.map((t, i) => ({ start: t.start, end: t.end, data: { timex: i } })),
    ],
    len,
  );
  const cuts = new Set<number>([0, len]);
  for (const s of [...quotes, ...inner]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  if (cited) {
    cuts.add(Math.max(0, Math.min(len, cited.start)));
    cuts.add(Math.max(0, Math.min(len, cited.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  let qi = 0;
  let ii = 0;
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k];
    const end = sorted[k + 1];
    while (qi < quotes.length && quotes[qi].end <= start) qi++;
    while (ii < inner.length && inner[ii].end <= start) ii++;
    const q = quotes[qi] && quotes[qi].start <= start ? quotes[qi].data : undefined;
    const m = inner[ii] && inner[ii].start <= start ? inner[ii].data : undefined;
    out.push({
      start,
      end,
      quote: q,
      mention: m?.mention,
      timex: m?.timex,
      cited: !!cited && start >= cited.start && end <= cited.end,
    });
  }
  return out;
}

export function ArticleView({ id, params }: { id: string; params: URLSearchParams }) {
  const [doc, setDoc] = useState<ArticleDocument | undefined>();
  const [error, setError] = useState<string | undefined>();
  const citedRef = useRef<HTMLElement>(null);
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const cited =
    params.has('start') && Number.isInteger(start) && Number.isInteger(end) && end > start ? { start, end } : undefined;

  useEffect(() => {
    const ctl = new AbortController();
    getArticle(id, ctl.signal)
      .then((d) => {
        setDoc(d);
        document.title = `${d.article.title ?? 'Article'} · Storyline`;
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => ctl.abort();
  }, [id]);
  useFocusHeading(!!doc);
  useEffect(() => {
    citedRef.current?.scrollIntoView({ block: 'center' });
  }, [doc]);

  if (error)
    return (
      <>
        <h1 tabIndex={-1}>Article not available</h1>
        <p class="error" role="alert">
          {error}
        </p>
      </>
    );
  if (!doc) return <p class="loading">Loading…</p>;
  const text = doc.article.text;
  const a = doc.article;
  const all = pieces(doc, cited);
  let firstCited = true;

  const renderPiece = (p: Piece): ComponentChildren => {
    const t = text.slice(p.start, p.end);
    let node: ComponentChildren = t;
    if (p.mention !== undefined) {
      const m = doc.mentions[p.mention];
      const ent = m.entity !== undefined ? doc.entities[m.entity] : undefined;
      node = (
        <mark class={`ent ${m.type}`} title={ent && ent.name !== m.text ? `${m.type}: ${ent.name}` : m.type}>
          {t}
        </mark>
      );
    } else if (p.timex !== undefined) {
      const x = doc.timexes[p.timex];
      node = (
        <time
          class="timex"
          dateTime={/^\d{4}(-\d{2}){0,2}$/.test(x.value) ? x.value : undefined}
          title={`${x.type}: ${x.value}`}
        >
          {t}
        </time>
      );
    }
    if (p.cited) {
      const ref = firstCited ? citedRef : undefined;
      firstCited = false;
      node = (
        <mark class="cited" ref={ref}>
          {node}
        </mark>
      );
    }
    return node;
  };

  // Group consecutive pieces of the same quote so each quote is one focusable element.
  const out: ComponentChildren[] = [];
  for (let k = 0; k < all.length;) {
    const q = all[k].quote;
    if (q === undefined) {
      out.push(<span key={k}>{renderPiece(all[k])}</span>);
      k++;
      continue;
    }
    const group: ComponentChildren[] = [];
    const first = k;
    while (k < all.length && all[k].quote === q) {
      group.push(<span key={k}>{renderPiece(all[k])}</span>);
      k++;
    }
    const quote = doc.quotes[q];
    const who = quote.speaker?.name ?? 'unattributed';
    out.push(
      <span key={`q${first}`} class={`quote ${quote.kind}`} tabIndex={0} aria-describedby={`tip-${q}`}>
        {group}
        <span class="tip" role="tooltip" id={`tip-${q}`}>
          {quote.kind} quote · {who}
          {quote.cue ? ` (${quote.cue.text})` : ''}
        </span>
      </span>,
    );
  }

  return (
    <article class="article">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href="/">Stories</a>
        {doc.storyId && (
          <>
            {' › '}
            <a href={`/story/${encodeURIComponent(doc.storyId)}`}>Story</a>
          </>
        )}
      </nav>
      <h1 tabIndex={-1}>{a.title ?? 'Untitled article'}</h1>
      <p class="meta">
        {a.source ?? 'Unknown outlet'}
        {a.sourceInferred ? ' (from the credit line)' : ''}
        {a.published ? ` · ${a.published}` : ''}
        {a.publishedInferred && a.publishedReason ? ` (${a.publishedReason})` : ''}
        {a.url && /^https?:\/\//i.test(a.url) ? (
          <>
            {' · '}
            <a href={a.url} rel="noopener noreferrer nofollow" target="_blank">
              original
            </a>
          </>
        ) : null}
      </p>
      <p class="legend">
        <mark class="ent person">person</mark> <mark class="ent organization">organisation</mark>{' '}
        <mark class="ent place">place</mark> <time class="timex">date</time> <span class="quote-sample">quote</span> —
        focus or hover a quote to see its speaker.
      </p>
      <div class="text">{out}</div>
    </article>
  );
}
