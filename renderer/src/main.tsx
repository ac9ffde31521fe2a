import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { COMMANDS } from './app/command-list';
import { CommandProvider } from './shared/commands/command-provider';
import './styles/app.css';
import './styles/notes.css';
import './styles/corpora.css';
import './styles/encryption.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CommandProvider declarations={COMMANDS}>
      <App />
    </CommandProvider>
  </StrictMode>,
);
