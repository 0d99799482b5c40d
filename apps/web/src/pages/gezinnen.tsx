import { get } from '../api';
import type { Ik } from '../auth';
import { datum } from '../labels';
import { DataTable, Link, Page, Show, useLoad } from '../ui';

interface WerklijstItem {
  gezinId?: string;
  naam?: string;
  [field: string]: unknown;
}

const WERKLIJSTEN: { pad: string; titel: string; leeg: string; teamleider?: boolean }[] = [
  {
    pad: 'evaluaties-verlopen',
    titel: 'Evaluatie van het plan verlopen',
    leeg: 'Geen plannen over hun evaluatiedatum.',
  },
  {
    pad: 'afspraken-verlopen',
    titel: 'Afspraken over hun datum',
    leeg: 'Geen open afspraken over hun datum.',
  },
  {
    pad: 'perspectiefgesprekken',
    titel: 'Perspectiefgesprekken (16,5 jaar)',
    leeg: 'Geen perspectiefgesprekken binnen 90 dagen.',
  },
  {
    pad: 'verblijf-indicaties',
    titel: 'Verblijfsindicaties die aflopen',
    leeg: 'Geen verblijfsindicaties die binnen 3 maanden aflopen.',
  },
  {
    pad: 'toewijzingen-aflopend',
    titel: 'Toewijzingen die aflopen zonder besluit',
    leeg: 'Geen toewijzingen die binnen 60 dagen aflopen.',
  },
  {
    pad: 'consultatie-koppelingen',
    titel: 'Consultaties om te koppelen',
    leeg: 'Geen voorgestelde koppelingen.',
  },
  {
    pad: 'zonder-contactpersoon',
    titel: 'Gezinnen zonder contactpersoon',
    leeg: 'Alle gezinnen hebben een contactpersoon.',
    teamleider: true,
  },
];

/** Words for the fields of worklist items; ids are left out. */
const VELD: Record<string, string> = {
  voornaam: 'Voornaam',
  achternaam: 'Achternaam',
  wat: 'Wat',
  wie: 'Wie',
  uiterlijk: 'Uiterlijk',
  evaluatiedatum: 'Evaluatie',
  aangemeldOp: 'Aangemeld',
  einddatum: 'Einddatum',
  indicatieEinddatum: 'Indicatie tot',
  productcode: 'Product',
  aanbiederNaam: 'Aanbieder',
  uitstroomperspectief: 'Uitstroomperspectief',
  praktijk: 'Praktijk',
  datum: 'Datum',
  status: 'Status',
  woonvorm: 'Woonvorm',
};

function details(item: WerklijstItem): string {
  return Object.entries(item)
    .filter(([key, value]) => key !== 'naam' && !/Id$|revision|position/.test(key) && value != null)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => {
      const text =
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
          ? datum(value)
          : String(value);
      return `${VELD[key] ?? key}: ${text}`;
    })
    .join(' · ');
}

export function GezinnenPage(props: { ik: Ik }) {
  const gezinnen = useLoad(
    () =>
      get<{
        items: { gezinId: string; naam: string; toegang: string; evaluatiedatum: string | null }[];
      }>('/werklijsten/mijn-gezinnen'),
    [],
  );
  const werklijsten = WERKLIJSTEN.filter((lijst) => !lijst.teamleider || props.ik.teamleider);
  return (
    <Page title="Mijn gezinnen">
      <Show loaded={gezinnen}>
        {({ items }) => (
          <DataTable
            caption="Gezinnen waarvan u contactpersoon bent of was"
            rows={items}
            empty="U werkt nog met geen enkel gezin."
            columns={[
              {
                header: 'Gezin',
                cell: (g) => <Link href={`/gezinnen/${g.gezinId}`}>Gezin {g.naam}</Link>,
              },
              {
                header: 'Uw rol',
                cell: (g) =>
                  g.toegang === 'schrijven'
                    ? 'Contactpersoon'
                    : 'Alleen inzien (eerder contactpersoon)',
              },
              {
                header: 'Evaluatie plan',
                cell: (g) => (g.evaluatiedatum ? datum(g.evaluatiedatum) : 'Nog geen plan'),
              },
            ]}
          />
        )}
      </Show>
      <h2>Mijn werklijsten</h2>
      <div class="worklists">
        {werklijsten.map((lijst) => (
          <Werklijst key={lijst.pad} {...lijst} />
        ))}
      </div>
    </Page>
  );
}

function Werklijst(props: { pad: string; titel: string; leeg: string }) {
  const lijst = useLoad(
    () => get<{ items: WerklijstItem[] }>(`/werklijsten/${props.pad}`),
    [props.pad],
  );
  const id = `werklijst-${props.pad}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h3 id={id}>
        {props.titel}
        {lijst.data && <span class="count"> ({lijst.data.items.length})</span>}
      </h3>
      <Show loaded={lijst}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">{props.leeg}</p>
          ) : (
            <ul class="plain">
              {items.map((item) => (
                <li>
                  {item.gezinId ? (
                    <Link href={`/gezinnen/${item.gezinId}`}>Gezin {item.naam}</Link>
                  ) : (
                    <strong>{item.naam}</strong>
                  )}
                  <div class="muted small">{details(item)}</div>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
