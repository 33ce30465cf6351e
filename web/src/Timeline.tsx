import type { JsonArticle, Story } from './api.js';
import { useRef } from 'preact/hooks';
import type { Passage } from './passage.js';
import { useRenderedScale } from './useMeasure.js';

type Event = Story['timeline'][number];

const DAY = 86_400_000;

function toTime(e: Event): number {
  const [y, m, d] = e.date.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

/**
 * Events by date: a dot chart of the day-precise events and the list underneath; background entries are folded
 * behind a "Background (n)" disclosure.
 */
export function Timeline({
  events,
  articles,
  onOpen,
}: {
  events: Event[];
  articles: Map<string, JsonArticle>;
  onOpen: (p: Passage) => void;
}) {
  if (events.length === 0) return <p>No dated events.</p>;
  // Background (history, states, dates of other things) is folded; the chart shows the story's own events.
  const main = events.filter((e) => !e.background);
  const background = events.filter((e) => e.background);
  const dayEvents = main.filter((e) => e.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
  return (
    <div class="timeline">
      {dayEvents.length > 1 && <Chart events={dayEvents} />}
      {main.length > 0 ? (
        <EventList events={main} articles={articles} onOpen={onOpen} />
      ) : (
        <p>No dated events besides background.</p>
      )}
      {background.length > 0 && (
        <details class="background">
          <summary>Background ({background.length})</summary>
          <EventList events={background} articles={articles} onOpen={onOpen} />
        </details>
      )}
    </div>
  );
}

/** Entries grouped by date, each with its sentence (its clause for background) and a link to the passage. */
function EventList({
  events,
  articles,
  onOpen,
}: {
  events: Event[];
  articles: Map<string, JsonArticle>;
  onOpen: (p: Passage) => void;
}) {
  const byDate = new Map<string, Event[]>();
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    const list = byDate.get(e.date) ?? [];
    list.push(e);
    byDate.set(e.date, list);
  }
  return (
    <ol class="events">
      {[...byDate.entries()].map(([date, list]) => (
        <li key={date}>
          <time>{date}</time>
          <ul>
            {list.map((e, i) => (
              <li key={i}>
                {e.future && <span class="meta">upcoming · </span>}
                {e.background && e.event ? e.event.text : e.sentence}{' '}
                <button
                  type="button"
                  class="link"
                  onClick={() =>
                    onOpen({ articleId: e.articleId, start: e.start, end: e.end, label: `Event on ${e.date}` })
                  }
                >
                  {articles.get(e.articleId)?.source ?? 'source'}
                </button>
                {e.alsoIn && e.alsoIn.length > 0 && <span class="meta"> (+{e.alsoIn.length} more)</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Label size in screen pixels, whatever the chart is scaled to. */
const LABEL_PX = 12;

function Chart({ events }: { events: Event[] }) {
  const ref = useRef<SVGSVGElement>(null);
  const W = 720;
  // A phone draws the chart at half size; labels are enlarged in chart units so they stay readable.
  const scale = useRenderedScale(ref, W);
  const fs = LABEL_PX / Math.min(1, scale);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.date, (counts.get(e.date) ?? 0) + 1 + (e.alsoIn?.length ?? 0));
  const dates = [...counts.keys()].sort();
  const t0 = toTime(events.find((e) => e.date === dates[0]) as Event);
  const t1 = toTime(events.find((e) => e.date === dates[dates.length - 1]) as Event);
  const span = Math.max(DAY, t1 - t0);
  const left = 30 + fs;
  const right = 30 + fs;
  const base = 100;
  const H = base + 14 + 2.4 * fs;
  const max = Math.max(...counts.values());
  const x = (d: string): number =>
    left + ((Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - t0) / span) * (W - left - right);
  // Label only dates far enough apart to stay readable at the label size.
  let lastLabel = -Infinity;
  const labelled = new Set<string>();
  for (const d of dates) {
    if (x(d) - lastLabel >= 5.5 * fs) {
      labelled.add(d);
      lastLabel = x(d);
    }
  }
  return (
    <svg
      ref={ref}
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Events from ${dates[0]} to ${dates[dates.length - 1]} on ${dates.length} dates`}
    >
      <line x1={left} x2={W - right} y1={base} y2={base} class="axis" />
      {dates.map((d) => {
        const n = counts.get(d) ?? 0;
        const h = 10 + (n / max) * 70;
        return (
          <g key={d}>
            <title>{`${d}: ${n} mention${n === 1 ? '' : 's'}`}</title>
            <line x1={x(d)} x2={x(d)} y1={base} y2={base - h} class="stem" />
            <circle cx={x(d)} cy={base - h} r={4 + Math.min(6, n)} class="dot" />
            {labelled.has(d) && (
              <text x={x(d)} y={base + 4 + fs} text-anchor="middle" class="label" font-size={fs}>
                {d.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      <text x={left} y={base + 8 + 2.2 * fs} class="label" font-size={fs}>
        {dates[0].slice(0, 4)}
      </text>
    </svg>
  );
}
