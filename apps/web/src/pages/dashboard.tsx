import type { ComponentChildren, JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { describe, get } from '../api';
import type { Ik } from '../auth';
import { KLEUREN, ONDERDRUKT_KLEUR, Plot, PlotFigure } from '../charts';
import { KADER, WETTELIJKE_KADERS, datum, label } from '../labels';
import { CijfersEnVerhalenFiguur } from './cijfers-en-verhalen';
import { type Column, CsvKnop, DataTable, Field, Page, useLoad } from '../ui';

/** The part every monitoring answer shares. */
export interface Cijfers {
  definitieVersie: string;
  van: string;
  tot: string;
  bekendOp: string;
  bekendTot: string;
  peildatum: string;
  definitie: Record<string, unknown>;
  onderdrukt: { tabel: string; rij: string; reden: string; velden: string[] }[];
}

export type Getal = number | null;

interface Samenloop extends Cijfers {
  gezinnen: {
    metZorg: Getal;
    metMeerdereKaders: Getal;
    aandeelMeerdereKaders: Getal;
    perCombinatie: { combinatie: string; kaders: string[]; aantal: Getal }[];
  };
  personen: { perCombinatie: { combinatie: string; kaders: string[]; aantal: Getal }[] };
}

interface Duur {
  gestart: Getal;
  beeindigd: Getal;
  lopend: Getal;
  gemiddelde: Getal;
  mediaan: Getal;
  kmMediaan: Getal;
  overlevingNa90: Getal;
  overlevingNa180: Getal;
  overlevingNa365: Getal;
}
interface Duren extends Cijfers {
  perGroep: (Duur & { sleutel: string; naam: string })[];
  totaal: Duur;
}

export interface Stroom {
  maand: string;
  compleet: boolean;
  instroom: { zonderVerblijf: Getal; metVerblijf: Getal };
  uitstroom: { zonderVerblijf: Getal; metVerblijf: Getal };
}
export interface Aandeel {
  aantal: Getal;
  percentage: Getal;
  nulwaarde2023: number | null;
  nulwaarde2024: number | null;
}
export interface Jaar {
  jaar: number;
  heelJaar: boolean;
  peildatum: string;
  bevolking: number | null;
  zonderVerblijf: Aandeel;
  metVerblijf: Aandeel;
  alleenZonderVerblijf: Aandeel & { clienten: Getal };
  jeugdigenInVerblijf: { aantal: Getal; aantal2023: Getal; doel: Getal; verschilPercentage: Getal };
  herhaaldeInstroom: { instroom: Getal; herhaald: Getal; percentage: Getal };
}
export interface Indicatoren extends Cijfers {
  jaren: Jaar[];
  inEnUitstroom: Stroom[];
}

interface Verlenging {
  sleutel: string;
  naam: string;
  metMaximum: Getal;
  langerDanMaximum: Getal;
  aandeelLangerDanMaximum: Getal;
  aangevraagd: Getal;
  toegekend: Getal;
  afgewezen: Getal;
  openstaand: Getal;
  gemiddeldeExtraDagen: Getal;
}
interface Verlengingen extends Cijfers {
  perGroep: Verlenging[];
  totaal: Omit<Verlenging, 'sleutel' | 'naam'>;
}

interface Telling {
  aantal: Getal;
  percentage: Getal;
}
interface Kwartaal {
  kwartaal: string;
  soort: string;
  aanbieder: string;
  inScope: Getal;
  opTijd: Telling;
  teLaat: Telling;
  ontbreekt: Telling;
  nogNietAanDeBeurt: Getal;
}
interface Perspectief extends Cijfers {
  perKwartaal: Kwartaal[];
}

export const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A published number, or that it was withheld. */
export function Cel(props: { waarde: Getal | undefined; eenheid?: string }) {
  if (props.waarde === null || props.waarde === undefined) {
    return (
      <span class="suppressed" title="Onderdrukt: te weinig personen om te publiceren">
        onderdrukt
      </span>
    );
  }
  return (
    <>
      {getal.format(props.waarde)}
      {props.eenheid ?? ''}
    </>
  );
}

/** A scale from 0 that stays readable when every value is withheld. */
const tot = (waarden: Getal[]): [number, number] => [
  0,
  Math.max(10, ...waarden.filter((w): w is number => w !== null)) * 1.1,
];

const MAANDEN = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
];
const maandLabel = (d: Date) =>
  d.getUTCMonth() === 0 ? `${MAANDEN[0]}\n${d.getUTCFullYear()}` : (MAANDEN[d.getUTCMonth()] ?? '');

