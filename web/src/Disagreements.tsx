import type { JsonArticle, Story } from './api.js';

type Disagreement = NonNullable<Story['conflicts']>[number];
type Side = Disagreement['sides'][number];

interface Props {
  story: Story;
  articles: Map<string, JsonArticle>;
  number: (articleId: string) => number;
}

/** Where the figure sits in its sentence: from the offsets when they agree with the text, else by search. */
function figureIn(side: Side): { start: number; end: number } | undefined {
  const { sentence, value } = side;
  const start = value.start - sentence.start;
  const end = value.end - sentence.start;
  if (start >= 0 && end <= sentence.text.length && sentence.text.slice(start, end) === value.text)
    return { start, end };
  const at = sentence.text.indexOf(value.text);
  return at >= 0 && value.text ? { start: at, end: at + value.text.length } : undefined;
}

/** The outlet's sentence with its figure marked, so the exact words and the disputed part read together. */
function Said({ side }: { side: Side }) {
  const at = figureIn(side);
  const text = side.sentence.text;
  if (!at)
    return (
      <blockquote class="said">
        {text} <span class="meta">(figure: </span>
        <mark class="figure">{side.value.text}</mark>
        <span class="meta">)</span>
      </blockquote>
    );
  return (
    <blockquote class="said">
      {text.slice(0, at.start)}
      <mark class="figure">{text.slice(at.start, at.end)}</mark>
      {text.slice(at.end)}
    </blockquote>
  );
}

const dateOf = (side: Side, articles: Map<string, JsonArticle>): string | undefined =>
  side.published ?? articles.get(side.articleId)?.published;

/** A link to the article with the sentence highlighted: the same offsets-in-the-URL form the source panel uses. */
function Citation({ side, number }: { side: Side; number: (articleId: string) => number }) {
  const n = number(side.articleId);
  return (
    <a
      class="cite-link"
      href={`/article/${encodeURIComponent(side.articleId)}?start=${side.sentence.start}&end=${side.sentence.end}`}
    >
      {n > 0 ? `Source ${n}` : 'Source'}: read in context
      <span class="visually-hidden"> ({side.outlet})</span>
    </a>
  );
}

function AlsoCarried({ side }: { side: Side }) {
  if (!side.alsoCarriedBy?.length) return null;
  return <p class="carried">Also carried by {side.alsoCarriedBy.join(', ')}</p>;
}

function Heading({ d, id }: { d: Disagreement; id: string }) {
  return (
    <h3 id={id}>
      {d.measured ? d.measured.charAt(0).toUpperCase() + d.measured.slice(1) : 'Figure'}{' '}
      <span class="value-type">({d.type})</span>
    </h3>
  );
}

/** Values outlets give for the same thing that cannot both be true, each in its own words, side by side. */
export function Conflicts({ story, articles, number }: Props) {
  const conflicts = story.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <section aria-labelledby="disagree-h" class="disagreements">
      <h2 id="disagree-h">Where outlets disagree</h2>
      <p class="meta">Figures that cannot all be true, in each outlet's own words; the figure is marked.</p>
      {conflicts.map((d, i) => {
        const hid = `disagree-${i}`;
        return (
          <div key={d.id} class="disagreement" role="group" aria-labelledby={hid}>
            <Heading d={d} id={hid} />
            <ul class="sides">
              {d.sides.map((side, j) => {
                const date = dateOf(side, articles);
                return (
                  <li key={j} class="side">
                    <p class="side-head">
                      <strong class="outlet">{side.outlet}</strong>
                      {date ? <time dateTime={date}>{date}</time> : <span class="meta">undated</span>}
                    </p>
                    <Said side={side} />
                    <AlsoCarried side={side} />
                    <Citation side={side} number={number} />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** Figures that moved as the story developed, shown earliest first as a progression rather than a dispute. */
export function Updates({ story, articles, number }: Props) {
  const updates = story.updates ?? [];
  if (updates.length === 0) return null;
  return (
    <section aria-labelledby="updates-h" class="figure-updates">
      <h2 id="updates-h">How the figures changed</h2>
      <p class="meta">A later report gave a later figure: the story developed, the outlets do not disagree.</p>
      {updates.map((d, i) => {
        const hid = `update-${i}`;
        // Undated reports keep their given place after the dated ones.
        const steps = d.sides
          .map((side, k) => ({ side, k, date: dateOf(side, articles) }))
          .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.k - b.k);
        return (
          <div key={d.id} class="update" role="group" aria-labelledby={hid}>
            <Heading d={d} id={hid} />
            <ol class="progression">
              {steps.map(({ side, date }, j) => (
                <li key={j} class="step">
                  <p class="side-head">
                    {date ? <time dateTime={date}>{date}</time> : <span class="meta">undated</span>}
                    <strong class="outlet">{side.outlet}</strong>
                    <span class="step-figure">
                      {j === 0 ? 'first reported ' : 'then '}
                      {side.value.text}
                    </span>
                  </p>
                  <Said side={side} />
                  <AlsoCarried side={side} />
                  <Citation side={side} number={number} />
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
