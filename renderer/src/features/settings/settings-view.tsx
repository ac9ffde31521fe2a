import { ReadingSettingsPanel } from './reading-settings-panel';

/** The Settings view: how Carrel looks and how documents are set. */
export function SettingsView() {
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title" className="section-title">
        Reading settings
      </h1>
      <p className="status">Kept on this computer and used every time Carrel opens, for every corpus.</p>
      <ReadingSettingsPanel />
    </section>
  );
}
