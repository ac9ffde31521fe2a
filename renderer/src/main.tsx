import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/app.css';
import './styles/notes.css';
import './styles/corpora.css';
import './styles/encryption.css';
import './styles/recovery.css';
import './styles/save-problems.css';
import './styles/deleted-items.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
