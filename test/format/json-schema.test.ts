import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cli, EXAMPLES_DIR, HAVE_EXAMPLES } from '../helpers.js';
import type { StorylineJson } from '../../src/format/json.js';

const schema = JSON.parse(readFileSync(resolve('docs/schema/storyline-1.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

/** Checks the schema and that every offset in the document slices to the text it claims. */
function checkDocument(doc: StorylineJson): void {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
  const text = new Map(doc.articles.map((a) => [a.id, a.text]));
  const slice = (id: string, start: number, end: number): string => {
    const t = text.get(id);
    expect(t, `article ${id} is in the document`).toBeDefined();
    return (t ?? '').slice(start, end);
  };
  for (const a of doc.articles) {
    for (const t of a.timexes) expect(a.text.slice(t.start, t.end)).toBe(t.text);
    for (const s of a.sentences ?? []) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    for (const t of a.tokens ?? []) expect(a.text.slice(t.start, t.end)).toBe(t.text);
  }
  for (const s of doc.stories) {
    for (const id of s.articleIds) expect(text.has(id)).toBe(true);
    for (const e of s.entities) for (const m of e.mentions) expect(slice(m.articleId, m.start, m.end)).toBe(m.text);
    for (const q of s.quotes) expect(slice(q.articleId, q.start, q.end)).toBe(q.text);
    for (const ev of s.timeline) expect(slice(ev.articleId, ev.start, ev.end)).toBe(ev.text);
    for (const sum of s.summary)
      for (const src of sum.sources) expect(slice(src.articleId, src.start, src.end).length).toBeGreaterThan(0);
    for (const c of s.claims ?? [])
      for (const src of c.sources) expect(slice(src.articleId, src.start, src.end)).toBe(src.text);
    for (const m of s.membership ?? []) expect(s.articleIds).toContain(m.articleId);
    for (const st of s.statements ?? [])
      for (const x of st.excerpts) expect(slice(x.articleId, x.start, x.end)).toBe(x.text);
  }
}

describe('storyline/1 JSON', () => {
  it('is valid for the bundled demo corpus', async () => {
    const r = await cli('analyze', 'examples', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as StorylineJson;
    expect(doc.format).toBe('storyline/1');
    expect(doc.articles.length).toBeGreaterThanOrEqual(12);
    // The demo's planted disagreements are in the document, so the schema of conflicts is exercised too.
    expect(doc.stories.some((s) => (s.conflicts ?? []).length > 0)).toBe(true);
    expect(doc.stories.flatMap((s) => s.claims ?? []).some((c) => c.values.length > 0)).toBe(true);
    checkDocument(doc);
  });

  it.skipIf(!HAVE_EXAMPLES)('carries a parsed tree per sentence with --syntax', async () => {
    const r = await cli('analyze', EXAMPLES_DIR, '--json', '--syntax');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as StorylineJson;
    checkDocument(doc);
    for (const a of doc.articles) {
      const tokens = a.tokens ?? [];
      expect(tokens.length).toBeGreaterThan(50);
      expect(a.sentences?.length).toBeGreaterThan(3);
      const roots = new Map<number, number>();
      tokens.forEach((t, i) => {
        if (t.head === -1) {
          expect(t.deprel).toBe('root');
          roots.set(t.sentence, (roots.get(t.sentence) ?? 0) + 1);
        } else {
          // A head is another word of the same sentence, and following heads always reaches the root.
          expect(t.head).not.toBe(i);
          expect(tokens[t.head].sentence).toBe(t.sentence);
          let k = i;
          for (let steps = 0; k !== -1; steps++) {
            expect(steps).toBeLessThan(tokens.length);
            k = tokens[k].head;
          }
        }
      });
      for (const n of roots.values()) expect(n).toBe(1);
      expect(new Set(tokens.map((t) => t.sentence)).size).toBe(roots.size);
    }
    // Without the switch the document stays as small as before.
    const plain = await cli('analyze', EXAMPLES_DIR, '--json');
    expect((JSON.parse(plain.stdout) as StorylineJson).articles[0].tokens).toBeUndefined();
  });

  it.skipIf(!HAVE_EXAMPLES)('is valid for the shared examples', async () => {
    const r = await cli('analyze', EXAMPLES_DIR, '--json');
    expect(r.code).toBe(0);
    checkDocument(JSON.parse(r.stdout) as StorylineJson);
  });

  it('rejects documents that break the format', () => {
    expect(validate({ format: 'storyline/2', articles: [], stories: [] })).toBe(false);
    expect(
      validate({
        format: 'storyline/1',
        articles: [
          {
            id: 'a',
            text: 'x',
            publishedInferred: false,
            timexes: [{ start: 0, end: 1, text: 'x', type: 'era', value: 'x' }],
          },
        ],
        stories: [],
      }),
    ).toBe(false);
    expect(
      validate({
        format: 'storyline/1',
        articles: [],
        stories: [{ id: 's', title: 't', articleIds: [], entities: [], quotes: [], timeline: [], summary: [] }],
      }),
    ).toBe(false);
  });
});