export const cel = (waarde: Getal | undefined, eenheid?: string) => (
  <Cel waarde={waarde} eenheid={eenheid} />
);
const kaderNamen = (kaders: string[]) => kaders.map((k) => label(KADER, k)).join(' + ');

export interface Periode {
  van: string;
  tot: string;
}

/** Last year and this year, the period a policy screen opens with. */
export function standaardPeriode(vandaag: string): Periode {
  const jaar = Number(vandaag.slice(0, 4));
  return { van: `${jaar - 1}-01-01`, tot: `${jaar}-12-31` };
}

export function DashboardPage(props: { ik: Ik }) {
  const [periode, setPeriode] = useState<Periode>(() => standaardPeriode(props.ik.vandaag));
  return (
    <Page
      title="Monitoring jeugdhulp"
      lead={
        <p class="lead">
          Cijfers voor de raad, alleen in aantallen van groepen. Kleine aantallen zijn onderdrukt en
          elk getal wijkt een paar eenheden af van de werkelijkheid (celsleutelmethode), zodat
          niemand herkenbaar is.
        </p>
      }
    >
      <PeriodeFormulier vandaag={props.ik.vandaag} onChange={setPeriode} />
      <nav aria-label="Figuren op deze pagina" class="toc">
        <ul>
          <li>
            <a href="#samenloop">Samenloop</a>
          </li>
          <li>
            <a href="#duren">Duur van zorg</a>
          </li>
          <li>
            <a href="#stroom">In- en uitstroom</a>
          </li>
          <li>
            <a href="#verlengingen">Verlengingen</a>
          </li>
          <li>
            <a href="#perspectief">Perspectiefgesprekken</a>
          </li>
          <li>
            <a href="#indicatoren">Indicatoren</a>
          </li>
          <li>
            <a href="#cijfers-en-verhalen">Cijfers en verhalen</a>
          </li>
        </ul>
      </nav>
      <Figuur<Samenloop>
        id="samenloop"
        titel="Samenloop van voorzieningen"
        pad="/beleid/zorg/samenloop"
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <SamenloopFiguur data={d} />}
      </Figuur>
      <Figuur<Duren>
        id="duren"
        titel="Duur van zorg per categorie (Kaplan-Meier)"
        pad="/beleid/zorg/duren"
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <DurenFiguur data={d} />}
      </Figuur>
      <Figuur<Indicatoren>
        id="stroom"
        titel="In- en uitstroom per maand"
        pad="/beleid/zorg/indicatoren"
        csv={{ tabel: 'in-en-uitstroom' }}
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <StroomFiguur data={d} />}
      </Figuur>
      <Figuur<Verlengingen>
        id="verlengingen"
        titel="Verlengingen tegen het contract, per aanbieder"
        pad="/beleid/zorg/verlengingen"
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <VerlengingenFiguur data={d} />}
      </Figuur>
      <Figuur<Perspectief>
        id="perspectief"
        titel="Perspectiefgesprekken per kwartaal"
        pad="/beleid/zorg/perspectiefgesprekken"
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <PerspectiefFiguur data={d} />}
      </Figuur>
      <Figuur<Indicatoren>
        id="indicatoren"
        titel="Indicatoren van de raad tegen de nulwaarden"
        pad="/beleid/zorg/indicatoren"
        periode={periode}
        vandaag={props.ik.vandaag}
      >
        {(d) => <IndicatorenFiguur data={d} />}
      </Figuur>
      <CijfersEnVerhalenFiguur periode={periode} vandaag={props.ik.vandaag} />
    </Page>
  );
}

/** The period of the figures on a policy screen: applied when submitted. */
export function PeriodeFormulier(props: { vandaag: string; onChange: (periode: Periode) => void }) {
  const [invoer, setInvoer] = useState<Periode>(() => standaardPeriode(props.vandaag));
  return (
    <form
      class="card filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onChange(invoer);
      }}
    >
      <h2 class="visually-hidden">Periode</h2>
      <div class="grid-4">
        <Field id="periode-van" label="Periode van">
          <input
            id="periode-van"
            type="date"
            required
            value={invoer.van}
            onInput={(e) => setInvoer({ ...invoer, van: e.currentTarget.value })}
          />
        </Field>
        <Field id="periode-tot" label="Periode tot en met">
          <input
            id="periode-tot"
            type="date"
            required
            value={invoer.tot}
            onInput={(e) => setInvoer({ ...invoer, tot: e.currentTarget.value })}
          />
        </Field>
        <div class="field field-button">
          <button type="submit">Cijfers tonen</button>
        </div>
      </div>
    </form>
  );
}

