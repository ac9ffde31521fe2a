/** What a REFI-QDA import (a .qdpx project or a .qdc codebook) did, or would do in a dry run. */
export type RefiImportReport = {
  file: string;
  kind: 'project' | 'codebook';
  dryRun: boolean;
  codes: {
    /** New codes in the codebook. */
    added: number;
    /** Codes already here (the same GUID, or the same names from the top of the tree): kept as they are, an empty colour, description or memo filled in. */
    matched: number;
    skipped: { name: string; reason: string }[];
  };
  sources: {
    /** Sources whose text is the text of a document of the open corpus. */
    matched: { name: string; documentId: string; title: string }[];
    /** Sources that match no document (or are not text), with the coded selections left out with them. */
    unmatched: { name: string; reason: string; selections: number }[];
  };
  passages: {
    /** Coded selections that became new highlights. */
    added: number;
    /** Selections already here as a highlight (the same GUID, or the same document and place). */
    matched: number;
    /** Codes applied to highlights (new or already here). */
    codingsAdded: number;
    /** Selections, or codings of one, that could not be placed, with why. */
    problems: { source: string; name: string; reason: string }[];
  };
  /** Parts of the project Carrel does not keep (cases, variables, notes not on a code…). */
  ignored: string[];
  /** One sentence, for the window and the command line. */
  summary: string;
};

export type RefiImportResult = ({ status: 'imported' } & RefiImportReport) | { status: 'cancelled' };
