import type { JsonArticle, Story } from './api.js';
import { outletName } from './SourcePanel.js';

type Member = NonNullable<Story['membership']>[number];
type Articles = Map<string, JsonArticle>;

const DECISION: Record<Member['decision'], string> = {
  new: 'first report',
  joined: 'joined',
  duplicate: 'copy',
  repeat: 'sent again',
  merged: 'merged',
  manual: 'added by hand',
};

const KIND = { person: 'people', organization: 'organisations', place: 'places' } as const;

const list = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const day = (a: JsonArticle | undefined): string | undefined => a?.published?.slice(0, 10);

function longDate(d: string): string {
  const t = Date.parse(`${d}T00:00:00Z`);
  if (Number.isNaN(t) || d.length < 10) return d;
  return new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const norm = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Reasons a reader can check, built from what the story holds: the copy's original, the people, organisations
 * and places the article shares with the story, its date against the others', and quotations carried word
 * for word by other outlets. The engine's scores and wording stay available behind a toggle.
 */
export function reasons(m: Member, story: Story, articles: Articles): string[] {
  if (m.decision === 'duplicate') {
    const orig = m.duplicateOf ? articles.get(m.duplicateOf) : undefined;
    const self = articles.get(m.articleId);
    if (!orig) return ["A copy of another outlet's report, carried with few changes."];
    return orig.source && orig.source === self?.source
      ? [`A copy of an earlier ${outletName(orig)} report, carried with few changes.`]
      : [`A copy of ${outletName(orig)}'s report, carried with few changes.`];
  }
  if (m.decision === 'new') return ['The first report of this event: the story started with it.'];
  if (m.decision === 'repeat') return ['Sent again after it was already in this story.'];

  const out: string[] = [];
  if (m.decision === 'merged') out.push('Came in when two stories about the same event were combined.');
  if (m.decision === 'manual') out.push('Added to this story by hand.');

  // Shared names that are the story's people, organisations and places (the rest are word stems).
  const byName = new Map<string, Story['entities'][number]>();
  for (const e of story.entities) for (const n of [e.name, ...e.aliases]) byName.set(n, e);
  const named: Record<keyof typeof KIND, string[]> = { person: [], organization: [], place: [] };
  const seen = new Set<string>();
  for (const s of m.shared ?? []) {
    const e = byName.get(s);
    if (!e || seen.has(e.id) || !(e.type in KIND)) continue;
    seen.add(e.id);
    named[e.type as keyof typeof KIND].push(e.name);
  }
  const groups = (Object.keys(KIND) as Array<keyof typeof KIND>)
    .filter((k) => named[k].length > 0)
    .map((k) => `${KIND[k]} (${list(named[k])})`);
  if (groups.length) out.push(`Names the same ${list(groups)}.`);

  const mine = day(articles.get(m.articleId));
  if (mine) {
    const same = story.articleIds.filter((id) => id !== m.articleId && day(articles.get(id)) === mine).length;
    if (same > 0)
      out.push(`Published the same day (${longDate(mine)}) as ${same} other report${same === 1 ? '' : 's'}.`);
  }

  // Quotations this article shares word for word with another outlet's article.
  const quotedBy = new Map<string, Set<string>>();
  for (const q of story.quotes) {
    if (q.kind === 'indirect') continue;
    const key = norm(q.text);
    if (key.split(' ').length < 3) continue;
    quotedBy.set(key, (quotedBy.get(key) ?? new Set()).add(q.articleId));
  }
  const speakers = new Set<string>();
  const alsoIn = new Set<string>();
  for (const q of story.quotes) {
    if (q.articleId !== m.articleId || q.kind === 'indirect') continue;
    const others = [...(quotedBy.get(norm(q.text)) ?? [])].filter((id) => id !== m.articleId);
    if (others.length === 0) continue;
    speakers.add(q.speaker?.name ?? 'an unnamed speaker');
    for (const id of others) alsoIn.add(outletName(articles.get(id)));
  }
  if (speakers.size) out.push(`Quotes ${list([...speakers])} in the same words as ${list([...alsoIn].sort())}.`);

  if (out.length === 0 || (out.length === 1 && m.decision !== 'joined'))
    out.push('Covers the same event as the other reports.');
  return out;
}

export function Membership({
  story,
  articles,
  number,
}: {
  story: Story;
  articles: Articles;
  number: (id: string) => number;
}) {
  const m = story.membership ?? [];
  return (
    <section aria-labelledby="membership-h">
      <h2 id="membership-h">Why these articles</h2>
      <ol class="membership">
        {m.map((x) => {
          const a = articles.get(x.articleId);
          const why = reasons(x, story, articles);
          return (
            <li key={x.articleId} value={number(x.articleId)}>
              <a href={`/article/${encodeURIComponent(x.articleId)}`}>{a?.title ?? `Untitled (${outletName(a)})`}</a>{' '}
              <span class="meta">— {outletName(a)}</span>{' '}
              <span class={`decision ${x.decision}`}>{DECISION[x.decision] ?? x.decision}</span>
              {why.length === 1 ? (
                <p class="reasons">{why[0]}</p>
              ) : (
                <ul class="reasons">
                  {why.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
              <details class="scoring">
                <summary>How it was matched</summary>
                {x.score > 0 && <p>Score {x.score.toFixed(2)}.</p>}
                <p>{x.summary}</p>
                {x.shared && x.shared.length > 0 && <p>Matched features: {x.shared.join(', ')}</p>}
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