/**
 * One figure: its chart and table, the version of its definition, an "as known on" date, a CSV
 * download, and which cells were withheld.
 */
export function Figuur<T extends Cijfers>(props: {
  id: string;
  titel: string;
  /** The route under /api/v1, e.g. /beleid/zorg/samenloop. */
  pad: string;
  periode: Periode;
  vandaag: string;
  /** The cell asked (filters), for the figure and its CSV. */
  filter?: Record<string, string | undefined>;
  csv?: Record<string, string>;
  /** Between the tools and the figure: the cell's own choices. */
  keuzes?: ComponentChildren;
  children: (data: T) => ComponentChildren;
}) {
  const [bekendOp, setBekendOp] = useState('');
  const query = {
    ...props.filter,
    van: props.periode.van,
    tot: props.periode.tot,
    bekendOp: bekendOp || undefined,
  };
  const cijfers = useLoad(() => get<T>(props.pad, query), [props.pad, JSON.stringify(query)]);
  const d = cijfers.data;
  return (
    <section class="figure-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.titel}</h2>
      {props.keuzes}
      <div class="figure-tools">
        <Field id={`${props.id}-bekend-op`} label="Zoals bekend op" hint="Leeg: zoals nu bekend.">
          <input
            id={`${props.id}-bekend-op`}
            type="date"
            max={props.vandaag}
            aria-describedby={`${props.id}-bekend-op-hint`}
            value={bekendOp}
            onChange={(e) => setBekendOp(e.currentTarget.value)}
          />
        </Field>
        <CsvKnop pad={props.pad} query={{ ...query, ...props.csv }} wat={props.titel} />
      </div>
      {cijfers.error ? (
        <div role="alert" class="alert alert-error">
          {describe(cijfers.error)}
        </div>
      ) : !d ? (
        <p role="status" class="muted">
          Laden…
        </p>
      ) : (
        <CijferKader cijfers={d}>{props.children(d)}</CijferKader>
      )}
    </section>
  );
}

