import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiClient } from './api-client';
import type { Me } from '@stb-notify/headend/api-types';
import type { ConsoleContext } from './console-context';
import { Ctx } from './console-context';
import type { Lang, TextKey } from './i18n';
import { translate, translateValue } from './i18n';
import { AccountView } from './views/account-view';
import { AuditView } from './views/audit-view';
import { BoxView } from './views/box-view';
import { ComposeView } from './views/compose-view';
import { ErrorBanner } from './views/error-banner';
import { FiguresView } from './views/figures-view';
import { LoginView } from './views/login-view';
import { NoticeProgressView } from './views/notice-progress-view';
import { NoticesView } from './views/notices-view';
import { TicketsView } from './views/tickets-view';

const TOKEN_KEY = 'stb-console-token';
const LANG_KEY = 'stb-console-lang';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/compose');
  useEffect(() => {
    const on = () => setHash(location.hash || '#/compose');
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** Who may read the audit log (the headend's audit route decides; the link is only shown to them). */
const AUDIT_ROLES: readonly string[] = ['operator', 'supervisor'];

const NAV: readonly [string, TextKey][] = [
  ['#/compose', 'navCompose'],
  ['#/notices', 'navNotices'],
  ['#/tickets', 'navTickets'],
  ['#/accounts', 'navAccounts'],
  ['#/figures', 'navFigures'],
  ['#/audit', 'navAudit'],
];

/** The console: sign-in, then compose / notices / tickets / figures, routed by the URL hash. */
export function App() {
  const [lang, setLang] = useState<Lang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN');
  const [session, setSession] = useState<{ api: ApiClient; actor: Me } | undefined>();
  const [error, setError] = useState<unknown>();
  const [restoring, setRestoring] = useState(sessionStorage.getItem(TOKEN_KEY) !== null);
  const hash = useHash();

  const toggleLang = () => {
    const next: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next;
    setLang(next);
  };
  const signIn = useCallback(async (token: string) => {
    const api = new ApiClient(token);
    try {
      const actor = await api.get<Me>('/api/v1/me');
      sessionStorage.setItem(TOKEN_KEY, token);
      setSession({ api, actor });
      setError(undefined);
    } catch (err) {
      sessionStorage.removeItem(TOKEN_KEY);
      setError(err);
    }
  }, []);
  useEffect(() => {
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved !== null) void signIn(saved).finally(() => setRestoring(false));
  }, [signIn]);

  // Stable across language switches: views that depend on it (the live rule check) do not refetch.
  const fail = useCallback((err: unknown) => {
    // An expired or revoked token: back to sign-in, with the reason shown.
    if ((err as { code?: string }).code === 'UNAUTHENTICATED') {
      sessionStorage.removeItem(TOKEN_KEY);
      setSession(undefined);
    }
    setError(err);
  }, []);
  const ctx = useMemo<ConsoleContext | undefined>(
    () =>
      session === undefined
        ? undefined
        : {
            ...session,
            lang,
            t: (k, vars) => translate(lang, k, vars),
            fail,
            go: (h) => {
              location.hash = h;
            },
          },
    [session, lang, fail],
  );

  const banner =
    error === undefined ? null : (
      <ErrorBanner
        error={error}
        title={translate(lang, 'error')}
        dismiss={translate(lang, 'dismiss')}
        explain={(code) => translateValue(lang, 'err', code)}
        onDismiss={() => setError(undefined)}
      />
    );
  if (restoring) return <p class="loading">{translate(lang, 'loading')}</p>;
  if (ctx === undefined)
    return (
      <>
        {banner}
        <LoginView lang={lang} onToken={signIn} onLang={toggleLang} />
      </>
    );

  const [, section = 'compose', id] = hash.split('/');
  return (
    <Ctx.Provider value={ctx}>
      <header>
        <h1>{ctx.t('appTitle')}</h1>
        <nav>
          {NAV.filter(([href]) => href !== '#/audit' || AUDIT_ROLES.includes(ctx.actor.role)).map(([href, key]) => (
            <a href={href} aria-current={hash.startsWith(href) ? 'page' : undefined}>
              {ctx.t(key)}
            </a>
          ))}
        </nav>
        <span class="who" data-testid="who">
          {ctx.t('signedInAs', { name: ctx.actor.name, role: ctx.actor.role })}
        </span>
        <button type="button" onClick={toggleLang}>
          {ctx.t('otherLang')}
        </button>
        <button
          type="button"
          onClick={() => {
            sessionStorage.removeItem(TOKEN_KEY);
            setSession(undefined);
          }}
        >
          {ctx.t('signOut')}
        </button>
      </header>
      {banner}
      <main>
        {section === 'compose' && <ComposeView />}
        {section === 'notices' && (id === undefined ? <NoticesView /> : <NoticeProgressView id={id} />)}
        {section === 'tickets' && <TicketsView selected={id} />}
        {section === 'figures' && <FiguresView />}
        {section === 'audit' && <AuditView />}
        {section === 'boxes' && id !== undefined && <BoxView id={decodeURIComponent(id)} />}
        {section === 'accounts' && <AccountView id={id === undefined ? undefined : decodeURIComponent(id)} />}
      </main>
    </Ctx.Provider>
  );
}
