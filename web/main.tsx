// Entry point: read /app/config.json (API URL, sign-in kind) and the first
// language's catalogue, then draw the app.
import './styles.css';
import { render } from 'preact';
import { setApiBase } from './api/client.ts';
import { App } from './app.tsx';
import { loadConfig } from './auth/config.ts';
import { initialLocale, showLocale } from './i18n/use-language.ts';

const root = document.getElementById('app');
if (root) {
  Promise.all([loadConfig(), showLocale(initialLocale())]).then(
    ([config]) => {
      setApiBase(config.apiUrl);
      render(<App />, root);
    },
    (error: unknown) =>
      render(
        <main class="container">
          <h1>The app could not start</h1>
          <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
        </main>,
        root,
      ),
  );
}
