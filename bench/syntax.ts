/**
 * Speed of the language layer alone on news articles (DUC 2006, PolNeAR, ECB+ from the data folder):
 * tokeniser + sentence splitter in characters per second, tagger + lemmatiser and parser in tokens per
 * second, each timed alone in CPU time on one core, best of several passes over the same articles.
 *
 *   npx tsx bench/syntax.ts [--data DIR] [--limit N] [--passes N] [--json]
 */
import { resolve } from 'node:path';
import type { Token } from '../src/model.js';
import { assignSentences, tagTokens, tokensOf } from '../src/text/annotate.js';
import { parseTokens } from '../src/text/parse.js';
import { splitSentences } from '../src/text/sentences.js';
import { defaultTagger } from '../src/text/tagger.js';
import { tokenizeWords } from '../src/text/tokenize.js';
import { defaultParser } from '../src/syntax/index.js';
import { loadCorpus } from './corpus.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const data = opt('--data') ?? process.env.STORYLINE_DATA ?? resolve('../shared/data');
const limit = Number(opt('--limit') ?? Infinity);
const passes = Number(opt('--passes') ?? 3);
const json = argv.includes('--json');

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds of the fastest of `passes` runs of `f`. */
function best(f: () => void): number {
  let min = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = cpuMs();
    f();
    min = Math.min(min, cpuMs() - t0);
  }
  return min;
}

const articles = (await loadCorpus(data)).slice(0, limit).map((i) => i.article);
const t0 = performance.now();
defaultTagger();
defaultParser();
const loadMs = performance.now() - t0;
const chars = articles.reduce((n, a) => n + a.text.length, 0);

const split = best(() => {
  for (const a of articles) splitSentences(a.text, tokenizeWords(a.text));
});
const tokenizeOnly = best(() => {
  for (const a of articles) tokenizeWords(a.text);
});
// Tokens with sentences, prepared once; tagging and parsing are then timed on fresh copies.
const prepared: Token[][] = articles.map((a) => {
  const words = tokenizeWords(a.text);
  return assignSentences(tokensOf(a.text, words), splitSentences(a.text, words));
});
const tokens = prepared.reduce((n, t) => n + t.length, 0);
const copies = (): Token[][] => prepared.map((ts) => ts.map((t) => ({ ...t })));
let tagged: Token[][] = [];
let tagMs = Infinity;
for (let p = 0; p < passes; p++) {
  const docs = copies();
  const t1 = cpuMs();
  for (const ts of docs) tagTokens(ts);
  tagMs = Math.min(tagMs, cpuMs() - t1);
  tagged = docs;
}
let parseMs = Infinity;
for (let p = 0; p < passes; p++) {
  const docs = tagged.map((ts) => ts.map((t) => ({ ...t })));
  const t1 = cpuMs();
  for (const ts of docs) parseTokens(ts);
  parseMs = Math.min(parseMs, cpuMs() - t1);
}

const result = {
  articles: articles.length,
  characters: chars,
  tokens,
  modelLoadMs: loadMs,
  tokeniserCharsPerSecond: (chars * 1000) / tokenizeOnly,
  tokeniserAndSentencesCharsPerSecond: (chars * 1000) / split,
  taggerTokensPerSecond: (tokens * 1000) / tagMs,
  parserTokensPerSecond: (tokens * 1000) / parseMs,
  textStageMsPerArticle: (split + tagMs) / articles.length,
  syntaxStageMsPerArticle: parseMs / articles.length,
};
if (json) console.log(JSON.stringify(result, null, 2));
else {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(
    [
      `${n(result.articles)} articles, ${n(chars)} characters, ${n(tokens)} tokens; best of ${passes} passes, CPU time, one core`,
      '',
      '| step | speed | per article |',
      '| --- | ---: | ---: |',
      `| models loaded (tagger + parser) | ${result.modelLoadMs.toFixed(0)} ms once | |`,
      `| tokeniser | ${n(result.tokeniserCharsPerSecond)} characters/s | ${(tokenizeOnly / articles.length).toFixed(3)} ms |`,
      `| tokeniser + sentences | ${n(result.tokeniserAndSentencesCharsPerSecond)} characters/s | ${(split / articles.length).toFixed(3)} ms |`,
      `| tagger + lemmas | ${n(result.taggerTokensPerSecond)} tokens/s | ${(tagMs / articles.length).toFixed(3)} ms |`,
      `| parser | ${n(result.parserTokensPerSecond)} tokens/s | ${(parseMs / articles.length).toFixed(3)} ms |`,
      `| text stage (tokens, sentences, tags, lemmas) | | ${result.textStageMsPerArticle.toFixed(3)} ms |`,
    ].join('\n'),
  );
}
