import type { IpcError } from '@common/result';
import './error-panel.css';

const HINTS: Record<string, string> = {
  'corpus-missing': 'Build the bundled corpus with “npm run corpus:build”, or start Carrel with “npm start”, which builds it when needed.',
  'corpus-invalid': 'The file may be damaged. Open another corpus, or build it again from its folder, in Corpora.',
};

/** A failure shown in the window, in words, with what to do next where we know it. */
export function ErrorPanel({ title, error }: { title: string; error: IpcError }) {
  const hint = HINTS[error.code];
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{title}</h2>
      <p>{error.message}</p>
      {hint && <p className="error-hint">{hint}</p>}
    </section>
  );
}
