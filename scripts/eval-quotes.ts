import path from 'node:path';
import { formatQuotesEval, runQuotesEval } from '../src/eval/quotes.js';

// Usage: npx tsx scripts/eval-quotes.ts [polnear-split-dir] [--json] [--limit N] [--no-entities]
const args = process.argv.slice(2);
const json = args.includes('--json');
const li = args.indexOf('--limit');
const limit = li >= 0 ? Number(args[li + 1]) : undefined;
const dir =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit') ??
  path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'quotes/polnear/dev');
try {
  const r = await runQuotesEval(dir, { ...(limit ? { limit } : {}), entities: !args.includes('--no-entities') });
  console.log(json ? JSON.stringify(r, null, 2) : formatQuotesEval(r));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
