import { get } from '../api';
import type { Ik } from '../auth';
import { datum } from '../labels';
import { DataTable, Link, Page, Show, useLoad } from '../ui';
import { VrijgaveWerklijst } from './verhalen';

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

const isPersoon = (item: WerklijstItem) =>
  typeof item.persoonId === 'string' && typeof item.voornaam === 'string' && !!item.gezinId;

/** An item about a person links to their care; one about a family to the family. */
function WerklijstLink(props: { item: WerklijstItem }) {
  const { item } = props;
  if (isPersoon(item)) {
    return (
      <Link href={`/gezinnen/${item.gezinId}/leden/${String(item.persoonId)}/zorg`}>
        {String(item.voornaam)} {typeof item.achternaam === 'string' ? item.achternaam : ''}
      </Link>
    );
  }
  if (item.gezinId) return <Link href={`/gezinnen/${item.gezinId}`}>Gezin {item.naam}</Link>;
  return <strong>{item.naam}</strong>;
}

function details(item: WerklijstItem): string {
  const inLink = isPersoon(item) ? ['voornaam', 'achternaam'] : [];
  return Object.entries(item)
    .filter(([key]) => key !== 'naam' && !inLink.includes(key))
    .filter(([key, value]) => !/Id$|revision|position/.test(key) && value != null)
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
        <VrijgaveWerklijst />
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
                  <WerklijstLink item={item} />
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
