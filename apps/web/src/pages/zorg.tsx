import { useEffect, useState } from 'preact/hooks';
import { ApiError, describe, get, send } from '../api';
import type { Ik } from '../auth';
import {
  KADER,
  REDENEN_EINDE_ZORG,
  VERWIJZER_TYPES,
  WETTELIJKE_KADERS,
  datum,
  label,
} from '../labels';
import type { Aanbieder, Gezin, Product, Toewijzing, Zorg } from '../types';
import {
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
import { naamVan } from './gezin';

type Actie = { soort: 'start' | 'stop' | 'verlenging'; toewijzing: Toewijzing } | null;

/**
 * A member's care and the everyday facts the contact person records: a new assignment, care
 * started, care stopped, an extension requested. Each write sends the dossier's version
 * (If-Match): when someone else recorded something first, the care is read again.
 */
export function ZorgPage(props: { gezinId: string; persoonId: string; ik: Ik }) {
  const { gezinId, persoonId, ik } = props;
  const gezin = useLoad(() => get<Gezin>(`/gezinnen/${gezinId}`), [gezinId]);
  const zorg = useLoad(() => get<Zorg>(`/personen/${persoonId}/zorg`), [persoonId]);
  const [actie, setActie] = useState<Actie>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const lid = gezin.data?.leden.find((l) => l.persoonId === persoonId);
  const schrijven = gezin.data?.toegang === 'schrijven';

  async function vastleggen(pad: string, body: unknown, klaar: string): Promise<string | null> {
    setMelding(null);
    try {
      await send('POST', `/personen/${persoonId}${pad}`, body, {
        ifMatch: zorg.data ? `"${zorg.data.revision}"` : undefined,
      });
      setActie(null);
      await zorg.reload();
      setMelding(klaar);
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await zorg.reload();
        return 'Iemand anders heeft intussen iets vastgelegd voor deze persoon. De zorg is opnieuw geladen; controleer en probeer het nog eens.';
      }
      return describe(error);
    }
  }

  if (gezin.error || zorg.error) {
    return (
      <Page title="Zorg">
        <ErrorMessage error={gezin.error ?? zorg.error} />
      </Page>
    );
  }
  if (!gezin.data || !zorg.data) return <Loading />;
  const z = zorg.data;
  const naam = lid ? naamVan(lid) : 'dit gezinslid';
  return (
    <Page
      title={`Zorg van ${naam}`}
      lead={
        <p class="lead">
          Gezin {gezin.data.naam}. <Link href={`/gezinnen/${gezinId}`}>Terug naar het gezin</Link>
        </p>
      }
    >
      <StatusMessage message={melding} />
      {z.perspectiefgesprek && (
        <p>
          Perspectiefgesprek (16,5 jaar):{' '}
          {z.perspectiefgesprek.gevoerdOp
            ? `gevoerd op ${datum(z.perspectiefgesprek.gevoerdOp)}`
            : `uiterlijk ${datum(z.perspectiefgesprek.uiterlijk)}`}
          .
        </p>
      )}
      <h2>Toewijzingen</h2>
      <DataTable
        caption={`Toewijzingen van ${naam}`}
        captionHidden
        rows={z.toewijzingen}
        empty="Nog geen toewijzingen."
        columns={[
          { header: 'Nummer', cell: (t) => t.toewijzingsnummer },
          { header: 'Wet', cell: (t) => label(KADER, t.wettelijkKader) },
          { header: 'Product', cell: (t) => `${t.productcode} (categorie ${t.productcategorie})` },
          { header: 'Aanbieder', cell: (t) => t.aanbiederNaam },
          { header: 'Toegewezen', cell: (t) => `${datum(t.begindatum)} – ${datum(t.einddatum)}` },
          { header: 'Zorg gestart', cell: (t) => (t.zorgStart ? datum(t.zorgStart) : 'Nee') },
          {
            header: 'Zorg gestopt',
            cell: (t) =>
              t.zorgStop
                ? `${datum(t.zorgStop)} (${label(REDENEN_EINDE_ZORG, t.redenEinde)})`
                : 'Nee',
          },
          ...(schrijven
            ? [
                {
                  header: 'Vastleggen',
                  cell: (t: Toewijzing) => (
                    <div class="row-actions">
                      {!t.zorgStart && (
                        <button
                          type="button"
                          class="small"
                          onClick={() => setActie({ soort: 'start', toewijzing: t })}
                        >
                          Start<span class="visually-hidden"> van {t.toewijzingsnummer}</span>
                        </button>
                      )}
                      {t.zorgStart && !t.zorgStop && (
                        <button
                          type="button"
                          class="small"
                          onClick={() => setActie({ soort: 'stop', toewijzing: t })}
                        >
                          Stop<span class="visually-hidden"> van {t.toewijzingsnummer}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        class="small secondary"
                        onClick={() => setActie({ soort: 'verlenging', toewijzing: t })}
                      >
                        Verlenging<span class="visually-hidden"> van {t.toewijzingsnummer}</span>
                      </button>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {actie && (
        <ActieFormulier
          key={`${actie.soort}-${actie.toewijzing.toewijzingId}`}
          actie={actie}
          vandaag={ik.vandaag}
          annuleren={() => setActie(null)}
          vastleggen={vastleggen}
        />
      )}
      <h2>Verlengingsaanvragen</h2>
      <DataTable
        caption={`Verlengingsaanvragen voor ${naam}`}
        captionHidden
        rows={z.verlengingen}
        empty="Geen verlengingsaanvragen."
        columns={[
          {
            header: 'Toewijzing',
            cell: (v) =>
              z.toewijzingen.find((t) => t.toewijzingId === v.toewijzingId)?.toewijzingsnummer ??
              '',
          },
          {
            header: 'Aangevraagd',
            cell: (v) =>
              `${datum(v.aangevraagdOp)} door ${v.aanvrager}${v.telaat ? ' (te laat)' : ''}`,
          },
          { header: 'Tot', cell: (v) => datum(v.gevraagdTot) },
          { header: 'Reden', cell: (v) => v.reden },
          {
            header: 'Besluit',
            cell: (v) =>
              v.besluit
                ? `${v.besluit === 'toegekend' ? 'Toegekend' : 'Afgewezen'} op ${datum(v.besluitdatum)}`
                : 'Nog geen besluit',
          },
        ]}
      />
      {schrijven && (
        <NieuweToewijzing persoonId={persoonId} vandaag={ik.vandaag} vastleggen={vastleggen} />
      )}
    </Page>
  );
}

type Vastleggen = (pad: string, body: unknown, klaar: string) => Promise<string | null>;

function ActieFormulier(props: {
  actie: NonNullable<Actie>;
  vandaag: string;
  annuleren: () => void;
  vastleggen: Vastleggen;
}) {
  const { actie } = props;
  const t = actie.toewijzing;
  const [datumWaarde, setDatum] = useState(props.vandaag);
  const [reden, setReden] = useState('31');
  const [aanvrager, setAanvrager] = useState(t.aanbiederNaam);
  const [toelichting, setToelichting] = useState('');
  const [tot, setTot] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  // The form opens where the keyboard is: its first field takes the focus.
  useEffect(() => document.getElementById('actie-datum')?.focus(), []);
  const titel = {
    start: `Start van de zorg vastleggen (${t.toewijzingsnummer})`,
    stop: `Stop van de zorg vastleggen (${t.toewijzingsnummer})`,
    verlenging: `Verlenging aanvragen (${t.toewijzingsnummer})`,
  }[actie.soort];

  async function verstuur(event: Event) {
    event.preventDefault();
    const pad = `/toewijzingen/${t.toewijzingId}`;
    const resultaat =
      actie.soort === 'start'
        ? await props.vastleggen(
            `${pad}/zorgstart`,
            { datum: datumWaarde },
            'De start van de zorg is vastgelegd.',
          )
        : actie.soort === 'stop'
          ? await props.vastleggen(
              `${pad}/zorgstop`,
              { datum: datumWaarde, reden },
              'De stop van de zorg is vastgelegd.',
            )
          : await props.vastleggen(
              `${pad}/verlengingen`,
              { aangevraagdOp: datumWaarde, aanvrager, reden: toelichting, gevraagdTot: tot },
              'De verlengingsaanvraag is vastgelegd.',
            );
    setFout(resultaat);
  }

  return (
    <section class="card" aria-labelledby="actie-titel">
      <h3 id="actie-titel">{titel}</h3>
      {fout && (
        <div role="alert" class="alert alert-error">
          {fout}
        </div>
      )}
      <form onSubmit={(e) => void verstuur(e)}>
        <div class="grid-3">
          <Field id="actie-datum" label={actie.soort === 'verlenging' ? 'Aangevraagd op' : 'Datum'}>
            <input
              id="actie-datum"
              type="date"
              required
              value={datumWaarde}
              onInput={(e) => setDatum(e.currentTarget.value)}
            />
          </Field>
          {actie.soort === 'stop' && (
            <Field id="actie-reden" label="Reden van beëindiging (iJW)">
              <select
                id="actie-reden"
                value={reden}
                onChange={(e) => setReden(e.currentTarget.value)}
              >
                {Object.entries(REDENEN_EINDE_ZORG).map(([code, tekst]) => (
                  <option value={code}>
                    {code} {tekst}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {actie.soort === 'verlenging' && (
            <>
              <Field id="actie-aanvrager" label="Aangevraagd door">
                <input
                  id="actie-aanvrager"
                  type="text"
                  required
                  value={aanvrager}
                  onInput={(e) => setAanvrager(e.currentTarget.value)}
                />
              </Field>
              <Field
                id="actie-tot"
                label="Gevraagd tot"
                hint={`Na de einddatum, ${datum(t.einddatum)}.`}
              >
                <input
                  id="actie-tot"
                  type="date"
                  required
                  aria-describedby="actie-tot-hint"
                  value={tot}
                  onInput={(e) => setTot(e.currentTarget.value)}
                />
              </Field>
              <Field id="actie-toelichting" label="Reden">
                <input
                  id="actie-toelichting"
                  type="text"
                  required
                  value={toelichting}
                  onInput={(e) => setToelichting(e.currentTarget.value)}
                />
              </Field>
            </>
          )}
        </div>
        <div class="actions">
          <button type="submit">Vastleggen</button>
          <button type="button" class="secondary" onClick={props.annuleren}>
            Annuleren
          </button>
        </div>
      </form>
    </section>
  );
}

function NieuweToewijzing(props: { persoonId: string; vandaag: string; vastleggen: Vastleggen }) {
  const referentie = useLoad(async () => {
    const [producten, aanbieders] = await Promise.all([
      get<{ items: Product[] }>('/referentiedata/producten'),
      get<{ items: Aanbieder[] }>('/referentiedata/aanbieders'),
    ]);
    return { producten: producten.items, aanbieders: aanbieders.items };
  }, []);
  const [form, setForm] = useState({
    wettelijkKader: 'jeugdwet',
    productcode: '',
    aanbiederId: '',
    verwijzerType: '01',
    verwijzerNaam: '',
    toewijzingsnummer: '',
    begindatum: props.vandaag,
    einddatum: '',
  });
  const [fout, setFout] = useState<string | null>(null);
  const zet = (veld: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [veld]: (e.currentTarget as HTMLInputElement).value });

  async function verstuur(event: Event) {
    event.preventDefault();
    const resultaat = await props.vastleggen(
      '/toewijzingen',
      {
        wettelijkKader: form.wettelijkKader,
        productcode: form.productcode,
        aanbiederId: form.aanbiederId,
        verwijzer: {
          type: form.verwijzerType,
          ...(form.verwijzerNaam ? { naam: form.verwijzerNaam } : {}),
        },
        toewijzingsnummer: form.toewijzingsnummer,
        begindatum: form.begindatum,
        einddatum: form.einddatum,
      },
      `Toewijzing ${form.toewijzingsnummer} is vastgelegd.`,
    );
    setFout(resultaat);
  }

  return (
    <section aria-labelledby="nieuwe-toewijzing">
      <h2 id="nieuwe-toewijzing">Nieuwe toewijzing</h2>
      <Show loaded={referentie}>
        {({ producten, aanbieders }) => (
          <form onSubmit={(e) => void verstuur(e)}>
            {fout && (
              <div role="alert" class="alert alert-error">
                {fout}
              </div>
            )}
            <div class="grid-3">
              <Field id="tw-kader" label="Wettelijk kader">
                <select id="tw-kader" value={form.wettelijkKader} onChange={zet('wettelijkKader')}>
                  {WETTELIJKE_KADERS.map((code) => (
                    <option value={code}>{KADER[code]}</option>
                  ))}
                </select>
              </Field>
              <Field id="tw-product" label="Product">
                <select
                  id="tw-product"
                  required
                  value={form.productcode}
                  onChange={zet('productcode')}
                >
                  <option value="">Kies een product</option>
                  {producten.map((p) => (
                    <option value={p.productcode}>
                      {p.productcode} {p.omschrijving}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="tw-aanbieder" label="Aanbieder">
                <select
                  id="tw-aanbieder"
                  required
                  value={form.aanbiederId}
                  onChange={zet('aanbiederId')}
                >
                  <option value="">Kies een aanbieder</option>
                  {aanbieders.map((a) => (
                    <option value={a.aanbiederId}>{a.naam}</option>
                  ))}
                </select>
              </Field>
              <Field id="tw-verwijzer" label="Verwijzer">
                <select
                  id="tw-verwijzer"
                  value={form.verwijzerType}
                  onChange={zet('verwijzerType')}
                >
                  {Object.entries(VERWIJZER_TYPES).map(([code, tekst]) => (
                    <option value={code}>
                      {code} {tekst}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="tw-verwijzer-naam" label="Naam verwijzer (niet verplicht)">
                <input
                  id="tw-verwijzer-naam"
                  type="text"
                  value={form.verwijzerNaam}
                  onInput={zet('verwijzerNaam')}
                />
              </Field>
              <Field id="tw-nummer" label="Toewijzingsnummer">
                <input
                  id="tw-nummer"
                  type="text"
                  required
                  value={form.toewijzingsnummer}
                  onInput={zet('toewijzingsnummer')}
                />
              </Field>
              <Field id="tw-begin" label="Begindatum">
                <input
                  id="tw-begin"
                  type="date"
                  required
                  value={form.begindatum}
                  onInput={zet('begindatum')}
                />
              </Field>
              <Field id="tw-eind" label="Einddatum">
                <input
                  id="tw-eind"
                  type="date"
                  required
                  value={form.einddatum}
                  onInput={zet('einddatum')}
                />
              </Field>
            </div>
            <button type="submit">Toewijzing vastleggen</button>
          </form>
        )}
      </Show>
    </section>
  );
}
