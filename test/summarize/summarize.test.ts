import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize/index.js';
import { contentStems, cosine, datelineEnd, isBoilerplate, wordCount } from '../../src/summarize/features.js';
import { parseDucDocument } from '../../src/eval/summaries.js';
import type { AnnotatedArticle, SummarySentence } from '../../src/model.js';
import { haveExamples, loadExamples, makeArticle } from './fixtures.js';

function checkSources(summary: SummarySentence[], docs: AnnotatedArticle[]): void {
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  for (const s of summary) {
    expect(s.sources.length).toBeGreaterThan(0);
    const [first, ...others] = s.sources;
    expect(byId.get(first.articleId)?.article.text.slice(first.start, first.end)).toBe(s.text);
    for (const o of others) {
      const doc = byId.get(o.articleId);
      expect(doc).toBeDefined();
      // Other sources point at a whole sentence of their article.
      expect(doc?.sentences.some((x) => x.start === o.start && x.end === o.end)).toBe(true);
    }
  }
}

const quake = [
  makeArticle(
    'a',
    'TOKYO (AP) -- A magnitude 7.1 earthquake struck northern Japan on Tuesday, killing at least 12 people and injuring hundreds.\n\n' +
      'The quake hit off the coast of Miyagi prefecture at 10:14 a.m., the Japan Meteorological Agency said.\n\n' +
      'By John Smith\n\n' +
      'Rescue workers searched collapsed buildings in the city of Sendai through the night.\n\n' +
      'Follow us on Twitter @newsdesk for updates.',
    { published: '2021-02-16', source: 'AP' },
  ),
  makeArticle(
    'b',
    'A powerful magnitude 7.1 earthquake struck northern Japan on Tuesday, killing at least 12 people and injuring hundreds.\n\n' +
      'Officials warned of aftershocks and told residents near the coast to stay away from the sea for several days.\n\n' +
      'The earthquake knocked out power to about 900,000 homes in Miyagi and Fukushima prefectures.',
    { published: '2021-02-15', source: 'Reuters' },
  ),
  makeArticle(
    'c',
    'The earthquake that struck northern Japan on Tuesday killed at least 12 people, officials said.\n\n' +
      'Power was cut to about 900,000 homes in Miyagi and Fukushima prefectures after the earthquake.\n\n' +
      'The Japan Meteorological Agency said the quake hit off the coast of Miyagi prefecture.',
    { published: '2021-02-17', source: 'BBC' },
  ),
];

describe('summarize', () => {
  it('respects the word budget', () => {
    for (const words of [15, 30, 60, 250]) {
      const s = summarize(quake, { words });
      const total = s.reduce((n, x) => n + wordCount(x.text), 0);
      expect(total).toBeLessThanOrEqual(words);
    }
    expect(summarize(quake, { words: 60 }).length).toBeGreaterThan(1);
    expect(summarize([], { words: 100 })).toEqual([]);
    expect(summarize(quake, { words: 0 })).toEqual([]);
  });

  it('avoids near-duplicate sentences and cites every article carrying one', () => {
    const s = summarize(quake, { words: 250 });
    for (let i = 0; i < s.length; i++)
      for (let j = i + 1; j < s.length; j++)
        expect(cosine(contentStems(s[i].text), contentStems(s[j].text))).toBeLessThanOrEqual(0.5);
    checkSources(s, quake);
    const lead = s.find((x) => /magnitude 7\.1/.test(x.text));
    expect(lead).toBeDefined();
    const cited = new Set(lead?.sources.map((r) => r.articleId));
    expect(cited.has('a') && cited.has('b')).toBe(true);
  });

  it('skips bylines, embeds and datelines and orders sentences by article date', () => {
    const s = summarize(quake, { words: 250 });
    expect(s.some((x) => /By John Smith|Twitter|\(AP\)/.test(x.text))).toBe(false);
    const order = ['b', 'a', 'c'];
    const firstIdx = s.map((x) => order.indexOf(x.sources[0].articleId));
    expect([...firstIdx].sort((a, b) => a - b)).toEqual(firstIdx);
  });

  it('prefers sentences matching the query', () => {
    const s = summarize(quake, { words: 20, query: 'power outages homes' });
    expect(s[0]?.text).toMatch(/power/i);
  });

  it('drops closing attributions only when asked', () => {
    const docs = [
      makeArticle(
        'k',
        'The city council approved a new budget that doubles spending on public transport next year, officials said.',
      ),
    ];
    const plain = summarize(docs, { words: 100 });
    const short = summarize(docs, { words: 100, compress: true });
    expect(plain[0].text).toMatch(/officials said\.$/);
    expect(short[0].text).toBe(
      'The city council approved a new budget that doubles spending on public transport next year',
    );
    checkSources(short, docs);
  });

  it.skipIf(!haveExamples)('summarises the example articles with exact source offsets', () => {
    const docs = loadExamples();
    const s = summarize(docs, { words: 100 });
    expect(s.length).toBeGreaterThan(1);
    checkSources(s, docs);
    expect(s.some((x) => /pic\.twitter|contributed to this report/.test(x.text))).toBe(false);
  });
});

