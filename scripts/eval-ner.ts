import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { annotateEntities } from '../src/entities/index.js';
import { formatNerEval, runNerEval, type SentenceTagger } from '../src/eval/ner.js';
import { annotateText } from '../src/text/annotate.js';

// Usage: npx tsx scripts/eval-ner.ts <conll-file> [--model FILE] [--baseline compromise] [--types PER,ORG,LOC] [--json]
//        npx tsx scripts/eval-ner.ts --articles DIR   (speed of the whole entity stage on .txt articles)
const articlesDir = (() => {
  const i = process.argv.indexOf('--articles');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
if (articlesDir) {
  const files = readdirSync(articlesDir).filter((f) => f.endsWith('.txt'));
  const docs = files.map((f, i) =>
    annotateText({ id: String(i), text: readFileSync(path.join(articlesDir, f), 'utf8'), publishedInferred: false }),
  );
  for (const d of docs) annotateEntities(d); // warm-up and model load
  // Median of three timed passes: the machine may be shared.
  const runs: number[] = [];
  let mentions = 0;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    mentions = 0;
    for (const d of docs) mentions += annotateEntities(d).mentions.length;
    const cpu = process.cpuUsage(c0);
    runs.push((cpu.user + cpu.system) / 1e6);
  }
  const s = runs.sort((a, b) => a - b)[1];
  const tokens = docs.reduce((a, d) => a + d.tokens.length, 0);
  console.log(
    `${docs.length} articles, ${tokens} tokens, ${mentions} mentions: ${(s * 1000).toFixed(0)} ms CPU, ${Math.round(tokens / s).toLocaleString('en-US')} tokens/s, ${((s * 1000) / docs.length).toFixed(2)} ms/article`,
  );
  process.exit(0);
}
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valued = new Set(['--model', '--baseline', '--types', '--articles']);
const file = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
if (!file) {
  console.error(
    'usage: npx tsx scripts/eval-ner.ts <conll-file> [--model FILE] [--baseline compromise] [--types PER,ORG,LOC] [--json]',
  );
  process.exit(2);
}

/** compromise's people/places/organizations over the space-joined tokens, mapped back to tokens. */
async function compromiseTagger(): Promise<SentenceTagger> {
  const nlp = (await import('compromise')).default;
  return (sentences) =>
    sentences.map((words) => {
      const starts: number[] = [];
      let text = '';
      for (const w of words) {
        starts.push(text.length);
        text += `${w} `;
      }
      const tags = words.map(() => 'O');
      const doc = nlp(text);
      const mark = (list: unknown[], type: string): void => {
        for (const m of list as Array<{ offset?: { start: number; length: number } }>) {
          if (!m.offset) continue;
          const s = m.offset.start;
          const e = s + m.offset.length;
          const idx = words.map((_, i) => i).filter((i) => starts[i] >= s && starts[i] < e && tags[i] === 'O');
          idx.forEach((i, k) => (tags[i] = `${k === 0 ? 'B' : 'I'}-${type}`));
        }
      };
      mark(doc.people().json({ offset: true }) as unknown[], 'PER');
      mark(doc.organizations().json({ offset: true }) as unknown[], 'ORG');
      mark(doc.places().json({ offset: true }) as unknown[], 'LOC');
      return tags;
    });
}

try {
  const baseline = opt('--baseline');
  if (baseline && baseline !== 'compromise')
    throw new Error(`Unknown baseline "${baseline}"; the only one is "compromise".`);
  const types = opt('--types')?.split(',') ?? (baseline ? ['PER', 'ORG', 'LOC'] : undefined);
  const r = await runNerEval(file, {
    model: opt('--model'),
    tagger: baseline ? await compromiseTagger() : undefined,
    types,
  });
  console.log(args.includes('--json') ? JSON.stringify(r, null, 2) : formatNerEval(r));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
