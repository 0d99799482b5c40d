import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { get } from '../api';
import type { Ik } from '../auth';
import { KLEUREN, ONDERDRUKT_KLEUR, Plot, PlotFigure } from '../charts';
import { GEEN_ANTWOORD_LABEL, HULPVRAAG, KADER, VERTELLER, label } from '../labels';
import type { Aanbieder } from '../types';
import { DataTable, Field, Link, Page, useLoad } from '../ui';
import {
  type Cijfers,
  Figuur,
  type Getal,
  type Periode,
  PeriodeFormulier,
  cel,
  standaardPeriode,
} from './dashboard';

/** The shapes of GET /beleid/cijfers-en-verhalen and /beleid/aanbieders/{id}/rapport. */
interface Antwoord {
  antwoord: string;
  aantal: Getal;
  percentage: Getal;
}

export interface GepubliceerdeOordelen {
  verteller: string;
  oordelen: Getal;
  hulpvraagBeantwoord: Antwoord[];
  regie: Antwoord[];
  gemiddeldeRegie: Getal;
  doelen: Getal;
  voortgang: Antwoord[];
  gemiddeldeVoortgang: Getal;
}

export interface GepubliceerdVerhaal {
  maand: string;
  verteller: string;
  citeerbaar: boolean;
  tekst: string;
  themas: string[];
  aanbieder: string | null;
  product: string | null;
  kader: string | null;
  zorgvorm: string | null;
}

interface CelVerhalen {
  getoond: boolean;
  reden: string | null;
  items: GepubliceerdVerhaal[];
}

type Aandeel = { aantal: Getal; percentage: Getal };

interface CijfersEnVerhalen extends Cijfers {
  thema: string | null;
  cijfers: {
    episodes: { personen: Getal; gestart: Getal; beeindigd: Getal; lopend: Getal };
    duren: { kmMediaan: Getal; overlevingNa365: Getal };
    verlengingen: { metMaximum: Getal; langerDanMaximum: Getal; aangevraagd: Getal };
    uitstroom: { aantal: Getal; zonderVervolghulp: Aandeel };
  };
  oordelen: GepubliceerdeOordelen[];
  verhalen: CelVerhalen;
}

interface ProductDuur {
  sleutel: string;
  naam: string;
  gestart: Getal;
  lopend: Getal;
  kmMediaan: Getal;
  overlevingNa365: Getal;
}
interface ProductVerlenging {
  sleutel: string;
  naam: string;
  metMaximum: Getal;
  langerDanMaximum: Getal;
  aandeelLangerDanMaximum: Getal;
  aangevraagd: Getal;
  toegekend: Getal;
}

interface AanbiederRapport extends Cijfers {
  aanbieder: { aanbiederId: string; naam: string };
  langeTrajecten: { perProduct: ProductDuur[]; totaal: Omit<ProductDuur, 'sleutel' | 'naam'> };
  verlengingen: {
    perProduct: ProductVerlenging[];
    totaal: Omit<ProductVerlenging, 'sleutel' | 'naam'>;
  };
  uitstroom: {
    aantal: Getal;
    zonderVervolghulp: Aandeel;
    vervolgBinnen6Maanden: { beoordeeld: Getal; metVervolg: Aandeel };
  };
  oordelen: GepubliceerdeOordelen[];
  verhalen: CelVerhalen;
}

