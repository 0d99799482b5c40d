import { useEffect, useRef, useState } from 'preact/hooks';
import type { Onderwerp, Uitkomst } from '@app/domain/consultatie/consultatie.events';
import { describe, get, send } from '../api';
import type { Ik } from '../auth';
import {
  LEEFTIJDSGROEPEN,
  ONDERWERP,
  ONDERWERPEN,
  UITKOMST,
  UITKOMSTEN,
  datum,
  label,
} from '../labels';
import { DataTable, Field, Page, Show, StatusMessage, useLoad } from '../ui';

interface Consultatie {
  consultatieId: string;
  datum: string;
  leeftijdsgroep: string;
  onderwerpen: string[];
  aantalContacten: number;
  uitkomst: string;
  vervolgdatum: string | null;
  toestemming: boolean;
  ingetrokken: boolean;
  professional: { userId: string; rol: string };
}

interface Vervolg {
  consultatieId: string;
  vervolgdatum: string;
  verlopen: boolean;
  datum: string;
  leeftijdsgroep: string;
  onderwerpen: string[];
  uitkomst: string;
}

interface Invoer {
  datum: string;
  leeftijdsgroep: string;
  onderwerpen: Onderwerp[];
  aantalContacten: number;
  uitkomst: Uitkomst;
  vervolgdatum: string;
  toelichting: string;
  toestemming: boolean;
  bsn: string;
}

/** Enter saves from a checkbox or a list too, not only from a text field (as browsers do). */
function enterSlaatOp(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  const checkbox = target instanceof HTMLInputElement && target.type === 'checkbox';
  if (event.key === 'Enter' && (checkbox || target instanceof HTMLSelectElement)) {
    event.preventDefault();
    (event.currentTarget as HTMLFormElement).requestSubmit();
  }
}

const onderwerpen = (codes: string[]) => codes.map((code) => label(ONDERWERP, code)).join(', ');

/**
 * The practice's screen: log a consultation in seconds with the keyboard (the form comes first,
 * its first field, the age band, has the focus; the date is today unless changed; Enter saves
 * from any field; after saving the focus returns to the start with the date and the age band
 * kept), then open follow-ups and the list.
 */
export function PraktijkPage(props: { ik: Ik }) {
  const { ik } = props;
  const praktijk = ik.praktijk;
  const [versie, setVersie] = useState(0);
  if (!praktijk) {
    return (
      <Page title="Consultaties">
        <p role="alert" class="alert alert-warning">
          U bent nog niet aan een huisartsenpraktijk gekoppeld. Functioneel beheer koppelt u aan uw
          praktijk.
        </p>
      </Page>
    );
  }
  return (
    <Page title={`Consultaties: ${praktijk.naam}`} focusHeading={false}>
      <ConsultatieFormulier
        praktijkId={praktijk.praktijkId}
        vandaag={ik.vandaag}
        opgeslagen={() => setVersie((v) => v + 1)}
      />
      <Vervolgafspraken key={`v-${versie}`} praktijkId={praktijk.praktijkId} />
      <Consultaties key={`c-${versie}`} praktijkId={praktijk.praktijkId} />
    </Page>
  );
}

