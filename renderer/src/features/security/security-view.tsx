import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { SecurityStatus } from '@common/security/security-status';
import { counted } from '../../shared/counted';
import { ErrorPanel } from '../../shared/error-panel';
import { useApiQuery } from '../../shared/data/use-api-query';
import { DeletedItemsSettings } from './deleted-items-settings';
import { EncryptionSettings } from './encryption-settings';
import './security.css';

function CorpusFacts({ status }: { status: SecurityStatus }) {
  if (!status.corpus) return <dd>{status.corpusProblem ?? 'No corpus is open.'}</dd>;
  const { corpus } = status;
  return (
    <dd>
      <p className={corpus.manifestIntact ? 'fact-good' : 'fact-bad'} data-fact="manifest">
        {corpus.manifestIntact
          ? `Intact: all ${corpus.documentsChecked} documents match the manifest written when the corpus was built.`
          : `Changed since it was built: ${counted(corpus.mismatchedDocuments.length, 'document', 'documents')} no longer ${corpus.mismatchedDocuments.length === 1 ? 'matches' : 'match'} the manifest (${corpus.mismatchedDocuments.join(', ')}).`}
      </p>
      <p className="fact-detail">
        <span className="fact-label">File</span> <code dir="ltr">{corpus.file}</code>
      </p>
      <p className="fact-detail">
        <span className="fact-label">SHA-256</span> <code dir="ltr" data-fact="corpus-sha256">{corpus.fileSha256}</code>
      </p>
    </dd>
  );
}

/** The Security view: what a user can check about the air gap and their data, in plain words. */
export function SecurityView({ backups }: { backups?: ReactNode } = {}) {
  // Bumped after an encryption change, so the facts are read again from main (the truth), not assumed.
  const [changes, setChanges] = useState<{ count: number; message?: string }>({ count: 0 });
  const status = useApiQuery('getSecurityStatus', undefined).state;
  const client = useQueryClient();
  const changed = (message: string) => {
    setChanges((c) => ({ count: c.count + 1, message }));
    // Read again from main (the truth), showing “Checking…” meanwhile as on first opening.
    for (const method of ['getSecurityStatus', 'getUserDataStatus'] as const) void client.resetQueries({ queryKey: [method] });
  };
  if (status.status === 'loading') return <p className="status">Checking…</p>;
  if (status.status === 'error') return <ErrorPanel title="The security status cannot be read" error={status.error} />;
  const { value } = status;
  return (
    <section className="about" aria-labelledby="about-title">
      <h1 id="about-title" className="section-title">
        About Carrel · Security
      </h1>
      <p className="about-version" data-fact="version">
        Carrel {__CARREL_VERSION__}
      </p>
      <dl className="facts">
        <dt>Network</dt>
        <dd>
          <p className={value.blockedRequests === 0 ? 'fact-good' : 'fact-bad'} data-fact="blocked">
            Offline. Carrel makes no network requests; every request that is not for its own files is refused.
            Refused so far: {value.blockedRequests}.
          </p>
        </dd>
        <dt>Corpus</dt>
        <CorpusFacts status={value} />
        <dt>Your notes</dt>
        <dd>
          <p className="fact-detail">
            <span className="fact-label">Database</span>{' '}
            <code dir="ltr" data-fact="user-db">{value.userDatabase.file ?? 'not available'}</code>
          </p>
          <p data-fact="encryption" className={value.userDatabase.encrypted ? 'fact-good' : undefined}>
            {value.userDatabase.encrypted
              ? `Encrypted at rest with your passphrase (ChaCha20-Poly1305, key derived with scrypt)${value.userDatabase.locked ? '; locked until you enter it' : ''}.`
              : 'Not encrypted by Carrel: protect it with a passphrase below, or with the disk or account encryption of this machine.'}
          </p>
          {changes.message && (
            <p className="encryption-message" role="status">
              {changes.message}
            </p>
          )}
          <EncryptionSettings database={value.userDatabase} onChanged={changed} />
        </dd>
        <dt>Deleted items</dt>
        <dd>
          <DeletedItemsSettings available={Boolean(value.userDatabase.file) && !value.userDatabase.locked} />
        </dd>
        {backups && value.userDatabase.file && !value.userDatabase.locked && (
          <>
            <dt>Backups</dt>
            <dd>{backups}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
