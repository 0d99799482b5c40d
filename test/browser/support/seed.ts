import { PROGRAMMA_2025_2028, PROGRAMMA_THEMAS } from '@app/domain';

/**
 * The data the browser tests (and their screenshots) need, seeded through the real HTTP API with
 * the demo users' development tokens, as a municipality would enter it: reference data, a GP
 * practice and the programme's knoppen and themes (Fatima, beheer), the Jansen family with its
 * plan and care (Anna, contactpersoon), 60 more families with care under several laws so that the
 * policy figures are not all withheld (Bram), and consultations (Joke, JPH).
 */

export interface Seeded {
  /** The Jansens: Anna is their contact person. */
  jansen: { gezinId: string; sanne: string; daan: string; mark: string };
  praktijkId: string;
  /** The client that seeded, with its tokens and the last log position written. */
  api: Api;
}

/** The ids a write answers with (each write names the one it made). */
type Ids = Record<'gezinId' | 'toewijzingId' | 'praktijkId' | 'verlengingId' | 'position', string>;

export class Api {
  position = '0';
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async token(userId: string): Promise<string> {
    const known = this.tokens.get(userId);
    if (known) return known;
    const res = await this.request('POST', '/api/v1/dev/tokens', null, { userId });
    const { token } = res as { token: string };
    this.tokens.set(userId, token);
    return token;
  }

  async write<T = Ids>(
    userId: string,
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    ifMatch?: string,
  ): Promise<T> {
    const result = (await this.request(method, `/api/v1${path}`, await this.token(userId), body, {
      ...(ifMatch ? { 'If-Match': ifMatch } : {}),
    })) as T & { position?: string };
    if (result.position && BigInt(result.position) > BigInt(this.position)) {
      this.position = result.position;
    }
    return result;
  }

  async read<T = Record<string, unknown>>(userId: string, path: string): Promise<T> {
    const join = path.includes('?') ? '&' : '?';
    return (await this.request(
      'GET',
      `/api/v1${path}${join}minPosition=${this.position}`,
      await this.token(userId),
    )) as T;
  }

  /** The family's version (ETag) now. */
  async etag(userId: string, gezinId: string): Promise<string> {
    const gezin = await this.read<{ revision: number }>(userId, `/gezinnen/${gezinId}`);
    return `"${gezin.revision}"`;
  }

  private async request(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && body !== null ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined && body !== null ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }
}

