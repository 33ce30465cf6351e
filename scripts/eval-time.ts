/**
 * TempEval-3 task A evaluation:
 * `npx tsx scripts/eval-time.ts [dir...] [--json] [--errors] [--limit N] [--chrono] [--storyline-convention]`.
 */
import path from 'node:path';
import { formatTimeEval, runTimeEval } from '../src/eval/time.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const showErrors = args.includes('--errors');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : undefined;
const dirs = args.filter((a, i) => !a.startsWith('--') && !(limitAt >= 0 && i === limitAt + 1));
if (dirs.length === 0) {
  const root = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
  dirs.push(path.join(root, 'time/timebank'), path.join(root, 'time/aquaint'));
}
const result = await runTimeEval(dirs, {
  limit,
  errors: showErrors,
  system: args.includes('--chrono') ? 'chrono' : 'storyline',
  convention: args.includes('--storyline-convention') ? 'storyline' : 'timeml',
});
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  if (showErrors)
    for (const e of result.errors ?? []) console.log(`${e.kind}\t${e.doc}\t${e.gold ?? ''}\t${e.predicted ?? ''}`);
  console.log(formatTimeEval(result));
}
