import type { StoplichtKleur } from '@app/domain/programma/programma.events';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describe, get, send } from '../api';
import type { Ik } from '../auth';
import { datum, moment } from '../labels';
import {
  STOPLICHT,
  STOPLICHT_KLEUREN,
  StoplichtBadge,
  StoplichtSamenvatting,
  type StoplichtTelling,
} from '../stoplicht';
import {
  CsvKnop,
  DataTable,
  ErrorMessage,
  Field,
  Link,
  Loading,
  Page,
  Show,
  StatusMessage,
  useLoad,
} from '../ui';
import {
  AANDEEL_INDICATOREN,
  type Aandeel,
  type AandeelIndicator,
  CijferKader,
  type Cijfers,
  type Getal,
  IndicatorGrafiek,
  type Jaar,
  type Periode,
  PeriodeFormulier,
  type Stroom,
  StroomFiguur,
  cel,
  standaardPeriode,
} from './dashboard';
import { type GepubliceerdVerhaal, VerhalenLijst } from './cijfers-en-verhalen';

/** The shapes of GET /beleid/programma/knoppen and /knoppen/{knop} (see the OpenAPI document). */
interface KnopStoplicht extends StoplichtTelling {
  knop: number;
  titel: string;
  laatsteDatum: string | null;
}

interface ActieStatus {
  status: StoplichtKleur;
  toelichting: string;
  datum: string;
  door: string;
  vastgelegdOp: string;
}

interface ActieStoplicht {
  actieId: string;
  titel: string;
  status: ActieStatus | null;
  historie: ActieStatus[];
}

type KnopJaar = Pick<Jaar, 'jaar' | 'heelJaar' | 'peildatum' | 'bevolking'> & Partial<Jaar>;

interface KnopIndicatoren extends Cijfers {
  vertrekpunt: string | null;
  indicatoren: string[];
  jaren: KnopJaar[];
  inEnUitstroom: Stroom[];
  herhaaldeInstroom: { instroom: Getal; herhaald: Getal; percentage: Getal } | null;
}

interface KnopRapport extends KnopStoplicht {
  definitieVersie: string;
  stoplicht: ActieStoplicht[];
  themas: { themaId: string; naam: string; actief: boolean }[];
  indicatoren: KnopIndicatoren;
  verhalen: GepubliceerdVerhaal[] | null;
}

const KNOPPEN = '/beleid/programma/knoppen';

/** Every knop of the programme with its stoplight: how many actions are at each colour. */
export function ProgrammaPage() {
  const knoppen = useLoad(() => get<{ items: KnopStoplicht[] }>(KNOPPEN), []);
  return (
    <Page
      title="Programma: het stoplicht"
      lead={
        <p class="lead">
          De knoppen van het programma en hoe hun acties ervoor staan: groen (op koers), oranje
          (aandacht nodig) of rood (loopt vast). Open een knop om de status van een actie vast te
          leggen.
        </p>
      }
    >
      <div class="figure-tools">
        <CsvKnop pad={KNOPPEN} wat="stoplicht van alle knoppen" />
      </div>
      <Show loaded={knoppen}>
        {({ items }) => (
          <DataTable
            caption="Knoppen met de status van hun acties"
            rows={items}
            empty="Er zijn nog geen knoppen vastgelegd (functioneel beheer: npm run cli -- programma seed)."
            columns={[
              {
                header: 'Knop',
                cell: (k) => (
                  <Link href={`/programma/knoppen/${k.knop}`}>
                    {k.knop}. {k.titel}
                  </Link>
                ),
              },
              { header: 'Acties', cell: (k) => k.acties, numeric: true },
              { header: 'Stoplicht', cell: (k) => <StoplichtSamenvatting telling={k} /> },
              {
                header: 'Laatste status',
                cell: (k) => (k.laatsteDatum ? datum(k.laatsteDatum) : 'Nog geen'),
              },
            ]}
          />
        )}
      </Show>
    </Page>
  );
}