describe('sentence filters', () => {
  it('finds datelines', () => {
    const a = 'PINE RIDGE, S.D. (AP) -- President Clinton turned the attention of his tour.';
    expect(a.slice(datelineEnd(a))).toBe('President Clinton turned the attention of his tour.');
    const b = 'MADRID, February 17 (Xinhua) -- Spanish pole vaulter Dana Cervantes tested positive.';
    expect(b.slice(datelineEnd(b))).toMatch(/^Spanish/);
    const c = 'BEIDAIHE (Hebei), March 5 (Xinhua) -- China will enhance its cooperation.';
    expect(c.slice(datelineEnd(c))).toBe('China will enhance its cooperation.');
    expect(datelineEnd('The president said -- again -- that he would go.')).toBe(0);
    const d = 'PEACH SPRINGS, Ariz. (AP) - When tribes began embracing gambling, the Hualapai moved quickly.';
    expect(d.slice(datelineEnd(d))).toMatch(/^When tribes/);
    expect(datelineEnd('Prices rose - slowly - through the spring, traders said.')).toBe(0);
  });

  it('recognises boilerplate', () => {
    expect(isBoilerplate("CNN's Elizabeth Joseph contributed to this report from New York.")).toBe(true);
    expect(isBoilerplate('By TIM GIAGO')).toBe(true);
    expect(isBoilerplate('TWO SIDES TO THE INDIAN GAMING PHENOMENON')).toBe(true);
    expect(
      isBoilerplate(
        'Here’s the audio: https://t.co/x pic.twitter.com/y — The New Yorker (@NewYorker) October 10, 2017',
      ),
    ).toBe(true);
    expect(isBoilerplate('Vance has defended his decision not to prosecute Weinstein in the past.')).toBe(false);
  });
});

describe('DUC document parsing', () => {
  it('joins hard-wrapped paragraph lines and keeps date and headline', () => {
    const a = parseDucDocument(`<DOC>\n<DOCNO> APW19990707.0181 </DOCNO>\n<DATE_TIME> 1999-07-07 08:30:27 </DATE_TIME>
<BODY>\n<HEADLINE> Clinton Focuses on American Indians </HEADLINE>\n<TEXT>\n<P>\n\tPINE RIDGE, S.D. (AP) -- President Clinton turned the attention
of his national poverty tour today.\n</P>\n<P>\nSecond &AMP; last.\n</P>\n</TEXT>\n</BODY>\n</DOC>`);
    expect(a.id).toBe('APW19990707.0181');
    expect(a.published).toBe('1999-07-07');
    expect(a.title).toBe('Clinton Focuses on American Indians');
    expect(a.text).toBe(
      'PINE RIDGE, S.D. (AP) -- President Clinton turned the attention of his national poverty tour today.\n\nSecond & last.',
    );
  });
});

describe('summarize on odd input', () => {
  it('handles articles without sentences and non-finite budgets', () => {
    const bare = { ...quake[0], sentences: [], tokens: [] };
    expect(summarize([bare], { words: 100 })).toEqual([]);
    const s = summarize(quake, { words: Number.NaN });
    expect(s.reduce((n, x) => n + wordCount(x.text), 0)).toBeLessThanOrEqual(100);
  });
});
