// Entry point: read /app/config.json (API URL, sign-in kind) and the first
// language's catalogue, connect the API client to the session, then draw the app.
import './styles.css';
import { render } from 'preact';
import { connectApi } from './api/client.ts';
import { loadConfig } from './auth/config.ts';
import { currentToken, signOut } from './auth/session.ts';
import { initialLocale, showLocale } from './i18n/use-language.ts';
import { App } from './shell/app.tsx';

const root = document.getElementById('app');
if (root) {
  Promise.all([loadConfig(), showLocale(initialLocale())]).then(
    ([config]) => {
      connectApi({ baseUrl: config.apiUrl, token: currentToken, refused: signOut });
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
