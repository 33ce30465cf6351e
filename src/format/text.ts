import type { AnnotatedArticle, Story, StoryQuote, ValueDisagreement, ValueSide } from '../model.js';

/** Short labels for citations: [1], [2] … in story order. */
function citationLabels(story: Story): Map<string, number> {
  return new Map(story.articleIds.map((id, i) => [id, i + 1]));
}

function outletLabel(doc: AnnotatedArticle | undefined): string {
  if (!doc) return 'unknown outlet';
  const a = doc.article;
  return a.source ? `${a.source}${a.sourceInferred ? ' (from credit line)' : ''}` : 'unknown outlet';
}

function dateLabel(doc: AnnotatedArticle | undefined): string {
  if (!doc?.article.published) return 'undated';
  return doc.article.publishedInferred ? `${doc.article.published} (inferred)` : doc.article.published;
}

function groupQuotes(story: Story): Map<string, StoryQuote[]> {
  const groups = new Map<string, StoryQuote[]>();
  for (const q of story.quotes) {
    const key = q.speaker?.name ?? '(unattributed)';
    const list = groups.get(key) ?? [];
    list.push(q);
    groups.set(key, list);
  }
  return groups;
}

/**
 * The sentence stating a figure, with the figure set off (in brackets, or bold in Markdown) so the disputed
 * words stand out within the outlet's own. The offsets are used when they agree with the text, else a search.
 */
