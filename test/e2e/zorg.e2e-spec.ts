import { addDays, formatISO, subMonths } from 'date-fns';
import type { Response } from 'supertest';
import { EventStore } from '@app/event-store';
import { TEST_START, TestApp, startTestApp } from './support/test-app';

/**
 * Care trajectories (issue 4): reference data, assignments with care start/stop and corrections,
 * extensions, residential stays and exits, the perspective conversation at 16.5, care after 18,
 * the care worklists, and need-to-know on every care route.
 */
describe('zorg (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let bram: string;
  let beheer: string;
  const API = '/api/v1';
  const UNKNOWN_PERSOON = '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11';
  const NOT_INVOLVED = 'Deze persoon bestaat niet of u werkt niet met een gezin van deze persoon.';

  const people = {
    anna: { userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord' },
    bram: { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' },
  } as const;

  type Res = Response;

  // Dates relative to the harness's fixed day, for the worklists.
  const iso = (d: Date) => formatISO(d, { representation: 'date' });
  const now = TEST_START;
  const today = iso(now);
  const inDays = (n: number) => iso(addDays(now, n));
  /** A birth date so that the youth turns 16 years 6 months `days` from today. */
  const geborenVoorZestienEnHalfOver = (days: number) => iso(subMonths(addDays(now, days), 198));

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  function post(path: string, body: object, token: string | null = anna) {
    const req = t.http().post(`${API}${path}`);
    return (token === null ? req : req.set(auth(token))).send(body);
  }
  function put(path: string, body: object, token: string | null = beheer) {
    const req = t.http().put(`${API}${path}`);
    return (token === null ? req : req.set(auth(token))).send(body);
  }
  function get(path: string, token: string | null = anna) {
    const req = t.http().get(`${API}${path}`);
    return token === null ? req : req.set(auth(token));
  }

  function expectProblem(res: Res, status: number, detail?: RegExp | string) {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: expect.objectContaining({ status, detail: expect.any(String) }),
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (typeof detail === 'string') expect(res.body.detail).toBe(detail);
    else if (detail) expect(res.body.detail).toMatch(detail);
  }

  /** The body of a write: the version, the log position and the id of what it made, if any. */
  type WriteResult = {
    persoonId: string;
    gezinId: string;
    revision: number;
    position: string;
    toewijzingId: string;
    verlengingId: string;
    verblijfId: string;
    gesprekId: string;
    aanvraagId: string;
  };

  /** A write that must succeed with `status`; returns its body. */
  async function write(
    path: string,
    body: object,
    status = 201,
    token = anna,
  ): Promise<WriteResult> {
    const res = await post(path, body, token);
    expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.anything() });
    expect(res.headers['x-log-position']).toBe(res.body.position);
    return res.body as WriteResult;
  }

  /** Registers a family with one youth; returns the family, the youth and the log position. */
  async function jeugdige(
    geboortedatum: string,
    voornaam = 'Sanne',
    token = anna,
    achternaam = 'Jansen',
  ) {
    const created = await t
      .http()
      .post(`${API}/gezinnen`)
      .set(auth(token))
      .send({ naam: achternaam, leden: [{ rol: 'jeugdige', voornaam, achternaam, geboortedatum }] })
      .expect(201);
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
      .set(auth(token))
      .expect(200);
    return {
      gezinId: created.body.gezinId as string,
      persoonId: gezin.body.leden[0].persoonId as string,
      position: created.body.position as string,
    };
  }

  const toewijzingBody = (overrides: object = {}) => ({
    wettelijkKader: 'jeugdwet',
    productcode: '45A48',
    aanbiederId: '12345678',
    verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    toewijzingsnummer: 'TW-2025-0001',
    begindatum: '2025-01-01',
    einddatum: '2025-06-30',
    omvang: { hoeveelheid: 2, eenheid: 'uur', frequentie: 'week' },
    ...overrides,
  });

  async function toewijzing(persoonId: string, overrides: object = {}, token = anna) {
    return write(`/personen/${persoonId}/toewijzingen`, toewijzingBody(overrides), 201, token);
  }

  /** A Wmo product (classified by its law, no iJW category), made the first time it is needed. */
  let wmoProduct: Promise<unknown> | null = null;
  async function wmoToewijzing(persoonId: string, overrides: object = {}, token = anna) {
    wmoProduct ??= put('/referentiedata/producten/WMO01', {
      geldigVanaf: '2020-01-01',
      wettelijkKader: 'wmo',
      omschrijving: 'Begeleiding (Wmo)',
    }).expect(200);
    await wmoProduct;
    return toewijzing(
      persoonId,
      { ...overrides, wettelijkKader: 'wmo', productcode: 'WMO01' },
      token,
    );
  }

  async function dossier(persoonId: string, position: string, token = anna) {
    const res = await get(`/personen/${persoonId}/zorg?minPosition=${position}`, token);
    expect(res.status).toBe(200);
    return res.body;
  }

  const stream = (persoonId: string) =>
    t.app.get(EventStore).readStream(`zorgdossier-${persoonId}`);
  const head = () => t.app.get(EventStore).headPosition();

  /** Sends a write that must be refused with `status`, and checks that nothing was stored. */
  async function refused(
    persoonId: string,
    path: string,
    body: object,
    status: number,
    detail?: RegExp | string,
    token: string | null = anna,
  ) {
    const events = (await stream(persoonId)).length;
    const before = await head();
    const res = await post(path, body, token);
    expectProblem(res, status, detail);
    expect(await head()).toBe(before);
    expect(await stream(persoonId)).toHaveLength(events);
    return res;
  }

  const fields = (res: Res) =>
    (res.body.errors as { field: string; in: string }[]).map((e) => [e.field, e.in]);

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', people.anna.userId, people.anna.naam);
    bram = await t.token('contactpersoon', people.bram.userId, people.bram.naam);
    beheer = await t.token('beheer', 'u-beheer', 'Functioneel beheer');
    for (const [path, body] of [
      [
        '/referentiedata/producten/45A48',
        {
          geldigVanaf: '2020-01-01',
          categorie: '45',
          omschrijving: 'Ambulant',
          maxDuurMaanden: 6,
          cbsHulpvorm: '01',
        },
      ],
      [
        '/referentiedata/producten/43A01',
        {
          geldigVanaf: '2020-01-01',
          categorie: '43',
          omschrijving: 'Behandelgroep',
          woonvorm: 'behandeld-wonen',
          maxDuurMaanden: 12,
        },
      ],
      ['/referentiedata/aanbieders/12345678', { geldigVanaf: '2020-01-01', naam: 'Zorg BV' }],
    ] as const) {
      const res = await put(path, body);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: expect.objectContaining({
          revision: expect.any(Number),
          position: expect.stringMatching(/^\d+$/),
        }),
      });
      expect(res.headers['x-log-position']).toBe(res.body.position);
    }
  });
  afterAll(() => t.close());

  describe('reference data', () => {
    it('is versioned by date: a new version applies from its date and the old one stays valid before it', async () => {
      const first = await put('/referentiedata/producten/54001', {
        geldigVanaf: '2021-01-01',
        categorie: '54',
        omschrijving: 'Dagbesteding oud',
      });
      expect(first.status).toBe(200);
      const second = await put('/referentiedata/producten/54001', {
        geldigVanaf: '2026-01-01',
        categorie: '54',
        omschrijving: 'Dagbesteding nieuw',
        maxDuurMaanden: 12,
      });
      expect(second.status).toBe(200);
      const renamed = await put('/referentiedata/aanbieders/12345679', {
        geldigVanaf: '2021-01-01',
        naam: 'Jeugdhulp Oud',
      });
      expect(renamed.status).toBe(200);
      const latest = await put('/referentiedata/aanbieders/12345679', {
        geldigVanaf: '2026-01-01',
        naam: 'Jeugdhulp Nieuw',
      });
      expect(latest.status).toBe(200);
      const position = latest.body.position as string;

      const in2025 = await get(
        `/referentiedata/producten?peildatum=2025-06-01&minPosition=${position}`,
      );
      expect(in2025.status).toBe(200);
      expect(in2025.body.items).toEqual([
        {
          productcode: '43A01',
          geldigVanaf: '2020-01-01',
          wettelijkKader: 'jeugdwet',
          categorie: '43',
          omschrijving: 'Behandelgroep',
          woonvorm: 'behandeld-wonen',
          maxDuurMaanden: 12,
          cbsHulpvorm: null,
          verblijf: true,
        },
        {
          productcode: '45A48',
          geldigVanaf: '2020-01-01',
          wettelijkKader: 'jeugdwet',
          categorie: '45',
          omschrijving: 'Ambulant',
          woonvorm: null,
          maxDuurMaanden: 6,
          cbsHulpvorm: '01',
          verblijf: false,
        },
        {
          productcode: '54001',
          geldigVanaf: '2021-01-01',
          wettelijkKader: 'jeugdwet',
          categorie: '54',
          omschrijving: 'Dagbesteding oud',
          woonvorm: null,
          maxDuurMaanden: null,
          cbsHulpvorm: null,
          verblijf: false,
        },
      ]);
      const in2026 = await get(
        `/referentiedata/producten?peildatum=2026-02-01&minPosition=${position}`,
        await t.token('beleid', 'u-beleid'),
      );
      expect(in2026.status).toBe(200);
      expect(
        (in2026.body.items as { productcode: string }[]).find((p) => p.productcode === '54001'),
      ).toMatchObject({ omschrijving: 'Dagbesteding nieuw', maxDuurMaanden: 12 });
      // Before any version existed, the product is not there.
      const in2019 = await get(
        `/referentiedata/producten?peildatum=2019-12-31&minPosition=${position}`,
      );
      expect(in2019.body.items).toEqual([]);

      const aanbieders2025 = await get(
        `/referentiedata/aanbieders?peildatum=2025-06-01&minPosition=${position}`,
      );
      expect(aanbieders2025.status).toBe(200);
      expect(aanbieders2025.body.items).toEqual([
        { aanbiederId: '12345679', geldigVanaf: '2021-01-01', naam: 'Jeugdhulp Oud', soort: 'agb' },
        { aanbiederId: '12345678', geldigVanaf: '2020-01-01', naam: 'Zorg BV', soort: 'agb' },
      ]);
      const aanbieders2026 = await get(
        `/referentiedata/aanbieders?peildatum=2026-02-01&minPosition=${position}`,
        beheer,
      );
      expect(aanbieders2026.body.items).toContainEqual({
        aanbiederId: '12345679',
        geldigVanaf: '2026-01-01',
        naam: 'Jeugdhulp Nieuw',
        soort: 'agb',
      });
    });

    it('classifies a product outside the Jeugdwet by its law, without an iJW category', async () => {
      const wgs = await put('/referentiedata/producten/SHV01', {
        geldigVanaf: '2020-01-01',
        wettelijkKader: 'schuldhulpverlening',
        omschrijving: 'Schuldhulpverlening',
      });
      expect(wgs.status).toBe(200);
      const items = (
        await get(`/referentiedata/producten?peildatum=2025-01-01&minPosition=${wgs.body.position}`)
      ).body.items as { productcode: string }[];
      expect(items.find((p) => p.productcode === 'SHV01')).toMatchObject({
        wettelijkKader: 'schuldhulpverlening',
        categorie: null,
        verblijf: false,
      });
      // An invented iJW category on a Wmo product is refused; a Jeugdwet product needs one.
      const wmo = await put('/referentiedata/producten/WMO02', {
        geldigVanaf: '2020-01-01',
        wettelijkKader: 'wmo',
        categorie: '50',
        omschrijving: 'Begeleiding',
      });
      expectProblem(wmo, 422, /geen iJW-productcategorie/);
      const zonder = await put('/referentiedata/producten/45X01', {
        geldigVanaf: '2020-01-01',
        omschrijving: 'Ambulant',
      });
      expectProblem(zonder, 400);
      expect(zonder.body.errors.map((e: { field: string }) => e.field)).toEqual(['categorie']);
    });

    it('names a provider without an AGB code by its KvK number, or as the own team', async () => {
      const kvk = await put('/referentiedata/aanbieders/kvk:87654321', {
        geldigVanaf: '2020-01-01',
        naam: 'Schuldhulp Flevoland',
      });
      expect(kvk.status).toBe(200);
      expect(kvk.body.aanbiederId).toBe('kvk:87654321');
      const team = await put('/referentiedata/aanbieders/gemeente:wijkteam-noord', {
        geldigVanaf: '2020-01-01',
        naam: 'Wijkteam Noord',
      });
      expect(team.status).toBe(200);
      const items = (
        await get(
          `/referentiedata/aanbieders?peildatum=2025-01-01&minPosition=${team.body.position}`,
        )
      ).body.items as { aanbiederId: string; soort: string }[];
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ aanbiederId: 'kvk:87654321', soort: 'kvk' }),
          expect.objectContaining({ aanbiederId: 'gemeente:wijkteam-noord', soort: 'gemeente' }),
        ]),
      );
      for (const id of ['1234567', 'agb:12345678', 'kvk:12', 'gemeente:Wijk%20Noord']) {
        const refused = await put(`/referentiedata/aanbieders/${id}`, {
          geldigVanaf: '2020-01-01',
          naam: 'X',
        });
        expectProblem(refused, 400, /aanbiederId/);
      }
    });

    it('refuses a version that does not start after the latest (422) and stores nothing', async () => {
      const before = await head();
      const product = await put('/referentiedata/producten/45A48', {
        geldigVanaf: '2020-01-01',
        categorie: '45',
        omschrijving: 'Herschreven',
      });
      expectProblem(
        product,
        422,
        'Een nieuwe versie van product 45A48 moet ingaan na 2020-01-01; eerdere versies worden niet herschreven.',
      );
      const earlier = await put('/referentiedata/aanbieders/12345678', {
        geldigVanaf: '2019-01-01',
        naam: 'Zorg BV (oud)',
      });
      expectProblem(earlier, 422, /aanbieder 12345678 moet ingaan na 2020-01-01/);
      // A form of residence on a non-residential product is refused too.
      const woonvorm = await put('/referentiedata/producten/45A99', {
        geldigVanaf: '2020-01-01',
        categorie: '45',
        omschrijving: 'Ambulant met woonvorm',
        woonvorm: 'gezinshuis',
      });
      expectProblem(woonvorm, 422, /Alleen een verblijfsproduct/);
      expect(await head()).toBe(before);
      const producten = await get('/referentiedata/producten?peildatum=2025-01-01');
      expect(
        (producten.body.items as { productcode: string; omschrijving: string }[]).map((p) => [
          p.productcode,
          p.omschrijving,
        ]),
      ).not.toContainEqual(['45A48', 'Herschreven']);
      expect(
        (producten.body.items as { productcode: string }[]).map((p) => p.productcode),
      ).not.toContain('45A99');
    });

    it('is written by beheer only (contact person 403, no token 401) and read by beheer, contact persons and policy (jph 403)', async () => {
      const body = { geldigVanaf: '2030-01-01', categorie: '45', omschrijving: 'X' };
      expectProblem(await put('/referentiedata/producten/45A48', body, anna), 403);
      expectProblem(
        await put(
          '/referentiedata/aanbieders/12345678',
          { geldigVanaf: '2030-01-01', naam: 'X' },
          anna,
        ),
        403,
      );
      expectProblem(await put('/referentiedata/producten/45A48', body, null), 401);
      const jph = await t.token('jph', 'u-jph');
      expectProblem(await get('/referentiedata/producten', jph), 403);
      expectProblem(await get('/referentiedata/aanbieders', jph), 403);
      expectProblem(await get('/referentiedata/producten', null), 401);
      expect((await get('/referentiedata/producten', anna)).status).toBe(200);
    });
  });

  describe('perspective conversation at 16.5 (acceptance)', () => {
    it('a youth born 2009-03-31 in care since 2024-01-10: due 2025-09-30, overdue until it is held, then held', async () => {
      const { persoonId } = await jeugdige('2009-03-31');
      const { toewijzingId } = await toewijzing(persoonId, {
        begindatum: '2024-01-10',
        einddatum: '2024-12-31',
      });
      const started = await write(`/personen/${persoonId}/toewijzingen/${toewijzingId}/zorgstart`, {
        datum: '2024-01-10',
      });
      expect((await dossier(persoonId, started.position)).perspectiefgesprek).toEqual({
        uiterlijk: '2025-09-30',
        gevoerdOp: null,
        status: 'te-laat',
      });

      const held = await write(`/personen/${persoonId}/perspectiefgesprekken`, {
        datum: '2025-10-15',
        perspectief: 'Zelfstandig wonen met begeleiding',
        behoeften: 'Budgetcoaching, hulp bij werk zoeken',
        zorgNa18Verwacht: true,
      });
      expect(held).toEqual({
        persoonId,
        revision: expect.any(Number),
        position: expect.stringMatching(/^\d+$/),
        gesprekId: expect.any(String),
      });
      const after = await dossier(persoonId, held.position);
      expect(after.perspectiefgesprek).toEqual({
        uiterlijk: '2025-09-30',
        gevoerdOp: '2025-10-15',
        status: 'gevoerd',
      });
      expect(after.perspectiefgesprekken).toEqual([
        {
          gesprekId: held.gesprekId,
          datum: '2025-10-15',
          door: 'Anna de Vries',
          perspectief: 'Zelfstandig wonen met begeleiding',
          behoeften: 'Budgetcoaching, hulp bij werk zoeken',
          zorgNa18Verwacht: true,
        },
      ]);
    });

    it('a youth entering care at 17 (born 2008-06-15, care from 2025-09-01) has it due at intake', async () => {
      const { persoonId } = await jeugdige('2008-06-15');
      const { position } = await toewijzing(persoonId, {
        begindatum: '2025-09-01',
        einddatum: '2026-02-28',
      });
      expect((await dossier(persoonId, position)).perspectiefgesprek).toMatchObject({
        uiterlijk: '2025-09-01',
        gevoerdOp: null,
      });
    });

    it('handles leap days and month ends: born 2008-02-29 → 2024-08-29; born 2009-08-31 → 2026-02-28', async () => {
      const leap = await jeugdige('2008-02-29', 'Lotte');
      const a = await toewijzing(leap.persoonId, {
        begindatum: '2023-01-01',
        einddatum: '2023-12-31',
      });
      expect((await dossier(leap.persoonId, a.position)).perspectiefgesprek).toMatchObject({
        uiterlijk: '2024-08-29',
      });

      const monthEnd = await jeugdige('2009-08-31', 'Milan');
      const b = await toewijzing(monthEnd.persoonId, {
        begindatum: '2025-01-01',
        einddatum: '2025-12-31',
      });
      expect((await dossier(monthEnd.persoonId, b.position)).perspectiefgesprek).toMatchObject({
        uiterlijk: '2026-02-28',
      });
    });

    it('moves the due date when the youth’s birth date is corrected', async () => {
      const { gezinId, persoonId } = await jeugdige('2009-03-31');
      await toewijzing(persoonId, { begindatum: '2024-01-10', einddatum: '2024-12-31' });
      const corrected = await t
        .http()
        .put(`${API}/gezinnen/${gezinId}/leden/${persoonId}/gegevens`)
        .set(auth(anna))
        .send({
          voornaam: 'Sanne',
          achternaam: 'Jansen',
          geboortedatum: '2009-08-31',
          reden: 'Geboortedatum verkeerd overgenomen',
        })
        .expect(200);
      expect((await dossier(persoonId, corrected.body.position)).perspectiefgesprek).toMatchObject({
        uiterlijk: '2026-02-28',
      });
    });

    it('is not due for a youth without Jeugdwet care (only a Wmo assignment)', async () => {
      const { persoonId } = await jeugdige('2009-03-31', 'Wmo');
      const { position } = await wmoToewijzing(persoonId);
      expect((await dossier(persoonId, position)).perspectiefgesprek).toEqual({
        uiterlijk: null,
        gevoerdOp: null,
        status: 'niet-van-toepassing',
      });
    });
  });

  describe('assignments', () => {
    it('registers an assignment with product and provider from reference data, starts and stops care', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const res = await post(`/personen/${persoonId}/toewijzingen`, toewijzingBody());
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        persoonId,
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        toewijzingId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(res.headers.etag).toBe('"0"');
      expect(res.headers['x-log-position']).toBe(res.body.position);
      const toewijzingId = res.body.toewijzingId as string;
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}`;

      const registered = await dossier(persoonId, res.body.position as string);
      expect(registered).toEqual({
        persoonId,
        revision: 0,
        perspectiefgesprek: {
          uiterlijk: '2028-11-04',
          gevoerdOp: null,
          status: today > '2028-11-04' ? 'te-laat' : 'gepland',
        },
        toewijzingen: [
          {
            toewijzingId,
            wettelijkKader: 'jeugdwet',
            productcode: '45A48',
            productcategorie: '45',
            verblijf: false,
            aanbiederId: '12345678',
            aanbiederNaam: 'Zorg BV',
            verwijzerType: '02',
            verwijzerNaam: 'Huisartsenpraktijk De Linde',
            toewijzingsnummer: 'TW-2025-0001',
            begindatum: '2025-01-01',
            einddatum: '2025-06-30',
            omvang: { hoeveelheid: 2, eenheid: 'uur', frequentie: 'week' },
            maxDuurMaanden: 6,
            verlengingVan: null,
            zorgStart: null,
            zorgStop: null,
            redenEinde: null,
          },
        ],
        verlengingen: [],
        verblijven: [],
        perspectiefgesprekken: [],
        verlengdeJeugdhulp: [],
      });

      const started = await write(`${url}/zorgstart`, { datum: '2025-01-06' });
      expect(started.revision).toBe(1);
      const stopped = await write(`${url}/zorgstop`, { datum: '2025-06-20', reden: '31' });
      expect(stopped.revision).toBe(2);
      const after = await dossier(persoonId, stopped.position);
      expect(after.toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-06',
        zorgStop: '2025-06-20',
        redenEinde: '31',
      });
      // Starting again, or stopping again, is refused.
      await refused(
        persoonId,
        `${url}/zorgstart`,
        { datum: '2025-01-07' },
        422,
        /al gestart op 2025-01-06/,
      );
      await refused(
        persoonId,
        `${url}/zorgstop`,
        { datum: '2025-06-21', reden: '31' },
        422,
        /al gestopt op 2025-06-20/,
      );
    });

    it('refuses an unknown product (422 naming it) and an unknown provider (422 naming it), storing nothing', async () => {
      const { persoonId, position } = await jeugdige('2012-05-04');
      const path = `/personen/${persoonId}/toewijzingen`;
      await refused(
        persoonId,
        path,
        toewijzingBody({ productcode: '99Z99' }),
        422,
        /Product 99Z99 is onbekend/,
      );
      await refused(
        persoonId,
        path,
        toewijzingBody({ aanbiederId: '87654321' }),
        422,
        /Aanbieder 87654321 is onbekend/,
      );
      // A product that is not yet valid on the start date is unknown on that date.
      await refused(
        persoonId,
        path,
        toewijzingBody({ begindatum: '2019-06-01', einddatum: '2019-12-31' }),
        422,
        /Product 45A48 is onbekend op 2019-06-01/,
      );
      expect((await dossier(persoonId, position)).toewijzingen).toEqual([]);
    });

    it('refuses an assignment that ends before it starts (422), storing nothing', async () => {
      const { persoonId, position } = await jeugdige('2012-05-04');
      await refused(
        persoonId,
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ begindatum: '2025-03-01', einddatum: '2025-02-28' }),
        422,
        'De einddatum (2025-02-28) ligt voor de begindatum (2025-03-01).',
      );
      expect((await dossier(persoonId, position)).toewijzingen).toEqual([]);
    });

    it('refuses a stop before a start: without a start, and dated before the start (422), storing nothing', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}`;
      await refused(
        persoonId,
        `${url}/zorgstop`,
        { datum: '2025-03-01', reden: '31' },
        422,
        'De zorg is nog niet gestart; een stop kan pas na een start.',
      );
      const started = await write(`${url}/zorgstart`, { datum: '2025-01-10' });
      await refused(
        persoonId,
        `${url}/zorgstop`,
        { datum: '2025-01-05', reden: '31' },
        422,
        'De stop (2025-01-05) ligt voor de start van de zorg (2025-01-10).',
      );
      expect((await dossier(persoonId, started.position)).toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-10',
        zorgStop: null,
        redenEinde: null,
      });
    });

    it('refuses a care start outside the assignment or in the future (422)', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}/zorgstart`;
      await refused(
        persoonId,
        url,
        { datum: '2024-12-31' },
        422,
        'De zorg kan alleen starten binnen de toewijzing (2025-01-01 tot en met 2025-06-30).',
      );
      const { toewijzingId: lopend } = await toewijzing(persoonId, {
        begindatum: '2026-01-01',
        einddatum: inDays(200),
      });
      await refused(
        persoonId,
        `/personen/${persoonId}/toewijzingen/${lopend}/zorgstart`,
        { datum: inDays(1) },
        422,
        /De start van de zorg \(\d{4}-\d{2}-\d{2}\) ligt in de toekomst/,
      );
    });

    it('a retried registration with the same Idempotency-Key is carried out once; a stale If-Match is 409', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const send = () =>
        t
          .http()
          .post(`${API}/personen/${persoonId}/toewijzingen`)
          .set(auth(anna))
          .set('Idempotency-Key', 'zorg-retry-0001')
          .send(toewijzingBody());
      const first = await send().expect(201);
      const second = await send().expect(201);
      expect(second.body).toEqual(first.body);
      expect(await stream(persoonId)).toHaveLength(1);

      const url = `${API}/personen/${persoonId}/toewijzingen/${first.body.toewijzingId}`;
      await t
        .http()
        .post(`${url}/zorgstart`)
        .set(auth(anna))
        .set('If-Match', '"0"')
        .send({ datum: '2025-01-10' })
        .expect(201)
        .expect('ETag', '"1"');
      const before = await head();
      const stale = await t
        .http()
        .post(`${url}/zorgstop`)
        .set(auth(anna))
        .set('If-Match', '"0"')
        .send({ datum: '2025-03-01', reden: '31' });
      expectProblem(stale, 409);
      expect(stale.body.currentRevision).toBe(1);
      expect(await head()).toBe(before);
    });

    it('answers 404 for a start or stop of an assignment that does not exist, storing nothing', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${UNKNOWN_PERSOON}`;
      await refused(
        persoonId,
        `${url}/zorgstop`,
        { datum: '2025-03-01', reden: '31' },
        404,
        'Deze toewijzing bestaat niet.',
      );
      await refused(persoonId, `${url}/zorgstart`, { datum: '2025-03-01' }, 404);
      await refused(
        persoonId,
        `${url}/verlengingen`,
        {
          aangevraagdOp: '2025-03-01',
          aanvrager: 'Zorg BV',
          reden: 'x',
          gevraagdTot: '2025-12-31',
        },
        404,
      );
    });
  });

  describe('corrections', () => {
    it('corrects a start, corrects and deletes a stop; deleting a start while a stop exists is refused', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}`;
      await write(`${url}/zorgstart`, { datum: '2025-01-10' });
      const corrected = await write(`${url}/correcties`, {
        soort: 'start',
        datum: '2025-01-08',
        toelichting: 'Verkeerde datum doorgegeven',
      });
      expect((await dossier(persoonId, corrected.position)).toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-08',
        zorgStop: null,
      });

      await write(`${url}/zorgstop`, { datum: '2025-05-01', reden: '31' });
      const stopCorrected = await write(`${url}/correcties`, {
        soort: 'stop',
        datum: '2025-04-15',
        redenEinde: '34',
        toelichting: 'Eerder afgerond in overleg',
      });
      expect((await dossier(persoonId, stopCorrected.position)).toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-08',
        zorgStop: '2025-04-15',
        redenEinde: '34',
      });

      await refused(
        persoonId,
        `${url}/correcties`,
        { soort: 'start', datum: null, toelichting: 'Nooit begonnen' },
        422,
        'Verwijder eerst de stop: zorg kan niet stoppen zonder te zijn gestart.',
      );
      await refused(
        persoonId,
        `${url}/correcties`,
        { soort: 'start', datum: '2025-05-01', toelichting: 'Later begonnen' },
        422,
        'De start kan niet na de stop (2025-04-15) liggen.',
      );

      const deleted = await write(`${url}/correcties`, {
        soort: 'stop',
        datum: null,
        toelichting: 'Stop ten onrechte gemeld',
      });
      expect((await dossier(persoonId, deleted.position)).toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-08',
        zorgStop: null,
        redenEinde: null,
      });
      // Now the start can be deleted too.
      const startDeleted = await write(`${url}/correcties`, {
        soort: 'start',
        datum: null,
        toelichting: 'Nooit begonnen',
      });
      expect((await dossier(persoonId, startDeleted.position)).toewijzingen[0]).toMatchObject({
        zorgStart: null,
        zorgStop: null,
      });
      // Nothing left to correct.
      await refused(
        persoonId,
        `${url}/correcties`,
        { soort: 'stop', datum: null, toelichting: 'x' },
        422,
        'Er is geen stop om te corrigeren.',
      );
    });
    it('refuses correcting a start to a date outside the assignment, as a start there is refused (422)', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}`;
      const started = await write(`${url}/zorgstart`, { datum: '2025-01-10' });
      for (const datum of ['2024-12-31', '2025-07-01']) {
        await refused(
          persoonId,
          `${url}/correcties`,
          { soort: 'start', datum, toelichting: 'Verkeerde datum doorgegeven' },
          422,
          /binnen de toewijzing \(2025-01-01 tot en met 2025-06-30\)/,
        );
      }
      expect((await dossier(persoonId, started.position)).toewijzingen[0]).toMatchObject({
        zorgStart: '2025-01-10',
      });
    });
  });

  describe('extensions', () => {
    const aanvraag = (aangevraagdOp: string, gevraagdTot = '2025-12-31') => ({
      aangevraagdOp,
      aanvrager: 'Zorg BV',
      reden: 'Doelen nog niet bereikt',
      gevraagdTot,
    });

    it('accepts a request after the assignment ended and marks it late; one before the end is not late', async () => {
      const late = await jeugdige('2012-05-04', 'Laat');
      const a = await toewijzing(late.persoonId);
      const lateReq = await write(
        `/personen/${late.persoonId}/toewijzingen/${a.toewijzingId}/verlengingen`,
        aanvraag('2025-07-05'),
      );
      expect(lateReq).toEqual({
        persoonId: late.persoonId,
        revision: 1,
        position: expect.stringMatching(/^\d+$/),
        verlengingId: expect.any(String),
      });
      expect((await dossier(late.persoonId, lateReq.position)).verlengingen).toEqual([
        {
          verlengingId: lateReq.verlengingId,
          toewijzingId: a.toewijzingId,
          aangevraagdOp: '2025-07-05',
          aanvrager: 'Zorg BV',
          reden: 'Doelen nog niet bereikt',
          gevraagdTot: '2025-12-31',
          telaat: true,
          besluit: null,
          besluitdatum: null,
          toelichting: null,
          alternatieven: [],
          nieuweToewijzingId: null,
        },
      ]);

      const onTime = await jeugdige('2012-05-04', 'Optijd');
      const b = await toewijzing(onTime.persoonId);
      const onTimeReq = await write(
        `/personen/${onTime.persoonId}/toewijzingen/${b.toewijzingId}/verlengingen`,
        aanvraag('2025-06-30'),
      );
      expect((await dossier(onTime.persoonId, onTimeReq.position)).verlengingen).toEqual([
        expect.objectContaining({ verlengingId: onTimeReq.verlengingId, telaat: false }),
      ]);
    });

    it('refuses a request that does not extend beyond the current end, or while another is undecided (422)', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const url = `/personen/${persoonId}/toewijzingen/${toewijzingId}/verlengingen`;
      await refused(
        persoonId,
        url,
        aanvraag('2025-06-01', '2025-06-30'),
        422,
        'Een verlenging loopt tot na de huidige einddatum (2025-06-30).',
      );
      await write(url, aanvraag('2025-06-01'));
      await refused(
        persoonId,
        url,
        aanvraag('2025-06-02'),
        422,
        /loopt al een verlengingsaanvraag/,
      );
    });

    it('a grant continues the assignment from the day after it ends until the requested date; deciding twice is refused', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const oud = await toewijzing(persoonId);
      const req = await write(
        `/personen/${persoonId}/toewijzingen/${oud.toewijzingId}/verlengingen`,
        aanvraag('2025-06-01', '2025-12-31'),
      );
      const besluitUrl = `/personen/${persoonId}/verlengingen/${req.verlengingId}/besluit`;
      const granted = await write(
        besluitUrl,
        { besluit: 'toegekend', besluitdatum: '2025-06-15', toewijzingsnummer: 'TW-2025-0002' },
        200,
      );
      expect(granted).toEqual({
        persoonId,
        revision: expect.any(Number),
        position: expect.stringMatching(/^\d+$/),
        toewijzingId: expect.any(String),
      });
      expect(granted.toewijzingId).not.toBe(oud.toewijzingId);

      const after = await dossier(persoonId, granted.position);
      expect(after.toewijzingen).toHaveLength(2);
      expect(after.toewijzingen[1]).toEqual({
        ...after.toewijzingen[0],
        toewijzingId: granted.toewijzingId,
        toewijzingsnummer: 'TW-2025-0002',
        begindatum: '2025-07-01',
        einddatum: '2025-12-31',
        verlengingVan: req.verlengingId,
        zorgStart: null,
        zorgStop: null,
        redenEinde: null,
      });
      expect(after.verlengingen).toEqual([
        expect.objectContaining({
          verlengingId: req.verlengingId,
          toewijzingId: oud.toewijzingId,
          besluit: 'toegekend',
          besluitdatum: '2025-06-15',
          nieuweToewijzingId: granted.toewijzingId,
        }),
      ]);

      await refused(
        persoonId,
        besluitUrl,
        { besluit: 'afgewezen', besluitdatum: '2025-06-16', toelichting: 'Toch niet' },
        422,
        'Over deze verlenging is al besloten (toegekend).',
      );
      await refused(
        persoonId,
        besluitUrl,
        { besluit: 'toegekend', besluitdatum: '2025-06-16' },
        422,
        /al besloten/,
      );
      expect((await dossier(persoonId, granted.position)).toewijzingen).toHaveLength(2);
    });

    it('a refusal without explanation is refused and stores nothing; with explanation and alternatives it is stored', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const req = await write(
        `/personen/${persoonId}/toewijzingen/${toewijzingId}/verlengingen`,
        aanvraag('2025-06-01'),
      );
      const besluitUrl = `/personen/${persoonId}/verlengingen/${req.verlengingId}/besluit`;
      await refused(
        persoonId,
        besluitUrl,
        { besluit: 'afgewezen', besluitdatum: '2025-06-15', alternatieven: ['Wmo-begeleiding'] },
        422,
        'Een afwijzing ("nee, tenzij") heeft een toelichting, met de geboden alternatieven.',
      );
      expect((await dossier(persoonId, req.position)).verlengingen[0]).toMatchObject({
        besluit: null,
        besluitdatum: null,
        toelichting: null,
        alternatieven: [],
      });

      const decided = await write(
        besluitUrl,
        {
          besluit: 'afgewezen',
          besluitdatum: '2025-06-15',
          toelichting: 'Lichtere hulp volstaat',
          alternatieven: ['Wmo-begeleiding', 'Steunouder'],
        },
        200,
      );
      expect(decided).not.toHaveProperty('toewijzingId');
      const after = await dossier(persoonId, decided.position);
      expect(after.verlengingen[0]).toMatchObject({
        besluit: 'afgewezen',
        besluitdatum: '2025-06-15',
        toelichting: 'Lichtere hulp volstaat',
        alternatieven: ['Wmo-begeleiding', 'Steunouder'],
        nieuweToewijzingId: null,
      });
      expect(after.toewijzingen).toHaveLength(1);
      await refused(
        persoonId,
        besluitUrl,
        { besluit: 'afgewezen', besluitdatum: '2025-06-16', toelichting: 'Nogmaals' },
        422,
        'Over deze verlenging is al besloten (afgewezen).',
      );
    });

    it('answers 404 for a decision on a request that does not exist', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      await toewijzing(persoonId);
      await refused(
        persoonId,
        `/personen/${persoonId}/verlengingen/${UNKNOWN_PERSOON}/besluit`,
        { besluit: 'toegekend', besluitdatum: '2025-06-15' },
        404,
        'Deze verlengingsaanvraag bestaat niet.',
      );
    });
  });

  describe('residential stays', () => {
    it('starts a stay on a residential assignment, steps down, sets the exit perspective and exits with destination and follow-up', async () => {
      const { persoonId } = await jeugdige('2010-02-14');
      const { toewijzingId } = await toewijzing(persoonId, {
        productcode: '43A01',
        begindatum: '2025-01-01',
        einddatum: '2025-12-31',
      });
      const started = await write(`/personen/${persoonId}/verblijven`, {
        toewijzingId,
        woonvorm: 'behandeld-wonen',
        startdatum: '2025-01-15',
        indicatieEinddatum: '2025-12-31',
        uitstroomperspectief: 'Terug naar huis met ambulante hulp',
      });
      expect(started).toMatchObject({ persoonId, verblijfId: expect.any(String) });
      const verblijfUrl = `/personen/${persoonId}/verblijven/${started.verblijfId}`;
      const registered = await dossier(persoonId, started.position);
      expect(registered.toewijzingen[0]).toMatchObject({ productcategorie: '43', verblijf: true });
      expect(registered.verblijven).toEqual([
        {
          verblijfId: started.verblijfId,
          toewijzingId,
          woonvorm: 'behandeld-wonen',
          startdatum: '2025-01-15',
          indicatieEinddatum: '2025-12-31',
          uitstroomperspectief: 'Terug naar huis met ambulante hulp',
          einddatum: null,
          bestemming: null,
          vervolghulp: null,
          wijzigingen: [],
        },
      ]);
      // A second stay while one is open is refused.
      await refused(
        persoonId,
        `/personen/${persoonId}/verblijven`,
        { woonvorm: 'pleegzorg', startdatum: '2025-02-01', indicatieEinddatum: '2025-12-31' },
        422,
        /Er loopt al een verblijf \(behandeld-wonen, sinds 2025-01-15\)/,
      );

      const stepDown = await write(`${verblijfUrl}/woonvorm`, {
        datum: '2025-05-01',
        naar: 'gezinshuis',
      });
      expect((await dossier(persoonId, stepDown.position)).verblijven[0]).toMatchObject({
        woonvorm: 'gezinshuis',
        wijzigingen: [
          {
            datum: '2025-05-01',
            van: 'behandeld-wonen',
            naar: 'gezinshuis',
            richting: 'afschaling',
          },
        ],
      });
      // The change is recorded as a step-down.
      const events = await stream(persoonId);
      expect(events.at(-1)).toMatchObject({
        type: 'WoonvormChanged',
        data: {
          verblijfId: started.verblijfId,
          datum: '2025-05-01',
          van: 'behandeld-wonen',
          naar: 'gezinshuis',
          richting: 'afschaling',
        },
      });
      await refused(
        persoonId,
        `${verblijfUrl}/woonvorm`,
        { datum: '2025-05-02', naar: 'gezinshuis' },
        422,
        'De woonvorm is al gezinshuis.',
      );
      await refused(
        persoonId,
        `${verblijfUrl}/woonvorm`,
        { datum: '2025-04-30', naar: 'kamertraining' },
        422,
        'De wijziging kan niet voor 2025-05-01 liggen.',
      );

      const perspectief = await write(`${verblijfUrl}/uitstroomperspectief`, {
        datum: '2025-06-01',
        perspectief: 'Kamertraining, daarna zelfstandig',
      });
      expect((await dossier(persoonId, perspectief.position)).verblijven[0]).toMatchObject({
        uitstroomperspectief: 'Kamertraining, daarna zelfstandig',
      });

      const exit = await write(`${verblijfUrl}/uitstroom`, {
        datum: '2025-09-30',
        bestemming: 'thuis',
        vervolghulp: true,
      });
      expect((await dossier(persoonId, exit.position)).verblijven[0]).toMatchObject({
        woonvorm: 'gezinshuis',
        einddatum: '2025-09-30',
        bestemming: 'thuis',
        vervolghulp: true,
      });
      await refused(
        persoonId,
        `${verblijfUrl}/uitstroom`,
        { datum: '2025-10-01', bestemming: 'thuis', vervolghulp: true },
        422,
        'Dit verblijf is al beëindigd op 2025-09-30.',
      );
    });

    it('records a step-up as such and an exit without follow-up help', async () => {
      const { persoonId } = await jeugdige('2010-02-14');
      const started = await write(`/personen/${persoonId}/verblijven`, {
        woonvorm: 'begeleid-wonen',
        startdatum: '2025-02-01',
        indicatieEinddatum: '2025-12-31',
      });
      const url = `/personen/${persoonId}/verblijven/${started.verblijfId}`;
      await write(`${url}/woonvorm`, { datum: '2025-03-01', naar: 'gesloten' });
      expect((await stream(persoonId)).at(-1)).toMatchObject({
        type: 'WoonvormChanged',
        data: { van: 'begeleid-wonen', naar: 'gesloten', richting: 'opschaling' },
      });
      const exit = await write(`${url}/uitstroom`, {
        datum: '2025-08-01',
        bestemming: 'zelfstandig',
        vervolghulp: false,
      });
      expect((await dossier(persoonId, exit.position)).verblijven[0]).toMatchObject({
        toewijzingId: null,
        uitstroomperspectief: null,
        woonvorm: 'gesloten',
        einddatum: '2025-08-01',
        bestemming: 'zelfstandig',
        vervolghulp: false,
      });
    });

    it('refuses an exit before the stay started (422), storing nothing', async () => {
      const { persoonId } = await jeugdige('2010-02-14');
      const started = await write(`/personen/${persoonId}/verblijven`, {
        woonvorm: 'pleegzorg',
        startdatum: '2025-03-01',
        indicatieEinddatum: '2025-12-31',
      });
      await refused(
        persoonId,
        `/personen/${persoonId}/verblijven/${started.verblijfId}/uitstroom`,
        { datum: '2025-02-28', bestemming: 'thuis', vervolghulp: true },
        422,
        'De uitstroom kan niet voor de start van het verblijf (2025-03-01) liggen.',
      );
      expect((await dossier(persoonId, started.position)).verblijven[0]).toMatchObject({
        einddatum: null,
        bestemming: null,
        vervolghulp: null,
      });
    });

    it('refuses a stay on a non-residential assignment, or with an indication ending before the start (422), storing nothing', async () => {
      const { persoonId } = await jeugdige('2010-02-14');
      const { toewijzingId, position } = await toewijzing(persoonId);
      await refused(
        persoonId,
        `/personen/${persoonId}/verblijven`,
        {
          toewijzingId,
          woonvorm: 'behandeld-wonen',
          startdatum: '2025-01-15',
          indicatieEinddatum: '2025-06-30',
        },
        422,
        'Deze toewijzing is geen verblijfsproduct (categorie 43/44 of 90002).',
      );
      await refused(
        persoonId,
        `/personen/${persoonId}/verblijven`,
        { woonvorm: 'pleegzorg', startdatum: '2025-03-01', indicatieEinddatum: '2025-02-28' },
        422,
        'De einddatum van de indicatie (2025-02-28) ligt voor de start (2025-03-01).',
      );
      await refused(
        persoonId,
        `/personen/${persoonId}/verblijven/${UNKNOWN_PERSOON}/uitstroom`,
        { datum: '2025-03-01', bestemming: 'thuis', vervolghulp: true },
        404,
        'Dit verblijf bestaat niet.',
      );
      expect((await dossier(persoonId, position)).verblijven).toEqual([]);
    });
  });

  describe('care after 18 (verlengde jeugdhulp)', () => {
    it('records a request and its grant', async () => {
      const { persoonId } = await jeugdige('2008-06-15');
      const requested = await write(`/personen/${persoonId}/verlengde-jeugdhulp`, {
        datum: '2026-05-01',
        reden: 'Behandeling loopt door na 18',
      });
      expect(requested).toMatchObject({ persoonId, aanvraagId: expect.any(String) });
      expect((await dossier(persoonId, requested.position)).verlengdeJeugdhulp).toEqual([
        {
          aanvraagId: requested.aanvraagId,
          datum: '2026-05-01',
          reden: 'Behandeling loopt door na 18',
          besluit: null,
          besluitdatum: null,
          toelichting: null,
        },
      ]);
      const url = `/personen/${persoonId}/verlengde-jeugdhulp/${requested.aanvraagId}/besluit`;
      const decided = await write(url, { datum: '2026-05-20', besluit: 'toegekend' }, 200);
      expect((await dossier(persoonId, decided.position)).verlengdeJeugdhulp).toEqual([
        {
          aanvraagId: requested.aanvraagId,
          datum: '2026-05-01',
          reden: 'Behandeling loopt door na 18',
          besluit: 'toegekend',
          besluitdatum: '2026-05-20',
          toelichting: null,
        },
      ]);
      await refused(
        persoonId,
        url,
        { datum: '2026-05-21', besluit: 'afgewezen', toelichting: 'Toch niet' },
        422,
        'Over deze aanvraag is al besloten (toegekend).',
      );
    });

    it('refuses a refusal without explanation (422, nothing stored) and stores one with it', async () => {
      const { persoonId } = await jeugdige('2008-06-15');
      const requested = await write(`/personen/${persoonId}/verlengde-jeugdhulp`, {
        datum: '2026-05-01',
        reden: 'Behandeling loopt door na 18',
      });
      const url = `/personen/${persoonId}/verlengde-jeugdhulp/${requested.aanvraagId}/besluit`;
      await refused(
        persoonId,
        url,
        { datum: '2026-05-20', besluit: 'afgewezen' },
        422,
        'Een afwijzing heeft een toelichting.',
      );
      expect((await dossier(persoonId, requested.position)).verlengdeJeugdhulp[0]).toMatchObject({
        besluit: null,
      });
      const decided = await write(
        url,
        {
          datum: '2026-05-20',
          besluit: 'afgewezen',
          toelichting: 'Wmo-begeleiding sluit beter aan',
        },
        200,
      );
      expect((await dossier(persoonId, decided.position)).verlengdeJeugdhulp[0]).toMatchObject({
        besluit: 'afgewezen',
        besluitdatum: '2026-05-20',
        toelichting: 'Wmo-begeleiding sluit beter aan',
      });
      await refused(
        persoonId,
        `/personen/${persoonId}/verlengde-jeugdhulp/${UNKNOWN_PERSOON}/besluit`,
        { datum: '2026-05-20', besluit: 'toegekend' },
        404,
        'Deze aanvraag voor verlengde jeugdhulp bestaat niet.',
      );
    });
  });

  describe('worklists', () => {
    let wendy: string;
    beforeAll(async () => {
      wendy = await t.token('contactpersoon', 'u-wendy', 'Wendy Werklijst');
    });

    it('perspective conversations: due within 90 days or overdue with active Jeugdwet care; not held ones, not later ones, not without active care', async () => {
      const lopend = { begindatum: '2026-01-01', einddatum: inDays(365) };
      const soon = await jeugdige(geborenVoorZestienEnHalfOver(30), 'Binnenkort', wendy);
      await toewijzing(soon.persoonId, lopend, wendy);
      const overdue = await jeugdige('2009-03-31', 'Telaat', wendy);
      await toewijzing(overdue.persoonId, { ...lopend, begindatum: '2024-01-10' }, wendy);
      const later = await jeugdige(geborenVoorZestienEnHalfOver(200), 'Later', wendy);
      await toewijzing(later.persoonId, lopend, wendy);
      const held = await jeugdige('2009-03-31', 'Gevoerd', wendy);
      await toewijzing(held.persoonId, lopend, wendy);
      await write(
        `/personen/${held.persoonId}/perspectiefgesprekken`,
        {
          datum: '2025-09-01',
          perspectief: 'Studeren',
          behoeften: 'Geen',
          zorgNa18Verwacht: false,
        },
        201,
        wendy,
      );
      const ended = await jeugdige('2009-03-31', 'Afgelopen', wendy);
      await toewijzing(
        ended.persoonId,
        { begindatum: '2024-01-10', einddatum: '2025-06-30' },
        wendy,
      );
      const wmo = await jeugdige('2009-03-31', 'Wmo', wendy);
      const last = await wmoToewijzing(wmo.persoonId, lopend, wendy);

      const res = await get(
        `/werklijsten/perspectiefgesprekken?minPosition=${last.position}`,
        wendy,
      );
      expect(res.status).toBe(200);
      const items = res.body.items as { persoonId: string }[];
      expect(items.find((i) => i.persoonId === soon.persoonId)).toEqual({
        persoonId: soon.persoonId,
        voornaam: 'Binnenkort',
        achternaam: 'Jansen',
        gezinId: soon.gezinId,
        uiterlijk: expect.any(String),
        teLaat: false,
      });
      expect(items.find((i) => i.persoonId === overdue.persoonId)).toEqual({
        persoonId: overdue.persoonId,
        voornaam: 'Telaat',
        achternaam: 'Jansen',
        gezinId: overdue.gezinId,
        uiterlijk: '2025-09-30',
        teLaat: true,
      });
      const listed = items.map((i) => i.persoonId);
      expect(listed).not.toContain(later.persoonId);
      expect(listed).not.toContain(held.persoonId);
      expect(listed).not.toContain(ended.persoonId);
      expect(listed).not.toContain(wmo.persoonId);
      // Earliest first: the overdue one before the one due soon.
      expect(listed.indexOf(overdue.persoonId)).toBeLessThan(listed.indexOf(soon.persoonId));
      // Another contact person sees none of them.
      const brams = await get(
        `/werklijsten/perspectiefgesprekken?minPosition=${last.position}`,
        bram,
      );
      expect(JSON.stringify(brams.body)).not.toContain(overdue.persoonId);
    });

    it('residential indications ending within 3 months, with their exit perspective; not later ones, not ended stays', async () => {
      const stay = async (voornaam: string, indicatieEinddatum: string) => {
        const j = await jeugdige('2010-02-14', voornaam, wendy);
        const { toewijzingId } = await toewijzing(
          j.persoonId,
          { productcode: '43A01', begindatum: '2026-01-01', einddatum: indicatieEinddatum },
          wendy,
        );
        const s = await write(
          `/personen/${j.persoonId}/verblijven`,
          {
            toewijzingId,
            woonvorm: 'gezinshuis',
            startdatum: '2026-01-15',
            indicatieEinddatum,
            uitstroomperspectief: `Perspectief van ${voornaam}`,
          },
          201,
          wendy,
        );
        return { ...j, verblijfId: s.verblijfId, position: s.position };
      };
      const soon = await stay('Aflopend', inDays(30));
      const later = await stay('Doorlopend', inDays(200));
      const exited = await stay('Uitgestroomd', inDays(40));
      const exit = await write(
        `/personen/${exited.persoonId}/verblijven/${exited.verblijfId}/uitstroom`,
        { datum: today, bestemming: 'thuis', vervolghulp: true },
        201,
        wendy,
      );

      const res = await get(
        `/werklijsten/verblijf-indicaties?maanden=3&minPosition=${exit.position}`,
        wendy,
      );
      expect(res.status).toBe(200);
      const items = res.body.items as { persoonId: string }[];
      expect(items.find((i) => i.persoonId === soon.persoonId)).toEqual({
        verblijfId: soon.verblijfId,
        persoonId: soon.persoonId,
        voornaam: 'Aflopend',
        achternaam: 'Jansen',
        gezinId: soon.gezinId,
        woonvorm: 'gezinshuis',
        startdatum: '2026-01-15',
        indicatieEinddatum: inDays(30),
        uitstroomperspectief: 'Perspectief van Aflopend',
      });
      const listed = items.map((i) => i.persoonId);
      expect(listed).not.toContain(later.persoonId);
      expect(listed).not.toContain(exited.persoonId);
      // With a longer horizon the later one is on it; the default is 3 months.
      const longer = await get(`/werklijsten/verblijf-indicaties?maanden=12`, wendy);
      expect((longer.body.items as { persoonId: string }[]).map((i) => i.persoonId)).toContain(
        later.persoonId,
      );
      const byDefault = await get(`/werklijsten/verblijf-indicaties`, wendy);
      expect((byDefault.body.items as { persoonId: string }[]).map((i) => i.persoonId)).toEqual(
        listed,
      );
    });

    it('assignments ending within 60 days without a decision: listed while a request is undecided, gone once it is decided', async () => {
      const j = await jeugdige('2012-05-04', 'Aflopend', wendy);
      const a = await toewijzing(
        j.persoonId,
        { begindatum: '2026-01-01', einddatum: inDays(30), toewijzingsnummer: 'TW-AFL' },
        wendy,
      );
      const other = await jeugdige('2012-05-04', 'Lang', wendy);
      const b = await toewijzing(
        other.persoonId,
        { begindatum: '2026-01-01', einddatum: inDays(120) },
        wendy,
      );
      const list = async (position: string) => {
        const res = await get(
          `/werklijsten/toewijzingen-aflopend?dagen=60&minPosition=${position}`,
          wendy,
        );
        expect(res.status).toBe(200);
        return res.body.items as { toewijzingId: string }[];
      };
      const first = await list(b.position);
      expect(first.find((i) => i.toewijzingId === a.toewijzingId)).toEqual({
        toewijzingId: a.toewijzingId,
        persoonId: j.persoonId,
        voornaam: 'Aflopend',
        achternaam: 'Jansen',
        gezinId: j.gezinId,
        productcode: '45A48',
        aanbiederNaam: 'Zorg BV',
        einddatum: inDays(30),
      });
      expect(first.map((i) => i.toewijzingId)).not.toContain(b.toewijzingId);

      const req = await write(
        `/personen/${j.persoonId}/toewijzingen/${a.toewijzingId}/verlengingen`,
        {
          aangevraagdOp: today,
          aanvrager: 'Zorg BV',
          reden: 'Doelen nog niet bereikt',
          gevraagdTot: inDays(300),
        },
        201,
        wendy,
      );
      expect((await list(req.position)).map((i) => i.toewijzingId)).toContain(a.toewijzingId);

      const decided = await write(
        `/personen/${j.persoonId}/verlengingen/${req.verlengingId}/besluit`,
        { besluit: 'toegekend', besluitdatum: today },
        200,
        wendy,
      );
      const after = (await list(decided.position)).map((i) => i.toewijzingId);
      expect(after).not.toContain(a.toewijzingId);
      expect(after).not.toContain(decided.toewijzingId);
    });

    it('are for contact persons only (beleid, jph 403; no token 401)', async () => {
      for (const role of ['beleid', 'jph'] as const) {
        const token = await t.token(role, `u-${role}`);
        for (const path of [
          '/werklijsten/perspectiefgesprekken',
          '/werklijsten/verblijf-indicaties',
          '/werklijsten/toewijzingen-aflopend',
        ]) {
          expectProblem(await get(path, token), 403);
          expectProblem(await get(path, null), 401);
        }
      }
    });
  });

  describe('need-to-know', () => {
    /** A youth with one of everything, so that every write route has a real target. */
    async function volledigDossier() {
      const j = await jeugdige('2009-03-31');
      const { toewijzingId } = await toewijzing(j.persoonId, {
        productcode: '43A01',
        begindatum: '2025-01-01',
        einddatum: '2025-12-31',
      });
      const p = `/personen/${j.persoonId}`;
      await write(`${p}/toewijzingen/${toewijzingId}/zorgstart`, { datum: '2025-01-05' });
      const { verlengingId } = await write(`${p}/toewijzingen/${toewijzingId}/verlengingen`, {
        aangevraagdOp: '2025-11-01',
        aanvrager: 'Zorg BV',
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: '2026-06-30',
      });
      const { verblijfId } = await write(`${p}/verblijven`, {
        toewijzingId,
        woonvorm: 'behandeld-wonen',
        startdatum: '2025-01-05',
        indicatieEinddatum: '2025-12-31',
      });
      const { aanvraagId, position } = await write(`${p}/verlengde-jeugdhulp`, {
        datum: '2026-01-10',
        reden: 'Behandeling loopt door na 18',
      });
      return { ...j, toewijzingId, verlengingId, verblijfId, aanvraagId, position };
    }

    const writes = (d: {
      persoonId: string;
      toewijzingId: string;
      verlengingId: string;
      verblijfId: string;
      aanvraagId: string;
    }): [string, object][] => {
      const p = `/personen/${d.persoonId}`;
      const tw = `${p}/toewijzingen/${d.toewijzingId}`;
      const vb = `${p}/verblijven/${d.verblijfId}`;
      return [
        [`${p}/toewijzingen`, toewijzingBody()],
        [`${tw}/zorgstart`, { datum: '2025-01-06' }],
        [`${tw}/zorgstop`, { datum: '2025-06-01', reden: '31' }],
        [`${tw}/correcties`, { soort: 'start', datum: '2025-01-04', toelichting: 'x' }],
        [
          `${tw}/verlengingen`,
          { aangevraagdOp: '2025-11-02', aanvrager: 'X', reden: 'x', gevraagdTot: '2026-12-31' },
        ],
        [
          `${p}/verlengingen/${d.verlengingId}/besluit`,
          { besluit: 'toegekend', besluitdatum: '2025-11-10' },
        ],
        [
          `${p}/verblijven`,
          { woonvorm: 'pleegzorg', startdatum: '2025-02-01', indicatieEinddatum: '2025-12-31' },
        ],
        [`${vb}/woonvorm`, { datum: '2025-06-01', naar: 'gezinshuis' }],
        [`${vb}/uitstroomperspectief`, { datum: '2025-06-01', perspectief: 'Naar huis' }],
        [`${vb}/uitstroom`, { datum: '2025-06-01', bestemming: 'thuis', vervolghulp: true }],
        [
          `${p}/perspectiefgesprekken`,
          { datum: '2025-10-01', perspectief: 'x', behoeften: 'y', zorgNa18Verwacht: true },
        ],
        [`${p}/verlengde-jeugdhulp`, { datum: '2026-01-11', reden: 'x' }],
        [
          `${p}/verlengde-jeugdhulp/${d.aanvraagId}/besluit`,
          { datum: '2026-02-01', besluit: 'toegekend' },
        ],
      ];
    };

    it('gives a contact person who does not work with the family 404 on the dossier and every write, storing nothing', async () => {
      const d = await volledigDossier();
      const before = await dossier(d.persoonId, d.position);
      expectProblem(await get(`/personen/${d.persoonId}/zorg`, bram), 404, NOT_INVOLVED);
      for (const [path, body] of writes(d)) {
        const res = await refused(d.persoonId, path, body, 404, NOT_INVOLVED, bram);
        expect(res.body).not.toHaveProperty('currentRevision');
      }
      // The same answer as for a person who does not exist.
      expectProblem(await get(`/personen/${UNKNOWN_PERSOON}/zorg`, bram), 404, NOT_INVOLVED);
      expectProblem(await get(`/personen/${UNKNOWN_PERSOON}/zorg`, anna), 404, NOT_INVOLVED);
      expectProblem(
        await post(`/personen/${UNKNOWN_PERSOON}/toewijzingen`, toewijzingBody(), anna),
        404,
        NOT_INVOLVED,
      );
      expect(await dossier(d.persoonId, d.position)).toEqual(before);
    });

    it('after a handover the earlier contact person no longer works with the person (404, reads and writes); the new one writes', async () => {
      const d = await volledigDossier();
      await write(
        `/gezinnen/${d.gezinId}/contactpersoon`,
        { ...people.anna, vanaf: '2026-03-01' },
        200,
      );
      const handedOver = await write(
        `/gezinnen/${d.gezinId}/overdrachten`,
        {
          naar: people.bram,
          per: '2026-06-01',
          reden: 'Anna gaat met zwangerschapsverlof',
        },
        200,
      );
      const brams = await dossier(d.persoonId, handedOver.position, bram);
      expect(brams.toewijzingen).toHaveLength(1);
      expectProblem(
        await get(`/personen/${d.persoonId}/zorg?minPosition=${handedOver.position}`, anna),
        404,
        NOT_INVOLVED,
      );
      for (const [path, body] of writes(d)) {
        await refused(d.persoonId, path, body, 404, NOT_INVOLVED, anna);
      }
      const bramWrites = await write(
        `/personen/${d.persoonId}/verblijven/${d.verblijfId}/woonvorm`,
        { datum: '2025-06-01', naar: 'gezinshuis' },
        201,
        bram,
      );
      expect((await dossier(d.persoonId, bramWrites.position, bram)).verblijven[0]).toMatchObject({
        woonvorm: 'gezinshuis',
      });
    });

    it('gives policy staff and youth-health staff no care routes (403), and no token 401', async () => {
      const d = await volledigDossier();
      for (const role of ['beleid', 'jph', 'beheer'] as const) {
        const token = await t.token(role, `u-${role}`);
        expectProblem(await get(`/personen/${d.persoonId}/zorg`, token), 403);
        for (const [path, body] of writes(d)) {
          await refused(d.persoonId, path, body, 403, undefined, token);
        }
      }
      expectProblem(await get(`/personen/${d.persoonId}/zorg`, null), 401);
      for (const [path, body] of writes(d)) {
        await refused(d.persoonId, path, body, 401, undefined, null);
      }
    });
  });

  describe('validation (400 naming the field)', () => {
    let persoonId: string;
    let toewijzingId: string;
    beforeAll(async () => {
      ({ persoonId } = await jeugdige('2012-05-04'));
      ({ toewijzingId } = await toewijzing(persoonId));
    });

    it('refuses an unknown legal framework', async () => {
      const res = await post(
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ wettelijkKader: 'jeugdzorg' }),
      );
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['wettelijkKader', 'body']]);
    });

    it('refuses an unknown iJW reason for ending', async () => {
      const res = await post(`/personen/${persoonId}/toewijzingen/${toewijzingId}/zorgstop`, {
        datum: '2025-03-01',
        reden: '99',
      });
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['reden', 'body']]);
    });

    it('refuses a date that does not exist or is not YYYY-MM-DD', async () => {
      const res = await post(
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ begindatum: '2025-02-30', einddatum: '30-06-2025' }),
      );
      expectProblem(res, 400);
      expect(fields(res)).toEqual([
        ['begindatum', 'body'],
        ['einddatum', 'body'],
      ]);
      const start = await post(`/personen/${persoonId}/toewijzingen/${toewijzingId}/zorgstart`, {
        datum: '2025-13-01',
      });
      expectProblem(start, 400);
      expect(fields(start)).toEqual([['datum', 'body']]);
    });

    it('refuses an unknown field', async () => {
      const res = await post(
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ budget: 1000 }),
      );
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['budget', 'body']]);
    });

    it('refuses an assignment without a referrer, or with an unknown referrer type', async () => {
      const { verwijzer: _verwijzer, ...zonder } = toewijzingBody();
      const res = await post(`/personen/${persoonId}/toewijzingen`, zonder);
      expectProblem(res, 400);
      expect(fields(res).map(([field]) => field)).toContain('verwijzer');
      const badType = await post(
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ verwijzer: { type: '07' } }),
      );
      expectProblem(badType, 400);
      expect(fields(badType)).toEqual([['verwijzer.type', 'body']]);
    });

    it('refuses a persoonId that is not a UUID (in: path)', async () => {
      const read = await get('/personen/niet-een-uuid/zorg');
      expectProblem(read, 400);
      expect(fields(read)).toEqual([['persoonId', 'path']]);
      const writeRes = await post('/personen/niet-een-uuid/toewijzingen', toewijzingBody());
      expectProblem(writeRes, 400);
      expect(fields(writeRes)).toEqual([['persoonId', 'path']]);
      const nested = await post(`/personen/${persoonId}/toewijzingen/123/zorgstart`, {
        datum: '2025-03-01',
      });
      expectProblem(nested, 400);
      expect(fields(nested)).toEqual([['toewijzingId', 'path']]);
    });

    it('refuses a stay with an unknown form of residence and an exit with an unknown destination', async () => {
      const res = await post(`/personen/${persoonId}/verblijven`, {
        woonvorm: 'internaat',
        startdatum: '2025-01-01',
        indicatieEinddatum: '2025-12-31',
      });
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['woonvorm', 'body']]);
      const exit = await post(`/personen/${persoonId}/verblijven/${UNKNOWN_PERSOON}/uitstroom`, {
        datum: '2025-06-01',
        bestemming: 'buitenland',
        vervolghulp: 'ja',
      });
      expectProblem(exit, 400);
      expect(fields(exit).map(([field]) => field)).toEqual(['bestemming', 'vervolghulp']);
    });
  });

  describe('dates that cannot be true', () => {
    it('refuses a year before 1900 in any date field (400 naming the field), also outside care', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const res = await post(
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ begindatum: '0205-01-01' }),
      );
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([
        { field: 'begindatum', in: 'body', messages: ['must be in 1900 or later'] },
      ]);
      const gezin = await post('/gezinnen', {
        naam: 'Oud',
        leden: [
          { rol: 'jeugdige', voornaam: 'Kees', achternaam: 'Oud', geboortedatum: '1899-12-31' },
        ],
      });
      expectProblem(gezin, 400);
      expect(fields(gezin)).toEqual([['leden[0].geboortedatum', 'body']]);
      const beleid = await t.token('beleid', 'u-beleid');
      const figures = await get(
        '/beleid/zorg/episodes?van=2025-01-01&tot=2025-12-31&bekendOp=1026-01-01',
        beleid,
      );
      expectProblem(figures, 400);
      expect(fields(figures)).toEqual([['bekendOp', 'query']]);
    });

    it("refuses care dated before the youth's birth (422 naming the field), storing nothing", async () => {
      const { persoonId } = await jeugdige('2025-03-01', 'Baby');
      const res = await refused(
        persoonId,
        `/personen/${persoonId}/toewijzingen`,
        toewijzingBody({ begindatum: '2025-02-01' }),
        422,
        'De begindatum (2025-02-01) ligt voor de geboortedatum (2025-03-01).',
      );
      expect(fields(res)).toEqual([['begindatum', 'body']]);
      const stay = await refused(
        persoonId,
        `/personen/${persoonId}/verblijven`,
        { woonvorm: 'pleegzorg', startdatum: '2025-02-28', indicatieEinddatum: '2025-12-31' },
        422,
        /ligt voor de geboortedatum \(2025-03-01\)/,
      );
      expect(fields(stay)).toEqual([['startdatum', 'body']]);
      // From the day of birth on, it is taken.
      await write(`/personen/${persoonId}/verblijven`, {
        woonvorm: 'pleegzorg',
        startdatum: '2025-03-01',
        indicatieEinddatum: '2025-12-31',
      });
    });

    it('refuses a decision dated in the future (422 naming the field), storing nothing', async () => {
      const { persoonId } = await jeugdige('2012-05-04');
      const { toewijzingId } = await toewijzing(persoonId);
      const req = await write(`/personen/${persoonId}/toewijzingen/${toewijzingId}/verlengingen`, {
        aangevraagdOp: '2025-06-01',
        aanvrager: 'Zorg BV',
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: '2025-12-31',
      });
      const res = await refused(
        persoonId,
        `/personen/${persoonId}/verlengingen/${req.verlengingId}/besluit`,
        { besluit: 'toegekend', besluitdatum: inDays(1), toewijzingsnummer: 'TW-2025-0002' },
        422,
        `Het besluit (${inDays(1)}) ligt in de toekomst; leg het vast op de dag zelf (vandaag is ${today}).`,
      );
      expect(fields(res)).toEqual([['besluitdatum', 'body']]);
    });

    it('refuses an exit before the last step-down of the stay (422 naming the field), storing nothing', async () => {
      const { persoonId } = await jeugdige('2010-02-14');
      const started = await write(`/personen/${persoonId}/verblijven`, {
        woonvorm: 'behandeld-wonen',
        startdatum: '2025-01-15',
        indicatieEinddatum: '2025-12-31',
      });
      const verblijfUrl = `/personen/${persoonId}/verblijven/${started.verblijfId}`;
      await write(`${verblijfUrl}/woonvorm`, { datum: '2025-05-01', naar: 'gezinshuis' });
      const res = await refused(
        persoonId,
        `${verblijfUrl}/uitstroom`,
        { datum: '2025-04-30', bestemming: 'thuis', vervolghulp: true },
        422,
        'De uitstroom kan niet voor de laatste wijziging van de woonvorm (2025-05-01) liggen.',
      );
      expect(fields(res)).toEqual([['datum', 'body']]);
      await write(`${verblijfUrl}/uitstroom`, {
        datum: '2025-05-01',
        bestemming: 'thuis',
        vervolghulp: true,
      });
    });
  });

  describe('family timeline', () => {
    it("shows a member's care in plain words in the family's timeline", async () => {
      const { gezinId, persoonId } = await jeugdige('2012-05-04', 'Noor', anna, 'Visser');
      const assigned = await toewijzing(persoonId);
      await write(`/personen/${persoonId}/toewijzingen/${assigned.toewijzingId}/zorgstart`, {
        datum: '2025-01-06',
      });
      const stopped = await write(
        `/personen/${persoonId}/toewijzingen/${assigned.toewijzingId}/zorgstop`,
        {
          datum: '2025-06-30',
          reden: '31',
        },
      );
      const res = await get(
        `/gezinnen/${gezinId}/tijdlijn?soort=zorg&minPosition=${stopped.position}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { wat: string }) => i.wat)).toEqual([
        'Noor Visser krijgt 45A48 van Zorg BV (Jeugdwet), van 2025-01-01 tot en met 2025-06-30; verwezen door: huisarts.',
        'De hulp voor Noor Visser is begonnen op 2025-01-06.',
        'De hulp voor Noor Visser is gestopt op 2025-06-30 (volgens plan).',
      ]);
    });
  });

  describe('idempotency and the processing log across persons', () => {
    it('the same Idempotency-Key sent for two persons makes two assignments', async () => {
      const sanne = await jeugdige('2012-05-04', 'Sanne', anna, 'Koster');
      const daan = await jeugdige('2013-05-04', 'Daan', anna, 'Koster');
      const send = (persoonId: string) =>
        post(`/personen/${persoonId}/toewijzingen`, toewijzingBody(), anna).set(
          'Idempotency-Key',
          'same-key-123',
        );
      const first = await send(sanne.persoonId);
      const second = await send(daan.persoonId);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body.toewijzingId).not.toBe(second.body.toewijzingId);
      const retry = await send(daan.persoonId);
      expect(retry.body.toewijzingId).toBe(second.body.toewijzingId);
      expect((await dossier(sanne.persoonId, second.body.position)).toewijzingen).toHaveLength(1);
      expect((await dossier(daan.persoonId, second.body.position)).toewijzingen).toHaveLength(1);
      const health = await t.http().get('/health').expect(200);
      expect(
        health.body.info.projections.projections.every(
          (p: { failure: string | null }) => p.failure === null,
        ),
      ).toBe(true);
    });

    it("logs a read of a youth's care under each of her households", async () => {
      const first = await jeugdige('2012-05-04', 'Lotte', anna, 'Meijer');
      const second = await t
        .http()
        .post(`${API}/gezinnen`)
        .set(auth(anna))
        .send({
          naam: 'De Wit',
          leden: [
            { rol: 'ouder', voornaam: 'Ilse', achternaam: 'de Wit' },
            { rol: 'jeugdige', voornaam: 'Tim', achternaam: 'de Wit', geboortedatum: '2016-08-31' },
          ],
        })
        .expect(201);
      const added = await t
        .http()
        .post(`${API}/gezinnen/${second.body.gezinId}/leden`)
        .set(auth(anna))
        .send({ rol: 'jeugdige', persoonId: first.persoonId })
        .expect(201);
      const read = await get(
        `/personen/${first.persoonId}/zorg?minPosition=${added.body.position}`,
      );
      expect(read.status).toBe(200);
      const head = await t.app.get(EventStore).headPosition();
      const beheerToken = await t.token('beheer', 'u-beheer');
      for (const gezinId of [first.gezinId, second.body.gezinId]) {
        const log = await get(`/verwerkingslog/${gezinId}?minPosition=${head}`, beheerToken);
        expect(log.body.inzages.map((i: { wat: string }) => i.wat)).toContain('zorg');
      }
    });

    it('logs a worklist entry of a youth in two households under both, also the one the reader does not coordinate', async () => {
      const first = await jeugdige('2012-05-04', 'Noor', anna, 'Kok');
      await toewijzing(first.persoonId, { begindatum: '2026-01-01', einddatum: inDays(30) });
      const second = await t
        .http()
        .post(`${API}/gezinnen`)
        .set(auth(anna))
        .send({
          naam: 'Kok-Visser',
          leden: [
            { rol: 'ouder', voornaam: 'Kees', achternaam: 'Kok' },
            { rol: 'jeugdige', voornaam: 'Bas', achternaam: 'Kok', geboortedatum: '2015-02-01' },
          ],
        })
        .expect(201);
      await t
        .http()
        .post(`${API}/gezinnen/${second.body.gezinId}/leden`)
        .set(auth(anna))
        .send({ rol: 'jeugdige', persoonId: first.persoonId })
        .expect(201);
      // Bram coordinates the second household: Anna no longer works with it.
      const assigned = await write(
        `/gezinnen/${second.body.gezinId}/contactpersoon`,
        { ...people.bram, vanaf: '2026-03-01' },
        200,
      );
      const list = await get(
        `/werklijsten/toewijzingen-aflopend?minPosition=${assigned.position}`,
      ).expect(200);
      const entries = (list.body.items as { persoonId: string; gezinId: string }[]).filter(
        (i) => i.persoonId === first.persoonId,
      );
      expect(entries.map((i) => i.gezinId)).toEqual([first.gezinId]);
      const head = await t.app.get(EventStore).headPosition();
      const beheerToken = await t.token('beheer', 'u-beheer');
      for (const gezinId of [first.gezinId, second.body.gezinId]) {
        const log = await get(`/verwerkingslog/${gezinId}?minPosition=${head}`, beheerToken);
        expect(log.body.inzages.map((i: { wat: string }) => i.wat)).toContain(
          'werklijst toewijzingen-aflopend',
        );
      }
    });
  });

  describe('dossier version', () => {
    it('GET zorg carries the dossier version as ETag, and a care write with it as If-Match succeeds', async () => {
      const { persoonId } = await jeugdige('2012-05-04', 'Eva', anna, 'Smit');
      const assigned = await toewijzing(persoonId);
      const res = await get(`/personen/${persoonId}/zorg?minPosition=${assigned.position}`);
      expect(res.headers.etag).toBe(`"${assigned.revision}"`);
      expect(res.body.revision).toBe(assigned.revision);
      const ok = await post(
        `/personen/${persoonId}/toewijzingen/${assigned.toewijzingId}/zorgstart`,
        { datum: '2025-01-06' },
      ).set('If-Match', String(res.headers.etag));
      expect(ok.status).toBe(201);
      const stale = await post(`/personen/${persoonId}/perspectiefgesprekken`, {
        datum: '2025-01-06',
        perspectief: 'x',
        behoeften: 'y',
        zorgNa18Verwacht: false,
      }).set('If-Match', String(res.headers.etag));
      expect(stale.status).toBe(409);
    });
  });
});
