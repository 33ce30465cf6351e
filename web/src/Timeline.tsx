import type { JsonArticle, Story } from './api.js';
import type { Passage } from './StoryView.js';

type Event = Story['timeline'][number];

const DAY = 86_400_000;

function toTime(e: Event): number {
  const [y, m, d] = e.date.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

/** Events by date: a dot chart of the day-precise events and the full list underneath. */
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
  const dayEvents = events.filter((e) => e.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
  const byDate = new Map<string, Event[]>();
  for (const e of [...events].sort((a, b) => a.date.localeCompare(b.date))) {
    const list = byDate.get(e.date) ?? [];
    list.push(e);
    byDate.set(e.date, list);
  }
  return (
    <div class="timeline">
      {dayEvents.length > 1 && <Chart events={dayEvents} />}
      <ol class="events">
        {[...byDate.entries()].map(([date, list]) => (
          <li key={date}>
            <time>{date}</time>
            <ul>
              {list.map((e, i) => (
                <li key={i}>
                  {e.sentence}{' '}
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
    </div>
  );
}

function Chart({ events }: { events: Event[] }) {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.date, (counts.get(e.date) ?? 0) + 1 + (e.alsoIn?.length ?? 0));
  const dates = [...counts.keys()].sort();
  const t0 = toTime(events.find((e) => e.date === dates[0]) as Event);
  const t1 = toTime(events.find((e) => e.date === dates[dates.length - 1]) as Event);
  const span = Math.max(DAY, t1 - t0);
  const W = 720;
  const H = 150;
  const left = 30;
  const right = 30;
  const base = 100;
  const max = Math.max(...counts.values());
  const x = (d: string): number =>
    left + ((Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - t0) / span) * (W - left - right);
  // Label only dates far enough apart to stay readable.
  let lastLabel = -Infinity;
  const labelled = new Set<string>();
  for (const d of dates) {
    if (x(d) - lastLabel >= 70) {
      labelled.add(d);
      lastLabel = x(d);
    }
  }
  return (
    <svg
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
              <text x={x(d)} y={base + 18} text-anchor="middle" class="label">
                {d.slice(5)}
              </text>
            )}
          </g>
        );
      })}
      <text x={left} y={H - 8} class="label">
        {dates[0].slice(0, 4)}
      </text>
    </svg>
  );
}
