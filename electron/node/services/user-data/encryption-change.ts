import { changeEncryption, type BackupsOutcome } from '../../user-store/encryption/change-encryption';
import type { FileKey } from '../../user-store/encryption/convert-file';
import { fileKind, fileSalt } from '../../user-store/encryption/file-kind';
import { ServiceError } from '../service-error';
import type { UserDataContext } from './user-data-context';

/** Closes the store, converts the file and its backups, and reopens with whichever key the file has afterwards. */
export function changeNotesEncryption(context: UserDataContext, file: string, from: FileKey, to: FileKey, now: Date): BackupsOutcome {
  context.closeForChange();
  try {
    return changeEncryption(file, from, to, { nativeBinding: context.nativeBinding, now }).backups;
  } catch (error) {
    throw new ServiceError('encryption-failed', `The change could not be completed, and your notes were left as they were (${(error as Error).message}).`);
  } finally {
    const converted = fileKind(file) === 'encrypted' ? (to && fileSalt(file).equals(to.salt) ? to : from) : null;
    context.open(converted ?? undefined);
  }
}

/** What a change did to the backups, in words; `done` is what happened to those converted. */
export function backupsSentence({ converted, deleted, untouched, leftovers }: BackupsOutcome, done: string): string {
  const parts = [`A copy was kept in backups/ before the change; ${converted} backup${converted === 1 ? ' was' : 's were'} ${done} too.`];
  if (deleted) parts.push(`${deleted} backup${deleted === 1 ? '' : 's'} that could not be encrypted ${deleted === 1 ? 'was' : 'were'} deleted, so that no readable copy remains.`);
  if (leftovers) {
    parts.push(`${leftovers} unfinished ${leftovers === 1 ? 'copy' : 'copies'} left by an interrupted backup or change ${leftovers === 1 ? 'was' : 'were'} deleted.`);
  }
  if (untouched) parts.push(`${untouched} older backup${untouched === 1 ? ' is' : 's are'} still encrypted with an earlier passphrase.`);
  return parts.join(' ');
}
