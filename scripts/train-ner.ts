import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConll } from '../src/entities/conll.js';
import { MODEL_FILE } from '../src/entities/model-store.js';
import { trainNer } from '../src/entities/train.js';

// Usage: npx tsx scripts/train-ner.ts [--data DIR] [--epochs N] [--out FILE] [--seed N]
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const dir = opt('--data') ?? path.join(dataRoot, 'ner/conll2003');
const epochs = Number(opt('--epochs') ?? 12);
const seed = Number(opt('--seed') ?? 13);
const prune = Number(opt('--prune') ?? 0.05);
const out = opt('--out') ?? path.resolve('models/ner', MODEL_FILE);

try {
  const t0 = Date.now();
  const docs = readConll(path.join(dir, 'eng.train'));
  const model = trainNer(docs, { epochs, seed, trainedOn: 'CoNLL-2003 eng.train', log: (l) => console.log(l) });
  const buf = model.serialize(prune);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, buf);
  console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
