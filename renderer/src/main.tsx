import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, element defaults and shared controls first: every feature's stylesheet comes after them.
import './shared/styles/tokens.css';
import './shared/styles/fonts.css';
import './shared/styles/base.css';
import './shared/styles/controls.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { COMMANDS } from './app/command-list';
import { CommandProvider } from './shared/commands/command-provider';
import { createQueryClient } from './shared/data/query-client';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CommandProvider declarations={COMMANDS}>
        <App />
      </CommandProvider>
    </QueryClientProvider>
  </StrictMode>,
);
