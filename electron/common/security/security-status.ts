/** What the About / Security panel shows: facts the user can check, not claims. */
export type SecurityStatus = {
  /** Requests the shell cancelled since start (anything not the app's own files): 0 expected. */
  blockedRequests: number;
  corpus: {
    file: string;
    /** SHA-256 of the corpus file's bytes. */
    fileSha256: string;
    /** Whether every document still matches the manifest written at build time. */
    manifestIntact: boolean;
    documentsChecked: number;
    mismatchedDocuments: string[];
  } | null;
  /** Why the corpus could not be checked, when it could not. */
  corpusProblem?: string;
  /** Where the notes live; encrypted and locked as the open store (or the locked file) says. */
  userDatabase: { file: string | null; encrypted: boolean; locked: boolean };
};