const ZORGVORM: Record<string, string> = {
  verblijf: 'Met verblijf',
  'zonder-verblijf': 'Zonder verblijf',
};

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const maand = (m: string) => `${MAANDEN[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;

const aandeel = (a: Aandeel) => (
  <>
    {cel(a.aantal)} ({cel(a.percentage, '%')})
  </>
);

const ANTWOORD: Record<string, string> = { ...HULPVRAAG, ...GEEN_ANTWOORD_LABEL };
const wie = (verteller: string) =>
  verteller === 'totaal' ? 'Totaal' : label(VERTELLER, verteller);

/**
 * The released stories of a cell, pseudonymised: the month, the kind of teller, themes and care;
 * none at all in a cell of fewer than 10 persons, and the screen says why.
 */
export function VerhalenLijst(props: { verhalen: GepubliceerdVerhaal[]; reden?: string | null }) {
  if (props.reden) {
    return (
      <p class="suppressed">
        Geen verhalen getoond: {props.reden} (een verhaal zou herkenbaar zijn).
      </p>
    );
  }
  if (props.verhalen.length === 0) {
    return <p class="muted">Geen vrijgegeven verhalen in deze cel.</p>;
  }
  return (
    <ul class="plain verhalen-monitoring">
      {props.verhalen.map((v) => (
        <li>
          <figure class="verhaal-citaat">
            <blockquote>{v.citeerbaar ? `“${v.tekst}”` : v.tekst}</blockquote>
            <figcaption class="muted small">
              {wie(v.verteller)}, {maand(v.maand)}
              {v.citeerbaar ? ' · citeerbaar' : ' · niet letterlijk citeren'}
              {v.themas.length > 0 && ` · ${v.themas.join(', ')}`}
              {v.product && ` · product ${v.product}`}
              {v.kader && ` · ${label(KADER, v.kader)}`}
              {v.zorgvorm && ` · ${label(ZORGVORM, v.zorgvorm).toLowerCase()}`}
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

type Maat = [string, (o: GepubliceerdeOordelen) => ComponentChildren];

/** The judgements of a cell per teller: the help request answered, regie and progress. */
export function OordelenVerdeling(props: { oordelen: GepubliceerdeOordelen[]; titel: string }) {
  const { oordelen } = props;
  const antwoorden = oordelen[0]?.hulpvraagBeantwoord.map((a) => a.antwoord) ?? [];
  const options = useMemo((): Plot.PlotOptions => {
    const rijen = oordelen.filter((o) => o.verteller !== 'totaal');
    const staven = rijen.flatMap((o) =>
      o.hulpvraagBeantwoord.map((a) => ({
        wie: wie(o.verteller),
        antwoord: label(ANTWOORD, a.antwoord),
        percentage: a.percentage,
      })),
    );
    const leeg = rijen.filter((o) => o.hulpvraagBeantwoord.every((a) => a.percentage === null));
    return {
      width: 680,
      height: 60 * rijen.length + 70,
      marginLeft: 100,
      x: { label: 'Aandeel van de oordelen (%)', domain: [0, 100], grid: true },
      y: { label: null, domain: rijen.map((o) => wie(o.verteller)) },
      color: {
        legend: true,
        range: KLEUREN,
        domain: antwoorden.map((a) => label(ANTWOORD, a)),
      },
      marks: [
        Plot.barX(
          staven.filter((s) => s.percentage !== null),
          { x: 'percentage', y: 'wie', fill: 'antwoord' },
        ),
        Plot.text(leeg, {
          x: 0,
          y: (o: GepubliceerdeOordelen) => wie(o.verteller),
          text: () => 'onderdrukt',
          textAnchor: 'start',
          dx: 4,
          fill: ONDERDRUKT_KLEUR,
        }),
        Plot.ruleX([0]),
      ],
    };
  }, [oordelen]);
  // One row per measure, one column per teller: narrow enough to stand beside the stories.
  const maten: Maat[] = [
    ['Oordelen', (o) => cel(o.oordelen)],
    ...antwoorden.map((a): Maat => [
      `Hulpvraag beantwoord: ${label(ANTWOORD, a).toLowerCase()}`,
      (o) => {
        const x = o.hulpvraagBeantwoord.find((h) => h.antwoord === a);
        return x ? aandeel(x) : '';
      },
    ]),
    ['Gemiddelde regie (1-5)', (o) => cel(o.gemiddeldeRegie)],
    ['Doelen beoordeeld', (o) => cel(o.doelen)],
    ['Gemiddelde voortgang (-2 tot +2)', (o) => cel(o.gemiddeldeVoortgang)],
  ];
  return (
    <>
      <figure class="chart">
        <PlotFigure
          naam={`${props.titel}: is de hulpvraag beantwoord?`}
          beschrijving="Gestapelde staven per verteller (jeugdige, ouder, professional): het aandeel van de oordelen per antwoord, van ja tot wil niet antwoorden."
          options={options}
        />
        <figcaption>
          Is de hulpvraag beantwoord, per verteller. Niet gevraagd en niet willen antwoorden tellen
          mee. De tabel eronder geeft dezelfde getallen.
        </figcaption>
      </figure>
      <DataTable
        caption={`${props.titel}: oordelen per verteller`}
        rows={maten}
        columns={[
          { header: 'Maat', cell: ([maat]) => maat },
          ...oordelen.map((o) => ({
            header: wie(o.verteller),
            cell: ([, waarde]: Maat) => waarde(o),
            numeric: true,
          })),
        ]}
      />
    </>
  );
}

/** The reference data a cell is chosen from: providers and themes. */
function useKeuzes() {
  return useLoad(async () => {
    const [aanbieders, themas] = await Promise.all([
      get<{ items: Aanbieder[] }>('/referentiedata/aanbieders'),
      get<{ items: { themaId: string; naam: string }[] }>('/referentiedata/themas'),
    ]);
    return { aanbieders: aanbieders.items, themas: themas.items };
  }, []);
}

function Keuze(props: {
  id: string;
  label: string;
  waarde: string;
  leeg: string;
  opties: [string, string][];
  onChange: (waarde: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        value={props.waarde}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{props.leeg}</option>
        {props.opties.map(([waarde, tekst]) => (
          <option value={waarde}>{tekst}</option>
        ))}
      </select>
    </Field>
  );
}

/**
 * One cell side by side: its cold figures and the judgements on the left, the released stories
 * on the right. The cell is chosen by provider, form of care and theme (for the stories).
 */
export function CijfersEnVerhalenFiguur(props: { periode: Periode; vandaag: string }) {
  const keuzes = useKeuzes();
  const [aanbieder, setAanbieder] = useState('');
  const [zorgvorm, setZorgvorm] = useState('');
  const [thema, setThema] = useState('');
  const filter = {
    aanbieder: aanbieder || undefined,
    zorgvorm: zorgvorm || undefined,
    thema: thema || undefined,
  };
  return (
    <Figuur<CijfersEnVerhalen>
      id="cijfers-en-verhalen"
      titel="Cijfers en verhalen naast elkaar"
      pad="/beleid/cijfers-en-verhalen"
      periode={props.periode}
      vandaag={props.vandaag}
      filter={filter}
      keuzes={
        <div class="grid-4 cel-keuzes">
          <Keuze
            id="cel-aanbieder"
            label="Aanbieder"
            waarde={aanbieder}
            leeg="Alle aanbieders"
            opties={(keuzes.data?.aanbieders ?? []).map((a) => [a.aanbiederId, a.naam])}
            onChange={setAanbieder}
          />
          <Keuze
            id="cel-zorgvorm"
            label="Vorm van zorg"
            waarde={zorgvorm}
            leeg="Met en zonder verblijf"
            opties={Object.entries(ZORGVORM)}
            onChange={setZorgvorm}
          />
          <Keuze
            id="cel-thema"
            label="Thema (alleen de verhalen)"
            waarde={thema}
            leeg="Alle thema's"
            opties={(keuzes.data?.themas ?? []).map((t) => [t.themaId, t.naam])}
            onChange={setThema}
          />
          {aanbieder && (
            <p class="field field-button">
              <Link href={`/aanbieders/${encodeURIComponent(aanbieder)}/rapport`}>
                Rapport van deze aanbieder
              </Link>
            </p>
          )}
        </div>
      }
    >
      {(d) => (
        <div class="naast-elkaar">
          <div>
            <h3>Cijfers</h3>
            <CelCijfersTabel cijfers={d.cijfers} />
            <h3>Oordelen</h3>
            <OordelenVerdeling oordelen={d.oordelen} titel="Oordelen in deze cel" />
          </div>
          <div>
            <h3>Verhalen ({d.verhalen.items.length})</h3>
            <VerhalenLijst
              verhalen={d.verhalen.items}
              reden={d.verhalen.getoond ? null : d.verhalen.reden}
            />
          </div>
        </div>
      )}
    </Figuur>
  );
}

function CelCijfersTabel(props: { cijfers: CijfersEnVerhalen['cijfers'] }) {
  const { episodes, duren, verlengingen, uitstroom } = props.cijfers;
  const rijen: [string, ComponentChildren][] = [
    ['Personen met zorg', cel(episodes.personen)],
    ['Zorgepisodes gestart', cel(episodes.gestart)],
    ['Zorgepisodes beëindigd', cel(episodes.beeindigd)],
    ['Zorgepisodes lopend', cel(episodes.lopend)],
    ['Mediane duur (Kaplan-Meier, dagen)', cel(duren.kmMediaan)],
    ['Na 365 dagen nog in zorg', cel(duren.overlevingNa365, '%')],
    ['Met een contractduur', cel(verlengingen.metMaximum)],
    ['Langer dan het contract', cel(verlengingen.langerDanMaximum)],
    ['Verlenging aangevraagd', cel(verlengingen.aangevraagd)],
    ['Uitstroom uit verblijf', cel(uitstroom.aantal)],
    ['Waarvan zonder vervolghulp', aandeel(uitstroom.zonderVervolghulp)],
  ];
  return (
    <DataTable
      caption="Koude cijfers van deze cel"
      rows={rijen}
      columns={[
        { header: 'Maat', cell: ([maat]) => maat },
        { header: 'Waarde', cell: ([, waarde]) => waarde, numeric: true },
      ]}
    />
  );
}

/** The report for the dialogue with a provider: long care, extensions, exits, judgements, stories. */
export function AanbiederRapportPage(props: { aanbiederId: string; ik: Ik }) {
  const { aanbiederId, ik } = props;
  const [periode, setPeriode] = useState<Periode>(() => standaardPeriode(ik.vandaag));
  const naam = useLoad(
    async () =>
      (await get<{ items: Aanbieder[] }>('/referentiedata/aanbieders')).items.find(
        (a) => a.aanbiederId === aanbiederId,
      )?.naam ?? aanbiederId,
    [aanbiederId],
  );
  return (
    <Page
      title={`Rapport voor het gesprek met ${naam.data ?? 'de aanbieder'}`}
      lead={
        <p class="lead">
          Lange trajecten, verlengingen boven het contract, uitstroom zonder vervolghulp, de
          oordelen van jeugdigen, ouders en professionals, en hun vrijgegeven verhalen. Kleine
          aantallen zijn onderdrukt. <Link href="/dashboard">Terug naar de monitoring</Link>
        </p>
      }
    >
      <PeriodeFormulier vandaag={ik.vandaag} onChange={setPeriode} />
      <Figuur<AanbiederRapport>
        id="rapport"
        titel="Rapport"
        pad={`/beleid/aanbieders/${encodeURIComponent(aanbiederId)}/rapport`}
        periode={periode}
        vandaag={ik.vandaag}
      >
        {(r) => (
          <>
            <h3>Lange trajecten per product</h3>
            <DataTable
              caption="Duur van de zorg per product"
              rows={[
                ...r.langeTrajecten.perProduct,
                { ...r.langeTrajecten.totaal, sleutel: '', naam: 'Totaal' },
              ]}
              columns={[
                { header: 'Product', cell: (p) => p.naam },
                { header: 'Gestart', cell: (p) => cel(p.gestart), numeric: true },
                { header: 'Lopend', cell: (p) => cel(p.lopend), numeric: true },
                { header: 'Mediaan (KM, dagen)', cell: (p) => cel(p.kmMediaan), numeric: true },
                {
                  header: 'Na 365 dagen nog in zorg',
                  cell: (p) => cel(p.overlevingNa365, '%'),
                  numeric: true,
                },
              ]}
            />
            <h3>Verlengingen boven het contract per product</h3>
            <DataTable
              caption="Verlengingen per product"
              rows={[
                ...r.verlengingen.perProduct,
                { ...r.verlengingen.totaal, sleutel: '', naam: 'Totaal' },
              ]}
              columns={[
                { header: 'Product', cell: (p) => p.naam },
                { header: 'Met contractduur', cell: (p) => cel(p.metMaximum), numeric: true },
                {
                  header: 'Langer dan contract',
                  cell: (p) => cel(p.langerDanMaximum),
                  numeric: true,
                },
                {
                  header: 'Aandeel langer',
                  cell: (p) => cel(p.aandeelLangerDanMaximum, '%'),
                  numeric: true,
                },
                { header: 'Aangevraagd', cell: (p) => cel(p.aangevraagd), numeric: true },
                { header: 'Toegekend', cell: (p) => cel(p.toegekend), numeric: true },
              ]}
            />
            <h3>Uitstroom uit verblijf</h3>
            <p>
              Uitgestroomd: {cel(r.uitstroom.aantal)}; zonder vervolghulp:{' '}
              {aandeel(r.uitstroom.zonderVervolghulp)}; met vervolghulp binnen 6 maanden:{' '}
              {aandeel(r.uitstroom.vervolgBinnen6Maanden.metVervolg)} van{' '}
              {cel(r.uitstroom.vervolgBinnen6Maanden.beoordeeld)} beoordeeld.
            </p>
            <div class="naast-elkaar">
              <div>
                <h3>Oordelen</h3>
                <OordelenVerdeling oordelen={r.oordelen} titel="Oordelen over deze aanbieder" />
              </div>
              <div>
                <h3>Verhalen ({r.verhalen.items.length})</h3>
                <VerhalenLijst
                  verhalen={r.verhalen.items}
                  reden={r.verhalen.getoond ? null : r.verhalen.reden}
                />
              </div>
            </div>
          </>
        )}
      </Figuur>
    </Page>
  );
}
