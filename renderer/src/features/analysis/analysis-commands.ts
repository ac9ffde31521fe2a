import type { CommandDeclaration } from '../../shared/commands/command-types';

export const ANALYSIS_COMMANDS: readonly CommandDeclaration[] = [
  { id: 'analysis.show', label: 'Corpus analysis: concordance and collocates', scope: 'app' },
];
