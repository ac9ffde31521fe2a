import { useCallback, useState } from 'react';
import { callApi } from '../shared/data/call-api';
import { failureText } from '../shared/data/use-api-mutation';
import { useReportError } from '../shared/data/error-reporter';

/**
 * Saves the document shown as PDF through the print stylesheet (the app: a file dialog and
 * Electron's printToPDF). Without the app's window, the browser's own print dialog opens.
 */
export function usePrint() {
  const reportError = useReportError();
  const [saved, setSaved] = useState<string>();
  const print = useCallback(
    async (title: string) => {
      // A long document draws only a window of itself: "beforeprint" has the reader draw all of
      // it (printToPDF lays the page out for paper without that event), "afterprint" the window again.
      window.dispatchEvent(new Event('beforeprint'));
      const result = await callApi('saveAsPdf', { title });
      window.dispatchEvent(new Event('afterprint'));
      if (result.ok) return setSaved(result.value.saved ? `Saved as ${result.value.file}` : undefined);
      if (result.error.code === 'unavailable') return window.print();
      // The service's own failures already begin "The PDF was not saved: …" and say why in words.
      reportError(result.error.code === 'internal' ? failureText('The PDF was not saved', result.error) : result.error.message);
    },
    [reportError],
  );
  return { print, saved };
}
