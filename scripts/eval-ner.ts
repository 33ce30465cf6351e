import { formatNerEval, runNerEval } from '../src/eval/ner.js';

// Usage: npx tsx scripts/eval-ner.ts <conll-file> [--model FILE] [--json]
const args = process.argv.slice(2);
const json = args.includes('--json');
const mi = args.indexOf('--model');
const model = mi >= 0 ? args[mi + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (mi < 0 || i !== mi + 1));
if (!file) {
  console.error('usage: npx tsx scripts/eval-ner.ts <conll-file> [--model FILE] [--json]');
  process.exit(2);
}
try {
  const r = await runNerEval(file, { model });
  console.log(json ? JSON.stringify(r, null, 2) : formatNerEval(r));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