/** A knop: its actions with their status and history, its themes, its indicators. */
export function KnopPage(props: { knop: string; ik: Ik }) {
  const { knop, ik } = props;
  const [periode, setPeriode] = useState<Periode>(() => standaardPeriode(ik.vandaag));
  const [open, setOpen] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const query = { van: periode.van, tot: periode.tot };
  const rapport = useLoad(
    () => get<KnopRapport>(`${KNOPPEN}/${knop}`, query),
    [knop, periode.van, periode.tot],
  );
  if (rapport.error && !rapport.data) {
    return (
      <Page title={`Knop ${knop}`}>
        <ErrorMessage error={rapport.error} />
        <p>
          <Link href="/programma">Terug naar het programma</Link>
        </p>
      </Page>
    );
  }
  if (!rapport.data) return <Loading />;
  const r = rapport.data;

  async function vastgelegd(actie: ActieStoplicht, status: ActieStatus['status'], van: string) {
    setOpen(null);
    await rapport.reload();
    setMelding(
      `De status van actie ${actie.actieId} is vastgelegd: ${STOPLICHT[status]} vanaf ${datum(van)}.`,
    );
    document.getElementById(`actie-${actie.actieId}`)?.focus();
  }

  return (
    <Page
      title={`Knop ${r.knop}: ${r.titel}`}
      lead={
        <p class="lead">
          <Link href="/programma">Alle knoppen</Link>
        </p>
      }
    >
      <StoplichtSamenvatting telling={r} />
      <nav aria-label="Op deze pagina" class="toc">
        <ul>
          <li>
            <a href="#acties">Acties</a>
          </li>
          <li>
            <a href="#themas">Thema's</a>
          </li>
          <li>
            <a href="#indicatoren">Indicatoren</a>
          </li>
          <li>
            <a href="#verhalen">Verhalen</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="acties">
        <h2 id="acties">Acties</h2>
        <div class="figure-tools">
          <CsvKnop pad={`${KNOPPEN}/${r.knop}`} query={query} wat={`acties van knop ${r.knop}`} />
        </div>
        <StatusMessage message={melding} />
        <ol class="acties">
          {r.stoplicht.map((actie) => (
            <li class="card actie">
              <h3 id={`actie-${actie.actieId}`} tabIndex={-1}>
                <span class="muted">{actie.actieId}</span> {actie.titel}
              </h3>
              <p class="actie-status">
                <StoplichtBadge kleur={actie.status?.status ?? null} />
                {actie.status && (
                  <span>
                    {' '}
                    vanaf {datum(actie.status.datum)}: {actie.status.toelichting}
                  </span>
                )}
              </p>
              {actie.historie.length > 1 && (
                <details>
                  <summary>
                    Geschiedenis ({actie.historie.length} statussen)
                    <span class="visually-hidden"> van actie {actie.actieId}</span>
                  </summary>
                  <DataTable
                    caption={`Geschiedenis van actie ${actie.actieId}, oudste eerst`}
                    captionHidden
                    rows={actie.historie}
                    columns={[
                      { header: 'Vanaf', cell: (s) => datum(s.datum) },
                      { header: 'Status', cell: (s) => <StoplichtBadge kleur={s.status} /> },
                      { header: 'Toelichting', cell: (s) => s.toelichting },
                      { header: 'Vastgelegd', cell: (s) => `${moment(s.vastgelegdOp)}, ${s.door}` },
                    ]}
                  />
                </details>
              )}
              {open === actie.actieId ? (
                <StatusFormulier
                  actie={actie}
                  vandaag={ik.vandaag}
                  annuleren={() => setOpen(null)}
                  vastgelegd={vastgelegd}
                />
              ) : (
                <button
                  type="button"
                  class="small secondary"
                  onClick={() => {
                    setMelding(null);
                    setOpen(actie.actieId);
                  }}
                >
                  Status vastleggen<span class="visually-hidden"> voor actie {actie.actieId}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="themas">
        <h2 id="themas">Thema's</h2>
        {r.themas.length === 0 ? (
          <p class="muted">Deze knop heeft geen thema's.</p>
        ) : (
          <p>
            Verhalen horen bij deze knop via{' '}
            {r.themas.map((t) => `${t.naam}${t.actief ? '' : ' (niet meer actief)'}`).join(', ')}.
          </p>
        )}
      </section>
      <section aria-labelledby="indicatoren">
        <h2 id="indicatoren">Indicatoren</h2>
        <PeriodeFormulier vandaag={ik.vandaag} onChange={setPeriode} />
        {rapport.error ? (
          <ErrorMessage error={rapport.error} />
        ) : (
          <KnopIndicatorenFiguur data={r.indicatoren} />
        )}
      </section>
      <section aria-labelledby="verhalen">
        <h2 id="verhalen">Verhalen</h2>
        {r.verhalen === null ? (
          <p class="muted">De monitoring geeft nog geen verhalen bij deze knop.</p>
        ) : (
          <VerhalenLijst verhalen={r.verhalen} />
        )}
      </section>
    </Page>
  );
}

/** Record a status: the colour, why, and from when (today unless said otherwise). */
function StatusFormulier(props: {
  actie: ActieStoplicht;
  vandaag: string;
  annuleren: () => void;
  vastgelegd: (actie: ActieStoplicht, status: StoplichtKleur, van: string) => Promise<void>;
}) {
  const { actie } = props;
  const [status, setStatus] = useState<StoplichtKleur>(actie.status?.status ?? 'groen');
  const [toelichting, setToelichting] = useState('');
  const [van, setVan] = useState(props.vandaag);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const eerste = useRef<HTMLInputElement>(null);
  // The form opens where the keyboard is: the chosen colour takes the focus.
  useEffect(() => eerste.current?.focus(), []);
  const id = (naam: string) => `status-${actie.actieId}-${naam}`;

  async function verstuur(event: Event) {
    event.preventDefault();
    setFout(null);
    setBezig(true);
    try {
      await send('POST', `/beleid/programma/acties/${actie.actieId}/status`, {
        status,
        toelichting,
        datum: van,
      });
      await props.vastgelegd(actie, status, van);
    } catch (error) {
      setFout(describe(error));
      setBezig(false);
    }
  }

  return (
    <form class="status-form" onSubmit={(e) => void verstuur(e)}>
      {fout && (
        <div role="alert" class="alert alert-error">
          {fout}
        </div>
      )}
      <fieldset>
        <legend>Status van actie {actie.actieId}</legend>
        <div class="chips">
          {STOPLICHT_KLEUREN.map((kleur) => (
            <label class="chip" for={id(kleur)}>
              <input
                ref={kleur === status ? eerste : undefined}
                id={id(kleur)}
                type="radio"
                name={id('kleur')}
                value={kleur}
                checked={kleur === status}
                onChange={() => setStatus(kleur)}
              />
              <StoplichtBadge kleur={kleur} />
            </label>
          ))}
        </div>
      </fieldset>
      <div class="grid-3">
        <Field id={id('toelichting')} label="Toelichting" hint="Waarom deze kleur?">
          <textarea
            id={id('toelichting')}
            required
            rows={3}
            maxLength={2000}
            aria-describedby={`${id('toelichting')}-hint`}
            value={toelichting}
            onInput={(e) => setToelichting(e.currentTarget.value)}
          />
        </Field>
        <Field
          id={id('datum')}
          label="Geldt vanaf"
          hint={
            actie.status
              ? `Niet in de toekomst en niet voor ${datum(actie.status.datum)}.`
              : 'Niet in de toekomst.'
          }
        >
          <input
            id={id('datum')}
            type="date"
            required
            max={props.vandaag}
            min={actie.status?.datum}
            aria-describedby={`${id('datum')}-hint`}
            value={van}
            onInput={(e) => setVan(e.currentTarget.value)}
          />
        </Field>
      </div>
      <div class="actions">
        <button type="submit" disabled={bezig}>
          Status vastleggen
        </button>
        <button type="button" class="secondary" onClick={props.annuleren}>
          Annuleren
        </button>
      </div>
    </form>
  );
}

const AANDEEL = Object.fromEntries(
  (Object.keys(AANDEEL_INDICATOREN) as AandeelIndicator[]).map((naam) => [
    naam,
    (j: KnopJaar): Aandeel => j[naam]!,
  ]),
) as Record<AandeelIndicator, (j: KnopJaar) => Aandeel>;

const isAandeel = (naam: string): naam is AandeelIndicator => naam in AANDEEL_INDICATOREN;

/** The council's indicators of the knop's starting point, as the dashboard shows them. */
function KnopIndicatorenFiguur(props: { data: KnopIndicatoren }) {
  const d = props.data;
  if (d.indicatoren.length === 0) {
    return <p class="muted">Het programma verbindt deze knop niet met indicatoren van de raad.</p>;
  }
  const aandelen = d.indicatoren.filter(isAandeel);
  const heeft = (naam: string) => d.indicatoren.includes(naam);
  return (
    <CijferKader cijfers={d}>
      <p>Vertrekpunt: {d.vertrekpunt}.</p>
      <div class="small-multiples">
        {aandelen.map((naam) => (
          <IndicatorGrafiek naam={AANDEEL_INDICATOREN[naam]} jaren={d.jaren} van={AANDEEL[naam]} />
        ))}
      </div>
      <DataTable
        caption="Indicatoren van deze knop per jaar"
        rows={d.jaren}
        columns={[
          {
            header: 'Jaar',
            cell: (j) => `${j.jaar}${j.heelJaar ? '' : ` (tot ${datum(j.peildatum)})`}`,
          },
          ...aandelen.map((naam) => ({
            header: AANDEEL_INDICATOREN[naam],
            cell: (j: KnopJaar) => cel(AANDEEL[naam](j).percentage, '%'),
            numeric: true,
          })),
          ...(heeft('jeugdigenInVerblijf')
            ? [
                {
                  header: 'Jeugdigen in verblijf',
                  cell: (j: KnopJaar) => cel(j.jeugdigenInVerblijf?.aantal),
                  numeric: true,
                },
                {
                  header: 'Doel verblijf',
                  cell: (j: KnopJaar) => cel(j.jeugdigenInVerblijf?.doel),
                  numeric: true,
                },
              ]
            : []),
          ...(heeft('herhaaldeInstroom')
            ? [
                {
                  header: 'Herhaalde instroom',
                  cell: (j: KnopJaar) => cel(j.herhaaldeInstroom?.percentage, '%'),
                  numeric: true,
                },
              ]
            : []),
        ]}
      />
      {d.herhaaldeInstroom && (
        <p>
          Herhaalde instroom over de hele periode: {cel(d.herhaaldeInstroom.herhaald)} van{' '}
          {cel(d.herhaaldeInstroom.instroom)} ({cel(d.herhaaldeInstroom.percentage, '%')}).
        </p>
      )}
      {heeft('inEnUitstroom') && (
        <>
          <h3>In- en uitstroom per maand</h3>
          <StroomFiguur data={d} />
        </>
      )}
    </CijferKader>
  );
}
