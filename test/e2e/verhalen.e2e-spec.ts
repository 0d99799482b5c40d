import type { Response } from 'supertest';
import { signDevToken } from '@app/access';
import { EventStore } from '@app/event-store';
import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Stories and judgements (issue 12, items 1, 2 and 5): recorded by the family's contact person,
 * a story's consent changed and withdrawn, its release for the monitoring by a second person, the
 * judgements of a plan evaluation and of the end of an assignment; their reads logged, their
 * sentences in the timeline; and the refusals of every route.
 */
describe('verhalen en oordelen (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const API = '/api/v1';
  const UNKNOWN = '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11';
  const NOT_INVOLVED = 'Dit gezin bestaat niet of u werkt er niet mee.';
  let gezin: { gezinId: string; sanne: string; mark: string; toewijzingId: string };

  type Who = 'anna' | 'bram' | 'tessa' | 'beleid' | 'beheer';
  const as = (who: Who | null, req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    who === null ? req : req.set('Authorization', `Bearer ${tokens[who]}`);
  const get = (path: string, who: Who | null = 'anna') => as(who, t.http().get(`${API}${path}`));
  const post = (path: string, body: object, who: Who | null = 'anna') =>
    as(who, t.http().post(`${API}${path}`)).send(body);
  const put = (path: string, body: object, who: Who | null = 'anna') =>
    as(who, t.http().put(`${API}${path}`)).send(body);

  const fields = (res: Response): string[] =>
    (res.body.errors as { field: string }[]).map((e) => e.field);

  /** A write that must succeed with `status`; its body. */
  async function write(res: Promise<Response> | Response, status: number) {
    const done = await res;
    expect({ status: done.status, body: done.body }).toEqual({ status, body: expect.anything() });
    expect(done.headers['x-log-position']).toBe(done.body.position ?? undefined);
    return done.body as Record<string, string> & { revision: number };
  }

  beforeAll(async () => {
    t = await startTestApp();
    tokens.anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    tokens.bram = await t.token('contactpersoon', 'u-bram', 'Bram Bakker');
    tokens.tessa = await signDevToken(t.dataDir, {
      userId: 'u-tessa',
      roles: ['contactpersoon'],
      name: 'Tessa Teamleider',
      teamleider: true,
    });
    tokens.beleid = await t.token('beleid', 'u-beleid');
    tokens.beheer = await t.token('beheer', 'u-beheer', 'Functioneel beheer');

    // The programme's themes (reference data), one of them no longer active.
    for (const [themaId, naam, actief] of [
      ['knop-8', 'Stoppen met hetgeen niet werkt', true],
      ['knop-12', 'Perspectief na 18', true],
      ['oud-thema', 'Een oud thema', false],
    ] as const) {
      await write(put(`/referentiedata/themas/${themaId}`, { naam, actief }, 'beheer'), 200);
    }

    // Reference data for an assignment.
    await write(
      put(
        '/referentiedata/producten/45A48',
        { geldigVanaf: '2020-01-01', categorie: '45', omschrijving: 'Ambulant' },
        'beheer',
      ),
      200,
    );
    await write(
      put(
        '/referentiedata/aanbieders/12345678',
        { geldigVanaf: '2020-01-01', naam: 'Zorg BV' },
        'beheer',
      ),
      200,
    );

    // A family with Sanne (youth) and Mark (parent); Anna its contact person; a plan; an assignment.
    const created = await write(
      post('/gezinnen', {
        naam: 'Jansen',
        leden: [
          { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
          { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen', geboortedatum: '1980-02-01' },
        ],
      }),
      201,
    );
    const gezinId = created.gezinId!;
    const read = await get(`/gezinnen/${gezinId}?minPosition=${created.position}`).expect(200);
    const [sanne, mark] = (read.body.leden as { persoonId: string }[]).map((l) => l.persoonId);
    await write(
      as('anna', t.http().post(`${API}/gezinnen/${gezinId}/contactpersoon`)).send({
        userId: 'u-anna',
        naam: 'Anna de Vries',
        organisatie: 'Wijkteam Noord',
        vanaf: '2026-03-01',
      }),
      200,
    );
    const family = await get(`/gezinnen/${gezinId}`).expect(200);
    await write(
      as('anna', t.http().put(`${API}/gezinnen/${gezinId}/plan`))
        .set('If-Match', family.headers.etag as string)
        .send({
          hulpvraag: 'Rust in huis, en Sanne weer naar school.',
          doelen: [
            {
              doelId: 'd-1',
              leefgebied: 'onderwijs',
              persoonId: sanne,
              omschrijving: 'Naar school',
            },
            { doelId: 'd-2', leefgebied: 'financien', persoonId: null, omschrijving: 'Overzicht' },
          ],
          afspraken: [],
          evaluatiedatum: '2026-11-30',
          toestemming: { delen: true, vastgelegdOp: '2026-03-02' },
        }),
      200,
    );
    const toewijzing = await write(
      post(`/personen/${sanne}/toewijzingen`, {
        productcode: '45A48',
        aanbiederId: '12345678',
        verwijzer: { type: '02' },
        toewijzingsnummer: 'TW-1',
        begindatum: '2026-03-01',
        einddatum: '2026-11-30',
      }),
      201,
    );
    gezin = { gezinId, sanne: sanne!, mark: mark!, toewijzingId: toewijzing.toewijzingId! };
  });
  afterAll(() => t.close());

  const verhaal = (overrides: object = {}) => ({
    persoonId: gezin.sanne,
    toewijzingId: gezin.toewijzingId,
    verteller: { soort: 'ouder' },
    datum: '2026-11-20',
    tekst: 'Mark: eindelijk één plan, en Anna houdt het overzicht.',
    themaIds: ['knop-8'],
    toestemming: 'gepseudonimiseerd',
    ...overrides,
  });
  const url = () => `/gezinnen/${gezin.gezinId}`;

  /** What the family's processing log says was read of it, up to now. */
  async function gelezen(): Promise<string[]> {
    const head = await t.app.get(EventStore).headPosition();
    const log = await get(`/verwerkingslog/${gezin.gezinId}?minPosition=${head}`, 'beheer');
    expect(log.status).toBe(200);
    return (log.body.inzages as { wat: string }[]).map((i) => i.wat);
  }

  async function stories(position: string, who: Who = 'anna') {
    const res = await get(`${url()}/verhalen?minPosition=${position}`, who).expect(200);
    return res.body.items as Record<string, unknown>[];
  }

  describe('POST /gezinnen/{id}/verhalen', () => {
    it('the contact person records a story; it reads back with its assignment, and the read is logged', async () => {
      const res = await post(`${url()}/verhalen`, verhaal());
      const body = await write(res, 201);
      expect(body).toEqual({
        gezinId: gezin.gezinId,
        verhaalId: expect.any(String),
        revision: 0,
        position: expect.any(String),
      });
      const [story] = (await stories(body.position!)).filter((s) => s.verhaalId === body.verhaalId);
      expect(story).toEqual({
        verhaalId: body.verhaalId,
        gezinId: gezin.gezinId,
        persoonId: gezin.sanne,
        toewijzing: {
          toewijzingId: gezin.toewijzingId,
          persoonId: gezin.sanne,
          wettelijkKader: 'jeugdwet',
          aanbiederId: '12345678',
          productcode: '45A48',
          productcategorie: '45',
          woonvorm: null,
        },
        verteller: { soort: 'ouder', organisatie: null },
        datum: '2026-11-20',
        tekst: 'Mark: eindelijk één plan, en Anna houdt het overzicht.',
        themaIds: ['knop-8'],
        toestemming: 'gepseudonimiseerd',
        toestemmingSinds: '2026-11-20',
        vastgelegdDoor: 'u-anna',
        vastgelegdOp: expect.any(String),
        vrijgave: null,
        revision: 0,
      });
      expect(await gelezen()).toContain('verhalen');
    });

    it('the family timeline says it in plain words, without the story’s own words', async () => {
      const body = await write(
        post(
          `${url()}/verhalen`,
          verhaal({
            verteller: { soort: 'professional', organisatie: 'Kwadraad' },
            persoonId: undefined,
            toewijzingId: undefined,
          }),
        ),
        201,
      );
      const tijdlijn = await get(`${url()}/tijdlijn?minPosition=${body.position}`).expect(200);
      const last = tijdlijn.body.items.at(-1);
      expect(last).toMatchObject({
        soort: 'verhaal',
        wat: 'Het verhaal van een professional van Kwadraad is vastgelegd (verteld op 2026-11-20); toestemming: ook in de monitoring, zonder namen.',
      });
    });

    it('401 without a token, 403 for another role, 404 for a contact person not involved', async () => {
      expectProblem(await post(`${url()}/verhalen`, verhaal(), null), 401);
      expectProblem(await post(`${url()}/verhalen`, verhaal(), 'beleid'), 403);
      expectProblem(await post(`${url()}/verhalen`, verhaal(), 'bram'), 404, NOT_INVOLVED);
      expectProblem(await post(`/gezinnen/${UNKNOWN}/verhalen`, verhaal()), 404, NOT_INVOLVED);
      // A team lead is not the family's contact person either.
      expectProblem(await post(`${url()}/verhalen`, verhaal(), 'tessa'), 404);
    });

    it('403 for who registered a family before its first contact person', async () => {
      const created = await write(
        post(
          '/gezinnen',
          {
            naam: 'De Boer',
            leden: [
              {
                rol: 'jeugdige',
                voornaam: 'Ties',
                achternaam: 'de Boer',
                geboortedatum: '2014-01-01',
              },
            ],
          },
          'bram',
        ),
        201,
      );
      const res = await post(
        `/gezinnen/${created.gezinId}/verhalen`,
        verhaal({ persoonId: undefined, toewijzingId: undefined }),
        'bram',
      );
      expectProblem(res, 403, 'Alleen de contactpersoon van het gezin legt verhalen vast.');
    });

    it('400 for a bad body, naming the fields', async () => {
      const res = await post(`${url()}/verhalen`, {
        ...verhaal(),
        verteller: { soort: 'buurman' },
        tekst: '',
        themaIds: [],
        toestemming: 'altijd',
        datum: '2026-02-30',
        persoonId: 'sanne',
      });
      expectProblem(res, 400);
      expect(fields(res).sort()).toEqual(
        ['datum', 'persoonId', 'tekst', 'themaIds', 'toestemming', 'verteller.soort'].sort(),
      );
    });

    it('422 for the rules, naming the field', async () => {
      const cases: [object, string, RegExp][] = [
        [{ themaIds: ['oud-thema'] }, 'themaIds', /Geen bekend, actief thema/],
        [{ themaIds: ['knop-99'] }, 'themaIds', /knop-99/],
        [{ datum: '2026-12-05' }, 'datum', /toekomst/],
        [{ persoonId: UNKNOWN, toewijzingId: undefined }, 'persoonId', /hoort niet bij het gezin/],
        [{ toewijzingId: UNKNOWN }, 'toewijzingId', /niet bekend bij een lid/],
        [{ persoonId: gezin.mark }, 'toewijzingId', /ander gezinslid/],
        [{ verteller: { soort: 'professional' } }, 'verteller.organisatie', /organisatie/],
        [
          { verteller: { soort: 'jeugdige', organisatie: 'X' } },
          'verteller.organisatie',
          /professional/,
        ],
      ];
      for (const [overrides, field, detail] of cases) {
        const res = await post(`${url()}/verhalen`, verhaal(overrides));
        expectProblem(res, 422, detail);
        expect(fields(res)).toEqual([field]);
      }
      // A year before 1900 is refused by the shape of every date field (400), before any rule
      const oud = await post(`${url()}/verhalen`, verhaal({ datum: '1899-12-31' }));
      expectProblem(oud, 400, /1900/);
      expect(fields(oud)).toEqual(['datum']);
    });
  });

  describe('POST /gezinnen/{id}/verhalen/{verhaalId}/vrijgave and PUT .../toestemming', () => {
    it('a second person releases; a withdrawal ends the release; consented again it needs a new one', async () => {
      const { verhaalId, position } = await write(post(`${url()}/verhalen`, verhaal()), 201);
      const vrijgave = `${url()}/verhalen/${verhaalId}/vrijgave`;
      const werklijst = async (who: Who, at: string) => {
        const res = await get(`/werklijsten/verhalen-vrij-te-geven?minPosition=${at}`, who).expect(
          200,
        );
        return (res.body.items as { verhaalId: string }[]).map((s) => s.verhaalId);
      };

      // The one who recorded it may not; a contact person not involved learns nothing.
      expectProblem(await post(vrijgave, { tekst: 'x' }), 403, /zelf vastgelegd/);
      expectProblem(await post(vrijgave, { tekst: 'x' }, 'bram'), 404, NOT_INVOLVED);
      expect(await werklijst('tessa', position!)).toContain(verhaalId);
      // The team lead read the story: the family's processing log says so.
      expect(await gelezen()).toContain('werklijst verhalen-vrij-te-geven');
      expect(await werklijst('anna', position!)).not.toContain(verhaalId);
      expect(await werklijst('bram', position!)).not.toContain(verhaalId);

      // A team lead checks it and releases it, with the names taken out.
      const released = await write(
        post(
          vrijgave,
          { tekst: 'Een ouder: eindelijk één plan, en iemand die het overzicht houdt.' },
          'tessa',
        ),
        200,
      );
      expect(released).toMatchObject({ gezinId: gezin.gezinId, verhaalId, revision: 1 });
      let [story] = (await stories(released.position!)).filter((s) => s.verhaalId === verhaalId);
      expect(story!.vrijgave).toEqual({
        tekst: 'Een ouder: eindelijk één plan, en iemand die het overzicht houdt.',
        door: 'u-tessa',
        op: '2026-12-04',
      });
      expect(await werklijst('tessa', released.position!)).not.toContain(verhaalId);
      expectProblem(await post(vrijgave, { tekst: 'x' }, 'tessa'), 422, /al vrijgegeven/);

      // Withdrawn: only the family's file, no release; then a stale If-Match is refused.
      const toestemming = `${url()}/verhalen/${verhaalId}/toestemming`;
      const withdrawn = await write(
        as('anna', t.http().put(`${API}${toestemming}`))
          .set('If-Match', '"1"')
          .send({ toestemming: 'dossier', datum: '2026-11-25' }),
        200,
      );
      [story] = (await stories(withdrawn.position!)).filter((s) => s.verhaalId === verhaalId);
      expect(story).toMatchObject({
        toestemming: 'dossier',
        toestemmingSinds: '2026-11-25',
        vrijgave: null,
      });
      const tijdlijn = await get(`${url()}/tijdlijn?minPosition=${withdrawn.position}`).expect(200);
      expect(tijdlijn.body.items.at(-1).wat).toMatch(
        /^De toestemming voor een verhaal is op 2026-11-25 ingetrokken/,
      );
      expectProblem(
        await post(vrijgave, { tekst: 'x' }, 'tessa'),
        422,
        /dossier van het gezin alleen/,
      );
      expectProblem(
        await as('anna', t.http().put(`${API}${toestemming}`))
          .set('If-Match', '"1"')
          .send({ toestemming: 'citeerbaar' }),
        409,
      );

      // Consented again (today, by default): released again by a second person.
      const again = await write(put(toestemming, { toestemming: 'citeerbaar' }), 200);
      [story] = (await stories(again.position!)).filter((s) => s.verhaalId === verhaalId);
      expect(story).toMatchObject({
        toestemming: 'citeerbaar',
        toestemmingSinds: '2026-12-04',
        vrijgave: null,
      });
      expect(await werklijst('tessa', again.position!)).toContain(verhaalId);
      await write(post(vrijgave, { tekst: 'Een ouder: eindelijk één plan.' }, 'tessa'), 200);
      // The same consent again writes nothing.
      expect(await write(put(toestemming, { toestemming: 'citeerbaar' }), 200)).toMatchObject({
        position: null,
      });
    });

    it('another contact person who works with the family releases a story too', async () => {
      const { verhaalId } = await write(post(`${url()}/verhalen`, verhaal()), 201);
      // Anna hands the family over to Bram, who may now release what Anna recorded.
      const overdracht = await write(
        as('anna', t.http().post(`${API}${url()}/overdrachten`)).send({
          naar: { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' },
          per: '2026-12-04',
          reden: 'Anna gaat met verlof',
        }),
        200,
      );
      expect(overdracht.position).toEqual(expect.any(String));
      await write(
        post(`${url()}/verhalen/${verhaalId}/vrijgave`, { tekst: 'Een ouder: één plan.' }, 'bram'),
        200,
      );
      // And hands it back, for the tests after this one.
      await write(
        as('bram', t.http().post(`${API}${url()}/overdrachten`)).send({
          naar: { userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord' },
          per: '2026-12-04',
          reden: 'Anna is terug',
        }),
        200,
      );
    });

    it('refusals: 401, 403, 404, 400, 422', async () => {
      const { verhaalId } = await write(
        post(`${url()}/verhalen`, verhaal({ toestemming: 'dossier' })),
        201,
      );
      const vrijgave = `${url()}/verhalen/${verhaalId}/vrijgave`;
      const toestemming = `${url()}/verhalen/${verhaalId}/toestemming`;
      expectProblem(await post(vrijgave, { tekst: 'x' }, null), 401);
      expectProblem(await put(toestemming, { toestemming: 'citeerbaar' }, null), 401);
      expectProblem(await post(vrijgave, { tekst: 'x' }, 'beleid'), 403);
      expectProblem(await put(toestemming, { toestemming: 'citeerbaar' }, 'beleid'), 403);
      expectProblem(
        await put(toestemming, { toestemming: 'citeerbaar' }, 'bram'),
        404,
        NOT_INVOLVED,
      );
      expectProblem(
        await put(toestemming, { toestemming: 'citeerbaar' }, 'tessa'),
        404,
        NOT_INVOLVED,
      );
      const onbekend = `${url()}/verhalen/${UNKNOWN}`;
      expectProblem(
        await put(`${onbekend}/toestemming`, { toestemming: 'citeerbaar' }),
        404,
        /Dit verhaal bestaat niet/,
      );
      expectProblem(
        await post(`${onbekend}/vrijgave`, { tekst: 'x' }, 'tessa'),
        404,
        /Dit verhaal bestaat niet/,
      );
      // A story asked for under another family.
      expectProblem(
        await post(`/gezinnen/${UNKNOWN}/verhalen/${verhaalId}/vrijgave`, { tekst: 'x' }, 'tessa'),
        404,
      );
      let res = await post(vrijgave, { tekst: '' }, 'tessa');
      expectProblem(res, 400);
      expect(fields(res)).toEqual(['tekst']);
      res = await put(toestemming, { toestemming: 'soms', datum: 'gisteren' });
      expectProblem(res, 400);
      expect(fields(res).sort()).toEqual(['datum', 'toestemming']);
      res = await put(`${url()}/verhalen/niet-een-id/toestemming`, { toestemming: 'citeerbaar' });
      expectProblem(res, 400);
      expect(fields(res)).toEqual(['verhaalId']);
      expectProblem(
        await post(vrijgave, { tekst: 'x' }, 'tessa'),
        422,
        /dossier van het gezin alleen/,
      );
      res = await put(toestemming, { toestemming: 'citeerbaar', datum: '2026-11-19' });
      expectProblem(res, 422, /voor het verhaal verteld is/);
      expect(fields(res)).toEqual(['datum']);
      res = await put(toestemming, { toestemming: 'citeerbaar', datum: '2027-01-01' });
      expectProblem(res, 422, /toekomst/);
    });
  });

  describe('GET /gezinnen/{id}/verhalen, GET /werklijsten/verhalen-vrij-te-geven', () => {
    it('401, 403, 404 for someone not involved, 400 for a bad path', async () => {
      expectProblem(await get(`${url()}/verhalen`, null), 401);
      expectProblem(await get(`${url()}/verhalen`, 'beleid'), 403);
      expectProblem(await get(`${url()}/verhalen`, 'bram'), 404, NOT_INVOLVED);
      expectProblem(await get(`${url()}/verhalen`, 'tessa'), 404, NOT_INVOLVED);
      expectProblem(await get('/gezinnen/geen-id/verhalen'), 400);
      expectProblem(await get('/werklijsten/verhalen-vrij-te-geven', null), 401);
      expectProblem(await get('/werklijsten/verhalen-vrij-te-geven', 'beleid'), 403);
      expectProblem(await get('/werklijsten/verhalen-vrij-te-geven?minPosition=x', 'tessa'), 400);
    });
  });

  describe('POST and GET /gezinnen/{id}/oordelen', () => {
    const oordelen = (overrides: object = {}) => ({
      aanleiding: { soort: 'evaluatie', planVersie: 1 },
      datum: '2026-11-27',
      oordelen: [
        {
          door: 'jeugdige',
          hulpvraagBeantwoord: 'deels',
          regie: 3,
          voortgang: [
            { doelId: 'd-1', score: 1 },
            { doelId: 'd-2', score: 'niet-gevraagd' },
          ],
        },
        {
          door: 'ouder',
          hulpvraagBeantwoord: 'wil-niet-antwoorden',
          regie: 'wil-niet-antwoorden',
          voortgang: [],
        },
        {
          door: 'professional',
          hulpvraagBeantwoord: 'ja',
          regie: 4,
          voortgang: [{ doelId: 'd-1', score: 2 }],
        },
      ],
      ...overrides,
    });

    it('the contact person records the judgements of an evaluation and of the end of an assignment', async () => {
      const evaluatie = await write(post(`${url()}/oordelen`, oordelen()), 201);
      expect(evaluatie).toEqual({
        gezinId: gezin.gezinId,
        oordeelId: expect.any(String),
        revision: 0,
        position: expect.any(String),
      });
      const einde = await write(
        post(
          `${url()}/oordelen`,
          oordelen({
            aanleiding: { soort: 'einde-toewijzing', toewijzingId: gezin.toewijzingId },
            datum: '2026-11-30',
            oordelen: [
              {
                door: 'jeugdige',
                hulpvraagBeantwoord: 'ja',
                regie: 5,
                voortgang: [{ doelId: 'd-1', score: 2 }],
              },
            ],
          }),
        ),
        201,
      );
      const res = await get(`${url()}/oordelen?minPosition=${einde.position}`).expect(200);
      expect(res.body.items).toEqual([
        {
          oordeelId: einde.oordeelId,
          aanleiding: {
            soort: 'einde-toewijzing',
            toewijzing: expect.objectContaining({
              toewijzingId: gezin.toewijzingId,
              productcode: '45A48',
            }),
          },
          datum: '2026-11-30',
          oordelen: [
            {
              door: 'jeugdige',
              hulpvraagBeantwoord: 'ja',
              regie: 5,
              voortgang: [{ doelId: 'd-1', score: 2 }],
            },
          ],
          vastgelegdDoor: 'u-anna',
          vastgelegdOp: expect.any(String),
        },
        {
          oordeelId: evaluatie.oordeelId,
          aanleiding: { soort: 'evaluatie', planVersie: 1 },
          datum: '2026-11-27',
          oordelen: oordelen().oordelen,
          vastgelegdDoor: 'u-anna',
          vastgelegdOp: expect.any(String),
        },
      ]);
      const tijdlijn = await get(
        `${url()}/tijdlijn?minPosition=${einde.position}&soort=oordeel`,
      ).expect(200);
      expect(tijdlijn.body.items.map((i: { wat: string }) => i.wat)).toEqual([
        'Oordelen over de hulp bij de evaluatie van het gezinsplan (versie 1) op 2026-11-27: de jeugdige: de hulpvraag is deels beantwoord, regie 3 van 5, voortgang op 2 doelen; een ouder: wilde niet zeggen of de hulpvraag is beantwoord, wilde niets zeggen over de regie; de professional: de hulpvraag is beantwoord, regie 4 van 5, voortgang op 1 doel.',
        'Oordelen over de hulp bij het einde van de hulp 45A48 voor Sanne Jansen op 2026-11-30: de jeugdige: de hulpvraag is beantwoord, regie 5 van 5, voortgang op 1 doel.',
      ]);
      expect(await gelezen()).toContain('oordelen');
    });

    it('401, 403, 404 for someone not involved', async () => {
      expectProblem(await post(`${url()}/oordelen`, oordelen(), null), 401);
      expectProblem(await post(`${url()}/oordelen`, oordelen(), 'beleid'), 403);
      expectProblem(await post(`${url()}/oordelen`, oordelen(), 'bram'), 404, NOT_INVOLVED);
      expectProblem(await post(`/gezinnen/${UNKNOWN}/oordelen`, oordelen()), 404, NOT_INVOLVED);
      expectProblem(await get(`${url()}/oordelen`, null), 401);
      expectProblem(await get(`${url()}/oordelen`, 'beleid'), 403);
      expectProblem(await get(`${url()}/oordelen`, 'bram'), 404, NOT_INVOLVED);
    });

    it('400 for a bad body, naming the fields', async () => {
      const res = await post(`${url()}/oordelen`, {
        aanleiding: { soort: 'evaluatie' },
        datum: '27-11-2026',
        oordelen: [
          {
            door: 'oma',
            hulpvraagBeantwoord: 'misschien',
            regie: 6,
            voortgang: [{ doelId: 'd 1', score: 3 }],
          },
        ],
      });
      expectProblem(res, 400);
      expect(fields(res).sort()).toEqual(
        [
          'aanleiding.planVersie',
          'datum',
          'oordelen[0].door',
          'oordelen[0].hulpvraagBeantwoord',
          'oordelen[0].regie',
          'oordelen[0].voortgang[0].doelId',
          'oordelen[0].voortgang[0].score',
        ].sort(),
      );
      const einde = await post(
        `${url()}/oordelen`,
        oordelen({ aanleiding: { soort: 'einde-toewijzing' }, oordelen: [] }),
      );
      expectProblem(einde, 400);
      expect(fields(einde).sort()).toEqual(['aanleiding.toewijzingId', 'oordelen']);
    });

    it('422 for the rules, naming the field', async () => {
      const ouder = { door: 'ouder', hulpvraagBeantwoord: 'nee', regie: 2, voortgang: [] };
      const cases: [object, string, RegExp][] = [
        [
          { aanleiding: { soort: 'evaluatie', planVersie: 9 } },
          'aanleiding.planVersie',
          /geen versie 9/,
        ],
        [
          { aanleiding: { soort: 'einde-toewijzing', toewijzingId: UNKNOWN } },
          'aanleiding.toewijzingId',
          /niet bekend/,
        ],
        [{ datum: '2026-12-05' }, 'datum', /toekomst/],
        [{ oordelen: [ouder, ouder] }, 'oordelen[1].door', /meer oordelen van ouders/],
        [
          { oordelen: [{ ...ouder, voortgang: [{ doelId: 'd-9', score: 0 }] }] },
          'oordelen[0].voortgang[0].doelId',
          /Doel d-9 staat niet in het plan/,
        ],
      ];
      for (const [overrides, field, detail] of cases) {
        const res = await post(`${url()}/oordelen`, oordelen(overrides));
        expectProblem(res, 422, detail);
        expect(fields(res)).toEqual([field]);
      }
      const oud = await post(`${url()}/oordelen`, oordelen({ datum: '1850-01-01' }));
      expectProblem(oud, 400, /1900/);
      expect(fields(oud)).toEqual(['datum']);
    });
  });

  describe('erasure of the family (crypto-shredding)', () => {
    it('a granted request erases the words of its stories, released ones too; nothing more is written about it', async () => {
      const { verhaalId } = await write(
        post(`${url()}/verhalen`, verhaal({ toestemming: 'citeerbaar' })),
        201,
      );
      await write(
        post(`${url()}/verhalen/${verhaalId}/vrijgave`, { tekst: 'Een ouder: één plan.' }, 'tessa'),
        200,
      );
      const erased = await write(
        post(
          '/beheer/verwijderverzoeken',
          {
            dossier: { soort: 'gezin', id: gezin.gezinId },
            verzoeker: 'ouder',
            ontvangenOp: '2026-11-30',
            besluit: 'toegewezen',
          },
          'beheer',
        ),
        201,
      );
      const items = await stories(erased.position!);
      expect(items.length).toBeGreaterThan(1);
      for (const story of items) {
        expect(story.tekst).toBe('gegevens verwijderd');
        if (story.vrijgave) expect(story.vrijgave).toMatchObject({ tekst: 'gegevens verwijderd' });
      }
      expect(JSON.stringify(items)).not.toMatch(/één plan|overzicht/);
      expectProblem(await post(`${url()}/verhalen`, verhaal()), 410);
    });
  });
});
