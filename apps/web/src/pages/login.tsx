import { useState } from 'preact/hooks';
import { describe } from '../api';
import { type DevGebruiker, type WebConfig, devGebruikers, devLogin, oidcLogin } from '../auth';
import { ROL } from '../labels';
import { ErrorMessage, Page, Show, useLoad } from '../ui';

export function LoginPage(props: { config: WebConfig; onSignedIn: () => Promise<void> }) {
  return (
    <Page title="Inloggen">
      {props.config.authMode === 'dev' ? (
        <DevLogin onSignedIn={props.onSignedIn} />
      ) : (
        <OidcLogin config={props.config} />
      )}
    </Page>
  );
}

function DevLogin(props: { onSignedIn: () => Promise<void> }) {
  const gebruikers = useLoad(devGebruikers, []);
  const [fout, setFout] = useState<string | null>(null);
  async function kies(gebruiker: DevGebruiker) {
    setFout(null);
    try {
      await devLogin(gebruiker.userId);
      await props.onSignedIn();
    } catch (error) {
      setFout(describe(error));
    }
  }
  return (
    <>
      <div class="alert alert-warning">
        <strong>Ontwikkelomgeving.</strong> Hier kiest u een ontwikkelgebruiker (AUTH_MODE=dev).
        Gebruik deze omgeving nooit voor echte gegevens.
      </div>
      {fout && (
        <div role="alert" class="alert alert-error">
          {fout}
        </div>
      )}
      <Show loaded={gebruikers}>
        {(items) => (
          <ul class="user-list" aria-label="Ontwikkelgebruikers">
            {items.map((gebruiker) => (
              <li>
                <button type="button" class="user-choice" onClick={() => void kies(gebruiker)}>
                  <span class="user-name">{gebruiker.naam}</span>
                  <span class="user-role">
                    {gebruiker.omschrijving}
                    {gebruiker.rollen.length > 0 &&
                      ` (${gebruiker.rollen.map((rol) => ROL[rol] ?? rol).join(', ')})`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Show>
    </>
  );
}

function OidcLogin(props: { config: WebConfig }) {
  const [fout, setFout] = useState<unknown>(null);
  if (!props.config.oidc?.clientId) {
    return (
      <div role="alert" class="alert alert-error">
        Inloggen is niet ingesteld: de server mist OIDC_CLIENT_ID (of OIDC_AUDIENCE). Neem contact
        op met functioneel beheer.
      </div>
    );
  }
  return (
    <>
      <p>U logt in met het account van uw organisatie.</p>
      <ErrorMessage error={fout} />
      <button
        type="button"
        onClick={() => void oidcLogin(props.config).catch((error: unknown) => setFout(error))}
      >
        Inloggen met uw organisatieaccount
      </button>
    </>
  );
}
