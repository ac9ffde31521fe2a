import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { importRefiFile } from '../../coding/refi-qda/refi-import';
import type { FileDialogs } from '../file-dialogs';
import { ServiceError } from '../service-error';
import type { UserDataContext } from './user-data-context';

export type RefiImportService = Pick<CarrelServices, 'importRefiQda'>;

/** Imports a REFI-QDA project or codebook chosen in the shell's open dialog (refi-import.ts says how). */
/** `schemaDir`: the REFI-QDA schemas shipped with the app (resources/refi-qda; found from the code when not given). */
export function createRefiImportService(ctx: UserDataContext, deps: { dialogs?: FileDialogs; schemaDir?: string }): RefiImportService {
  return {
    async importRefiQda({ dryRun }) {
      if (!deps.dialogs) throw new ServiceError('unavailable', 'Importing needs the Carrel app window; use "npx carrel coding import".');
      const file = await deps.dialogs.chooseOpenFile({
        title: 'Import a REFI-QDA project or codebook',
        filters: [
          { name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qdc'] },
          { name: 'REFI-QDA project (ATLAS.ti, MAXQDA, NVivo, QualCoder…)', extensions: ['qdpx'] },
          { name: 'REFI-QDA codebook', extensions: ['qdc'] },
        ],
      });
      if (!file) return { status: 'cancelled' };
      return { status: 'imported', ...(await importRefiFile(ctx, file, dryRun ?? false, { schemaDir: deps.schemaDir })) };
    },
  };
}
