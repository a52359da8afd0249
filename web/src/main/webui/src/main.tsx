import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startAuth, type ClientConfig } from './auth';
import { I18nProvider } from './i18n';
import './style.css';

async function boot() {
  const config = (await (await fetch('/config.json')).json()) as ClientConfig;
  try {
    await startAuth(config);
  } catch (failure) {
    // Keycloak unreachable: the public pages still work, logging in does not
    console.warn('login unavailable', failure);
  }
  createRoot(document.getElementById('root')!).render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  );
}

void boot();
