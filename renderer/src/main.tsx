import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, element defaults and shared controls first: every feature's stylesheet comes after them.
import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/controls.css';
import { App } from './app/app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
