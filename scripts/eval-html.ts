import { formatHtmlEval, runHtmlEval } from '../src/eval/html.js';

// Usage: npx tsx scripts/eval-html.ts [dir] [--json]   (default dir: test/fixtures/html)
const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/html';
try {
  const r = await runHtmlEval(dir);
  console.log(json ? JSON.stringify(r, null, 2) : formatHtmlEval(r));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
