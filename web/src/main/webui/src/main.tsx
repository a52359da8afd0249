import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startAuth, type ClientConfig } from './auth';
import { I18nProvider } from './i18n';
import './style.css';

async function boot() {
  const config = (await (await fetch('/config.json')).json()) as ClientConfig;
  // Keycloak slow or unreachable: after a few seconds the public pages show anyway, logged out
  const giveUp = new Promise<void>((resolve) => window.setTimeout(resolve, 6000));
  try {
    await Promise.race([startAuth(config), giveUp]);
  } catch (failure) {
    console.warn('login unavailable', failure);
  }
  createRoot(document.getElementById('root')!).render(
    <I18nProvider>
      <App />
    </I18nProvider>,
  );
}

void boot();