const FATIMA = 'u-fatima';
const ANNA = 'u-anna';
const BRAM = 'u-bram';
const JOKE = 'u-joke';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first of the month `months` after the first of the month `date` (YYYY-MM-01). */
function plusMonths(date: string, months: number): string {
  const [jaar, maand] = date.split('-').map(Number) as [number, number];
  const index = jaar * 12 + maand - 1 + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

export async function seed(baseUrl: string): Promise<Seeded> {
  const api = new Api(baseUrl);

  // Reference data.
  const producten = [
    ['45A48', { categorie: '45', omschrijving: 'Ambulante jeugdhulp', maxDuurMaanden: 6 }],
    ['43A01', { categorie: '43', omschrijving: 'Behandeld wonen', woonvorm: 'behandeld-wonen' }],
    ['54A10', { categorie: '54', omschrijving: 'Jeugd-GGZ', maxDuurMaanden: 12 }],
    ['WMO01', { wettelijkKader: 'wmo', omschrijving: 'Begeleiding (Wmo)' }],
    [
      'PW001',
      { wettelijkKader: 'participatiewet', omschrijving: 'Re-integratie (Participatiewet)' },
    ],
  ] as const;
  for (const [code, product] of producten) {
    await api.write(FATIMA, 'PUT', `/referentiedata/producten/${code}`, {
      geldigVanaf: '2020-01-01',
      ...product,
    });
  }
  const aanbieders = [
    ['12345678', 'Zorg BV'],
    ['87654321', 'Jeugdhulp Flevoland'],
  ];
  for (const [id, naam] of aanbieders) {
    await api.write(FATIMA, 'PUT', `/referentiedata/aanbieders/${id}`, {
      geldigVanaf: '2020-01-01',
      naam,
    });
  }
  for (const jaar of [2025, 2026]) {
    await api.write(FATIMA, 'PUT', `/referentiedata/bevolking/${jaar}`, {
      wijken: [
        { wijk: 'Noord', aantal: 180 },
        { wijk: 'Zuid', aantal: 220 },
      ],
    });
  }

  // The programme's knoppen with their actions, and a theme per knop, as `programma seed` sets them.
  for (const { knop, titel, acties } of PROGRAMMA_2025_2028) {
    await api.write(FATIMA, 'PUT', `/referentiedata/knoppen/${knop}`, { titel, acties });
  }
  for (const { themaId, ...thema } of PROGRAMMA_THEMAS) {
    await api.write(FATIMA, 'PUT', `/referentiedata/themas/${themaId}`, thema);
  }

  // The GP practice with its JPH, Joke, and GP, Henk.
  const { praktijkId } = await api.write(FATIMA, 'POST', '/praktijken', {
    naam: 'Huisartsenpraktijk De Linde',
    agbCode: '01051234',
    wijk: 'Noord',
    jph: { sinds: '2025-01-01', urenPerWeek: 16 },
  });
  await api.write(FATIMA, 'POST', `/praktijken/${praktijkId}/medewerkers`, {
    userId: JOKE,
    rol: 'jph',
  });
  await api.write(FATIMA, 'POST', `/praktijken/${praktijkId}/medewerkers`, {
    userId: 'u-henk',
    rol: 'huisarts',
  });

  // The Jansens, with Anna as their contact person, a plan and care for Sanne.
  const { gezinId } = await api.write(ANNA, 'POST', '/gezinnen', {
    naam: 'Jansen',
    wijk: 'Noord',
    leden: [
      { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
      { rol: 'jeugdige', voornaam: 'Daan', achternaam: 'Jansen', geboortedatum: '2015-01-31' },
      { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen', geboortedatum: '1983-09-12' },
    ],
  });
  const gezin = await api.read<{ leden: { persoonId: string; voornaam: string }[] }>(
    ANNA,
    `/gezinnen/${gezinId}`,
  );
  const lid = (voornaam: string) => gezin.leden.find((l) => l.voornaam === voornaam)!.persoonId;
  const jansen = { gezinId, sanne: lid('Sanne'), daan: lid('Daan'), mark: lid('Mark') };
  await api.write(
    ANNA,
    'POST',
    `/gezinnen/${gezinId}/contactpersoon`,
    { userId: ANNA, naam: 'Anna de Vries', organisatie: 'Wijkteam Noord', vanaf: '2026-11-02' },
    await api.etag(ANNA, gezinId),
  );
  await api.write(
    ANNA,
    'POST',
    `/gezinnen/${gezinId}/netwerk`,
    { soort: 'informeel', naam: 'Oma Jansen', rol: 'oma', vanaf: '2026-11-02' },
    await api.etag(ANNA, gezinId),
  );
  await api.write(
    ANNA,
    'PUT',
    `/gezinnen/${gezinId}/plan`,
    {
      hulpvraag: 'Wij willen weer rust in huis, en Sanne moet weer naar school.',
      doelen: [
        {
          doelId: 'd-1',
          leefgebied: 'onderwijs',
          persoonId: jansen.sanne,
          omschrijving: 'Sanne gaat elke dag naar school',
        },
        {
          doelId: 'd-2',
          leefgebied: 'financien',
          persoonId: null,
          omschrijving: 'Het gezin heeft overzicht over de schulden',
        },
      ],
      afspraken: [
        {
          afspraakId: 'a-1',
          wie: 'Mark (vader)',
          wat: 'Meldt zich bij de schuldhulpverlening',
          uiterlijk: '2027-01-15',
          status: 'open',
          doelId: 'd-2',
        },
        {
          afspraakId: 'a-2',
          wie: 'Anna (contactpersoon)',
          wat: 'Belt school over een plan voor Sanne',
          uiterlijk: '2026-11-27',
          status: 'open',
          doelId: 'd-1',
        },
      ],
      evaluatiedatum: '2027-06-01',
      toestemming: { delen: true, vastgelegdOp: '2026-11-20' },
    },
    await api.etag(ANNA, gezinId),
  );
  const sanneZorg = await api.write(ANNA, 'POST', `/personen/${jansen.sanne}/toewijzingen`, {
    wettelijkKader: 'jeugdwet',
    productcode: '45A48',
    aanbiederId: '12345678',
    verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    toewijzingsnummer: 'TW-2026-0001',
    begindatum: '2026-11-02',
    einddatum: '2027-04-30',
  });
  await api.write(
    ANNA,
    'POST',
    `/personen/${jansen.sanne}/toewijzingen/${sanneZorg.toewijzingId}/zorgstart`,
    { datum: '2026-11-09' },
  );

  // Daan's assignment ends within 60 days, with no decision on what comes next.
  await api.write(ANNA, 'POST', `/personen/${jansen.daan}/toewijzingen`, {
    wettelijkKader: 'jeugdwet',
    productcode: '45A48',
    aanbiederId: '87654321',
    verwijzer: { type: '01' },
    toewijzingsnummer: 'TW-2026-0002',
    begindatum: '2026-07-01',
    einddatum: '2027-01-15',
  });

  // Sixty more families, registered by Bram, with care over 2025 and 2026: enough for figures.
  for (let i = 0; i < 60; i++) {
    const geboortejaar = 2008 + (i % 9);
    const { gezinId: id } = await api.write(BRAM, 'POST', '/gezinnen', {
      naam: `Gezin ${i + 1}`,
      wijk: i % 2 === 0 ? 'Noord' : 'Zuid',
      leden: [
        {
          rol: 'jeugdige',
          voornaam: `Kind${i + 1}`,
          achternaam: `Achternaam${i + 1}`,
          geboortedatum: `${geboortejaar}-${pad(1 + (i % 12))}-${pad(1 + (i % 27))}`,
        },
        { rol: 'ouder', voornaam: `Ouder${i + 1}`, achternaam: `Achternaam${i + 1}` },
      ],
    });
    const leden = (
      await api.read<{ leden: { persoonId: string; rol: string }[] }>(BRAM, `/gezinnen/${id}`)
    ).leden;
    const kind = leden.find((l) => l.rol === 'jeugdige')!.persoonId;
    const ouder = leden.find((l) => l.rol === 'ouder')!.persoonId;
    // Starts in four months (15 each, so published), ends spread wider (mostly withheld).
    const start = `2025-${pad(1 + 3 * (i % 4))}-01`;
    const eind = plusMonths(start, 6 + (Math.floor(i / 4) % 5));
    const aanbiederId = i % 3 === 0 ? '87654321' : '12345678';
    const product = i % 4 === 3 ? '54A10' : '45A48';
    const { toewijzingId } = await api.write(BRAM, 'POST', `/personen/${kind}/toewijzingen`, {
      wettelijkKader: 'jeugdwet',
      productcode: product,
      aanbiederId,
      verwijzer: { type: i % 2 === 0 ? '02' : '01' },
      toewijzingsnummer: `TW-${i}`,
      begindatum: start,
      einddatum: eind,
    });
    const zorg = `/personen/${kind}/toewijzingen/${toewijzingId}`;
    await api.write(BRAM, 'POST', `${zorg}/zorgstart`, { datum: start });
    if (i % 3 !== 2) {
      await api.write(BRAM, 'POST', `${zorg}/zorgstop`, { datum: eind, reden: '31' });
    }
    if (i % 4 === 0) {
      const { verlengingId } = await api.write(BRAM, 'POST', `${zorg}/verlengingen`, {
        aangevraagdOp: `${start.slice(0, 8)}15`,
        aanvrager: 'Zorg BV',
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: plusMonths(eind, 3),
      });
      await api.write(BRAM, 'POST', `/personen/${kind}/verlengingen/${verlengingId}/besluit`, {
        besluit: i % 8 === 0 ? 'toegekend' : 'afgewezen',
        besluitdatum: `${start.slice(0, 8)}20`,
        ...(i % 8 === 0
          ? { toewijzingsnummer: `TW-${i}-V` }
          : { toelichting: 'Nee, tenzij: eerst lichtere hulp', alternatieven: ['Wmo'] }),
      });
    }
    if (i < 40) {
      await api.write(BRAM, 'POST', `/personen/${ouder}/toewijzingen`, {
        wettelijkKader: i < 25 ? 'wmo' : 'participatiewet',
        productcode: i < 25 ? 'WMO01' : 'PW001',
        aanbiederId: '87654321',
        verwijzer: { type: '01' },
        toewijzingsnummer: `OV-${i}`,
        begindatum: '2025-03-01',
        einddatum: '2026-12-31',
      });
    }
  }

  // Consultations at De Linde.
  const uitkomsten = ['afgehandeld-door-jph', 'alleen-advies', 'verwezen-lichte-zorg-bggz'];
  for (let i = 0; i < 14; i++) {
    await api.write(JOKE, 'POST', '/consultaties', {
      praktijkId,
      datum: `2026-11-${pad(2 + i)}`,
      leeftijdsgroep: i % 2 === 0 ? '12-17' : '4-11',
      onderwerpen: [i % 2 === 0 ? 'school' : 'slapen'],
      aantalContacten: 1 + (i % 3),
      uitkomst: uitkomsten[i % 3],
      ...(i % 4 === 0 ? { vervolgdatum: `2026-12-${pad(10 + i)}` } : {}),
      toestemming: false,
    });
  }

  return { jansen, praktijkId, api };
}
