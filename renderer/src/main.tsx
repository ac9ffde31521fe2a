import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, element defaults and shared controls first: every feature's stylesheet comes after them.
import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/controls.css';
import { App } from './app/app';
import { COMMANDS } from './app/command-list';
import { CommandProvider } from './shared/commands/command-provider';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CommandProvider declarations={COMMANDS}>
      <App />
    </CommandProvider>
  </StrictMode>,
);
