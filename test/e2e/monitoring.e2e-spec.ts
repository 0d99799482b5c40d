import { AMBULANT_45A48 } from './support/cijfers';
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
      wijk: 'Noord',
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

  /** Everything in beforeAll is recorded on this day; the as-known test adds a day later. */
  const DAG = '2026-01-10';

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(`${DAG}T10:00:00`);
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    beheer = await t.token('beheer', 'u-beheer');
    beleid = await t.token('beleid', 'u-beleid');
    await write('put', '/referentiedata/producten/45A48', AMBULANT_45A48, beheer);
    await write(
      'put',
      '/referentiedata/producten/WMO01',
      { geldigVanaf: '2020-01-01', wettelijkKader: 'wmo', omschrijving: 'Begeleiding (Wmo)' },
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
    // 12 families in Noord with one youth each, ambulant Jeugdwet care in the first half of 2025;
    // the first 10 also have Wmo support, from 1 March.
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
  }, 30_000);
  afterAll(() => t.close());

  it('counts the episodes active in a period under disclosure control, and says what it withheld', async () => {
    const res = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader').expect(200);
    expect(res.body).toMatchObject({
      definitieVersie: 'zorgepisodes-2',
      van: '2025-01-01',
      tot: '2025-12-31',
      groep: 'kader',
      // 12 Jeugdwet episodes and 10 Wmo episodes: each published perturbed and rounded to 5.
      perGroep: [
        expect.objectContaining({
          sleutel: 'jeugdwet',
          actief: expect.gepubliceerdVan(12),
          personen: expect.gepubliceerdVan(12),
          lopend: null,
        }),
        expect.objectContaining({
          sleutel: 'wmo',
          actief: expect.gepubliceerdVan(10),
          personen: expect.gepubliceerdVan(10),
        }),
      ],
      totaal: expect.objectContaining({
        actief: expect.gepubliceerdVan(22),
        personen: expect.gepubliceerdVan(12),
        toewijzingen: expect.gepubliceerdVan(22),
      }),
    });
    expect(res.body.onderdrukt).toContainEqual(
      expect.objectContaining({ rij: 'jeugdwet', reden: 'aantal onder 10' }),
    );
    // The same question gives the same answer: asking again gains nothing.
    const again = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader');
    const { perGroep, totaal, onderdrukt } = res.body;
    expect(again.body).toMatchObject({ perGroep, totaal, onderdrukt });
  });

  it('counts families with care from more than one framework, shares from the published counts', async () => {
    const res = await cijfers('samenloop', 'van=2025-01-01&tot=2025-12-31').expect(200);
    const gezinnen = res.body.gezinnen;
    expect(gezinnen).toMatchObject({
      metZorg: expect.gepubliceerdVan(12),
      metMeerdereKaders: expect.gepubliceerdVan(10),
      perCombinatie: [
        {
          combinatie: 'jeugdwet+wmo',
          kaders: ['jeugdwet', 'wmo'],
          aantal: expect.gepubliceerdVan(10),
        },
        { combinatie: 'jeugdwet', kaders: ['jeugdwet'], aantal: null }, // 2
      ],
    });
    expect(gezinnen.aandeelMeerdereKaders).toBe(
      Math.round((100 * gezinnen.metMeerdereKaders) / gezinnen.metZorg),
    );
  });

  it('answers every figure route for the same data', async () => {
    const periode = 'van=2025-01-01&tot=2025-12-31';
    // Grouped by law: a Wmo product has no iJW category, its law classifies it.
    const duren = (await cijfers('duren', `${periode}&groep=kader`).expect(200)).body;
    expect(duren.definitieVersie).toBe('monitoring-duren-3');
    const [ambulant, wmo] = duren.perGroep;
    // 12 Jeugdwet episodes, 1 Jan-30 Jun 2025: 181 days each; 10 Wmo, 1 Mar-31 Dec: 306 each.
    // A mean moves by at most half the largest value over the count.
    expect(ambulant).toMatchObject({
      sleutel: 'jeugdwet',
      gestart: expect.gepubliceerdVan(12),
      beeindigd: expect.gepubliceerdVan(12),
    });
    expect(Math.abs(ambulant.gemiddelde - 181)).toBeLessThanOrEqual((0.5 * 181) / 12 + 0.05);
    expect(wmo).toMatchObject({ sleutel: 'wmo', beeindigd: expect.gepubliceerdVan(10) });
    expect(Math.abs(wmo.gemiddelde - 306)).toBeLessThanOrEqual((0.5 * 306) / 10 + 0.05);

    const verlengingen = (await cijfers('verlengingen', periode).expect(200)).body;
    // The 12 Jeugdwet episodes have a contracted maximum of 6 months and none lasts longer: the
    // share of a withheld count (0) is withheld too.
    expect(verlengingen.totaal).toMatchObject({
      metMaximum: expect.gepubliceerdVan(12),
      langerDanMaximum: null,
      aandeelLangerDanMaximum: null,
      aangevraagd: null,
    });

    const indicatoren = (await cijfers('indicatoren', periode).expect(200)).body;
    const jaar = indicatoren.jaren[0];
    expect(jaar).toMatchObject({
      jaar: 2025,
      bevolking: 1000,
      // 12 youths without residence out of 1000 aged 0-17: the share of the published count.
      zonderVerblijf: {
        aantal: expect.gepubliceerdVan(12),
        nulwaarde2023: 12.7,
        nulwaarde2024: 11.9,
      },
      metVerblijf: { aantal: null, percentage: null },
    });
    expect(jaar.zonderVerblijf.percentage).toBe(jaar.zonderVerblijf.aantal / 10);

    const uitstroom = (await cijfers('uitstroom', periode).expect(200)).body;
    expect(uitstroom).toMatchObject({
      definitieVersie: 'uitstroom-2',
      uitstroom: { aantal: null },
    });

    const gesprekken = (await cijfers('perspectiefgesprekken', periode).expect(200)).body;
    // Born in 2012: 16.5 in 2028 or 2029, not in 2025.
    expect(gesprekken.definitieVersie).toBe('perspectief-2');
    expect(gesprekken.filter).toEqual({ kader: 'jeugdwet' });
  });

  it('refuses a filter that selects fewer than 20 persons, naming its fields', async () => {
    const periode = 'van=2025-01-01&tot=2025-12-31';
    // Noord has 12 youths; the Wmo has 10; no one is in Zuid.
    for (const filter of ['wijk=Noord', 'kader=wmo', 'wijk=Zuid', 'aanbieder=87654321']) {
      const res = await cijfers('episodes', `${periode}&${filter}`);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: filter.split('=')[0], in: 'query' }),
      ]);
    }
    const beide = await cijfers('indicatoren', `${periode}&wijk=Noord&kader=jeugdwet`);
    expect(beide.status).toBe(422);
    expect(beide.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'kader',
      'wijk',
    ]);
  });

  it('gives the same figure as known on a past day after later events, and a moment counts as its day', async () => {
    const query = `van=2025-01-01&tot=2025-12-31&groep=kader&bekendOp=${DAG}`;
    const before = (await cijfers('episodes', query).expect(200)).body;
    // A moment on that day is that whole day: no stepping through a day event by event.
    const moment = (
      await cijfers(
        'episodes',
        `van=2025-01-01&tot=2025-12-31&groep=kader&bekendOp=${DAG}T08:00:00Z`,
      )
    ).body;
    expect(moment).toEqual(before);
    // The next day, 8 more youths in Noord.
    t.clock.set(`2026-01-11T10:00:00`);
    for (let i = 12; i < 20; i++) {
      const { persoonId } = await gezinMetJeugdige(i, '2013-05-05');
      await toewijzing(persoonId, {});
    }
    const after = (await cijfers('episodes', query).expect(200)).body;
    expect(after).toEqual(before);
    const now = (await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader').expect(200))
      .body;
    expect(now.perGroep[0]).toMatchObject({
      sleutel: 'jeugdwet',
      actief: expect.gepubliceerdVan(20),
    });
    // Now 20 youths live in Noord: the district can be asked.
    const noord = (
      await cijfers('indicatoren', 'van=2025-01-01&tot=2025-12-31&wijk=Noord').expect(200)
    ).body;
    expect(noord.jaren[0]).toMatchObject({ bevolking: 600, bevolkingOnbekend: false });
  });

  it('serves the main table as CSV', async () => {
    const res = await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader&formaat=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-definitie-versie']).toBe('zorgepisodes-2');
    const [kop, ...rijen] = res.text.trim().split('\r\n');
    expect(kop).toBe('kader,naam,actief,gestart,beeindigd,lopend,personen,toewijzingen,onderdrukt');
    // The same numbers as the JSON answer: combining the two gains nothing.
    const json = (await cijfers('episodes', 'van=2025-01-01&tot=2025-12-31&groep=kader')).body;
    const velden = ['actief', 'gestart', 'beeindigd', 'lopend', 'personen', 'toewijzingen'];
    const uitJson = [...json.perGroep, { sleutel: 'totaal', ...json.totaal }].map(
      (r: Record<string, number | null>) => velden.map((v) => (r[v] === null ? '' : String(r[v]))),
    );
    expect(rijen.map((r) => r.split(',').slice(2, 8))).toEqual(uitJson);
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
