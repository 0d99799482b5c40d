import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { describe, onUnauthorized } from './api';
import {
  type Ik,
  type WebConfig,
  isOidcCallback,
  loadConfig,
  logout,
  oidcCallback,
  restoreToken,
  whoAmI,
} from './auth';
import { ROL } from './labels';
import { GezinPage } from './pages/gezin';
import { GezinnenPage } from './pages/gezinnen';
import { LoginPage } from './pages/login';
import { PlanPage } from './pages/plan';
import { PraktijkPage } from './pages/praktijk';
import { VrijgevenPage } from './pages/verhalen';
import { ZorgPage } from './pages/zorg';
import { match, navigate, usePath } from './router';
import { Link, Loading, Page } from './ui';

type Sessie = { state: 'laden' } | { state: 'uit' } | { state: 'in'; ik: Ik };

/** The start page of each role. */
function startpagina(ik: Ik): string {
  if (ik.rollen.includes('contactpersoon')) return '/gezinnen';
  if (ik.rollen.includes('jph') || ik.rollen.includes('huisarts')) return '/praktijk';
  if (ik.rollen.includes('beleid')) return '/dashboard';
  return '/start';
}

export function App() {
  const path = usePath();
  const [config, setConfig] = useState<WebConfig | null>(null);
  const [sessie, setSessie] = useState<Sessie>({ state: 'laden' });
  const [fout, setFout] = useState<string | null>(null);

  async function signedIn(): Promise<void> {
    const ik = await whoAmI();
    setSessie({ state: 'in', ik });
    if (['/', '/inloggen', '/auth/callback'].includes(location.pathname)) {
      navigate(startpagina(ik), { replace: true });
    }
  }

  useEffect(() => {
    onUnauthorized(() => void logout(config));
  }, [config]);

  useEffect(() => {
    void (async () => {
      try {
        const loaded = await loadConfig();
        setConfig(loaded);
        if (isOidcCallback() && loaded.authMode === 'oidc') await oidcCallback(loaded);
        if (restoreToken()) await signedIn();
        else {
          setSessie({ state: 'uit' });
          if (location.pathname !== '/inloggen') navigate('/inloggen', { replace: true });
        }
      } catch (error) {
        setFout(describe(error));
        setSessie({ state: 'uit' });
      }
    })();
  }, []);

  if (sessie.state === 'laden') {
    return (
      <main id="inhoud" class="container">
        <p role="status">Laden…</p>
      </main>
    );
  }
  if (sessie.state === 'uit') {
    return (
      <Shell ik={null} config={config}>
        {fout && (
          <div role="alert" class="alert alert-error">
            {fout}
          </div>
        )}
        {config && <LoginPage config={config} onSignedIn={signedIn} />}
      </Shell>
    );
  }
  const { ik } = sessie;
  return (
    <Shell ik={ik} config={config}>
      <Route path={path} ik={ik} />
    </Shell>
  );
}

function Route(props: { path: string; ik: Ik }) {
  const { path, ik } = props;
  const is = (rol: string) => ik.rollen.includes(rol as Ik['rollen'][number]);
  let params: Record<string, string> | null;
  if (path === '/' || path === '/inloggen') {
    navigate(startpagina(ik), { replace: true });
    return null;
  }
  if (is('contactpersoon')) {
    if (path === '/gezinnen') return <GezinnenPage ik={ik} />;
    if (path === '/verhalen/vrijgeven') return <VrijgevenPage ik={ik} />;
    if ((params = match('/gezinnen/:gezinId', path)))
      return <GezinPage gezinId={params.gezinId!} ik={ik} />;
    if ((params = match('/gezinnen/:gezinId/plan', path))) {
      return <PlanPage gezinId={params.gezinId!} />;
    }
    if ((params = match('/gezinnen/:gezinId/leden/:persoonId/zorg', path))) {
      return <ZorgPage gezinId={params.gezinId!} persoonId={params.persoonId!} ik={ik} />;
    }
  }
  if ((is('jph') || is('huisarts')) && path === '/praktijk') return <PraktijkPage ik={ik} />;
  if (is('beleid')) {
    if (path === '/dashboard') return <Beleid scherm={(m) => <m.DashboardPage ik={ik} />} />;
    if (path === '/programma') return <Beleid scherm={(m) => <m.ProgrammaPage />} />;
    if ((params = match('/aanbieders/:aanbiederId/rapport', path))) {
      const aanbiederId = params.aanbiederId!;
      return (
        <Beleid scherm={(m) => <m.AanbiederRapportPage aanbiederId={aanbiederId} ik={ik} />} />
      );
    }
    if ((params = match('/programma/knoppen/:knop', path))) {
      const knop = params.knop!;
      return <Beleid scherm={(m) => <m.KnopPage knop={knop} ik={ik} />} />;
    }
  }
  if (path === '/start') {
    return (
      <Page title="Welkom">
        <p>
          U bent ingelogd als {ik.naam} ({ik.rollen.map((rol) => ROL[rol] ?? rol).join(', ')}). Voor
          uw rol heeft deze webtoepassing nog geen schermen; functioneel beheer werkt via de API
          (zie docs/api.md).
        </p>
      </Page>
    );
  }
  return (
    <Page title="Pagina niet gevonden">
      <p>
        Deze pagina bestaat niet, of is niet voor uw rol. <Link href="/">Naar de startpagina</Link>
      </p>
    </Page>
  );
}

type BeleidModule = typeof import('./pages/beleid');

/** The policy screens and their chart library load only for policy staff, when they open one. */
function Beleid(props: { scherm: (module: BeleidModule) => ComponentChildren }) {
  const [module, setModule] = useState<BeleidModule | null>(null);
  useEffect(() => {
    void import('./pages/beleid').then(setModule);
  }, []);
  return module ? <>{props.scherm(module)}</> : <Loading />;
}

function Shell(props: { ik: Ik | null; config: WebConfig | null; children: ComponentChildren }) {
  const { ik } = props;
  const links: [string, string][] = [];
  if (ik?.rollen.includes('contactpersoon')) links.push(['/gezinnen', 'Mijn gezinnen']);
  if (ik?.rollen.some((rol) => rol === 'jph' || rol === 'huisarts')) {
    links.push(['/praktijk', 'Consultaties']);
  }
  if (ik?.rollen.includes('beleid')) {
    links.push(['/dashboard', 'Monitoring'], ['/programma', 'Programma']);
  }
  const path = location.pathname;
  return (
    <>
      <a class="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header class="site-header">
        <div class="container header-inner">
          <p class="brand">
            Gezinsplan <span class="brand-sub">1 gezin, 1 plan, 1 contactpersoon</span>
          </p>
          {ik && (
            <nav aria-label="Hoofdmenu">
              <ul>
                {links.map(([href, text]) => (
                  <li>
                    <Link
                      href={href}
                      aria-current={
                        path === href || path.startsWith(`${href}/`) ? 'page' : undefined
                      }
                    >
                      {text}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {ik && (
            <div class="user">
              <span>
                {ik.naam}
                <span class="visually-hidden">, </span>
                <span class="muted"> {ik.rollen.map((rol) => ROL[rol] ?? rol).join(', ')}</span>
              </span>
              <button type="button" class="secondary" onClick={() => void logout(props.config)}>
                Uitloggen
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="inhoud" class="container" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