function sentenceWithFigure(side: ValueSide, md: boolean): string {
  const { sentence, value } = side;
  const open = md ? '**' : '[';
  const close = md ? '**' : ']';
  let start = value.start - sentence.start;
  let end = value.end - sentence.start;
  if (start < 0 || end > sentence.text.length || sentence.text.slice(start, end) !== value.text) {
    start = value.text ? sentence.text.indexOf(value.text) : -1;
    end = start + value.text.length;
  }
  const flat = (t: string): string => t.replace(/\s+/g, ' ');
  if (start < 0) return `${flat(sentence.text.trim())} (${open}${value.text}${close})`;
  const before = flat(sentence.text.slice(0, start)).trimStart();
  const after = flat(sentence.text.slice(end)).trimEnd();
  return `${before}${open}${value.text}${close}${after}`;
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Renders a story for a terminal or a Markdown file. Both share one layout: articles, brief with citations,
 * figures outlets disagree on and figures that changed, people and organisations, quotes by speaker, what the
 * outlets report, timeline.
 */
export function renderStory(story: Story, docs: Map<string, AnnotatedArticle>, style: 'text' | 'markdown'): string {
  const md = style === 'markdown';
  const labels = citationLabels(story);
  const cite = (id: string): string => `[${labels.get(id) ?? '?'}]`;
  const lines: string[] = [];
  const h = (level: number, title: string): void => {
    lines.push(md ? `${'#'.repeat(level)} ${title}` : level === 1 ? `== ${title} ==` : `-- ${title}`);
  };
  const item = (text: string): void => {
    lines.push(md ? `- ${text}` : `  ${text}`);
  };

  h(1, story.title);
  lines.push(
    `${md ? '' : ''}Story ${story.id}: ${story.articleIds.length} article(s), ${story.independentSources} independent source(s)`,
  );
  if (story.pending)
    lines.push(`${story.pending} newer article(s) are not in this view yet (storyline refresh rebuilds it)`);
  lines.push('');
  h(2, 'Articles');
  for (const id of story.articleIds) {
    const d = docs.get(id);
    const title = d?.article.title ?? clip(d?.sentences[0]?.text ?? id, 90);
    item(`${cite(id)} ${outletLabel(d)}, ${dateLabel(d)}: ${title}${d?.article.path ? ` (${d.article.path})` : ''}`);
  }
  lines.push('');

  h(2, 'Brief');
  for (const s of story.summary) {
    const refs = [...new Set(s.sources.map((r) => cite(r.articleId)))].join('');
    lines.push(md ? `${s.text} ${refs}` : `  ${s.text} ${refs}`);
  }
  lines.push('');

  if (story.whatsNew) {
    h(2, `What's new since ${story.whatsNew.since}`);
    if (story.whatsNew.sentences.length === 0)
      lines.push(md ? 'Nothing reported since then.' : '  Nothing reported since then.');
    for (const s of story.whatsNew.sentences) {
      const refs = [...new Set(s.sources.map((r) => cite(r.articleId)))].join('');
      lines.push(md ? `${s.text} ${refs}` : `  ${s.text} ${refs}`);
    }
    lines.push('');
  }

  // Figures outlets disagree on come right after the brief: the first thing to know before trusting a number.
  const sideLine = (side: ValueSide): string => {
    const date = side.published ?? docs.get(side.articleId)?.article.published ?? 'undated';
    const also = side.alsoCarriedBy?.length ? ` (also carried by ${side.alsoCarriedBy.join(', ')})` : '';
    return `${side.outlet} (${date}): "${sentenceWithFigure(side, md)}" ${cite(side.articleId)}${also}`;
  };
  const disagreements = (title: string, list: ValueDisagreement[], ordered: boolean): void => {
    if (list.length === 0) return;
    h(2, title);
    for (const d of list) {
      lines.push(md ? `**${d.measured}** (${d.type})` : `  ${d.measured} (${d.type}):`);
      const sides = ordered
        ? d.sides
            .map((side, k) => ({ side, k, date: side.published ?? docs.get(side.articleId)?.article.published }))
            .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.k - b.k)
            .map((x) => x.side)
        : d.sides;
      sides.forEach((side, k) => item(`${md ? '' : '  '}${ordered && k > 0 ? '→ ' : ''}${sideLine(side)}`));
    }
    lines.push('');
  };
  disagreements('Where outlets disagree', story.conflicts ?? [], false);
  disagreements('How the figures changed', story.updates ?? [], true);

  const people = story.entities.filter((e) => e.type === 'person');
  const orgs = story.entities.filter((e) => e.type === 'organization');
  const places = story.entities.filter((e) => e.type === 'place');
  for (const [label, list] of [
    ['People', people],
    ['Organisations', orgs],
    ['Places', places],
  ] as const) {
    if (list.length === 0) continue;
    h(2, label);
    const sorted = [...list].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    for (const e of sorted) {
      const articles = [...new Set(e.mentions.map((m) => cite(m.articleId)))].join('');
      const extra = [
        e.roles.length ? e.roles.join('; ') : '',
        e.aliases.length ? `also ${e.aliases.map((a) => `"${a}"`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' — ');
      item(`${e.name}${extra ? ` (${extra})` : ''} ${articles}`);
    }
    lines.push('');
  }

  if (story.quotes.length > 0) {
    h(2, 'Quotes by speaker');
    for (const [speaker, quotes] of groupQuotes(story)) {
      lines.push(md ? `**${speaker}**` : `  ${speaker}:`);
      for (const q of quotes) {
        // Reported speech reads as it was reported (the cue, then the content), never in quotation marks.
        const body =
          q.kind === 'indirect'
            ? `${q.cue ? `${q.cue} ` : ''}${clip(q.text)}`
            : `“${clip(q.text)}”${q.cue ? ` (${q.cue})` : ''}`;
        item(`${md ? '' : '  '}${body} ${cite(q.articleId)}`);
      }
    }
    lines.push('');
  }

  const statements = story.statements ?? [];
  if (statements.length > 0) {
    h(2, 'Quoted by several articles');
    for (const st of statements) {
      const refs = [...new Set(st.excerpts.map((x) => cite(x.articleId)))].join('');
      const flag = st.wordingDiffers ? ' — wording differs between articles' : '';
      item(`${st.speaker ?? '(unattributed)'}: “${clip(st.text, 120)}” ${refs}${flag}`);
    }
    lines.push('');
  }

  const claims = story.claims ?? [];
  const shared = claims.filter((c) => c.kind === 'shared');
  const conflicts = claims.filter((c) => c.kind === 'conflict');
  if (claims.length > 0) {
    h(2, 'What the outlets report');
    if (shared.length > 0) {
      lines.push(md ? '**Reported by several outlets**' : '  Reported by several outlets:');
      for (const c of shared.slice(0, 12))
        item(`${md ? '' : '  '}${clip(c.text)} ${[...new Set(c.sources.map((x) => cite(x.articleId)))].join('')}`);
    }
    if (conflicts.length > 0) {
      lines.push(md ? '**Where they disagree**' : '  Where they disagree:');
      for (const c of conflicts) {
        const note = c.conflicts
          .map((k) => `${k.slot}: ${k.values.map((v) => `${v.value} ${cite(v.source.articleId)}`).join(' vs ')}`)
          .join('; ');
        item(`${md ? '' : '  '}${clip(c.text, 120)} — ${note}`);
      }
    }
    const byId = new Map(claims.map((c) => [c.id, c]));
    for (const o of story.coverage?.byOutlet ?? []) {
      if (o.adds.length === 0) continue;
      // An article without a known outlet stands for itself.
      const name = labels.has(o.outlet) ? `article ${cite(o.outlet)} (outlet unknown)` : o.outlet;
      lines.push(md ? `**Only in ${name}** (${o.adds.length})` : `  Only in ${name} (${o.adds.length}):`);
      for (const id of o.adds.slice(0, 5)) {
        const c = byId.get(id);
        if (c)
          item(`${md ? '' : '  '}${clip(c.text)} ${[...new Set(c.sources.map((x) => cite(x.articleId)))].join('')}`);
      }
      if (o.adds.length > 5) item(`${md ? '' : '  '}… and ${o.adds.length - 5} more`);
    }
    lines.push('');
  }

  if (story.timeline.length > 0) {
    h(2, 'Timeline');
    const refsOf = (ev: Story['timeline'][number]): string =>
      [...new Set([cite(ev.articleId), ...(ev.alsoIn ?? []).map((r) => cite(r.articleId))])].join('');
    // Events in full, upcoming ones marked; background (history, states, dates of other things) folded.
    const background = story.timeline.filter((ev) => ev.background);
    for (const ev of story.timeline) {
      if (ev.background) continue;
      item(`${ev.date.padEnd(10)} ${ev.future ? '(upcoming) ' : ''}${clip(ev.sentence, 140)} ${refsOf(ev)}`);
    }
    if (background.length > 0) {
      lines.push(md ? `**Background** (${background.length})` : `  Background (${background.length}):`);
      for (const ev of background.slice(0, 5))
        item(`${md ? '' : '  '}${ev.date.padEnd(10)} ${clip(ev.event?.text ?? ev.sentence, 100)} ${refsOf(ev)}`);
      if (background.length > 5) item(`${md ? '' : '  '}… and ${background.length - 5} more`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
