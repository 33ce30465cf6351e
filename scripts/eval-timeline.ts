import path from 'node:path';
import { formatTimelineEval, runTimelineEval } from '../src/eval/timeline.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const errors = args.includes('--errors');
/** `--name=value` or `--name value`. */
function option(name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}
const labels = option('labels');
const values = new Set([labels].filter((v) => v !== undefined));
const dir =
  args.find((a) => !a.startsWith('--') && !values.has(a)) ??
  path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'summaries/duc2006/docs');
const result = await runTimelineEval(dir, { labels });
console.log(json ? JSON.stringify(result, null, 2) : formatTimelineEval(result, errors));
