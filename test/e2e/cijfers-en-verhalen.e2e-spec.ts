import { randomUUID } from 'node:crypto';
import { EventStore } from '@app/event-store';
import { oordeelStreamId, verhaalStreamId } from '@app/domain';
import { AMBULANT_45A48 } from './support/cijfers';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Figures and stories side by side for policy staff (issue 12): one cell's cold figures, the
 * judgements of youths and parents, and the released stories, pseudonymised; the provider report.
 * Every /beleid answer, JSON and CSV, is scanned for names, ids and exact dates of persons, and a
 * withdrawn story leaves every one of them at once.
 */
describe('cijfers en verhalen (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  let beleid: string;
  let lastPosition = '0';
  const API = '/api/v1';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** What no beleid answer may contain: names, birth dates, ids, days of stories. */
  const personal: string[] = ['Anna de Vries', 'Bram Bakker'];

  async function write(method: 'post' | 'put', path: string, body: object, token = anna) {
    const res = await t.http()[method](`${API}${path}`).set(auth(token)).send(body);
    expect({ path, status: res.status }).toEqual({ path, status: method === 'put' ? 200 : 201 });
    lastPosition = res.body.position as string;
    return res.body as { gezinId: string; toewijzingId: string; position: string };
  }

  interface Gezin {
    gezinId: string;
    persoonId: string;
    toewijzingId: string;
  }

  async function gezinMetZorg(i: number, aanbiederId: string): Promise<Gezin> {
    const [voornaam, achternaam] = [`Voornaam${i}x`, `Achternaam${i}x`];
    const geboortedatum = `2012-0${1 + (i % 9)}-1${i % 10}`;
    const { gezinId, position } = await write('post', '/gezinnen', {
      naam: achternaam,
      wijk: 'Noord',
      leden: [{ rol: 'jeugdige', voornaam, achternaam, geboortedatum, bsn: null }],
    });
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${gezinId}?minPosition=${position}`)
      .set(auth(anna))
      .expect(200);
    const persoonId = gezin.body.leden[0].persoonId as string;
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
    personal.push(voornaam, achternaam, geboortedatum, gezinId, persoonId, toewijzingId);
    return { gezinId, persoonId, toewijzingId };
  }

  // Until the recording routes are merged, stories and judgements go into the event store as
  // their deciders would write them.
  async function append(streamId: string, type: string, data: Record<string, unknown>) {
    const result = await t.app.get(EventStore).append(
      streamId,
      [
        {
          id: randomUUID(),
          type,
          schemaVersion: 1,
          data,
          occurredAt: t.clock.now().toISOString(),
          actor: { userId: 'u-anna', role: 'contactpersoon' },
          correlationId: randomUUID(),
          causationId: null,
        },
      ],
      'any',
    );
    lastPosition = String(result.position);
  }

  const opname = (g: Gezin, aanbiederId = '12345678') => ({
    toewijzingId: g.toewijzingId,
    persoonId: g.persoonId,
    wettelijkKader: 'jeugdwet',
    aanbiederId,
    productcode: '45A48',
    productcategorie: '45',
    woonvorm: null,
  });

  async function verhaal(
    g: Gezin,
    v: { datum: string; tekst: string; toestemming: string; vrijgegeven: string | null },
  ) {
    const verhaalId = randomUUID();
    personal.push(verhaalId, v.datum, v.tekst);
    await append(verhaalStreamId(verhaalId), 'VerhaalRecorded', {
      verhaalId,
      gezinId: g.gezinId,
      persoonId: g.persoonId,
      toewijzing: opname(g),
      verteller: { soort: 'ouder', organisatie: null },
      datum: v.datum,
      tekst: v.tekst,
      themaIds: ['knop-8'],
      toestemming: v.toestemming,
      door: 'u-anna',
    });
    if (v.vrijgegeven !== null) {
      await append(verhaalStreamId(verhaalId), 'VerhaalReleased', {
        verhaalId,
        gezinId: g.gezinId,
        tekst: v.vrijgegeven,
        door: 'u-bram',
        op: '2025-11-20',
      });
    }
    return verhaalId;
  }

  async function toestemming(g: Gezin, verhaalId: string, nieuw: string) {
    await append(verhaalStreamId(verhaalId), 'VerhaalConsentChanged', {
      verhaalId,
      gezinId: g.gezinId,
      toestemming: nieuw,
      datum: t.clock.now().toISOString().slice(0, 10),
      door: 'u-anna',
    });
  }

  async function oordelen(g: Gezin) {
    const oordeelId = randomUUID();
    personal.push(oordeelId);
    await append(oordeelStreamId(oordeelId), 'OordelenRecorded', {
      oordeelId,
      gezinId: g.gezinId,
      aanleiding: { soort: 'einde-toewijzing', toewijzing: opname(g) },
      datum: '2025-06-27',
      oordelen: [
        {
          door: 'jeugdige',
          hulpvraagBeantwoord: 'ja',
          regie: 4,
          voortgang: [{ doelId: 'doel-1', score: 1 }],
        },
        { door: 'ouder', hulpvraagBeantwoord: 'deels', regie: 3, voortgang: [] },
      ],
      door: 'u-anna',
    });
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
    await write('put', '/referentiedata/producten/45A48', AMBULANT_45A48, beheer);
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
          themas: ['knop-8'],
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

  /** Every GET route under /beleid, with a query each accepts, as the OpenAPI document lists them. */
  async function beleidRoutes(): Promise<string[]> {
    const openapi = await t.http().get(`${API}/openapi.json`).expect(200);
    return Object.entries(openapi.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path, methods]) => path.startsWith(`${API}/beleid/`) && 'get' in methods)
      .map(([path]) => path.slice(`${API}/beleid/`.length).replace('{aanbiederId}', '12345678'));
  }

  /** Every beleid answer, JSON and CSV, as text. */
  async function alleAntwoorden(query = PERIODE): Promise<string[]> {
    const routes = await beleidRoutes();
    expect(routes).toEqual(
      expect.arrayContaining([
        'cijfers-en-verhalen',
        'aanbieders/12345678/rapport',
        'consultaties',
      ]),
    );
    const antwoorden: string[] = [];
    for (const route of routes) {
      for (const formaat of ['json', 'csv']) {
        const q = route === 'consultaties' ? 'van=2025-01-01&tot=2025-12-31' : query;
        const res = await get(route, `${q}&formaat=${formaat}`);
        expect({ route, formaat, status: res.status }).toEqual({ route, formaat, status: 200 });
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
    const voor = await alleAntwoorden(`${PERIODE}&bekendOp=${DAG}`);
    expect(voor.join('\n')).toContain(CITEERBAAR);
    t.clock.set('2026-01-12T10:00:00');
    await toestemming(gezinnen[0]!, citeerbaar, 'dossier');
    for (const query of [PERIODE, `${PERIODE}&bekendOp=${DAG}`]) {
      const na = await alleAntwoorden(query);
      for (const tekst of na) expect(tekst).not.toContain(CITEERBAAR);
      expect(na.join('\n')).toContain(GEPSEUDONIMISEERD);
    }
  });
});
