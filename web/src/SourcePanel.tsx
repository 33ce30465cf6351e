import { useEffect, useRef } from 'preact/hooks';
import type { JsonArticle } from './api.js';
import { segments } from './highlight.js';
import type { Passage } from './passage.js';

export const outletName = (a: JsonArticle | undefined): string => a?.source ?? 'Unknown outlet';

/**
 * The cited passage in a panel fixed to the side of the window (the bottom on a phone), so the page under it
 * keeps its scroll position wherever the passage was opened from.
 */
export function SourcePanel({
  passage,
  articles,
  number,
  onClose,
}: {
  passage?: Passage;
  articles: Map<string, JsonArticle>;
  number: (id: string) => number;
  onClose: () => void;
}) {
  const panelRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const panel = panelRef.current;
    const mark = markRef.current;
    if (!passage || !panel || !mark) return;
    // Scroll the panel, never the page: the mark's offset is relative to the fixed panel.
    panel.scrollTop = Math.max(0, mark.offsetTop - panel.clientHeight / 3);
    mark.focus({ preventScroll: true });
  }, [passage]);
  useEffect(() => {
    if (!passage) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [passage, onClose]);

  if (!passage) return null;
  const a = articles.get(passage.articleId);
  if (!a) {
    return (
      <div class="panel" ref={panelRef} role="dialog" aria-modal="false" aria-label="Source passage">
        <div class="panel-head">
          <p>The cited article is not in this story any more.</p>
          <CloseButton onClose={onClose} />
        </div>
      </div>
    );
  }
  const start = Math.max(0, passage.start);
  const end = Math.min(a.text.length, passage.end);
  // Show the paragraph around the passage with some context rather than the whole article.
  const from = Math.max(0, a.text.lastIndexOf('\n', Math.max(0, start - 1)) + 1, start - 600);
  const nl = a.text.indexOf('\n', end);
  const to = Math.min(a.text.length, nl < 0 ? a.text.length : nl, end + 600);
  const segs = segments(a.text, [{ start, end, data: true }], from, to);
  return (
    <div class="panel" ref={panelRef} role="dialog" aria-modal="false" aria-labelledby="panel-h">
      <div class="panel-head">
        <h2 id="panel-h">
          [{number(a.id)}] {outletName(a)}
        </h2>
        <CloseButton onClose={onClose} />
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
      <a class="panel-link" href={`/article/${encodeURIComponent(a.id)}?start=${start}&end=${end}`}>
        Read the whole article
      </a>
    </div>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" class="secondary small" onClick={onClose} aria-label="Close the source passage">
      Close <span aria-hidden="true">(Esc)</span>
    </button>
  );
}
