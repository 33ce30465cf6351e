import path from 'node:path';
import { runSummariesEval, formatSummariesEval } from '../src/eval/summaries.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const noQuery = args.includes('--no-query');
const limitArg = args.find((a) => a.startsWith('--limit='));
const dir =
  args.find((a) => !a.startsWith('--')) ??
  path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'summaries/duc2006');
const result = await runSummariesEval(dir, {
  useQuery: !noQuery,
  limit: limitArg ? Number(limitArg.slice('--limit='.length)) : undefined,
});
console.log(json ? JSON.stringify(result, null, 2) : formatSummariesEval(result));
