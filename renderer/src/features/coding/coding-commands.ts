import type { CommandDeclaration } from '../../shared/commands/command-types';

/** The codebook and matrix views (palette), and C: code the selection or the selected highlight. */
export const CODING_COMMANDS: readonly CommandDeclaration[] = [
  { id: 'coding.show-codebook', label: 'Codebook: the codes of qualitative coding', scope: 'app' },
  { id: 'coding.show-matrix', label: 'Code × document matrix and co-occurrence', scope: 'app' },
  { id: 'coding.code-selection', label: 'Code the selection (highlight it and apply codes)', scope: 'selection', shortcuts: ['C'] },
  { id: 'coding.code-highlight', label: 'Apply codes to the selected highlight', scope: 'reader', shortcuts: ['C'] },
];
