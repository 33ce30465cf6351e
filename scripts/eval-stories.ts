/**
 * Story clustering evaluation on ECB+ or DUC 2006 (format detected from the folder).
 *   npx tsx scripts/eval-stories.ts <path> [--json] [--recheck] [--limit N]
 *   npx tsx scripts/eval-stories.ts --texts <folder of .txt articles>   (prints the stories found)
 * Default path: $STORYLINE_DATA/stories/ecbplus (STORYLINE_DATA defaults to ../shared/data).
 */
import path from 'node:path';
import { clusterTextFolder, formatStoriesEval, runStoriesEval } from '../src/eval/stories.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const recheck = args.includes('--recheck');
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args[li + 1]) : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && !(li >= 0 && i === li + 1));
  const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
  if (args.includes('--texts')) {
    const stories = await clusterTextFolder(positional[0] ?? path.resolve(dataRoot, '../examples'));
    for (const [id, ids] of stories) console.log(`${id}: ${ids.join(', ')}`);
    return;
  }
  const dir = positional[0] ?? path.join(dataRoot, 'stories', 'ecbplus');
  const result = await runStoriesEval(dir, { recheck, limit });
  console.log(json ? JSON.stringify(result, null, 2) : formatStoriesEval(result));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
