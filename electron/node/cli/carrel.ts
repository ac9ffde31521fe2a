import { corpusBuild, corpusEnsure } from './corpus-commands';
import { consoleOutput, type Output } from './output';

const USAGE = `Usage:
  carrel corpus build <sources-folder> --out <file.sqlite> [--title "…"]
  carrel corpus ensure <sources-folder> --out <file.sqlite>   (build only if missing or stale)`;

const COMMANDS: Record<string, (args: string[], out: Output) => number | Promise<number>> = {
  'corpus build': corpusBuild,
  'corpus ensure': corpusEnsure,
};

/** Entry point of the command line; returns the exit code. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  const command = COMMANDS[argv.slice(0, 2).join(' ')];
  if (!command) {
    out.error(USAGE);
    return 2;
  }
  try {
    return await command(argv.slice(2), out);
  } catch (error) {
    out.error(`carrel: ${(error as Error).message}`);
    return 1;
  }
}
