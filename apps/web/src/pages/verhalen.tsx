import type {
  Aanleiding,
  Oordeel,
  ToewijzingOpname,
  VerhaalToestemming,
  Verteller,
} from '@app/domain/verhaal/verhaal.events';
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describe, get, send } from '../api';
import type { Ik } from '../auth';
import {
  GEEN_ANTWOORD,
  GEEN_ANTWOORD_LABEL,
  HULPVRAAG,
  HULPVRAAG_ANTWOORDEN,
  REGIE_SCORES,
  TOESTEMMING,
  VERHAAL_TOESTEMMINGEN,
  VERTELLER,
  VERTELLERS,
  VOORTGANG_SCORES,
  datum,
  label,
  moment,
  score,
} from '../labels';
import type { Gezin, Lid, PlanVersie, Zorg } from '../types';
import { DataTable, Field, Link, Page, Show, StatusMessage, useLoad } from '../ui';
import { naamVan } from './gezin';

/** The shapes of the stories and judgements routes (see the OpenAPI document). */
type Toestemming = VerhaalToestemming;
type Score = Oordeel['regie'] | Oordeel['voortgang'][number]['score'];

export interface Verhaal {
  verhaalId: string;
  gezinId: string;
  persoonId: string | null;
  toewijzing: ToewijzingOpname | null;
  verteller: { soort: Verteller; organisatie: string | null };
  datum: string;
  tekst: string;
  themaIds: string[];
  toestemming: Toestemming;
  toestemmingSinds: string;
  vastgelegdDoor: string;
  vastgelegdOp: string;
  vrijgave: { tekst: string; door: string; op: string } | null;
  revision: number;
}

interface OordelenRonde {
  oordeelId: string;
  aanleiding: Aanleiding;
  datum: string;
  oordelen: Oordeel[];
  vastgelegdDoor: string;
  vastgelegdOp: string;
}

interface Thema {
  themaId: string;
  naam: string;
  actief: boolean;
}

const themas = () => get<{ items: Thema[] }>('/referentiedata/themas').then((t) => t.items);
const themaNamen = (ids: string[], alle: Thema[] | undefined) =>
  ids.map((id) => alle?.find((t) => t.themaId === id)?.naam ?? id).join(', ');

/** May this user release this story: consent for the monitoring, not released, not their own. */
const vrijTeGeven = (v: Verhaal, ik: Ik) =>
  v.toestemming !== 'dossier' && v.vrijgave === null && v.vastgelegdDoor !== ik.userId;

/** Where a story stands for the monitoring, in words. */
function monitoringStand(v: Verhaal): string {
  if (v.toestemming === 'dossier') return 'Niet in de monitoring: alleen in het dossier.';
  if (v.vrijgave) {
    return `Vrijgegeven voor de monitoring door ${v.vrijgave.door} op ${datum(v.vrijgave.op)}.`;
  }
  return 'Wacht op vrijgave door een tweede persoon (een andere contactpersoon of een teamleider).';
}

/** A form that opens where the keyboard is: its first field takes the focus. */
function useFocusFirst<T extends HTMLElement>(focus = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return ref;
}

/** A write with its error shown at the form; `klaar` runs after it succeeded. */
function useWrite() {
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  async function write(schrijf: () => Promise<unknown>, klaar: () => Promise<void> | void) {
    setFout(null);
    setBezig(true);
    try {
      await schrijf();
      setBezig(false);
      await klaar();
    } catch (error) {
      setFout(describe(error));
      setBezig(false);
    }
  }
  const melding = fout && (
    <div role="alert" class="alert alert-error">
      {fout}
    </div>
  );
  return { write, bezig, melding };
}

function Knoppen(props: { bezig: boolean; opslaan: string; annuleren: () => void }) {
  return (
    <div class="actions">
      <button type="submit" disabled={props.bezig}>
        {props.opslaan}
      </button>
      <button type="button" class="secondary" onClick={props.annuleren}>
        Annuleren
      </button>
    </div>
  );
}

