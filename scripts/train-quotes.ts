import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPolnear } from '../src/eval/quotes.js';
import { annotateEntities } from '../src/entities/index.js';
import { trainAttributionModel, type TrainingArticle } from '../src/quotes/learned/train.js';
import { ATTRIBUTION_MODEL_FILE } from '../src/quotes/learned/model.js';
import { annotateText } from '../src/text/annotate.js';
import { annotateSyntax } from '../src/text/parse.js';

/**
 * Rebuilds the attribution model (cue classifier, source and content rankers) from PolNeAR train, read
 * through the same language layer and entity stage the product runs. Dev is never read here.
 *
 * Usage: npx tsx scripts/train-quotes.ts [--data DIR] [--out DIR] [--epochs N] [--limit N]
 */
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const dir = opt('--data') ?? path.join(dataRoot, 'quotes/polnear/train');
const outDir = opt('--out') ?? path.resolve('models/quotes');
const epochs = Number(opt('--epochs') ?? 8);
const SEED = 1;

try {
  const t0 = Date.now();
  const docs = loadPolnear(dir, Number(opt('--limit') ?? Infinity));
  const articles: TrainingArticle[] = docs.map((d) => {
    let doc = annotateSyntax(annotateText({ id: d.name, text: d.text, publishedInferred: false }));
    doc = annotateEntities(doc);
    return { doc, gold: d.attributions };
  });
  console.log(`${articles.length} articles read and parsed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const model = trainAttributionModel(articles, {
    epochs,
    seed: SEED,
    progress: (e, m) =>
      console.log(
        e === 0
          ? `${m.cue} gold cue heads have a part of speech the cue model never scores`
          : `epoch ${e}: mistakes cue ${m.cue}, source ${m.source}, content ${m.content}`,
      ),
  });
  mkdirSync(outDir, { recursive: true });
  const buf = model.serialize();
  writeFileSync(path.join(outDir, ATTRIBUTION_MODEL_FILE), buf);
  console.log(
    `wrote ${path.join(outDir, ATTRIBUTION_MODEL_FILE)} (${(buf.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
