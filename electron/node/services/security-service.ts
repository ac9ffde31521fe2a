import fs from 'node:fs';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { SecurityStatus } from '../../common/security/security-status';
import type { UserDataStatus } from '../../common/security/user-data-status';
import { verifyCorpusFile } from '../corpus/corpus-manifest';
import { sha256Hex } from '../corpus/sha256';

export type SecurityServiceConfig = {
  /** The corpus file open now (it changes when the user opens another). */
  corpusFile: () => string;
  userDbFile?: string;
  nativeBinding?: string;
  /** Count of requests the shell (or the test harness) refused. */
  blockedRequests: () => number;
  /** The notes database as it is now (encrypted, locked); without it: not encrypted, as far as this service knows. */
  userDataStatus?: () => UserDataStatus;
};

/** Whether the notes are encrypted comes from the open store (or the locked file), never from a setting. */
function userDatabaseFacts(config: SecurityServiceConfig): SecurityStatus['userDatabase'] {
  const status = config.userDataStatus?.();
  return { file: config.userDbFile ?? null, encrypted: status?.encrypted ?? false, locked: status?.state === 'locked' };
}

/** The About / Security panel's facts, computed when asked (hashing is not on the start-up path). */
export function createSecurityService(config: SecurityServiceConfig): Pick<CarrelServices, 'getSecurityStatus'> {
  return {
    getSecurityStatus(): SecurityStatus {
      let corpus: SecurityStatus['corpus'] = null;
      let corpusProblem: string | undefined;
      const corpusFile = config.corpusFile();
      try {
        const check = verifyCorpusFile(corpusFile, { nativeBinding: config.nativeBinding });
        corpus = {
          file: corpusFile,
          fileSha256: sha256Hex(fs.readFileSync(corpusFile)),
          manifestIntact: check.ok,
          documentsChecked: check.documentCount.actual,
          mismatchedDocuments: check.mismatched.map((m) => m.id),
        };
      } catch (error) {
        corpusProblem = `The corpus file could not be checked: ${(error as Error).message}`;
      }
      return {
        blockedRequests: config.blockedRequests(),
        corpus,
        ...(corpusProblem ? { corpusProblem } : {}),
        userDatabase: userDatabaseFacts(config),
      };
    },
  };
}
