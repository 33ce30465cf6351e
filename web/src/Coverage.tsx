import { useRef, useState } from 'preact/hooks';
import type { Story } from './api.js';
import { plural } from './format.js';
import type { Passage } from './passage.js';
import { useOverflow } from './useMeasure.js';

/** Claims × outlets; on a narrow screen the table scrolls sideways inside its box, with a cue that it does. */
export function CoverageMatrix({ story, onOpen }: { story: Story; onOpen: (p: Passage) => void }) {
  const [all, setAll] = useState(false);
  const claims = story.claims ?? [];
  const wrap = useRef<HTMLDivElement>(null);
  const { overflows, atStart, atEnd } = useOverflow(wrap, `${claims.length}/${all}`);
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
      {overflows && (
        <p class="scroll-hint" id="coverage-scroll">
          <span aria-hidden="true">⇆ </span>The table is wider than the screen: scroll it sideways for every outlet
          <span aria-hidden="true"> →</span>
        </p>
      )}
      <div
        ref={wrap}
        class={`table-wrap${overflows ? ' overflows' : ''}${atStart ? '' : ' more-left'}${atEnd ? '' : ' more-right'}`}
        tabIndex={0}
        role="region"
        aria-label="Claims by outlet"
        aria-describedby={overflows ? 'coverage-scroll' : undefined}
      >
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
