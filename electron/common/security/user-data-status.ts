/** The state of the notes database, for the unlock prompt and the Security panel. */
export type UserDataStatus = {
  /** open: in use; locked: encrypted, waiting for the passphrase; unavailable: cannot be used (see message). */
  state: 'open' | 'locked' | 'unavailable';
  /** Whether the file is encrypted at rest (true while locked too). */
  encrypted: boolean;
  file: string | null;
  /** Why the notes cannot be used, when unavailable. */
  code?: string;
  message?: string;
  /** The OS keyring (where it is real) can keep the key so Carrel opens without asking; remembered: it does now. */
  remember?: { available: boolean; remembered: boolean };
};

/** The outcome of turning encryption on or off or changing the passphrase, in words for the user. */
export type EncryptionChangeResult = {
  status: UserDataStatus;
  message: string;
};

/** Shorter passphrases are refused (in the window before they are sent, and by main). */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MAX_PASSPHRASE_LENGTH = 1024;