function ConsultatieFormulier(props: {
  praktijkId: string;
  vandaag: string;
  opgeslagen: () => void;
}) {
  const begin = (vorige?: Invoer): Invoer => ({
    datum: vorige?.datum ?? props.vandaag,
    leeftijdsgroep: vorige?.leeftijdsgroep ?? '12-17',
    onderwerpen: [],
    aantalContacten: 1,
    uitkomst: 'afgehandeld-door-jph',
    vervolgdatum: '',
    toelichting: '',
    toestemming: false,
    bsn: '',
  });
  const [invoer, setInvoer] = useState<Invoer>(begin);
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const eerste = useRef<HTMLSelectElement>(null);
  useEffect(() => eerste.current?.focus(), []);
  const zet = (update: Partial<Invoer>) => setInvoer({ ...invoer, ...update });

  async function opslaan(event: Event) {
    event.preventDefault();
    setFout(null);
    setMelding(null);
    if (invoer.onderwerpen.length === 0) {
      setFout('Kies minstens één onderwerp.');
      document.getElementById(`onderwerp-${ONDERWERPEN[0]}`)?.focus();
      return;
    }
    setBezig(true);
    try {
      await send('POST', '/consultaties', {
        praktijkId: props.praktijkId,
        datum: invoer.datum,
        leeftijdsgroep: invoer.leeftijdsgroep,
        onderwerpen: invoer.onderwerpen,
        aantalContacten: invoer.aantalContacten,
        uitkomst: invoer.uitkomst,
        ...(invoer.vervolgdatum ? { vervolgdatum: invoer.vervolgdatum } : {}),
        ...(invoer.toelichting.trim() ? { toelichting: invoer.toelichting.trim() } : {}),
        toestemming: invoer.toestemming,
        ...(invoer.toestemming && invoer.bsn.trim() ? { bsn: invoer.bsn.trim() } : {}),
      });
      setMelding(
        `Consultatie van ${datum(invoer.datum)} opgeslagen (${onderwerpen(invoer.onderwerpen)}; ${label(UITKOMST, invoer.uitkomst).toLowerCase()}).`,
      );
      setInvoer(begin(invoer));
      props.opgeslagen();
      eerste.current?.focus();
    } catch (error) {
      setFout(describe(error));
    } finally {
      setBezig(false);
    }
  }

  return (
    <section aria-labelledby="nieuwe-consultatie" class="card">
      <h2 id="nieuwe-consultatie">Nieuwe consultatie</h2>
      <p class="hint" id="formulier-uitleg">
        Alleen wat nodig is. Zonder toestemming legt u niets vast dat naar een persoon leidt. Enter
        slaat op.
      </p>
      <StatusMessage message={melding} />
      {fout && (
        <div role="alert" class="alert alert-error">
          {fout}
        </div>
      )}
      <form
        onSubmit={(e) => void opslaan(e)}
        onKeyDown={enterSlaatOp}
        aria-describedby="formulier-uitleg"
        class="compact"
      >
        <div class="grid-4">
          <Field id="c-leeftijd" label="Leeftijd">
            <select
              id="c-leeftijd"
              ref={eerste}
              value={invoer.leeftijdsgroep}
              onChange={(e) => zet({ leeftijdsgroep: e.currentTarget.value })}
            >
              {LEEFTIJDSGROEPEN.map((groep) => (
                <option value={groep}>{groep} jaar</option>
              ))}
            </select>
          </Field>
          <Field id="c-contacten" label="Aantal contacten">
            <input
              id="c-contacten"
              type="number"
              min={1}
              max={99}
              required
              value={invoer.aantalContacten}
              onInput={(e) => zet({ aantalContacten: Number(e.currentTarget.value) })}
            />
          </Field>
          <Field id="c-uitkomst" label="Uitkomst">
            <select
              id="c-uitkomst"
              value={invoer.uitkomst}
              onChange={(e) => zet({ uitkomst: e.currentTarget.value as Uitkomst })}
            >
              {UITKOMSTEN.map((code) => (
                <option value={code}>{UITKOMST[code]}</option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset class="chips">
          <legend>Onderwerpen (een of meer)</legend>
          {ONDERWERPEN.map((code) => (
            <span class="chip">
              <input
                id={`onderwerp-${code}`}
                type="checkbox"
                checked={invoer.onderwerpen.includes(code)}
                onChange={(e) =>
                  zet({
                    onderwerpen: e.currentTarget.checked
                      ? [...invoer.onderwerpen, code]
                      : invoer.onderwerpen.filter((o) => o !== code),
                  })
                }
              />
              <label for={`onderwerp-${code}`}>{ONDERWERP[code]}</label>
            </span>
          ))}
        </fieldset>
        <div class="grid-4">
          <Field id="c-datum" label="Datum">
            <input
              id="c-datum"
              type="date"
              required
              max={props.vandaag}
              value={invoer.datum}
              onInput={(e) => zet({ datum: e.currentTarget.value })}
            />
          </Field>
          <Field id="c-vervolg" label="Vervolgafspraak (niet verplicht)">
            <input
              id="c-vervolg"
              type="date"
              value={invoer.vervolgdatum}
              onInput={(e) => zet({ vervolgdatum: e.currentTarget.value })}
            />
          </Field>
          <Field id="c-toelichting" label="Toelichting (niet verplicht)">
            <input
              id="c-toelichting"
              type="text"
              maxLength={500}
              value={invoer.toelichting}
              onInput={(e) => zet({ toelichting: e.currentTarget.value })}
            />
          </Field>
          <div class="field checkbox-field">
            <input
              id="c-toestemming"
              type="checkbox"
              checked={invoer.toestemming}
              onChange={(e) => zet({ toestemming: e.currentTarget.checked, bsn: '' })}
            />
            <label for="c-toestemming">Jeugdige of ouder gaf toestemming om te koppelen</label>
          </div>
          {invoer.toestemming && (
            <Field
              id="c-bsn"
              label="BSN (niet verplicht)"
              hint="Vraagt een koppeling aan; u ziet nooit of die er komt."
            >
              <input
                id="c-bsn"
                type="text"
                inputMode="numeric"
                pattern="\d{9}"
                autoComplete="off"
                aria-describedby="c-bsn-hint"
                value={invoer.bsn}
                onInput={(e) => zet({ bsn: e.currentTarget.value })}
              />
            </Field>
          )}
        </div>
        <button type="submit" disabled={bezig}>
          {bezig ? 'Bezig met opslaan…' : 'Consultatie opslaan'}
        </button>
      </form>
    </section>
  );
}

function Vervolgafspraken(props: { praktijkId: string }) {
  const lijst = useLoad(
    () => get<{ items: Vervolg[] }>(`/praktijken/${props.praktijkId}/vervolgafspraken`),
    [props.praktijkId],
  );
  return (
    <section aria-labelledby="vervolg">
      <h2 id="vervolg">Open vervolgafspraken</h2>
      <Show loaded={lijst}>
        {({ items }) => (
          <DataTable
            caption="Open vervolgafspraken van de praktijk"
            captionHidden
            rows={items}
            empty="Geen open vervolgafspraken."
            columns={[
              {
                header: 'Vervolg op',
                cell: (v) => `${datum(v.vervolgdatum)}${v.verlopen ? ' (verlopen)' : ''}`,
              },
              { header: 'Consultatie van', cell: (v) => datum(v.datum) },
              { header: 'Leeftijd', cell: (v) => `${v.leeftijdsgroep} jaar` },
              { header: 'Onderwerpen', cell: (v) => onderwerpen(v.onderwerpen) },
              { header: 'Uitkomst', cell: (v) => label(UITKOMST, v.uitkomst) },
            ]}
          />
        )}
      </Show>
    </section>
  );
}

function Consultaties(props: { praktijkId: string }) {
  const lijst = useLoad(
    () => get<{ items: Consultatie[] }>(`/praktijken/${props.praktijkId}/consultaties`),
    [props.praktijkId],
  );
  return (
    <section aria-labelledby="lijst">
      <h2 id="lijst">Consultaties van de praktijk</h2>
      <Show loaded={lijst}>
        {({ items }) => (
          <DataTable
            caption="Consultaties van de praktijk, nieuwste eerst"
            captionHidden
            rows={[...items].reverse()}
            empty="Nog geen consultaties."
            columns={[
              { header: 'Datum', cell: (c) => datum(c.datum) },
              { header: 'Leeftijd', cell: (c) => `${c.leeftijdsgroep} jaar` },
              { header: 'Onderwerpen', cell: (c) => onderwerpen(c.onderwerpen) },
              { header: 'Contacten', cell: (c) => c.aantalContacten, numeric: true },
              { header: 'Uitkomst', cell: (c) => label(UITKOMST, c.uitkomst) },
              { header: 'Vervolg', cell: (c) => datum(c.vervolgdatum) },
              { header: 'Door', cell: (c) => c.professional.userId },
              { header: 'Status', cell: (c) => (c.ingetrokken ? 'Ingetrokken' : 'Telt mee') },
            ]}
          />
        )}
      </Show>
    </section>
  );
}
