import { useRef } from 'preact/hooks';
import type { GraphEdge, GraphNode } from './api.js';
import { useRenderedScale } from './useMeasure.js';

/** Name labels in screen pixels; below `MIN_SCALE` they would not fit, so the names are listed instead. */
const LABEL_PX = 13;
const MIN_SCALE = 0.8;

/** Entities on a circle, joined when named in the same sentence; thicker lines for more sentences. */
export function CoGraph({ graph }: { graph: { nodes: GraphNode[]; edges: GraphEdge[] } }) {
  const ref = useRef<SVGSVGElement>(null);
  const W = 760;
  const scale = useRenderedScale(ref, W);
  const { nodes, edges } = graph;
  if (nodes.length < 2 || edges.length === 0) return <p>Too few names appear together to draw.</p>;
  const labels = scale >= MIN_SCALE;
  const fs = LABEL_PX / Math.min(1, scale);
  const H = 420;
  const cx = W / 2;
  const cy = H / 2;
  const r = Math.min(W, H) / 2 - 50;
  const pos = new Map(
    nodes.map((n, i) => [
      n.id,
      {
        x: cx + r * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2),
        y: cy + r * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2),
      },
    ]),
  );
  const maxW = Math.max(...edges.map((e) => e.sentences));
  const maxM = Math.max(...nodes.map((n) => n.mentions));
  const name = new Map(nodes.map((n) => [n.id, n.name]));
  return (
    <figure class="graph">
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="graph-desc">
        {edges.map((e) => {
          const a = pos.get(e.a);
          const b = pos.get(e.b);
          if (!a || !b) return null;
          return (
            <line
              key={`${e.a}|${e.b}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              class="edge"
              stroke-width={1 + (4 * e.sentences) / maxW}
            >
              <title>{`${name.get(e.a)} – ${name.get(e.b)}: ${e.sentences} sentence(s), ${e.articles} article(s)`}</title>
            </line>
          );
        })}
        {nodes.map((n) => {
          const p = pos.get(n.id) as { x: number; y: number };
          const anchor = Math.abs(p.x - cx) < 20 ? 'middle' : p.x > cx ? 'start' : 'end';
          const dx = anchor === 'start' ? 12 : anchor === 'end' ? -12 : 0;
          const dy = anchor === 'middle' ? (p.y < cy ? -14 : 22) : 4;
          return (
            <g key={n.id} class={`node ${n.type}`}>
              <circle cx={p.x} cy={p.y} r={5 + (7 * n.mentions) / maxM} />
              <title>{n.name}</title>
              {labels && (
                <text x={p.x + dx} y={p.y + dy} text-anchor={anchor} font-size={fs}>
                  {n.name.length > 26 ? `${n.name.slice(0, 25)}…` : n.name}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="graph-desc">
        {nodes.length} people, organisations and places; lines join names used in the same sentence.
        {labels ? '' : ' Too narrow to label the names on the drawing; who appears with whom:'}
        {/* Listed for screen readers always, and on screen when the drawing is too small to label. */}
        <ul class={labels ? 'visually-hidden' : 'pairs'}>
          {edges.map((e) => (
            <li key={`${e.a}|${e.b}`}>
              {name.get(e.a)} and {name.get(e.b)}: {e.sentences} sentence{e.sentences === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
