/** Where commands write; a seam so tests can capture what a user would see. */
export type Output = {
  log(line: string): void;
  error(line: string): void;
  /** A transient status line (rewritten in place on a terminal). */
  progress(line: string): void;
};

export const consoleOutput: Output = {
  log: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  },
};
