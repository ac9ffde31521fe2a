import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Deletion } from '@common/notes/notes-types';
import { callApi } from '../data/call-api';
import { useCommands } from '../commands/command-provider';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorReporterProvider } from '../data/error-reporter';
import { invalidate } from '../data/use-api-mutation';
import { USER_DATA_QUERIES } from '../data/user-data-queries';
import { UndoToast } from './undo-toast';

type UndoApi = {
  /** Remember a deletion so Ctrl+Z or the toast can bring it back. */
  recordDeletion(deletion: Deletion): void;
  /** Forget every deletion: they were erased for good (“Empty deleted items now”). */
  forgetDeletions(): void;
};

const UndoContext = createContext<UndoApi | null>(null);

/** How long the toast stays; the deletion stays undoable by Ctrl+Z afterwards. */
const TOAST_MS = 10_000;

/** `subject` (a quote, a note's start) follows the text in its own direction, isolated from it. */
export type UndoMessage = { text: string; subject?: string; tone: 'deleted' | 'restored' | 'error' };

/**
 * Deletes are soft in the user database; this keeps a stack of them for the session and
 * offers the most recent one back: an "Undo" toast, and Ctrl+Z (Cmd+Z) outside text fields,
 * where the field's own undo applies.
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const stack = useRef<Deletion[]>([]);
  const [message, setMessage] = useState<(UndoMessage & { deletion?: Deletion; key: number }) | null>(null);
  const timer = useRef<number>(undefined);
  const client = useQueryClient();
  // A delete or an undo can change any list of user data (the notebook, tags, reviews…).
  const refresh = useCallback(() => void invalidate(client, USER_DATA_QUERIES), [client]);

  const show = useCallback((next: UndoMessage & { deletion?: Deletion }) => {
    window.clearTimeout(timer.current);
    setMessage({ ...next, key: Date.now() });
    // A failure stays until dismissed or replaced: it may say what to do.
    if (next.tone !== 'error') timer.current = window.setTimeout(() => setMessage(null), TOAST_MS);
  }, []);

  const recordDeletion = useCallback(
    (deletion: Deletion) => {
      stack.current.push(deletion);
      refresh();
      show({ text: 'Deleted: ', subject: deletion.summary || deletion.kind, tone: 'deleted', deletion });
    },
    [show, refresh],
  );

  const undo = useCallback(
    async (deletion?: Deletion) => {
      const target = deletion ?? stack.current.at(-1);
      if (!target) {
        show({ text: 'Nothing to undo.', tone: 'restored' });
        return;
      }
      const result = await callApi('undoDeletion', { deletionId: target.deletionId });
      if (!result.ok) {
        // Past the undo window (erased for good): Ctrl+Z moves on to earlier deletes, which went the same way.
        if (result.error.code === 'not-found') stack.current = stack.current.filter((d) => d.deletionId !== target.deletionId);
        show({ text: `Could not undo: ${result.error.message}`, tone: 'error' });
        return;
      }
      stack.current = stack.current.filter((d) => d.deletionId !== target.deletionId);
      refresh();
      show({ text: 'Restored: ', subject: target.summary || target.kind, tone: 'restored' });
    },
    [show, refresh],
  );

  useCommands({ 'undo.delete': { run: () => void undo() } });

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const forgetDeletions = useCallback(() => {
    stack.current = [];
    setMessage((current) => (current?.deletion ? null : current));
  }, []);

  const value = useMemo(() => ({ recordDeletion, forgetDeletions }), [recordDeletion, forgetDeletions]);
  // The toast area is also where a failure is said when no view shows it where the action was.
  const reportError = useCallback((text: string) => show({ text, tone: 'error' }), [show]);
  return (
    <UndoContext.Provider value={value}>
      <ErrorReporterProvider report={reportError}>{children}</ErrorReporterProvider>
      <UndoToast
        message={message}
        onUndo={message?.deletion ? () => void undo(message.deletion) : undefined}
        onDismiss={() => setMessage(null)}
      />
    </UndoContext.Provider>
  );
}

export function useUndo(): UndoApi {
  const context = useContext(UndoContext);
  if (!context) throw new Error('useUndo needs an UndoProvider above it.');
  return context;
}
