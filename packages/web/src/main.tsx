import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './lib/i18n';
import './styles.css';
import { AppRoot } from './app/app-root';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// English readers wait for their catalog rather than seeing the Chinese text flash first.
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(container).render(
      <StrictMode>
        <AppRoot />
      </StrictMode>,
    ),
  );
