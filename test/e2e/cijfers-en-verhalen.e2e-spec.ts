import { signDevToken } from '@app/access';
import { AMBULANT_45A48 } from './support/cijfers';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Figures and stories side by side for policy staff (issue 12): one cell's cold figures, the
 * judgements of youths and parents, and the released stories, pseudonymised; the provider report.
 * Stories and judgements go in through their own routes (recorded by the contact person, released
 * by a team lead). Every /beleid answer, JSON and CSV, is scanned for names, ids and exact dates of
 * persons, and a withdrawn story leaves every one of them at once.
 */
describe('cijfers en verhalen (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  let beleid: string;
  let tessa: string;
  let lastPosition = '0';
  const API = '/api/v1';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** What no beleid answer may contain: names, birth dates, ids, days of stories. */
  const personal: string[] = ['Anna de Vries', 'Bram Bakker'];

  async function write(method: 'post' | 'put', path: string, body: object, token = anna) {
    const res = await t.http()[method](`${API}${path}`).set(auth(token)).send(body);
    expect({ path, status: res.status, detail: res.body.detail }).toEqual({
      path,
      status: method === 'put' ? 200 : 201,
      detail: undefined,
    });
    lastPosition = res.body.position as string;
    return res.body as Record<
      'gezinId' | 'toewijzingId' | 'verhaalId' | 'oordeelId' | 'position',
      string
    >;
  }

  interface Gezin {
    gezinId: string;
    persoonId: string;
    toewijzingId: string;
  }

  async function gezinMetZorg(i: number, aanbiederId: string): Promise<Gezin> {
    const [voornaam, achternaam, ouder] = [`Voornaam${i}x`, `Achternaam${i}x`, `Ouder${i}x`];
    const geboortedatum = `2012-0${1 + (i % 9)}-1${i % 10}`;
    const { gezinId, position } = await write('post', '/gezinnen', {
      naam: achternaam,
      wijk: 'Noord',
      leden: [
        { rol: 'jeugdige', voornaam, achternaam, geboortedatum, bsn: null },
        { rol: 'ouder', voornaam: ouder, achternaam, geboortedatum: '1981-02-03', bsn: null },
      ],
    });
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${gezinId}?minPosition=${position}`)
      .set(auth(anna))
      .expect(200);
    const persoonId = gezin.body.leden[0].persoonId as string;
    await t
      .http()
      .post(`${API}/gezinnen/${gezinId}/contactpersoon`)
      .set(auth(anna))
      .send({ userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord', vanaf: DAG })
      .expect(200);
    const { toewijzingId } = await write('post', `/personen/${persoonId}/toewijzingen`, {
      wettelijkKader: 'jeugdwet',
      productcode: '45A48',
      aanbiederId,
      verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
      toewijzingsnummer: `TW-${i}-${Math.random().toString(36).slice(2, 8)}`,
      begindatum: '2025-01-01',
      einddatum: '2025-06-30',
      omvang: null,
    });
    const ids = [gezinId, persoonId, gezin.body.leden[1].persoonId as string, toewijzingId];
    personal.push(voornaam, achternaam, ouder, geboortedatum, '1981-02-03', ...ids);
    return { gezinId, persoonId, toewijzingId };
  }

  /** A story recorded by the family's contact person and, when given, released by a team lead. */
  async function verhaal(
    g: Gezin,
    v: { datum: string; tekst: string; toestemming: string; vrijgegeven: string | null },
  ) {
    personal.push(v.datum, v.tekst);
    const { verhaalId } = await write('post', `/gezinnen/${g.gezinId}/verhalen`, {
      persoonId: g.persoonId,
      toewijzingId: g.toewijzingId,
      verteller: { soort: 'ouder' },
      datum: v.datum,
      tekst: v.tekst,
      themaIds: ['knop-8'],
      toestemming: v.toestemming,
    });
    personal.push(verhaalId);
    if (v.vrijgegeven !== null) {
      const vrijgave = `/gezinnen/${g.gezinId}/verhalen/${verhaalId}/vrijgave`;
      const res = await t
        .http()
        .post(`${API}${vrijgave}`)
        .set(auth(tessa))
        .send({ tekst: v.vrijgegeven });
      // Consent for the family's file only: the release is refused, and nothing shows anyway.
      expect(res.status).toBe(v.toestemming === 'dossier' ? 422 : 200);
      if (res.status === 200) lastPosition = res.body.position as string;
    }
    return verhaalId;
  }

  async function toestemming(g: Gezin, verhaalId: string, nieuw: string) {
    await write('put', `/gezinnen/${g.gezinId}/verhalen/${verhaalId}/toestemming`, {
      toestemming: nieuw,
    });
  }

  /** The judgements of the youth and a parent at the end of the family's assignment. */
  async function oordelen(g: Gezin) {
    const { oordeelId } = await write('post', `/gezinnen/${g.gezinId}/oordelen`, {
      aanleiding: { soort: 'einde-toewijzing', toewijzingId: g.toewijzingId },
      datum: '2025-06-27',
      oordelen: [
        { door: 'jeugdige', hulpvraagBeantwoord: 'ja', regie: 4, voortgang: [] },
        { door: 'ouder', hulpvraagBeantwoord: 'deels', regie: 3, voortgang: [] },
      ],
    });
    personal.push(oordeelId);
  }

  const get = (path: string, query: string, token: string | null = beleid) => {
    const req = t.http().get(`${API}/beleid/${path}?${query}&minPosition=${lastPosition}`);
    return token === null ? req : req.set(auth(token));
  };
  const PERIODE = 'van=2025-01-01&tot=2025-12-31';

  const CITEERBAAR = 'Eindelijk luisterde iemand naar wat wij nodig hadden.';
  const GEPSEUDONIMISEERD = 'De wachttijd was lang maar de hulp paste.';
  let gezinnen: Gezin[];
  let citeerbaar: string;

  /** Everything in beforeAll is recorded on this day; the withdrawal comes two days later. */
  const DAG = '2026-01-10';

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${DAG}T10:00:00`);
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    beheer = await t.token('beheer', 'u-beheer');
    beleid = await t.token('beleid', 'u-beleid');
    tessa = await signDevToken(t.dataDir, {
      userId: 'u-tessa',
      roles: ['contactpersoon'],
      name: 'Tessa Teamleider',
      teamleider: true,
    });
    personal.push('Tessa Teamleider');
    await write('put', '/referentiedata/producten/45A48', AMBULANT_45A48, beheer);
    const knop = {
      titel: 'Stoppen met wat niet werkt',
      acties: [{ actieId: 'k8-2b', titel: 'Verhalen' }],
    };
    await write('put', '/referentiedata/knoppen/8', knop, beheer);
    await write(
      'put',
      '/referentiedata/themas/knop-8',
      { naam: 'Stoppen met wat niet werkt', knop: 8, actief: true },
      beheer,
    );
    for (const [id, naam] of [
      ['12345678', 'Zorg BV'],
      ['87654321', 'Klein BV'],
    ]) {
      await write(
        'put',
        `/referentiedata/aanbieders/${id}`,
        { geldigVanaf: '2020-01-01', naam },
        beheer,
      );
    }
    // 24 youths in Noord with ambulant care at Zorg BV in the first half of 2025, each judged.
    gezinnen = [];
    for (let i = 0; i < 24; i++) gezinnen.push(await gezinMetZorg(i, '12345678'));
    for (const g of gezinnen) await oordelen(g);
    const [eerste, tweede, derde, vierde] = gezinnen as [Gezin, Gezin, Gezin, Gezin];
    citeerbaar = await verhaal(eerste, {
      datum: '2025-11-14',
      tekst: `Onze ${personal[2]} kreeg eindelijk hulp van juf Sanne.`,
      toestemming: 'citeerbaar',
      vrijgegeven: CITEERBAAR,
    });
    await verhaal(tweede, {
      datum: '2025-10-03',
      tekst: 'De wachttijd was lang maar de hulp van Joris paste.',
      toestemming: 'gepseudonimiseerd',
      vrijgegeven: GEPSEUDONIMISEERD,
    });
    // Consent for the file only, and one not released yet: neither ever shows.
    await verhaal(derde, {
      datum: '2025-09-09',
      tekst: 'Alleen voor ons dossier.',
      toestemming: 'dossier',
      vrijgegeven: 'Alleen voor het dossier, gecontroleerd.',
    });
    await verhaal(vierde, {
      datum: '2025-08-08',
      tekst: 'Nog niet gecontroleerd verhaal.',
      toestemming: 'citeerbaar',
      vrijgegeven: null,
    });
  }, 60_000);
  afterAll(() => t.close());

  it('answers one cell with its figures, its judgements and its released stories', async () => {
    const res = await get('cijfers-en-verhalen', `${PERIODE}&aanbieder=12345678`).expect(200);
    expect(res.body).toMatchObject({
      definitieVersie: 'cijfers-en-verhalen-1',
      filter: { aanbieder: '12345678' },
      thema: null,
      cijfers: {
        episodes: { definitieVersie: 'zorgepisodes-2', personen: expect.gepubliceerdVan(24) },
        duren: { beeindigd: expect.gepubliceerdVan(24) },
        verlengingen: { metMaximum: expect.gepubliceerdVan(24) },
        uitstroom: { aantal: null },
      },
    });
    // The same totals as the figure itself.
    const episodes = await get('zorg/episodes', `${PERIODE}&aanbieder=12345678`).expect(200);
    expect(res.body.cijfers.episodes).toMatchObject(episodes.body.totaal);

    const [jeugdige, ouder, professional, totaal] = res.body.oordelen;
    expect(jeugdige).toMatchObject({ verteller: 'jeugdige', oordelen: expect.gepubliceerdVan(24) });
    expect(jeugdige.hulpvraagBeantwoord).toContainEqual(
      expect.objectContaining({ antwoord: 'ja', aantal: expect.gepubliceerdVan(24) }),
    );
    expect(ouder.hulpvraagBeantwoord).toContainEqual(
      expect.objectContaining({ antwoord: 'deels', aantal: expect.gepubliceerdVan(24) }),
    );
    expect(professional.oordelen).toBeNull();
    expect(totaal.oordelen).toEqual(expect.gepubliceerdVan(48));

    expect(res.body.verhalen).toEqual({
      getoond: true,
      reden: null,
      items: [
        {
          maand: '2025-10',
          verteller: 'ouder',
          citeerbaar: false,
          tekst: GEPSEUDONIMISEERD,
          themas: ['Stoppen met wat niet werkt'],
          aanbieder: 'Zorg BV',
          product: 'Ambulant',
          kader: 'jeugdwet',
          zorgvorm: 'zonder-verblijf',
        },
        expect.objectContaining({ maand: '2025-11', citeerbaar: true, tekst: CITEERBAAR }),
      ],
    });
  });

  it('shows no story at all in a cell of fewer than 10 persons', async () => {
    // Nobody was in care in 2024: the cell is empty.
    const leeg = await get('cijfers-en-verhalen', 'van=2024-01-01&tot=2024-12-31').expect(200);
    expect(leeg.body.cijfers.episodes.personen).toBeNull();
    expect(leeg.body.verhalen).toEqual({
      getoond: false,
      reden: 'cel onder 10 personen',
      items: [],
    });
  });

  it('selects stories by theme; the figures stay those of the cell', async () => {
    const ander = await get('cijfers-en-verhalen', `${PERIODE}&thema=knop-3`).expect(200);
    expect(ander.body.thema).toBe('knop-3');
    expect(ander.body.verhalen.items).toEqual([]);
    expect(ander.body.cijfers.episodes.personen).toEqual(expect.gepubliceerdVan(24));
  });

  it('serves the answer as one long CSV table', async () => {
    const res = await get('cijfers-en-verhalen', `${PERIODE}&formaat=csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-definitie-versie']).toBe('cijfers-en-verhalen-1');
    const [kop, ...rijen] = res.text.trim().split('\r\n');
    expect(kop).toBe('deel,rij,veld,waarde');
    expect(rijen).toContain(`verhalen,verhaal 2,tekst,${CITEERBAAR}`);
    expect(
      rijen.some((r) => r.startsWith('oordelen,jeugdige,hulpvraagBeantwoord.ja.aantal,')),
    ).toBe(true);
    expect(rijen.some((r) => r.startsWith('cijfers,episodes,personen,'))).toBe(true);
  });

  it('reports on a provider for the dialogue: durations and extensions per product, exits, judgements, stories', async () => {
    const res = await get('aanbieders/12345678/rapport', PERIODE).expect(200);
    expect(res.body).toMatchObject({
      definitieVersie: 'aanbiederrapport-1',
      aanbieder: { aanbiederId: '12345678', naam: 'Zorg BV' },
      filter: { aanbieder: '12345678' },
      langeTrajecten: {
        definitieVersie: 'monitoring-duren-3',
        perProduct: [expect.objectContaining({ sleutel: '45A48', naam: 'Ambulant' })],
      },
      verlengingen: { totaal: expect.objectContaining({ metMaximum: expect.gepubliceerdVan(24) }) },
      uitstroom: { aantal: null },
    });
    expect(res.body.verhalen.items).toHaveLength(2);
    const csv = await get('aanbieders/12345678/rapport', `${PERIODE}&formaat=csv`).expect(200);
    expect(csv.text).toContain('langeTrajecten,45A48 Ambulant,beeindigd,');
  });

  it("gives a knop's report the released stories of its themes, as the side-by-side answer shows them", async () => {
    const knop = await get('programma/knoppen/8', PERIODE).expect(200);
    const cel = await get('cijfers-en-verhalen', PERIODE).expect(200);
    expect(knop.body.verhalen).toEqual(cel.body.verhalen.items);
    expect(knop.body.verhalen).toHaveLength(2);
    // A small cell: no story, in the knop's report either.
    const klein = await get('programma/knoppen/8', 'van=2024-01-01&tot=2024-12-31').expect(200);
    expect(klein.body.verhalen).toEqual([]);
  });

  it('refuses what it cannot answer: 401, 403, 400, 404, 422', async () => {
    for (const path of ['cijfers-en-verhalen', 'aanbieders/12345678/rapport']) {
      await get(path, PERIODE, null).expect(401);
      await get(path, PERIODE, anna).expect(403);
      await get(path, PERIODE, beheer).expect(403);
      const zonderPeriode = await get(path, 'van=2025-01-01').expect(400);
      expect(zonderPeriode.body.errors[0]).toMatchObject({ field: 'tot', in: 'query' });
      const vorm = await get(path, `${PERIODE}&zorgvorm=thuis`).expect(400);
      expect(vorm.body.errors[0]).toMatchObject({ field: 'zorgvorm', in: 'query' });
    }
    const id = await get('aanbieders/kapot/rapport', PERIODE).expect(400);
    expect(id.body.errors[0]).toMatchObject({ field: 'aanbiederId', in: 'path' });
    const onbekend = await get('aanbieders/99999999/rapport', PERIODE).expect(404);
    expect(onbekend.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Klein BV has no one in care: its report, and its cell, would single people out.
    const klein = await get('aanbieders/87654321/rapport', PERIODE).expect(422);
    expect(klein.body.errors).toEqual([expect.objectContaining({ field: 'aanbieder' })]);
    await get('cijfers-en-verhalen', `${PERIODE}&aanbieder=87654321`).expect(422);
  });

  /** Every GET route under /beleid and the query parameters it takes, from the OpenAPI document. */
  async function beleidRoutes(): Promise<{ pad: string; parameters: string[] }[]> {
    type Operation = { parameters?: { name: string; in: string }[] };
    const openapi = await t.http().get(`${API}/openapi.json`).expect(200);
    return Object.entries(openapi.body.paths as Record<string, Record<string, Operation>>)
      .filter(([path, methods]) => path.startsWith(`${API}/beleid/`) && methods.get)
      .map(([path, methods]) => ({
        pad: path
          .slice(`${API}/beleid/`.length)
          .replace('{aanbiederId}', '12345678')
          .replace('{knop}', '8'),
        parameters: (methods.get!.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name),
      }));
  }

  /** Every beleid answer, JSON and (where a route has it) CSV, as text. */
  async function alleAntwoorden(extra: Record<string, string> = {}): Promise<string[]> {
    const routes = await beleidRoutes();
    expect(routes.map((r) => r.pad)).toEqual(
      expect.arrayContaining([
        'cijfers-en-verhalen',
        'aanbieders/12345678/rapport',
        'consultaties',
      ]),
    );
    const antwoorden: string[] = [];
    for (const { pad, parameters } of routes) {
      for (const formaat of parameters.includes('formaat') ? ['json', 'csv'] : ['json']) {
        const waarden = {
          van: '2025-01-01',
          tot: '2025-12-31',
          minPosition: lastPosition,
          ...extra,
        };
        const query = Object.entries({ ...waarden, formaat })
          .filter(([naam]) => parameters.includes(naam))
          .map(([naam, waarde]) => `${naam}=${waarde}`)
          .join('&');
        const res = await t.http().get(`${API}/beleid/${pad}?${query}`).set(auth(beleid));
        expect({ pad, formaat, status: res.status }).toEqual({ pad, formaat, status: 200 });
        antwoorden.push(res.text);
      }
    }
    return antwoorden;
  }

  it('shows no name, id or exact date of a person anywhere in any beleid answer', async () => {
    const antwoorden = await alleAntwoorden();
    expect(antwoorden.join('\n')).toContain(CITEERBAAR);
    for (const tekst of antwoorden) {
      for (const value of personal) expect(tekst).not.toContain(value);
      // The unchecked texts' names: only the released text goes out.
      expect(tekst).not.toMatch(/Sanne|Joris|dossier, gecontroleerd|Nog niet gecontroleerd/);
    }
  });

  it('takes a withdrawn story out of every beleid answer at once, also as known on an earlier day', async () => {
    const voor = await alleAntwoorden({ bekendOp: DAG });
    expect(voor.join('\n')).toContain(CITEERBAAR);
    t.clock.set('2026-01-12T10:00:00');
    await toestemming(gezinnen[0]!, citeerbaar, 'dossier');
    for (const extra of [{}, { bekendOp: DAG }] as Record<string, string>[]) {
      const na = await alleAntwoorden(extra);
      for (const tekst of na) expect(tekst).not.toContain(CITEERBAAR);
      expect(na.join('\n')).toContain(GEPSEUDONIMISEERD);
    }
  });
});
