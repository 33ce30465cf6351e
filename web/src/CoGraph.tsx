import type { GraphEdge, GraphNode } from './api.js';

/** Entities on a circle, joined when named in the same sentence; thicker lines for more sentences. */
export function CoGraph({ graph }: { graph: { nodes: GraphNode[]; edges: GraphEdge[] } }) {
  const { nodes, edges } = graph;
  if (nodes.length < 2 || edges.length === 0) return <p>Too few names appear together to draw.</p>;
  const W = 760;
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
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="graph-desc">
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
              <text x={p.x + dx} y={p.y + dy} text-anchor={anchor}>
                {n.name.length > 26 ? `${n.name.slice(0, 25)}…` : n.name}
                <title>{n.name}</title>
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="graph-desc">
        {nodes.length} people, organisations and places; lines join names used in the same sentence.
        <ul class="visually-hidden">
          {edges.map((e) => (
            <li key={`${e.a}|${e.b}`}>
              {name.get(e.a)} and {name.get(e.b)}: {e.sentences} sentence(s)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