/** A figure's answer as published: what it counts, over when, its withheld cells, its definition. */
export function CijferKader(props: { cijfers: Cijfers; children: ComponentChildren }) {
  const d = props.cijfers;
  return (
    <>
      <p class="meta">
        Definitie <strong class="definitie-versie">{d.definitieVersie}</strong> · periode{' '}
        {datum(d.van)} tot en met {datum(d.tot)} · peildatum {datum(d.peildatum)} · zoals bekend op{' '}
        {datum(d.bekendOp)}
      </p>
      {props.children}
      {d.onderdrukt.length > 0 && (
        <details class="suppressed-list">
          <summary>Onderdrukte cellen ({d.onderdrukt.length})</summary>
          <ul>
            {d.onderdrukt.map((o) => (
              <li>
                {o.tabel}, {o.rij}: {o.velden.join(', ')} ({o.reden})
              </li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>Definitie {d.definitieVersie}</summary>
        <Definitie waarde={d.definitie} />
      </details>
    </>
  );
}

function Definitie(props: { waarde: unknown }): JSX.Element {
  const w = props.waarde;
  if (w && typeof w === 'object' && !Array.isArray(w)) {
    return (
      <dl class="definition">
        {Object.entries(w as Record<string, unknown>).map(([key, value]) => (
          <>
            <dt>{key}</dt>
            <dd>
              <Definitie waarde={value} />
            </dd>
          </>
        ))}
      </dl>
    );
  }
  return <>{Array.isArray(w) ? w.join(', ') : String(w)}</>;
}

function Grafiek(props: {
  naam: string;
  beschrijving: string;
  options: Plot.PlotOptions;
  toelichting?: string;
}) {
  return (
    <figure class="chart">
      <PlotFigure naam={props.naam} beschrijving={props.beschrijving} options={props.options} />
      <figcaption>
        {props.naam}. {props.toelichting ?? ''} De tabel eronder geeft dezelfde getallen.
      </figcaption>
    </figure>
  );
}

function SamenloopFiguur(props: { data: Samenloop }) {
  const { gezinnen, personen } = props.data;
  const options = useMemo(() => upset(gezinnen.perCombinatie), [gezinnen]);
  const rijen = gezinnen.perCombinatie.map((c) => ({
    ...c,
    personen: personen.perCombinatie.find((p) => p.combinatie === c.combinatie)?.aantal,
  }));
  return (
    <>
      <p>
        Gezinnen met zorg: {cel(gezinnen.metZorg)}; met zorg uit meer dan één wet:{' '}
        {cel(gezinnen.metMeerdereKaders)} ({cel(gezinnen.aandeelMeerdereKaders, '%')}).
      </p>
      {options && (
        <figure class="chart">
          <PlotFigure
            naam="Gezinnen per combinatie van wetten (UpSet)"
            beschrijving="Staafdiagram: elke staaf is een combinatie van wetten waaruit gezinnen zorg hadden, met het aantal gezinnen."
            options={options.bars}
          />
          <PlotFigure
            naam="Welke wetten in elke combinatie zitten"
            beschrijving="Matrix onder de staven: een gevulde stip betekent dat die wet bij de combinatie van die kolom hoort."
            options={options.matrix}
          />
          <figcaption>
            Gezinnen per combinatie van wetten (UpSet). Elke kolom is één combinatie; de gevulde
            stippen eronder zeggen welke wetten erin zitten. De tabel eronder geeft dezelfde
            getallen.
          </figcaption>
        </figure>
      )}
      <DataTable
        caption="Gezinnen per combinatie van wetten"
        rows={rijen}
        columns={[
          { header: 'Combinatie', cell: (c) => kaderNamen(c.kaders) },
          { header: 'Gezinnen', cell: (c) => cel(c.aantal), numeric: true },
        ]}
      />
    </>
  );
}

/** An UpSet chart: bars of the combinations, and beneath them which sets each one holds. */
function upset(combinaties: Samenloop['gezinnen']['perCombinatie']) {
  if (combinaties.length === 0) return null;
  const gesorteerd = [...combinaties].sort((a, b) => (b.aantal ?? -1) - (a.aantal ?? -1));
  const kolommen = gesorteerd.map((c) => kaderNamen(c.kaders));
  const kaders = WETTELIJKE_KADERS.filter((k) => combinaties.some((c) => c.kaders.includes(k)));
  const rijen = kaders.map((k) => label(KADER, k));
  const gemeen = { width: 680, marginLeft: 150, marginRight: 20 };
  const bekend = gesorteerd.filter((c) => c.aantal !== null);
  const verborgen = gesorteerd.filter((c) => c.aantal === null);
  const x = { domain: kolommen, axis: null, padding: 0.3 } as const;
  const bars: Plot.PlotOptions = {
    ...gemeen,
    height: 220,
    x,
    y: { label: 'Gezinnen', grid: true, domain: tot(gesorteerd.map((c) => c.aantal)) },
    marks: [
      Plot.barY(bekend, {
        x: (c: (typeof gesorteerd)[number]) => kaderNamen(c.kaders),
        y: 'aantal',
        fill: KLEUREN[0],
      }),
      Plot.text(bekend, {
        x: (c: (typeof gesorteerd)[number]) => kaderNamen(c.kaders),
        y: 'aantal',
        text: (c: (typeof gesorteerd)[number]) => getal.format(c.aantal!),
        dy: -8,
      }),
      Plot.text(verborgen, {
        x: (c: (typeof gesorteerd)[number]) => kaderNamen(c.kaders),
        y: 0,
        text: () => 'onderdrukt',
        dy: -8,
        fill: ONDERDRUKT_KLEUR,
      }),
      Plot.ruleY([0]),
    ],
  };
  const cellen = gesorteerd.flatMap((c) =>
    kaders.map((k) => ({
      kolom: kaderNamen(c.kaders),
      rij: label(KADER, k),
      erin: c.kaders.includes(k),
    })),
  );
  const matrix: Plot.PlotOptions = {
    ...gemeen,
    height: 30 * rijen.length + 20,
    marginTop: 10,
    marginBottom: 10,
    x,
    y: { domain: rijen, label: null },
    marks: [
      Plot.ruleX(gesorteerd, {
        x: (c: (typeof gesorteerd)[number]) => kaderNamen(c.kaders),
        y1: (c: (typeof gesorteerd)[number]) =>
          label(
            KADER,
            kaders.find((k) => c.kaders.includes(k)),
          ),
        y2: (c: (typeof gesorteerd)[number]) =>
          label(
            KADER,
            [...kaders].reverse().find((k) => c.kaders.includes(k)),
          ),
        stroke: KLEUREN[0],
        strokeWidth: 3,
      }),
      Plot.dot(cellen, {
        x: 'kolom',
        y: 'rij',
        r: 7,
        fill: (d: (typeof cellen)[number]) => (d.erin ? KLEUREN[0] : '#c8ced6'),
      }),
    ],
  };
  return { bars, matrix };
}

function DurenFiguur(props: { data: Duren }) {
  const { perGroep, totaal } = props.data;
  const options = useMemo((): Plot.PlotOptions => {
    const punten = perGroep.flatMap((g) =>
      (
        [
          [0, 100],
          [90, g.overlevingNa90],
          [180, g.overlevingNa180],
          [365, g.overlevingNa365],
        ] as [number, Getal][]
      )
        .filter(([, y]) => y !== null)
        .map(([dag, overleving]) => ({ groep: g.naam, dag, overleving })),
    );
    const medianen = perGroep
      .filter((g) => g.kmMediaan !== null)
      .map((g) => ({ groep: g.naam, dag: g.kmMediaan }));
    return {
      width: 680,
      height: 300,
      marginLeft: 50,
      x: { label: 'Dagen sinds de start', domain: [0, 380], ticks: [0, 90, 180, 270, 365] },
      y: { label: 'Nog in zorg (%)', domain: [0, 100], grid: true },
      color: { legend: true, range: KLEUREN, domain: perGroep.map((g) => g.naam) },
      marks: [
        Plot.ruleY([50], { stroke: '#8a8a8a', strokeDasharray: '4 3' }),
        Plot.line(punten, { x: 'dag', y: 'overleving', stroke: 'groep', strokeWidth: 2 }),
        Plot.dot(punten, { x: 'dag', y: 'overleving', fill: 'groep', r: 4 }),
        Plot.dot(medianen, {
          x: 'dag',
          y: 50,
          stroke: 'groep',
          symbol: 'diamond',
          r: 6,
          strokeWidth: 2,
        }),
      ],
    };
  }, [perGroep]);
  const kolommen: Column<Duur & { naam: string }>[] = [
    { header: 'Groep', cell: (g) => g.naam },
    { header: 'Gestart', cell: (g) => cel(g.gestart), numeric: true },
    { header: 'Beëindigd', cell: (g) => cel(g.beeindigd), numeric: true },
    { header: 'Lopend', cell: (g) => cel(g.lopend), numeric: true },
    { header: 'Mediaan (KM, dagen)', cell: (g) => cel(g.kmMediaan), numeric: true },
    { header: 'Na 90 dagen nog in zorg', cell: (g) => cel(g.overlevingNa90, '%'), numeric: true },
    { header: 'Na 180 dagen', cell: (g) => cel(g.overlevingNa180, '%'), numeric: true },
    { header: 'Na 365 dagen', cell: (g) => cel(g.overlevingNa365, '%'), numeric: true },
    { header: 'Gemiddelde beëindigd (dagen)', cell: (g) => cel(g.gemiddelde), numeric: true },
  ];
  return (
    <>
      <Grafiek
        naam="Aandeel nog in zorg na 90, 180 en 365 dagen, per categorie"
        beschrijving="Lijnen per categorie door de geschatte aandelen (Kaplan-Meier) die na 90, 180 en 365 dagen nog in zorg waren; ruiten op de 50%-lijn markeren de mediane duur."
        toelichting="De API geeft de Kaplan-Meier-schatting op 90, 180 en 365 dagen en de mediaan; tussen die punten is de lijn alleen een verbinding, geen gemeten verloop. Lopende zorg telt mee tot de peildatum (gecensureerd)."
        options={options}
      />
      <DataTable
        caption="Duur van zorgepisodes per categorie"
        rows={[...perGroep, { ...totaal, naam: 'Totaal' }]}
        columns={kolommen}
      />
    </>
  );
}

const STROMEN = [
  ['Instroom zonder verblijf', (s: Stroom) => s.instroom.zonderVerblijf],
  ['Instroom met verblijf', (s: Stroom) => s.instroom.metVerblijf],
  ['Uitstroom zonder verblijf', (s: Stroom) => s.uitstroom.zonderVerblijf],
  ['Uitstroom met verblijf', (s: Stroom) => s.uitstroom.metVerblijf],
] as const;

export function StroomFiguur(props: { data: Pick<Indicatoren, 'inEnUitstroom'> }) {
  const maanden = props.data.inEnUitstroom;
  const options = useMemo((): Plot.PlotOptions => {
    const punten = STROMEN.flatMap(([reeks, waarde]) =>
      maanden.map((m) => ({
        reeks,
        maand: new Date(`${m.maand}-01T00:00:00Z`),
        aantal: waarde(m),
      })),
    );
    const bekend = punten.filter((p) => p.aantal !== null);
    return {
      width: 680,
      height: 280,
      marginLeft: 50,
      x: { type: 'utc', label: null, tickFormat: maandLabel },
      y: { label: 'Toewijzingen', grid: true, domain: tot(punten.map((p) => p.aantal)) },
      color: { legend: true, range: KLEUREN, domain: STROMEN.map(([reeks]) => reeks) },
      marks: [
        Plot.ruleY([0]),
        Plot.line(punten, { x: 'maand', y: 'aantal', stroke: 'reeks', strokeWidth: 2 }),
        Plot.dot(bekend, { x: 'maand', y: 'aantal', fill: 'reeks', r: 3.5 }),
      ],
    };
  }, [maanden]);
  const onderdrukt = maanden.filter((m) => STROMEN.some(([, waarde]) => waarde(m) === null)).length;
  return (
    <>
      <Grafiek
        naam="In- en uitstroom van toewijzingen per maand"
        beschrijving="Lijnen per maand: toewijzingen die begonnen (instroom) en eindigden (uitstroom), met en zonder verblijf; onderdrukte maanden ontbreken in de lijn."
        toelichting={`Onderbroken lijnen: onderdrukte maanden (${onderdrukt} maanden met minstens één onderdrukte cel). Pieken in januari en dalen in december komen door contractjaren.`}
        options={options}
      />
      <DataTable
        caption="In- en uitstroom per maand"
        rows={maanden}
        columns={[
          { header: 'Maand', cell: (m) => `${m.maand}${m.compleet ? '' : ' (nog niet compleet)'}` },
          ...STROMEN.map(([reeks, waarde]) => ({
            header: reeks,
            cell: (m: Stroom) => cel(waarde(m)),
            numeric: true,
          })),
        ]}
      />
    </>
  );
}

function VerlengingenFiguur(props: { data: Verlengingen }) {
  const { perGroep, totaal } = props.data;
  const MATEN = [
    ['Met een contractduur', (v: Verlenging) => v.metMaximum],
    ['Langer dan het contract', (v: Verlenging) => v.langerDanMaximum],
    ['Verlenging aangevraagd', (v: Verlenging) => v.aangevraagd],
  ] as const;
  const options = useMemo((): Plot.PlotOptions => {
    const staven = perGroep.flatMap((v) =>
      MATEN.map(([maat, waarde]) => ({ aanbieder: v.naam, maat, aantal: waarde(v) })),
    );
    return {
      width: 680,
      height: 70 * perGroep.length + 60,
      marginLeft: 170,
      x: { label: 'Zorgepisodes', grid: true, domain: tot(staven.map((s) => s.aantal)) },
      y: { label: null, domain: MATEN.map(([maat]) => maat), axis: null },
      fy: { label: null },
      color: { legend: true, range: KLEUREN, domain: MATEN.map(([maat]) => maat) },
      marks: [
        Plot.barX(
          staven.filter((s) => s.aantal !== null),
          { x: 'aantal', y: 'maat', fy: 'aanbieder', fill: 'maat' },
        ),
        Plot.text(
          staven.filter((s) => s.aantal === null),
          {
            x: 0,
            y: 'maat',
            fy: 'aanbieder',
            text: () => 'onderdrukt',
            textAnchor: 'start',
            dx: 4,
            fill: ONDERDRUKT_KLEUR,
          },
        ),
        Plot.ruleX([0]),
      ],
    };
  }, [perGroep]);
  return (
    <>
      <Grafiek
        naam="Zorg langer dan het contract en verlengingsaanvragen per aanbieder"
        beschrijving="Per aanbieder drie staven: episodes met een contractduur, episodes die langer duurden dan het contract, en aangevraagde verlengingen."
        options={options}
      />
      <DataTable
        caption="Verlengingen per aanbieder"
        rows={[...perGroep, { ...totaal, sleutel: '', naam: 'Totaal' }]}
        columns={[
          { header: 'Aanbieder', cell: (v) => v.naam },
          { header: 'Met contractduur', cell: (v) => cel(v.metMaximum), numeric: true },
          { header: 'Langer dan contract', cell: (v) => cel(v.langerDanMaximum), numeric: true },
          {
            header: 'Aandeel langer',
            cell: (v) => cel(v.aandeelLangerDanMaximum, '%'),
            numeric: true,
          },
          { header: 'Aangevraagd', cell: (v) => cel(v.aangevraagd), numeric: true },
          { header: 'Toegekend', cell: (v) => cel(v.toegekend), numeric: true },
          { header: 'Afgewezen', cell: (v) => cel(v.afgewezen), numeric: true },
          {
            header: 'Gemiddeld extra (dagen)',
            cell: (v) => cel(v.gemiddeldeExtraDagen),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

function PerspectiefFiguur(props: { data: Perspectief }) {
  const totalen = props.data.perKwartaal.filter((k) => k.soort === 'totaal');
  const UITKOMSTEN = [
    ['Op tijd', (k: Kwartaal) => k.opTijd.aantal],
    ['Te laat', (k: Kwartaal) => k.teLaat.aantal],
    ['Ontbreekt', (k: Kwartaal) => k.ontbreekt.aantal],
  ] as const;
  const options = useMemo((): Plot.PlotOptions => {
    const staven = totalen.flatMap((k) =>
      UITKOMSTEN.map(([uitkomst, waarde]) => ({
        kwartaal: k.kwartaal,
        uitkomst,
        aantal: waarde(k),
      })),
    );
    const leeg = totalen.filter((k) => UITKOMSTEN.every(([, waarde]) => waarde(k) === null));
    return {
      width: 680,
      height: 260,
      marginLeft: 50,
      x: { label: null, domain: totalen.map((k) => k.kwartaal), padding: 0.25 },
      y: {
        label: 'Jeugdigen',
        grid: true,
        domain: tot(
          totalen.map((k) => UITKOMSTEN.reduce((som, [, waarde]) => som + (waarde(k) ?? 0), 0)),
        ),
      },
      color: { legend: true, range: KLEUREN, domain: UITKOMSTEN.map(([u]) => u) },
      marks: [
        Plot.barY(
          staven.filter((s) => s.aantal !== null),
          { x: 'kwartaal', y: 'aantal', fill: 'uitkomst' },
        ),
        Plot.text(leeg, {
          x: 'kwartaal',
          y: 0,
          text: () => 'onderdrukt',
          dy: -8,
          fill: ONDERDRUKT_KLEUR,
          fontSize: 11,
        }),
        Plot.ruleY([0]),
      ],
    };
  }, [totalen]);
  return (
    <>
      <Grafiek
        naam="Perspectiefgesprekken per kwartaal: op tijd, te laat of ontbrekend"
        beschrijving="Gestapelde staven per kwartaal met het aantal jeugdigen van 16,5 jaar wier perspectiefgesprek op tijd, te laat of niet gevoerd is."
        options={options}
      />
      <DataTable
        caption="Perspectiefgesprekken per kwartaal en aanbieder"
        rows={props.data.perKwartaal}
        columns={[
          { header: 'Kwartaal', cell: (k) => k.kwartaal },
          { header: 'Aanbieder', cell: (k) => k.aanbieder },
          { header: 'Aan de beurt', cell: (k) => cel(k.inScope), numeric: true },
          { header: 'Op tijd', cell: (k) => cel(k.opTijd.aantal), numeric: true },
          { header: 'Te laat', cell: (k) => cel(k.teLaat.aantal), numeric: true },
          { header: 'Ontbreekt', cell: (k) => cel(k.ontbreekt.aantal), numeric: true },
          { header: 'Op tijd (%)', cell: (k) => cel(k.opTijd.percentage, '%'), numeric: true },
        ]}
      />
    </>
  );
}

/** The council's indicators that are a share of a population, with their Dutch names. */
export const AANDEEL_INDICATOREN = {
  zonderVerblijf: 'Jeugdigen in zorg zonder verblijf (% van 0-17)',
  metVerblijf: 'Jeugdigen in zorg met verblijf (% van 0-17)',
  alleenZonderVerblijf: 'Cliënten met alleen zorg zonder verblijf (%)',
} as const;
export type AandeelIndicator = keyof typeof AANDEEL_INDICATOREN;

const INDICATOREN = (Object.keys(AANDEEL_INDICATOREN) as AandeelIndicator[]).map(
  (naam) => [AANDEEL_INDICATOREN[naam], (j: Jaar): Aandeel => j[naam]] as const,
);

function IndicatorenFiguur(props: { data: Indicatoren }) {
  const { jaren } = props.data;
  return (
    <>
      <div class="small-multiples">
        {INDICATOREN.map(([naam, van]) => (
          <IndicatorGrafiek naam={naam} jaren={jaren} van={van} />
        ))}
      </div>
      <DataTable
        caption="Indicatoren per jaar met nulwaarden en doel"
        rows={jaren}
        columns={[
          {
            header: 'Jaar',
            cell: (j) => `${j.jaar}${j.heelJaar ? '' : ` (tot ${datum(j.peildatum)})`}`,
          },
          { header: 'Bevolking 0-17', cell: (j) => cel(j.bevolking), numeric: true },
          ...INDICATOREN.map(([naam, van]) => ({
            header: naam,
            cell: (j: Jaar) => (
              <>
                {cel(van(j).percentage, '%')}
                <span class="muted small">
                  {' '}
                  (2023: {cel(van(j).nulwaarde2023, '%')}, 2024: {cel(van(j).nulwaarde2024, '%')})
                </span>
              </>
            ),
            numeric: true,
          })),
          {
            header: 'Jeugdigen in verblijf',
            cell: (j) => cel(j.jeugdigenInVerblijf.aantal),
            numeric: true,
          },
          { header: 'Doel verblijf', cell: (j) => cel(j.jeugdigenInVerblijf.doel), numeric: true },
          {
            header: 'Herhaalde instroom',
            cell: (j) => cel(j.herhaaldeInstroom.percentage, '%'),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

export function IndicatorGrafiek<J extends Pick<Jaar, 'jaar' | 'heelJaar'>>(props: {
  naam: string;
  jaren: J[];
  van: (j: J) => Aandeel;
}) {
  const options = useMemo((): Plot.PlotOptions => {
    const eerste = props.jaren[0] ? props.van(props.jaren[0]) : null;
    const staven = [
      { wat: 'Nulwaarde\n2023', waarde: eerste?.nulwaarde2023 ?? null, soort: 'Nulwaarde' },
      { wat: 'Nulwaarde\n2024', waarde: eerste?.nulwaarde2024 ?? null, soort: 'Nulwaarde' },
      ...props.jaren.map((j) => ({
        wat: `${j.jaar}${j.heelJaar ? '' : '*'}`,
        waarde: props.van(j).percentage,
        soort: 'Gemeten',
      })),
    ];
    return {
      width: 340,
      height: 220,
      marginLeft: 40,
      marginBottom: 40,
      x: { label: null, domain: staven.map((s) => s.wat), padding: 0.25 },
      y: { label: '%', grid: true },
      color: { domain: ['Nulwaarde', 'Gemeten'], range: ['#8a8a8a', KLEUREN[0]!] },
      marks: [
        Plot.barY(
          staven.filter((s) => s.waarde !== null),
          { x: 'wat', y: 'waarde', fill: 'soort' },
        ),
        Plot.text(
          staven.filter((s) => s.waarde !== null),
          {
            x: 'wat',
            y: 'waarde',
            text: (s: (typeof staven)[number]) => getal.format(s.waarde!),
            dy: -7,
          },
        ),
        Plot.text(
          staven.filter((s) => s.waarde === null),
          {
            x: 'wat',
            y: 0,
            text: () => 'onderdrukt',
            dy: -8,
            fill: ONDERDRUKT_KLEUR,
            fontSize: 10,
          },
        ),
        Plot.ruleY([0]),
      ],
    };
  }, [props.jaren, props.van]);
  return (
    <figure class="chart chart-small">
      <PlotFigure
        naam={props.naam}
        beschrijving="Grijze staven: nulwaarden 2023 en 2024; blauwe staven: gemeten per jaar (* jaar nog niet voorbij)."
        options={options}
      />
      <figcaption>
        {props.naam}. Grijs: nulwaarden; blauw: gemeten (* jaar nog niet voorbij).
      </figcaption>
    </figure>
  );
}