/** A form that opens from a button, and the message of what it recorded. */
function useNieuw() {
  const [open, setOpen] = useState(false);
  const [melding, setMelding] = useState<string | null>(null);
  return {
    open,
    melding,
    openen: () => {
      setMelding(null);
      setOpen(true);
    },
    sluiten: () => setOpen(false),
    gemeld: (bericht: string) => {
      setOpen(false);
      setMelding(bericht);
    },
  };
}

/** A form when it is open, else the button that opens it. */
function FormulierOfKnop(props: {
  nieuw: ReturnType<typeof useNieuw>;
  knop: string;
  children: ComponentChildren;
}) {
  if (props.nieuw.open) return <>{props.children}</>;
  return (
    <p>
      <button type="button" onClick={props.nieuw.openen}>
        {props.knop}
      </button>
    </p>
  );
}

/** A family's stories: each with its consent and release, and a form to record one. */
export function VerhalenSectie(props: { gezin: Gezin; ik: Ik }) {
  const { gezin, ik } = props;
  const verhalen = useLoad(
    () => get<{ items: Verhaal[] }>(`/gezinnen/${gezin.gezinId}/verhalen`),
    [gezin.gezinId],
  );
  const alleThemas = useLoad(themas, []);
  const nieuw = useNieuw();
  const schrijven = gezin.toegang === 'schrijven';
  async function klaar(bericht: string) {
    await verhalen.reload();
    nieuw.gemeld(bericht);
  }
  return (
    <section aria-labelledby="verhalen">
      <h2 id="verhalen">Verhalen</h2>
      <p class="muted">
        Wat jeugdigen, ouders en professionals over de hulp zeggen, in hun eigen woorden. Alleen met
        toestemming en na controle door een tweede persoon komt een verhaal, zonder namen, in de
        monitoring.
      </p>
      <StatusMessage message={nieuw.melding} />
      {schrijven && (
        <FormulierOfKnop nieuw={nieuw} knop="Verhaal vastleggen">
          <NieuwVerhaal
            gezin={gezin}
            ik={ik}
            themas={alleThemas.data ?? []}
            annuleren={nieuw.sluiten}
            klaar={() => klaar('Het verhaal is vastgelegd.')}
          />
        </FormulierOfKnop>
      )}
      <Show loaded={verhalen}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">Er zijn nog geen verhalen vastgelegd.</p>
          ) : (
            <ol class="verhalen">
              {items.map((v) => (
                <li>
                  <VerhaalKaart
                    verhaal={v}
                    leden={gezin.leden}
                    themas={alleThemas.data}
                    ik={ik}
                    schrijven={schrijven}
                    klaar={klaar}
                  />
                </li>
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

type Open = 'toestemming' | 'vrijgave' | null;

function VerhaalKaart(props: {
  verhaal: Verhaal;
  leden?: Lid[];
  themas: Thema[] | undefined;
  ik: Ik;
  schrijven: boolean;
  klaar: (bericht: string) => Promise<void>;
}) {
  const { verhaal: v, ik } = props;
  const [open, setOpen] = useState<Open>(null);
  const lid = props.leden?.find((l) => l.persoonId === v.persoonId);
  const titel = `${label(VERTELLER, v.verteller.soort)}${v.verteller.organisatie ? ` (${v.verteller.organisatie})` : ''}, ${datum(v.datum)}`;
  const sluit = async (bericht: string) => {
    setOpen(null);
    await props.klaar(bericht);
  };
  return (
    <article class="card verhaal" aria-labelledby={`verhaal-${v.verhaalId}`}>
      <h3 id={`verhaal-${v.verhaalId}`}>Verhaal van {titel}</h3>
      <blockquote>{v.tekst}</blockquote>
      <dl class="definition">
        {lid && (
          <>
            <dt>Over</dt>
            <dd>{naamVan(lid)}</dd>
          </>
        )}
        {v.toewijzing && (
          <>
            <dt>Toewijzing</dt>
            <dd>
              Product {v.toewijzing.productcode}, aanbieder {v.toewijzing.aanbiederId}
            </dd>
          </>
        )}
        <dt>Thema's</dt>
        <dd>{themaNamen(v.themaIds, props.themas)}</dd>
        <dt>Toestemming</dt>
        <dd>
          {label(TOESTEMMING, v.toestemming)} (sinds {datum(v.toestemmingSinds)})
        </dd>
        <dt>Monitoring</dt>
        <dd>{monitoringStand(v)}</dd>
        {v.vrijgave && v.vrijgave.tekst !== v.tekst && (
          <>
            <dt>Tekst in de monitoring</dt>
            <dd>{v.vrijgave.tekst}</dd>
          </>
        )}
        <dt>Vastgelegd</dt>
        <dd>
          {moment(v.vastgelegdOp)} door {v.vastgelegdDoor}
        </dd>
      </dl>
      {open === 'toestemming' ? (
        <ToestemmingFormulier
          verhaal={v}
          vandaag={ik.vandaag}
          annuleren={() => setOpen(null)}
          klaar={sluit}
        />
      ) : open === 'vrijgave' ? (
        <VrijgaveFormulier verhaal={v} annuleren={() => setOpen(null)} klaar={sluit} />
      ) : (
        <div class="row-actions">
          {props.schrijven && (
            <button type="button" class="small secondary" onClick={() => setOpen('toestemming')}>
              Toestemming wijzigen<span class="visually-hidden"> van het verhaal van {titel}</span>
            </button>
          )}
          {vrijTeGeven(v, ik) && (
            <button type="button" class="small" onClick={() => setOpen('vrijgave')}>
              Controleren en vrijgeven
              <span class="visually-hidden"> van het verhaal van {titel}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}

function ToestemmingKeuze(props: {
  id: string;
  waarde: Toestemming;
  onChange: (t: Toestemming) => void;
  eerste?: RefObject<HTMLInputElement | null>;
  legend: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {VERHAAL_TOESTEMMINGEN.map((t) => (
        <div class="checkbox">
          <input
            ref={t === props.waarde ? props.eerste : undefined}
            id={`${props.id}-${t}`}
            type="radio"
            name={props.id}
            value={t}
            checked={t === props.waarde}
            onChange={() => props.onChange(t)}
          />
          <label for={`${props.id}-${t}`}>{TOESTEMMING[t]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function ToestemmingFormulier(props: {
  verhaal: Verhaal;
  vandaag: string;
  annuleren: () => void;
  klaar: (bericht: string) => Promise<void>;
}) {
  const v = props.verhaal;
  const [toestemming, setToestemming] = useState<Toestemming>(v.toestemming);
  const [op, setOp] = useState(props.vandaag);
  const eerste = useFocusFirst<HTMLInputElement>();
  const { write, bezig, melding } = useWrite();
  const id = `toestemming-${v.verhaalId}`;
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void write(
          () =>
            send(
              'PUT',
              `/gezinnen/${v.gezinId}/verhalen/${v.verhaalId}/toestemming`,
              { toestemming, datum: op },
              { ifMatch: `"${v.revision}"` },
            ),
          () =>
            props.klaar(
              toestemming === 'dossier'
                ? 'De toestemming is ingetrokken: het verhaal staat niet meer in de monitoring.'
                : `De toestemming is gewijzigd: ${TOESTEMMING[toestemming].toLowerCase()}.`,
            ),
        );
      }}
    >
      {melding}
      <ToestemmingKeuze
        id={id}
        legend="Toestemming van de verteller"
        waarde={toestemming}
        onChange={setToestemming}
        eerste={eerste}
      />
      <Field id={`${id}-datum`} label="Gezegd op">
        <input
          id={`${id}-datum`}
          type="date"
          required
          min={v.datum}
          max={props.vandaag}
          value={op}
          onInput={(e) => setOp(e.currentTarget.value)}
        />
      </Field>
      <Knoppen bezig={bezig} opslaan="Toestemming opslaan" annuleren={props.annuleren} />
    </form>
  );
}

/** The second person checks the text for identifying details and releases what they checked. */
function VrijgaveFormulier(props: {
  verhaal: Verhaal;
  annuleren?: () => void;
  klaar: (bericht: string) => Promise<void>;
}) {
  const v = props.verhaal;
  const [tekst, setTekst] = useState(v.tekst);
  // Opened from a button: the focus goes to the text; in the worklist it stays on the page.
  const eerste = useFocusFirst<HTMLTextAreaElement>(props.annuleren !== undefined);
  const { write, bezig, melding } = useWrite();
  const id = `vrijgave-${v.verhaalId}`;
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void write(
          () => send('POST', `/gezinnen/${v.gezinId}/verhalen/${v.verhaalId}/vrijgave`, { tekst }),
          () => props.klaar('Het verhaal is vrijgegeven voor de monitoring.'),
        );
      }}
    >
      {melding}
      <Field
        id={id}
        label="Tekst zoals gecontroleerd"
        hint="Haal namen, plaatsen, scholen en andere herkenbare details weg. Alleen deze tekst komt in de monitoring."
      >
        <textarea
          ref={eerste}
          id={id}
          required
          rows={4}
          maxLength={4000}
          aria-describedby={`${id}-hint`}
          value={tekst}
          onInput={(e) => setTekst(e.currentTarget.value)}
        />
      </Field>
      <div class="actions">
        <button type="submit" disabled={bezig}>
          Vrijgeven voor de monitoring
        </button>
        {props.annuleren && (
          <button type="button" class="secondary" onClick={props.annuleren}>
            Annuleren
          </button>
        )}
      </div>
    </form>
  );
}

/** The assignments of the family's members, for a story or the end of an assignment. */
function useToewijzingen(leden: Lid[]) {
  return useLoad(
    async () =>
      (
        await Promise.all(
          leden.map(async (lid) => {
            const zorg = await get<Zorg>(`/personen/${lid.persoonId}/zorg`);
            return zorg.toewijzingen.map((t) => ({ ...t, lid }));
          }),
        )
      ).flat(),
    [leden.map((l) => l.persoonId).join()],
  );
}

function NieuwVerhaal(props: {
  gezin: Gezin;
  ik: Ik;
  themas: Thema[];
  annuleren: () => void;
  klaar: () => Promise<void>;
}) {
  const { gezin } = props;
  const [soort, setSoort] = useState<Verteller>('jeugdige');
  const [organisatie, setOrganisatie] = useState('');
  const [op, setOp] = useState(props.ik.vandaag);
  const [tekst, setTekst] = useState('');
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [toestemming, setToestemming] = useState<Toestemming>('dossier');
  const [persoonId, setPersoonId] = useState('');
  const [toewijzingId, setToewijzingId] = useState('');
  const [themaFout, setThemaFout] = useState<string | null>(null);
  const toewijzingen = useToewijzingen(gezin.leden);
  const eerste = useFocusFirst<HTMLInputElement>();
  const { write, bezig, melding } = useWrite();
  const actief = props.themas.filter((t) => t.actief);
  const vanLid = (toewijzingen.data ?? []).filter(
    (t) => !persoonId || t.lid.persoonId === persoonId,
  );
  return (
    <form
      class="card"
      aria-labelledby="nieuw-verhaal"
      onSubmit={(e) => {
        e.preventDefault();
        if (gekozen.length === 0) {
          setThemaFout('Kies minstens één thema.');
          document.getElementById(`verhaal-thema-${actief[0]?.themaId}`)?.focus();
          return;
        }
        setThemaFout(null);
        void write(
          () =>
            send('POST', `/gezinnen/${gezin.gezinId}/verhalen`, {
              verteller: { soort, ...(soort === 'professional' ? { organisatie } : {}) },
              datum: op,
              tekst,
              themaIds: gekozen,
              toestemming,
              ...(persoonId ? { persoonId } : {}),
              ...(toewijzingId ? { toewijzingId } : {}),
            }),
          props.klaar,
        );
      }}
    >
      <h3 id="nieuw-verhaal">Verhaal vastleggen</h3>
      {melding}
      <fieldset>
        <legend>Wie vertelt</legend>
        <div class="chips">
          {VERTELLERS.map((v) => (
            <span class="chip">
              <input
                ref={v === soort ? eerste : undefined}
                id={`verhaal-verteller-${v}`}
                type="radio"
                name="verhaal-verteller"
                checked={v === soort}
                onChange={() => setSoort(v)}
              />
              <label for={`verhaal-verteller-${v}`}>{VERTELLER[v]}</label>
            </span>
          ))}
        </div>
        {soort === 'professional' && (
          <Field id="verhaal-organisatie" label="Organisatie van de professional">
            <input
              id="verhaal-organisatie"
              type="text"
              required
              maxLength={200}
              value={organisatie}
              onInput={(e) => setOrganisatie(e.currentTarget.value)}
            />
          </Field>
        )}
      </fieldset>
      <div class="grid-3">
        <Field id="verhaal-datum" label="Verteld op">
          <input
            id="verhaal-datum"
            type="date"
            required
            max={props.ik.vandaag}
            value={op}
            onInput={(e) => setOp(e.currentTarget.value)}
          />
        </Field>
        <Field id="verhaal-lid" label="Over gezinslid (niet verplicht)">
          <select
            id="verhaal-lid"
            value={persoonId}
            onChange={(e) => {
              setPersoonId(e.currentTarget.value);
              setToewijzingId('');
            }}
          >
            <option value="">Niemand in het bijzonder</option>
            {gezin.leden.map((lid) => (
              <option value={lid.persoonId}>{naamVan(lid)}</option>
            ))}
          </select>
        </Field>
        <Field id="verhaal-toewijzing" label="Over toewijzing (niet verplicht)">
          <select
            id="verhaal-toewijzing"
            value={toewijzingId}
            onChange={(e) => setToewijzingId(e.currentTarget.value)}
          >
            <option value="">Geen toewijzing</option>
            {vanLid.map((t) => (
              <option value={t.toewijzingId}>
                {t.toewijzingsnummer}: {t.productcode}, {t.aanbiederNaam} ({t.lid.voornaam})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id="verhaal-tekst"
        label="Het verhaal, in de eigen woorden van de verteller"
        hint="Schrijf op wat de verteller zegt; namen mogen, het dossier is van het gezin."
      >
        <textarea
          id="verhaal-tekst"
          required
          rows={4}
          maxLength={4000}
          aria-describedby="verhaal-tekst-hint"
          value={tekst}
          onInput={(e) => setTekst(e.currentTarget.value)}
        />
      </Field>
      <fieldset aria-describedby={themaFout ? 'verhaal-themas-fout' : undefined}>
        <legend>Thema's (minstens één)</legend>
        <div class="chips">
          {actief.map((t) => (
            <span class="chip">
              <input
                id={`verhaal-thema-${t.themaId}`}
                type="checkbox"
                checked={gekozen.includes(t.themaId)}
                onChange={(e) =>
                  setGekozen(
                    e.currentTarget.checked
                      ? [...gekozen, t.themaId]
                      : gekozen.filter((id) => id !== t.themaId),
                  )
                }
              />
              <label for={`verhaal-thema-${t.themaId}`}>{t.naam}</label>
            </span>
          ))}
        </div>
        {themaFout && (
          <p id="verhaal-themas-fout" class="field-error">
            {themaFout}
          </p>
        )}
      </fieldset>
      <ToestemmingKeuze
        id="verhaal-toestemming"
        legend="Toestemming van de verteller"
        waarde={toestemming}
        onChange={setToestemming}
      />
      <Knoppen bezig={bezig} opslaan="Verhaal opslaan" annuleren={props.annuleren} />
    </form>
  );
}

/** The stories waiting for this user to check and release them (a second person). */
export function VrijgevenPage(props: { ik: Ik }) {
  const lijst = useLoad(() => get<{ items: Verhaal[] }>('/werklijsten/verhalen-vrij-te-geven'), []);
  const alleThemas = useLoad(themas, []);
  const [melding, setMelding] = useState<string | null>(null);
  return (
    <Page
      title="Verhalen vrijgeven"
      lead={
        <p class="lead">
          Verhalen met toestemming voor de monitoring, door een ander vastgelegd. Controleer elk
          verhaal op namen en andere herkenbare details, en geef de gecontroleerde tekst vrij.{' '}
          <Link href="/gezinnen">Terug naar mijn gezinnen</Link>
        </p>
      }
    >
      <StatusMessage message={melding} />
      <Show loaded={lijst}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">Er wachten geen verhalen op u.</p>
          ) : (
            <ol class="verhalen">
              {items.map((v) => (
                <li>
                  <article class="card verhaal" aria-labelledby={`vrij-${v.verhaalId}`}>
                    <h2 id={`vrij-${v.verhaalId}`}>
                      Verhaal van {label(VERTELLER, v.verteller.soort)}, {datum(v.datum)}
                    </h2>
                    <p class="muted">
                      {label(TOESTEMMING, v.toestemming)}. Thema's:{' '}
                      {themaNamen(v.themaIds, alleThemas.data)}. Vastgelegd door {v.vastgelegdDoor}{' '}
                      op {moment(v.vastgelegdOp)}.
                    </p>
                    <blockquote>{v.tekst}</blockquote>
                    <VrijgaveFormulier
                      verhaal={v}
                      klaar={async (bericht) => {
                        await lijst.reload();
                        setMelding(bericht);
                      }}
                    />
                  </article>
                </li>
              ))}
            </ol>
          )
        }
      </Show>
      {props.ik.teamleider && (
        <p class="muted small">
          Als teamleider ziet u de verhalen van alle gezinnen; uw eigen verhalen geeft een ander
          vrij.
        </p>
      )}
    </Page>
  );
}

/** A worklist card on "Mijn gezinnen": how many stories wait for this user's release. */
export function VrijgaveWerklijst() {
  const lijst = useLoad(() => get<{ items: Verhaal[] }>('/werklijsten/verhalen-vrij-te-geven'), []);
  return (
    <section class="card" aria-labelledby="werklijst-verhalen">
      <h3 id="werklijst-verhalen">
        Verhalen om vrij te geven
        {lijst.data && <span class="count"> ({lijst.data.items.length})</span>}
      </h3>
      <Show loaded={lijst}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">Geen verhalen om te controleren.</p>
          ) : (
            <p>
              <Link href="/verhalen/vrijgeven">
                {items.length === 1 ? '1 verhaal' : `${items.length} verhalen`} controleren en
                vrijgeven
              </Link>
            </p>
          )
        }
      </Show>
    </section>
  );
}

/** A family's judgements, per round, and a form to record a round. */
export function OordelenSectie(props: { gezin: Gezin; ik: Ik }) {
  const { gezin } = props;
  const oordelen = useLoad(
    () => get<{ items: OordelenRonde[] }>(`/gezinnen/${gezin.gezinId}/oordelen`),
    [gezin.gezinId],
  );
  const plan = useLoad(
    async () => (gezin.plan ? get<PlanVersie>(`/gezinnen/${gezin.gezinId}/plan`) : null),
    [gezin.gezinId, gezin.plan?.versie],
  );
  const nieuw = useNieuw();
  const doel = (doelId: string) =>
    plan.data?.plan.doelen.find((d) => d.doelId === doelId)?.omschrijving ?? doelId;
  return (
    <section aria-labelledby="oordelen">
      <h2 id="oordelen">Oordelen</h2>
      <p class="muted">
        Bij elke evaluatie van het plan en aan het eind van elke toewijzing: is de hulpvraag
        beantwoord, hoeveel regie had men (1 tot 5), en hoe ver kwam elk doel (-2 tot +2)? Niet
        gevraagd en niet willen antwoorden tellen ook.
      </p>
      <StatusMessage message={nieuw.melding} />
      {gezin.toegang === 'schrijven' && (
        <FormulierOfKnop nieuw={nieuw} knop="Oordelen vastleggen">
          <NieuweOordelen
            gezin={gezin}
            plan={plan.data ?? null}
            vandaag={props.ik.vandaag}
            annuleren={nieuw.sluiten}
            klaar={async () => {
              await oordelen.reload();
              nieuw.gemeld('De oordelen zijn vastgelegd.');
            }}
          />
        </FormulierOfKnop>
      )}
      <Show loaded={oordelen}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">Er zijn nog geen oordelen vastgelegd.</p>
          ) : (
            <>
              {items.map((ronde) => (
                <DataTable
                  caption={`${aanleiding(ronde)}, gevraagd op ${datum(ronde.datum)}`}
                  rows={ronde.oordelen}
                  columns={[
                    { header: 'Wie', cell: (o) => label(VERTELLER, o.door) },
                    {
                      header: 'Hulpvraag beantwoord',
                      cell: (o) => label(HULPVRAAG, o.hulpvraagBeantwoord),
                    },
                    { header: 'Regie (1-5)', cell: (o) => score(o.regie) },
                    {
                      header: 'Voortgang per doel (-2 tot +2)',
                      cell: (o) => (
                        <ul class="plain">
                          {o.voortgang.map((v) => (
                            <li>
                              {doel(v.doelId)}: <strong>{score(v.score, true)}</strong>
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              ))}
            </>
          )
        }
      </Show>
    </section>
  );
}

const aanleiding = (ronde: OordelenRonde) =>
  ronde.aanleiding.soort === 'evaluatie'
    ? `Evaluatie van het plan (versie ${ronde.aanleiding.planVersie})`
    : `Einde van toewijzing ${ronde.aanleiding.toewijzing.productcode} (aanbieder ${ronde.aanleiding.toewijzing.aanbiederId})`;

interface Antwoord {
  mee: boolean;
  hulpvraagBeantwoord: string;
  regie: string;
  voortgang: Record<string, string>;
}

/** One select of a score or why there is none. */
function ScoreKeuze(props: {
  id: string;
  label: string;
  schaal: readonly number[];
  teken?: boolean;
  waarde: string;
  disabled: boolean;
  onChange: (waarde: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        required
        disabled={props.disabled}
        value={props.waarde}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">Kies</option>
        {props.schaal.map((s) => (
          <option value={String(s)}>{score(s, props.teken)}</option>
        ))}
        {GEEN_ANTWOORD.map((g) => (
          <option value={g}>{GEEN_ANTWOORD_LABEL[g]}</option>
        ))}
      </select>
    </Field>
  );
}

/** A select's value as the API takes it: a number, or why there is none (checked by the API). */
const alsScore = (waarde: string): Score =>
  (/^-?\d$/.test(waarde) ? Number(waarde) : waarde) as Score;

function NieuweOordelen(props: {
  gezin: Gezin;
  plan: PlanVersie | null;
  vandaag: string;
  annuleren: () => void;
  klaar: () => Promise<void>;
}) {
  const { gezin, plan } = props;
  const doelen = plan?.plan.doelen ?? [];
  // Who is asked: each youth and each parent of the family, and the professional.
  const gevraagden: { sleutel: string; door: Verteller; naam: string }[] = [
    ...gezin.leden
      .filter((l) => l.rol === 'jeugdige' || l.rol === 'ouder')
      .map((l) => ({
        sleutel: l.persoonId,
        door: l.rol as Verteller,
        naam: `${naamVan(l)} (${VERTELLER[l.rol as Verteller].toLowerCase()})`,
      })),
    { sleutel: 'professional', door: 'professional', naam: 'De professional' },
  ];
  const [soort, setSoort] = useState<'evaluatie' | 'einde-toewijzing'>(
    plan ? 'evaluatie' : 'einde-toewijzing',
  );
  const [toewijzingId, setToewijzingId] = useState('');
  const [op, setOp] = useState(props.vandaag);
  const [antwoorden, setAntwoorden] = useState<Record<string, Antwoord>>(() =>
    Object.fromEntries(
      gevraagden.map((g) => [
        g.sleutel,
        { mee: true, hulpvraagBeantwoord: '', regie: '', voortgang: {} },
      ]),
    ),
  );
  const toewijzingen = useToewijzingen(gezin.leden);
  const eerste = useFocusFirst<HTMLInputElement>();
  const { write, bezig, melding } = useWrite();
  const zet = (sleutel: string, wijziging: Partial<Antwoord>) =>
    setAntwoorden({ ...antwoorden, [sleutel]: { ...antwoorden[sleutel]!, ...wijziging } });

  return (
    <form
      class="card"
      aria-labelledby="nieuwe-oordelen"
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          aanleiding:
            soort === 'evaluatie'
              ? { soort, planVersie: plan?.versie }
              : { soort, toewijzingId: toewijzingId },
          datum: op,
          oordelen: gevraagden
            .filter((g) => antwoorden[g.sleutel]!.mee)
            .map((g) => {
              const a = antwoorden[g.sleutel]!;
              return {
                door: g.door,
                hulpvraagBeantwoord: a.hulpvraagBeantwoord,
                regie: alsScore(a.regie),
                voortgang: doelen.map((d) => ({
                  doelId: d.doelId,
                  score: alsScore(a.voortgang[d.doelId] ?? ''),
                })),
              };
            }),
        };
        void write(() => send('POST', `/gezinnen/${gezin.gezinId}/oordelen`, body), props.klaar);
      }}
    >
      <h3 id="nieuwe-oordelen">Oordelen vastleggen</h3>
      {melding}
      <fieldset>
        <legend>Aanleiding</legend>
        {plan && (
          <div class="checkbox">
            <input
              ref={soort === 'evaluatie' ? eerste : undefined}
              id="oordeel-evaluatie"
              type="radio"
              name="oordeel-aanleiding"
              checked={soort === 'evaluatie'}
              onChange={() => setSoort('evaluatie')}
            />
            <label for="oordeel-evaluatie">Evaluatie van het plan (versie {plan.versie})</label>
          </div>
        )}
        <div class="checkbox">
          <input
            ref={soort === 'einde-toewijzing' ? eerste : undefined}
            id="oordeel-einde"
            type="radio"
            name="oordeel-aanleiding"
            checked={soort === 'einde-toewijzing'}
            onChange={() => setSoort('einde-toewijzing')}
          />
          <label for="oordeel-einde">Einde van een toewijzing</label>
        </div>
        {soort === 'einde-toewijzing' && (
          <Field id="oordeel-toewijzing" label="Toewijzing">
            <select
              id="oordeel-toewijzing"
              required
              value={toewijzingId}
              onChange={(e) => setToewijzingId(e.currentTarget.value)}
            >
              <option value="">Kies een toewijzing</option>
              {(toewijzingen.data ?? []).map((t) => (
                <option value={t.toewijzingId}>
                  {t.toewijzingsnummer}: {t.productcode}, {t.aanbiederNaam} ({t.lid.voornaam})
                </option>
              ))}
            </select>
          </Field>
        )}
      </fieldset>
      <Field id="oordeel-datum" label="Gevraagd op">
        <input
          id="oordeel-datum"
          type="date"
          required
          max={props.vandaag}
          value={op}
          onInput={(e) => setOp(e.currentTarget.value)}
        />
      </Field>
      {gevraagden.map((g) => {
        const a = antwoorden[g.sleutel]!;
        const id = (veld: string) => `oordeel-${g.sleutel}-${veld}`;
        return (
          <fieldset class="row-group">
            <legend>{g.naam}</legend>
            <div class="checkbox-field">
              <input
                id={id('mee')}
                type="checkbox"
                checked={a.mee}
                onChange={(e) => zet(g.sleutel, { mee: e.currentTarget.checked })}
              />
              <label for={id('mee')}>In deze ronde vastleggen</label>
            </div>
            <div class="grid-3">
              <Field id={id('hulpvraag')} label="Hulpvraag beantwoord?">
                <select
                  id={id('hulpvraag')}
                  required
                  disabled={!a.mee}
                  value={a.hulpvraagBeantwoord}
                  onChange={(e) => zet(g.sleutel, { hulpvraagBeantwoord: e.currentTarget.value })}
                >
                  <option value="">Kies</option>
                  {HULPVRAAG_ANTWOORDEN.map((h) => (
                    <option value={h}>{HULPVRAAG[h]}</option>
                  ))}
                </select>
              </Field>
              <ScoreKeuze
                id={id('regie')}
                label="Regie (1 tot 5)"
                schaal={REGIE_SCORES}
                waarde={a.regie}
                disabled={!a.mee}
                onChange={(regie) => zet(g.sleutel, { regie })}
              />
              {doelen.map((d) => (
                <ScoreKeuze
                  id={id(`doel-${d.doelId}`)}
                  label={`Voortgang: ${d.omschrijving}`}
                  schaal={VOORTGANG_SCORES}
                  teken
                  waarde={a.voortgang[d.doelId] ?? ''}
                  disabled={!a.mee}
                  onChange={(s) => zet(g.sleutel, { voortgang: { ...a.voortgang, [d.doelId]: s } })}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      <Knoppen bezig={bezig} opslaan="Oordelen opslaan" annuleren={props.annuleren} />
    </form>
  );
}
