import type { Command } from 'commander';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `storyline eval …`: the project's own quality measurements over labelled data. */
export function registerEval(program: Command, io: Io): void {
  const evalCmd = program.command('eval').description('measure quality on labelled data sets');
  void evalCmd;
  void io;
}
