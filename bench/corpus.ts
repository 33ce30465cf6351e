/** The real articles the benchmarks stream: DUC 2006, PolNeAR (train + dev) and ECB+ from the data folder. */
import { join } from 'node:path';
import type { Article } from '../src/model.js';
import { loadDuc, loadEcbPlus } from '../src/eval/stories.js';
import { loadPolnear } from '../src/eval/quotes.js';
import { makeArticle } from '../src/ingest/parse.js';

export async function loadCorpus(data: string): Promise<Array<{ corpus: string; article: Article }>> {
  const out: Array<{ corpus: string; article: Article }> = [];
  for (const g of await loadDuc(join(data, 'summaries/duc2006/docs')))
    out.push({ corpus: 'DUC 2006', article: g.article });
  for (const split of ['train', 'dev']) {
    for (const d of loadPolnear(join(data, 'quotes/polnear', split))) {
      out.push({ corpus: 'PolNeAR', article: makeArticle(d.text, { path: `polnear/${split}/${d.name}` }) });
    }
  }
  for (const g of await loadEcbPlus(join(data, 'stories/ecbplus'))) out.push({ corpus: 'ECB+', article: g.article });
  return out;
}
