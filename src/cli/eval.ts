import type { Command } from 'commander';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** One evaluation: runs over a path, prints a table or JSON. Modules load only when their command runs. */
interface EvalSpec {
  name: string;
  description: string;
  argument: string;
  variadic?: boolean;
  options?: Array<[flags: string, description: string]>;
  run: (paths: string[], opts: Record<string, unknown>) => Promise<{ table: string; json: unknown }>;
}

const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));

const EVALS: EvalSpec[] = [
  {
    name: 'ner',
    description: 'named entities on a CoNLL file (precision/recall/F1 per type, tokens/s)',
    argument: '<conll-file>',
    run: async ([file]) => {
      const m = await import('../eval/ner.js');
      const r = await m.runNerEval(file);
      return { table: m.formatNerEval(r), json: r };
    },
  },
  {
    name: 'syntax',
    description:
      'tokens, sentences, part of speech, lemmas and dependencies on a CoNLL-U treebank (CoNLL 2018 scores, speed)',
    argument: '<conllu-file>',
    options: [
      ['--gold-tokens', 'use the treebank tokens and sentences instead of reading the raw text'],
      ['--limit <n>', 'only the first n sentences'],
    ],
    run: async ([file], opts) => {
      const m = await import('../eval/syntax.js');
      const r = m.runSyntaxEval(file, { goldTokens: opts.goldTokens === true, limit: num(opts.limit) });
      return { table: m.formatSyntaxEval(r), json: r };
    },
  },
  {
    name: 'quotes',
    description: 'quote attribution on a PolNeAR split (source, cue, content; speaker accuracy)',
    argument: '<polnear-dir>',
    options: [['--limit <n>', 'only the first n articles']],
    run: async ([dir], opts) => {
      const m = await import('../eval/quotes.js');
      const r = await m.runQuotesEval(dir, { limit: num(opts.limit) });
      return { table: m.formatQuotesEval(r), json: r };
    },
  },
  {
    name: 'quotes-duc',
    description:
      'quote attribution on hand-labelled DUC 2006 articles (AP, NYT, Xinhua): quote P/R/F1, speaker and kind accuracy',
    argument: '<duc-docs-dir>',
    options: [
      ['--labels <file>', 'labels file (default labels/quotes/duc2006.jsonl in the package)'],
      ['--errors', 'list missed, spurious and wrong-speaker quotes with context'],
    ],
    run: async ([dir], opts) => {
      const m = await import('../eval/quotes-labelled.js');
      const r = await m.runLabelledQuotesEval(dir, {
        labels: typeof opts.labels === 'string' ? opts.labels : undefined,
        errors: opts.errors === true,
      });
      return { table: m.formatLabelledQuotesEval(r), json: r };
    },
  },
  {
    name: 'claims',
    description:
      'outlet comparison on hand-labelled DUC 2006 report pairs: conflict recall and precision, agreements flagged, updates, per value type',
    argument: '<duc-docs-dir>',
    options: [
      ['--labels <path>', 'labels file or folder (default: every file in labels/claims in the package)'],
      ['--split <name>', 'dev, test or all (default all)'],
      ['--errors', 'list missed and false conflicts with context'],
    ],
    run: async ([dir], opts) => {
      const m = await import('../eval/claims-labelled.js');
      const split = opts.split === 'dev' || opts.split === 'test' ? opts.split : 'all';
      const r = await m.runClaimsEval(dir, {
        labels: typeof opts.labels === 'string' ? opts.labels : undefined,
        split,
        errors: opts.errors === true,
      });
      return { table: m.formatClaimsEval(r), json: r };
    },
  },
  {
    name: 'timeline',
    description:
      'story timeline on hand-labelled time expressions (demo + DUC 2006): event dates correct, background precision and recall, copies listed twice',
    argument: '<duc-docs-dir>',
    options: [
      ['--labels <path>', 'labels file or folder (default: every file in labels/timeline in the package)'],
      ['--errors', 'list the labels the timeline gets wrong'],
    ],
    run: async ([dir], opts) => {
      const m = await import('../eval/timeline.js');
      const r = await m.runTimelineEval(dir, { labels: typeof opts.labels === 'string' ? opts.labels : undefined });
      return { table: m.formatTimelineEval(r, opts.errors === true), json: r };
    },
  },
  {
    name: 'time',
    description: 'time expressions on TimeML folders (TempEval-3 extent, type and value scores)',
    argument: '<tml-dirs...>',
    variadic: true,
    options: [['--limit <n>', 'only the first n documents']],
    run: async (dirs, opts) => {
      const m = await import('../eval/time.js');
      const r = await m.runTimeEval(dirs, { limit: num(opts.limit) });
      return { table: m.formatTimeEval(r), json: r };
    },
  },
  {
    name: 'stories',
    description: 'story clustering on ECB+ or DUC 2006 (B-cubed and pairwise P/R/F1)',
    argument: '<dir>',
    options: [['--limit <n>', 'only the first n articles']],
    run: async ([dir], opts) => {
      const m = await import('../eval/stories.js');
      const r = await m.runStoriesEval(dir, { limit: num(opts.limit) });
      return { table: m.formatStoriesEval(r), json: r };
    },
  },
  {
    name: 'rouge',
    description: "the ROUGE-1.5.5 port against NIST's official DUC 2006 averages",
    argument: '<duc2006-dir>',
    run: async ([dir]) => {
      const m = await import('../eval/rouge.js');
      const r = await m.runRougeEval(dir);
      return { table: m.formatRougeEval(r), json: r };
    },
  },
  {
    name: 'summaries',
    description: 'the summariser and baselines on every DUC 2006 cluster (jackknifed ROUGE-2, SU4; 250 words)',
    argument: '<duc2006-dir>',
    options: [
      ['--words <n>', 'summary length in words and ROUGE -l (default 250; e.g. 100)'],
      ['--limit <n>', 'only the first n clusters'],
      ['--no-query', 'ignore the topic statements (only the systems that do not use them)'],
      ['--no-compare', 'skip timing the outlet comparison'],
    ],
    run: async ([dir], opts) => {
      const m = await import('../eval/summaries.js');
      const r = await m.runSummariesEval(dir, {
        words: num(opts.words),
        limit: num(opts.limit),
        useQuery: opts.query !== false,
        compare: opts.compare !== false,
      });
      return { table: m.formatSummariesEval(r), json: r };
    },
  },
  {
    name: 'html',
    description: 'main-text extraction on saved pages with expected text (token F1, metadata accuracy)',
    argument: '<fixtures-dir>',
    run: async ([dir]) => {
      const m = await import('../eval/html.js');
      const r = await m.runHtmlEval(dir);
      return { table: m.formatHtmlEval(r), json: r };
    },
  },
];

/** `storyline eval …`: the project's own quality measurements over labelled data. */
export function registerEval(program: Command, io: Io): void {
  const evalCmd = program
    .command('eval')
    .description('measure quality on labelled data sets (data is read from the paths given, never bundled)');
  for (const spec of EVALS) {
    const cmd = evalCmd
      .command(spec.name)
      .description(spec.description)
      .argument(spec.argument)
      .option('--json', 'print JSON');
    for (const [flags, description] of spec.options ?? []) cmd.option(flags, description);
    cmd.action(async (arg: string | string[], opts: Record<string, unknown>) => {
      const paths = Array.isArray(arg) ? arg : [arg];
      const r = await spec.run(paths, opts);
      io.out(opts.json ? JSON.stringify(r.json, null, 2) : r.table);
    });
  }
}
