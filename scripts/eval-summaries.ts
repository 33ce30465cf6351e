import path from 'node:path';
import { runSummariesEval, formatSummariesEval } from '../src/eval/summaries.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const noQuery = args.includes('--no-query');
const noCompare = args.includes('--no-compare');
/** `--name=value` or `--name value`. */
function option(name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}
const limit = option('limit');
const words = option('words');
const values = new Set([limit, words].filter((v) => v !== undefined));
const dir =
  args.find((a) => !a.startsWith('--') && !values.has(a)) ??
  path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'summaries/duc2006');
const result = await runSummariesEval(dir, {
  useQuery: !noQuery,
  compare: !noCompare,
  words: words !== undefined ? Number(words) : undefined,
  limit: limit !== undefined ? Number(limit) : undefined,
});
console.log(json ? JSON.stringify(result, null, 2) : formatSummariesEval(result));
