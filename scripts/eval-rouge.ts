import path from 'node:path';
import { runRougeEval, formatRougeEval } from '../src/eval/rouge.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir =
  args.find((a) => !a.startsWith('--')) ??
  path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'summaries/duc2006');
const result = await runRougeEval(dir);
console.log(json ? JSON.stringify(result, null, 2) : formatRougeEval(result));
