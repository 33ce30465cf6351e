import path from 'node:path';
import { formatQuotesEval, runQuotesEval, type ErrorListing } from '../src/eval/quotes.js';

// Usage: npx tsx scripts/eval-quotes.ts [polnear-split-dir] [--json] [--limit N] [--skip N] [--no-entities]
//          [--errors source|cue|content|speaker] [--no-speed]
// --errors lists missed and spurious spans of one role (exact match, all attributions), or the direct quotes
// whose speaker is wrong; look at them on the train split, report numbers on dev.
const args = process.argv.slice(2);
const json = args.includes('--json');
const valueOf = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = valueOf('--limit') ? Number(valueOf('--limit')) : undefined;
const errors = valueOf('--errors');
if (errors !== undefined && !['source', 'cue', 'content', 'speaker'].includes(errors)) {
  console.error('--errors takes one of: source, cue, content, speaker');
  process.exit(1);
}
const dir =
  args.find(
    (a, i) =>
      !a.startsWith('--') &&
      args[i - 1] !== '--limit' &&
      args[i - 1] !== '--errors' &&
      args[i - 1] !== '--attribution' &&
      args[i - 1] !== '--skip',
  ) ?? path.join(process.env.STORYLINE_DATA ?? path.resolve('../shared/data'), 'quotes/polnear/dev');
try {
  const r = await runQuotesEval(dir, {
    ...(limit ? { limit } : {}),
    ...(valueOf('--skip') ? { skip: Number(valueOf('--skip')) } : {}),
    entities: !args.includes('--no-entities'),
    ...(errors ? { errors: errors as ErrorListing } : {}),
    ...(args.includes('--no-speed') ? { speedPasses: 0 } : {}),
    ...(valueOf('--attribution') ? { attribution: valueOf('--attribution') as 'rules' | 'model' | 'both' } : {}),
  });
  console.log(json ? JSON.stringify(r, null, 2) : formatQuotesEval(r));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
