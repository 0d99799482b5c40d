import { TestApp, startTestApp } from './support/test-app';

/**
 * The council's care figures for policy staff (issue 6), through the real HTTP server: aggregates
 * only, reproducible "as known on" a moment, never a name, BSN, birth date or id of a person or
 * family, and only for the beleid role.
 */
describe('monitoring (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  let beleid: string;
  let lastPosition = '0';
  const API = '/api/v1';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const ENDPOINTS = [
    'episodes',
    'samenloop',
    'duren',
    'verlengingen',
    'uitstroom',
    'perspectiefgesprekken',
    'indicatoren',
  ];

  /** What a beleid response must never contain. */
  const personal: string[] = [];

  async function write(method: 'post' | 'put', path: string, body: object, token = anna) {
    const res = await t.http()[method](`${API}${path}`).set(auth(token)).send(body);
    expect({ path, status: res.status }).toEqual({ path, status: method === 'put' ? 200 : 201 });
    lastPosition = res.body.position as string;
    return res.body as { gezinId: string; toewijzingId: string; position: string };
  }

  async function gezinMetJeugdige(i: number, geboortedatum: string) {
    const voornaam = `Kind${i}`;
    const achternaam = `Achternaam${i}`;
    const bsn = null;
    const { gezinId, position } = await write('post', '/gezinnen', {
      naam: achternaam,
      leden: [{ rol: 'jeugdige', voornaam, achternaam, geboortedatum, bsn }],
    });
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${gezinId}?minPosition=${position}`)
      .set(auth(anna))
      .expect(200);
    const persoonId = gezin.body.leden[0].persoonId as string;
    personal.push(voornaam, achternaam, geboortedatum, gezinId, persoonId);
    return { gezinId, persoonId };
  }

  const toewijzing = (persoonId: string, body: object) =>
    write('post', `/personen/${persoonId}/toewijzingen`, {
      wettelijkKader: 'jeugdwet',
      productcode: '45A48',
      aanbiederId: '12345678',
      verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
      toewijzingsnummer: `TW-${Math.random().toString(36).slice(2, 10)}`,
      begindatum: '2025-01-01',
      einddatum: '2025-06-30',
      omvang: null,
      ...body,
    });

  function cijfers(path: string, query: string, token = beleid) {
    return t
      .http()
      .get(`${API}/beleid/zorg/${path}?${query}&minPosition=${lastPosition}`)
      .set(auth(token));
  }

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    beheer = await t.token('beheer', 'u-beheer');
    beleid = await t.token('beleid', 'u-beleid');
    await write(
      'put',
      '/referentiedata/producten/45A48',
      {
        geldigVanaf: '2020-01-01',
        categorie: '45',
        omschrijving: 'Ambulant',
        maxDuurMaanden: 6,
        cbsHulpvorm: '01',
      },
      beheer,
    );
    await write(
      'put',
      '/referentiedata/producten/WMO01',
      { geldigVanaf: '2020-01-01', categorie: '50', omschrijving: 'Begeleiding (Wmo)' },
      beheer,
    );
    await write(
      'put',
      '/referentiedata/bevolking/2025',
      {
        wijken: [
          { wijk: 'Noord', aantal: 600 },
          { wijk: 'Zuid', aantal: 400 },
        ],
      },
      beheer,
    );
    await write(
      'put',
      '/referentiedata/aanbieders/12345678',
      { geldigVanaf: '2020-01-01', naam: 'Zorg BV' },
      beheer,
    );
    // 12 families with one youth each, ambulant Jeugdwet care in the first half of 2025; the
    // first 10 also have Wmo support, from 1 March.
    for (let i = 0; i < 12; i++) {
      const { persoonId } = await gezinMetJeugdige(i, `2012-0${1 + (i % 9)}-1${i % 10}`);
      await toewijzing(persoonId, {});
      if (i < 10) {
        await toewijzing(persoonId, {
          wettelijkKader: 'wmo',
          productcode: 'WMO01',
          begindatum: '2025-03-01',
          einddatum: '2025-12-31',
        });
      }
    }
  });
  afterAll(() => t.close());

  it('counts the episodes active in a period, rounded to 5, and says what it withheld', async () => {
    const res = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader').expect(200);
    expect(res.body).toMatchObject({
      definitieVersie: 'zorgepisodes-1',
      van: '2025-01-01',
      tot: '2025-12-31',
      groep: 'kader',
      // 12 Jeugdwet episodes (published as 10) and 10 Wmo episodes.
      perGroep: [
        expect.objectContaining({ sleutel: 'jeugdwet', actief: 10, personen: 10, lopend: null }),
        expect.objectContaining({ sleutel: 'wmo', actief: 10, personen: 10 }),
      ],
      totaal: expect.objectContaining({ actief: 20, personen: 10, toewijzingen: 20 }),
    });
    expect(res.body.onderdrukt).toContainEqual(
      expect.objectContaining({ rij: 'jeugdwet', reden: 'aantal onder 10' }),
    );
  });

  it('counts families with care from more than one framework', async () => {
    const res = await cijfers('samenloop', 'van=2025-01-01&tot=2025-12-31').expect(200);
    expect(res.body.gezinnen).toMatchObject({
      metZorg: 10, // 12
      metMeerdereKaders: 10,
      aandeelMeerdereKaders: 83, // 10 of 12
      perCombinatie: [
        { combinatie: 'jeugdwet+wmo', kaders: ['jeugdwet', 'wmo'], aantal: 10 },
        { combinatie: 'jeugdwet', kaders: ['jeugdwet'], aantal: null }, // 2
      ],
    });
  });

  it('answers every figure route for the same data', async () => {
    const periode = 'van=2025-01-01&tot=2025-12-31';
    const duren = (await cijfers('duren', `${periode}&groep=categorie`).expect(200)).body;
    expect(duren.definitieVersie).toBe('monitoring-duren-2');
    expect(duren.perGroep).toEqual([
      // 12 Jeugdwet episodes, 1 Jan-30 Jun 2025: 181 days each.
      expect.objectContaining({ sleutel: '45', gestart: 10, beeindigd: 10, gemiddelde: 181 }),
      // 10 Wmo episodes, 1 Mar-31 Dec 2025: 306 days each.
      expect.objectContaining({ sleutel: '50', gestart: 10, beeindigd: 10, gemiddelde: 306 }),
    ]);

    const verlengingen = (await cijfers('verlengingen', periode).expect(200)).body;
    // The 12 Jeugdwet episodes have a contracted maximum of 6 months and none lasts longer.
    expect(verlengingen.totaal).toMatchObject({
      metMaximum: 10,
      langerDanMaximum: null,
      aandeelLangerDanMaximum: 0,
      aangevraagd: null,
    });

    const indicatoren = (await cijfers('indicatoren', periode).expect(200)).body;
    expect(indicatoren.jaren[0]).toMatchObject({
      jaar: 2025,
      bevolking: 1000,
      // 12 youths without residence out of 1000 aged 0-17.
      zonderVerblijf: { aantal: 10, percentage: 1.2, nulwaarde2023: 12.7, nulwaarde2024: 11.9 },
      metVerblijf: { aantal: null, percentage: null },
    });
    const noord = (await cijfers('indicatoren', `${periode}&wijk=Noord`).expect(200)).body;
    expect(noord.jaren[0]).toMatchObject({ bevolking: 600, bevolkingOnbekend: false });

    const uitstroom = (await cijfers('uitstroom', periode).expect(200)).body;
    expect(uitstroom).toMatchObject({
      definitieVersie: 'uitstroom-1',
      uitstroom: { aantal: null },
    });

    const gesprekken = (await cijfers('perspectiefgesprekken', periode).expect(200)).body;
    // Born in 2012: 16.5 in 2028 or 2029, not in 2025.
    expect(gesprekken.definitieVersie).toBe('perspectief-1');
    expect(gesprekken.filter).toEqual({ kader: 'jeugdwet' });
  });

  it('gives the same figure as known at a past moment after later events', async () => {
    const moment = new Date().toISOString();
    const query = `van=2025-01-01&tot=2025-12-31&groep=kader&bekendOp=${moment}`;
    const before = (await cijfers('episodes', query).expect(200)).body;
    for (let i = 12; i < 20; i++) {
      const { persoonId } = await gezinMetJeugdige(i, '2013-05-05');
      await toewijzing(persoonId, {});
    }
    const after = (await cijfers('episodes', query).expect(200)).body;
    expect(after).toEqual(before);
    const now = (await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader').expect(200))
      .body;
    expect(now.perGroep[0]).toMatchObject({ sleutel: 'jeugdwet', actief: 20 });
  });

  it('serves the main table as CSV', async () => {
    const res = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader&formaat=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-definitie-versie']).toBe('zorgepisodes-1');
    expect(res.text.split('\r\n')[0]).toBe(
      'kader,naam,actief,gestart,beeindigd,lopend,personen,toewijzingen,onderdrukt',
    );
  });

  it('never shows a name, birth date or id of a person or family', async () => {
    for (const path of ENDPOINTS) {
      for (const formaat of ['json', 'csv']) {
        const res = await cijfers(path, `van=2020-01-01&tot=2026-12-31&formaat=${formaat}`);
        expect(res.status).toBe(200);
        for (const value of personal) expect(res.text).not.toContain(value);
      }
    }
  });

  it('is for policy staff only, and checks every query field', async () => {
    for (const path of ENDPOINTS) {
      await cijfers(path, 'van=2025-01-01&tot=2025-12-31', anna).expect(403);
      await cijfers(path, 'van=2025-01-01&tot=2025-12-31', beheer).expect(403);
      await t.http().get(`${API}/beleid/zorg/${path}?van=2025-01-01&tot=2025-12-31`).expect(401);
    }
    const bad = await cijfers('episodes', 'van=2025-01-01&tot=2024-12-31');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'tot', in: 'query' });
    const future = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&bekendOp=2999-01-01');
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'bekendOp', in: 'query' });
    const groep = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=persoon');
    expect(groep.status).toBe(400);
    expect(groep.body.errors[0]).toMatchObject({ field: 'groep', in: 'query' });
  });
});
