import { useState } from 'preact/hooks';
import type { Lang, TextKey } from '../i18n';
import { translate } from '../i18n';

/** Sign-in with an API token (the API's accounts: each token has a name and a role). */
export function LoginView(props: { lang: Lang; onToken: (token: string) => Promise<void>; onLang: () => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const t = (k: TextKey) => translate(props.lang, k);
  return (
    <main class="login">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void props.onToken(token.trim()).finally(() => setBusy(false));
        }}
      >
        <h1>{t('appTitle')}</h1>
        <h2>{t('loginTitle')}</h2>
        <label>
          {t('tokenLabel')}
          <input
            name="token"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <p class="hint">{t('tokenHint')}</p>
        <button type="submit" disabled={busy || token.trim() === ''}>
          {t('signIn')}
        </button>
        <button type="button" class="link" onClick={props.onLang}>
          {t('otherLang')}
        </button>
      </form>
    </main>
  );
}
