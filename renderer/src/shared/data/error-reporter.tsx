import { createContext, useContext, type ReactNode } from 'react';

/** Says a failure where no view shows it inline: the app's toast area (UndoProvider provides it). */
export type ReportError = (text: string) => void;

const ErrorReporterContext = createContext<ReportError | null>(null);

export function ErrorReporterProvider({ report, children }: { report: ReportError; children: ReactNode }) {
  return <ErrorReporterContext.Provider value={report}>{children}</ErrorReporterContext.Provider>;
}

/** The one way a failure reaches the user when it is not shown where the action was. */
export function useReportError(): ReportError {
  const report = useContext(ErrorReporterContext);
  if (!report) throw new Error('useReportError needs an ErrorReporterProvider (the UndoProvider) above it.');
  return report;
}
