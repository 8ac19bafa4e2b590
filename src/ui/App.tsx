import { ArrowLeft, Compass, Eye, Lock, Milestone } from 'lucide-react';
import { ApiCallError } from '../api/client';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Output } from '../api/contract';
import { createPlatformClient, subscribeDesktopEvents } from './api';
import { downloadText } from './download';
import { Banner } from './components/Banner';
import { ErrorMessage } from './components/ErrorMessage';
import { Tour, tourSeen } from './components/Tour';
import { useI18n, type Language } from './i18n';
import { useRoute } from './router';
import { MunicipalityScreen } from './screens/MunicipalityScreen';
import { PortfolioScreen, StartScreen } from './screens/lazy-screens';
import { ReadOnlyProvider } from './state/read-only';

export function App() {
  const { t, language, setLanguage } = useI18n();
  const client = useMemo(() => createPlatformClient(), []);
  const [route, navigate] = useRoute();
  const [error, setError] = useState<unknown>(null);
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  const [showTour, setShowTour] = useState(() => !tourSeen());
  // A viewer on the team server's page: editing controls are not offered (the server refuses writes regardless).
  const [readOnly, setReadOnly] = useState(false);

  const onError = useCallback((e: unknown) => setError(e), []);
  // Without access (the browser edition opened without its token) nothing else on the page can work:
  // say so and how to get in, instead of screens that wait forever under an error.
  const noAccess = error instanceof ApiCallError && error.code === 'no_access';

  useEffect(() => {
    client.call('app.info', {}).then(setInfo, onError);
    client.call('workspace.sharing', {}).then(
      (sharing) => setReadOnly(sharing.readOnly),
      () => undefined,
    );
  }, [client, onError]);

  useEffect(
    () =>
      subscribeDesktopEvents((event) => {
        if (event.action === 'imported') navigate({ screen: 'municipality', id: event.id, tab: 'checklist' });
        else if (event.action === 'plan') {
          if (route.screen === 'municipality') navigate({ ...route, tab: 'plan' });
        } else if (route.screen === 'municipality') {
          client.call('municipality.export', { id: route.id }).then((exported) => downloadText(exported.fileName, exported.text), onError);
        }
      }),
    [client, navigate, onError, route],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    if (route.screen === 'portfolio') document.title = `${t('portfolio.title')} – ${t('app.name')}`;
    if (route.screen === 'start') document.title = `${t('start.title')} – ${t('app.name')}`;
  }, [language, route, t]);

  return (
    <ReadOnlyProvider value={readOnly}>
      <a href="#main" className="skip-link" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Milestone className="icon brand-mark" size={24} aria-hidden="true" />
          {route.screen === 'start' ? (
            <span className="brand-name">{t('app.name')}</span>
          ) : (
            <button type="button" className="link-button brand-name" onClick={() => navigate({ screen: 'start' })}>
              <ArrowLeft className="icon" size={18} aria-hidden="true" />
              {t('nav.back')}
            </button>
          )}
          <span className="muted brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-side">
          {!showTour && route.screen === 'start' && (
            <button type="button" className="button-quiet" onClick={() => setShowTour(true)}>
              <Compass className="icon" size={16} aria-hidden="true" />
              {t('design.tour.reopen')}
            </button>
          )}
          {readOnly && (
            <span className="read-only-badge" role="status" title={t('share.readOnlyHelp')}>
              <Eye className="icon" size={16} aria-hidden="true" />
              {t('share.readOnly')}
            </span>
          )}
          {info && (
            <span className="muted edition" title={t('app.workspace', { path: info.workspace })}>
              {t(info.edition === 'desktop' ? 'app.edition.desktop' : 'app.edition.browser')}
            </span>
          )}
          <label className="language">
            <span>{t('app.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {noAccess ? (
          <section className="card no-access" aria-labelledby="no-access-title">
            <h1 id="no-access-title">
              <Lock className="icon" size={22} aria-hidden="true" />
              {t('error.noAccessTitle')}
            </h1>
            <p>{t('error.no_access')}</p>
          </section>
        ) : (
          <>
            {error !== null && (
              <Banner kind="error" onDismiss={() => setError(null)}>
                <ErrorMessage error={error} />
              </Banner>
            )}
            {showTour && route.screen === 'start' && <Tour onClose={() => setShowTour(false)} />}
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              {route.screen === 'start' ? (
                <StartScreen
                  client={client}
                  onError={onError}
                  onOpen={(id) => navigate({ screen: 'municipality', id, tab: 'checklist' })}
                  onPortfolio={() => navigate({ screen: 'portfolio' })}
                />
              ) : route.screen === 'portfolio' ? (
                <PortfolioScreen client={client} onError={onError} onOpen={(id) => navigate({ screen: 'municipality', id, tab: 'dashboard' })} />
              ) : (
                <MunicipalityScreen
                  key={route.id}
                  client={client}
                  id={route.id}
                  tab={route.tab}
                  onTab={(tab) => navigate({ ...route, tab })}
                  onBack={() => navigate({ screen: 'start' })}
                />
              )}
            </Suspense>
          </>
        )}
      </main>
    </ReadOnlyProvider>
  );
}
