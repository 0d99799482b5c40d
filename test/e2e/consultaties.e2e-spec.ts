import fc from 'fast-check';
import { EventStore } from '@app/event-store';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Consultations logged by JPH and GP staff for their own practice; the practice view; the family
 * timeline; the figures for policy staff under disclosure control.
 */
describe('consultaties (e2e)', () => {
  let t: TestApp;
  let beheer: string;
  let jphLinde: string;
  let huisartsLinde: string;
  let jphAnker: string;
  let ongekoppeld: string;
  let beleid: string;
  let contactpersoon: string;
  let linde: string;
  let anker: string;
  let gezin: { gezinId: string; sanne: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ZONDER_TOESTEMMING = /zonder toestemming wordt niets herleidbaars vastgelegd/i;

  async function registerPraktijk(naam: string, agbCode: string, jph: object | null = null) {
    const res = await t
      .http()
      .post('/api/v1/praktijken')
      .set(auth(beheer))
      .send({ naam, agbCode, wijk: 'Haven', jph })
      .expect(201);
    return res.body.praktijkId as string;
  }
  async function link(praktijkId: string, userId: string, rol: 'jph' | 'huisarts') {
    const res = await t
      .http()
      .post(`/api/v1/praktijken/${praktijkId}/medewerkers`)
      .set(auth(beheer))
      .send({ userId, rol })
      .expect(201);
    await t
      .http()
      .get(`/api/v1/praktijken/${praktijkId}?minPosition=${res.body.position}`)
      .set(auth(beheer))
      .expect(200);
  }

  beforeAll(async () => {
    t = await startTestApp();
    beheer = await t.token('beheer', 'u-beheer');
    jphLinde = await t.token('jph', 'u-jph-linde', 'Jet (JPH De Linde)');
    huisartsLinde = await t.token('huisarts', 'u-ha-linde', 'Dokter Linde');
    jphAnker = await t.token('jph', 'u-jph-anker', 'Jan (JPH Het Anker)');
    ongekoppeld = await t.token('jph', 'u-jph-nergens');
    beleid = await t.token('beleid', 'u-beleid');
    contactpersoon = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');

    linde = await registerPraktijk('De Linde', '01050001', {
      sinds: '2024-01-01',
      urenPerWeek: 16,
    });
    anker = await registerPraktijk('Het Anker', '01050002');
    await link(linde, 'u-jph-linde', 'jph');
    await link(linde, 'u-ha-linde', 'huisarts');
    await link(anker, 'u-jph-anker', 'jph');

    const created = await t
      .http()
      .post('/api/v1/gezinnen')
      .set(auth(contactpersoon))
      .send({
        naam: 'Jansen',
        leden: [
          {
            rol: 'jeugdige',
            voornaam: 'Sanne',
            achternaam: 'Jansen',
            geboortedatum: '2012-05-04',
            bsn: '111222333',
          },
          { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen' },
        ],
      })
      .expect(201);
    const read = await t
      .http()
      .get(`/api/v1/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
      .set(auth(contactpersoon))
      .expect(200);
    gezin = { gezinId: created.body.gezinId, sanne: read.body.leden[0].persoonId };
  });
  afterAll(() => t.close());

  const consultatie = (extra: object = {}) => ({
    praktijkId: linde,
    datum: '2025-05-12',
    leeftijdsgroep: '12-17',
    onderwerpen: ['angst-somberheid', 'school'],
    toelichting: 'Twee gesprekken met moeder; vertrouwelijk.',
    aantalContacten: 2,
    uitkomst: 'afgehandeld-door-jph',
    toestemming: false,
    ...extra,
  });
  const log = (token: string, body: object = consultatie()) =>
    t.http().post('/api/v1/consultaties').set(auth(token)).send(body);
  const get = (token: string, consultatieId: string, position?: string) =>
    t
      .http()
      .get(`/api/v1/consultaties/${consultatieId}${position ? `?minPosition=${position}` : ''}`)
      .set(auth(token));

  describe('logging', () => {
    it('logs an anonymous consultation for the own practice: 201 with Location and ETag', async () => {
      const res = await log(jphLinde).expect(201);
      expect(res.body).toEqual({
        consultatieId: expect.any(String),
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
      });
      expect(res.headers.location).toBe(`/api/v1/consultaties/${res.body.consultatieId}`);
      expect(res.headers.etag).toBe('"0"');

      const read = await get(jphLinde, res.body.consultatieId, res.body.position).expect(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toMatchObject({
        consultatieId: res.body.consultatieId,
        praktijkId: linde,
        datum: '2025-05-12',
        onderwerpen: ['angst-somberheid', 'school'],
        uitkomst: 'afgehandeld-door-jph',
        vervolgdatum: null,
        toestemming: false,
        koppeling: null,
        professional: { userId: 'u-jph-linde', rol: 'jph' },
        ingetrokken: false,
        correcties: [],
      });
    });

    it('lets the huisarts of the practice log and read too', async () => {
      const res = await log(huisartsLinde, consultatie({ uitkomst: 'alleen-advies' })).expect(201);
      const read = await get(jphLinde, res.body.consultatieId, res.body.position).expect(200);
      expect(read.body.professional).toEqual({ userId: 'u-ha-linde', rol: 'huisarts' });
    });

    it.each([
      ['uitkomst', { uitkomst: 'doorverwezen' }],
      ['onderwerpen', { onderwerpen: [] }],
      ['onderwerpen', { onderwerpen: ['school', 'school'] }],
      ['onderwerpen', { onderwerpen: ['roddel'] }],
      ['aantalContacten', { aantalContacten: 0 }],
      ['aantalContacten', { aantalContacten: 51 }],
      ['datum', { datum: '2025-02-30' }],
      ['leeftijdsgroep', { leeftijdsgroep: '23-30' }],
      ['toestemming', { toestemming: 'ja' }],
      ['praktijkId', { praktijkId: 'De Linde' }],
      ['koppeling.gezinId', { toestemming: true, koppeling: {} }],
      ['toelichting', { toelichting: 'x'.repeat(1001) }],
    ])('refuses bad input with 400 naming %s', async (field, extra) => {
      const res = await log(jphLinde, consultatie(extra)).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses rules with 422 and a reason', async () => {
      const future = await log(jphLinde, consultatie({ datum: '2999-01-01' })).expect(422);
      expect(future.body.detail).toMatch(/toekomst/);
      const vervolg = await log(jphLinde, consultatie({ vervolgdatum: '2025-05-01' })).expect(422);
      expect(vervolg.body.detail).toMatch(/vervolgdatum ligt niet na/);
      const overig = await log(
        jphLinde,
        consultatie({ onderwerpen: ['overig'], toelichting: undefined }),
      ).expect(422);
      expect(overig.body.detail).toMatch(/overig hoort een toelichting/);
    });

    it('401 without a token', async () => {
      const res = await t.http().post('/api/v1/consultaties').send(consultatie()).expect(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('own practice only (acceptance)', () => {
    it('a JPH cannot log a consultation for another practice: 404', async () => {
      const res = await log(jphAnker, consultatie({ praktijkId: linde })).expect(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toMatch(/niet aan gekoppeld/);
      await log(ongekoppeld, consultatie()).expect(404);
    });

    it('a JPH cannot read, correct or withdraw a consultation of another practice: 404', async () => {
      const { body } = await log(jphLinde).expect(201);
      await get(jphLinde, body.consultatieId, body.position).expect(200);
      const url = `/api/v1/consultaties/${body.consultatieId}`;
      for (const res of [
        await get(jphAnker, body.consultatieId),
        await get(ongekoppeld, body.consultatieId),
        await t
          .http()
          .post(`${url}/correcties`)
          .set(auth(jphAnker))
          .send({ ...consultatie(), praktijkId: undefined, reden: 'x' }),
        await t.http().post(`${url}/intrekking`).set(auth(jphAnker)).send({ reden: 'x' }),
        await t.http().get(`/api/v1/praktijken/${linde}/consultaties`).set(auth(jphAnker)),
        await t.http().get(`/api/v1/praktijken/${linde}/vervolgafspraken`).set(auth(jphAnker)),
      ]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      await get(jphLinde, '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11').expect(404);
    });

    it('policy staff cannot read a single consultation, nor a practice’s list: 403', async () => {
      const { body } = await log(jphLinde).expect(201);
      for (const res of [
        await get(beleid, body.consultatieId, body.position),
        await t.http().get(`/api/v1/praktijken/${linde}/consultaties`).set(auth(beleid)),
        await t.http().get(`/api/v1/praktijken/${linde}/vervolgafspraken`).set(auth(beleid)),
        await log(beleid),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.detail).toMatch(/jph, huisarts/);
      }
    });

    it('contact persons and administrators have no consultation routes: 403', async () => {
      const { body } = await log(jphLinde).expect(201);
      for (const token of [contactpersoon, beheer]) {
        await get(token, body.consultatieId).expect(403);
        await log(token).expect(403);
      }
    });
  });

  it('every consultation route: 401 without a token, 403 for the wrong role, 400 naming a bad path or query', async () => {
    const { body } = await log(jphLinde).expect(201);
    const url = `/api/v1/consultaties/${body.consultatieId}`;
    const routes: [string, string, object][] = [
      ['post', '/api/v1/consultaties', consultatie()],
      ['get', url, {}],
      ['post', `${url}/correcties`, { ...consultatie(), praktijkId: undefined, reden: 'x' }],
      ['post', `${url}/intrekking`, { reden: 'x' }],
      ['get', `/api/v1/praktijken/${linde}/consultaties`, {}],
      ['get', `/api/v1/praktijken/${linde}/vervolgafspraken`, {}],
    ];
    const call = (method: string, path: string, payload: object) =>
      method === 'get' ? t.http().get(path) : t.http().post(path).send(payload);
    for (const [method, path, payload] of routes) {
      expect([path, (await call(method, path, payload)).status]).toEqual([path, 401]);
      for (const token of [beleid, beheer, contactpersoon]) {
        const res = await call(method, path, payload).set(auth(token));
        expect([path, res.status]).toEqual([path, 403]);
      }
    }
    for (const [path, field] of [
      ['/api/v1/consultaties/c-1', 'consultatieId'],
      [`${url}?minPosition=x`, 'minPosition'],
      [`/api/v1/praktijken/${linde}/vervolgafspraken?vanaf=morgen`, 'vanaf'],
      [`/api/v1/praktijken/${linde}/consultaties?tot=2025-13-01`, 'tot'],
    ]) {
      const res = await t.http().get(path!).set(auth(jphLinde)).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  describe('privacy: without consent nothing traceable is stored', () => {
    it('refuses a consultation without consent carrying a BSN (acceptance): 422, nothing written', async () => {
      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      const res = await log(jphLinde, consultatie({ bsn: '111222333' })).expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toMatch(ZONDER_TOESTEMMING);
      expect(await store.headPosition()).toBe(before);
    });

    it.each([
      ['a link', { koppeling: { gezinId: '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11' } }],
      ['a name', { naam: 'Sanne Jansen' }],
      ['a birth date', { geboortedatum: '2012-05-04' }],
      ['an invalid BSN', { bsn: '123' }],
    ])('refuses %s without consent: 422', async (_what, extra) => {
      const res = await log(jphLinde, consultatie(extra)).expect(422);
      expect(res.body.detail).toMatch(ZONDER_TOESTEMMING);
    });

    it('never stores a name or a BSN in the text, not even with consent', async () => {
      const naam = await log(
        jphLinde,
        consultatie({ toestemming: true, naam: 'Sanne Jansen' }),
      ).expect(422);
      expect(naam.body.detail).toMatch(/nooit vastgelegd/);
      const text = await log(
        jphLinde,
        consultatie({ toelichting: 'Sanne, BSN 111222333, belt terug' }),
      ).expect(422);
      expect(text.body.detail).toMatch(/toelichting bevat een BSN/);
    });

    it('with consent, a BSN finds the known person: only the id is stored, the family sees topic and outcome', async () => {
      const res = await log(
        jphLinde,
        consultatie({
          toestemming: true,
          bsn: '111222333',
          uitkomst: 'verwezen-lichte-zorg-bggz',
          vervolgdatum: '2025-06-12',
        }),
      ).expect(201);
      const events = await t.app
        .get(EventStore)
        .readStream(`consultatie-${res.body.consultatieId}`);
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain('111222333');
      expect(events[0]!.data).toMatchObject({
        inhoud: { koppeling: { persoonId: gezin.sanne, gezinId: null }, toestemming: true },
      });

      const read = await get(jphLinde, res.body.consultatieId, res.body.position).expect(200);
      expect(read.body.koppeling).toEqual({ persoonId: gezin.sanne, gezinId: null });
      expect(JSON.stringify(read.body)).not.toContain('111222333');

      const tijdlijn = await t
        .http()
        .get(`/api/v1/gezinnen/${gezin.gezinId}/tijdlijn?soort=consultatie`)
        .set(auth(contactpersoon))
        .expect(200);
      expect(tijdlijn.body.items).toContainEqual(
        expect.objectContaining({
          soort: 'consultatie',
          wat: 'Consultatie bij de huisartspraktijk op 2025-05-12 over angst of somberheid en school: verwezen naar lichte hulp of basis-ggz.',
          wie: { userId: 'u-jph-linde', rol: 'jph' },
        }),
      );
      expect(JSON.stringify(tijdlijn.body)).not.toContain('vertrouwelijk');

      // The JPH's read of a linked consultation is in the family's processing log.
      const head = await t.app.get(EventStore).headPosition();
      const log_ = await t
        .http()
        .get(`/api/v1/verwerkingslog/${gezin.gezinId}?minPosition=${head}`)
        .set(auth(beheer))
        .expect(200);
      expect(log_.body.inzages).toContainEqual(
        expect.objectContaining({ wat: 'consultatie', door: 'u-jph-linde', rol: 'jph' }),
      );
    });

    it('with consent, links to a known family by id; a correction that drops the link tells the family', async () => {
      const res = await log(
        jphLinde,
        consultatie({ toestemming: true, koppeling: { gezinId: gezin.gezinId } }),
      ).expect(201);
      const corrected = await t
        .http()
        .post(`/api/v1/consultaties/${res.body.consultatieId}/correcties`)
        .set(auth(jphLinde))
        .send({ ...consultatie(), praktijkId: undefined, reden: 'Ouder trekt toestemming in' })
        .expect(200);
      const tijdlijn = await t
        .http()
        .get(
          `/api/v1/gezinnen/${gezin.gezinId}/tijdlijn?soort=consultatie&minPosition=${corrected.body.position}`,
        )
        .set(auth(contactpersoon))
        .expect(200);
      expect(tijdlijn.body.items.map((i: { wat: string }) => i.wat)).toEqual(
        expect.arrayContaining([
          'Een consultatie bij de huisartspraktijk van 2025-05-12 is niet meer aan dit gezin gekoppeld.',
        ]),
      );
      expect(JSON.stringify(tijdlijn.body)).not.toContain('trekt toestemming');
    });

    it('with consent, refuses an unknown BSN, an invalid BSN or an unknown family (422), and a BSN beside a link (400)', async () => {
      const unknown = await log(
        jphLinde,
        consultatie({ toestemming: true, bsn: '123456782' }),
      ).expect(422);
      expect(unknown.body.detail).toMatch(/geen bekende persoon met dit BSN/);
      const invalid = await log(jphLinde, consultatie({ toestemming: true, bsn: '123' })).expect(
        422,
      );
      expect(invalid.body.detail).toMatch(/elfproef/);
      const gezinOnbekend = await log(
        jphLinde,
        consultatie({
          toestemming: true,
          koppeling: { gezinId: '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11' },
        }),
      ).expect(422);
      expect(gezinOnbekend.body.detail).toMatch(/gezin is niet bekend/);
      const both = await log(
        jphLinde,
        consultatie({ toestemming: true, bsn: '111222333', koppeling: { gezinId: gezin.gezinId } }),
      ).expect(400);
      expect(both.body.errors[0].field).toBe('bsn');
      const twoIds = await log(
        jphLinde,
        consultatie({
          toestemming: true,
          koppeling: { gezinId: gezin.gezinId, persoonId: gezin.sanne },
        }),
      ).expect(400);
      expect(twoIds.body.errors[0].field).toBe('koppeling');
    });
  });

  describe('corrections and withdrawals', () => {
    it('corrects (whole content, reason) by the same practice, withdraws, then refuses both', async () => {
      const { body } = await log(jphLinde).expect(201);
      const url = `/api/v1/consultaties/${body.consultatieId}`;
      const correctie = {
        ...consultatie({ uitkomst: 'verwezen-specialistische-zorg-sggz' }),
        praktijkId: undefined,
        reden: 'Toch verwezen naar de SGGZ',
      };
      const corrected = await t
        .http()
        .post(`${url}/correcties`)
        .set(auth(huisartsLinde))
        .set('If-Match', '"0"')
        .send(correctie)
        .expect(200);
      expect(corrected.body).toMatchObject({ consultatieId: body.consultatieId, revision: 1 });
      const read = await get(jphLinde, body.consultatieId, corrected.body.position).expect(200);
      expect(read.body).toMatchObject({
        uitkomst: 'verwezen-specialistische-zorg-sggz',
        professional: { userId: 'u-jph-linde', rol: 'jph' },
        correcties: [
          {
            op: expect.any(String),
            door: { userId: 'u-ha-linde', rol: 'huisarts' },
            reden: 'Toch verwezen naar de SGGZ',
          },
        ],
      });

      const stale = await t
        .http()
        .post(`${url}/intrekking`)
        .set(auth(jphLinde))
        .set('If-Match', '"0"')
        .send({ reden: 'Dubbel' })
        .expect(409);
      expect(stale.body.currentRevision).toBe(1);
      await t
        .http()
        .post(`${url}/intrekking`)
        .set(auth(jphLinde))
        .send({ reden: 'Dubbel vastgelegd' })
        .expect(200);
      const again = await t
        .http()
        .post(`${url}/intrekking`)
        .set(auth(jphLinde))
        .send({ reden: 'Dubbel' })
        .expect(422);
      expect(again.body.detail).toMatch(/al ingetrokken/);
      const late = await t
        .http()
        .post(`${url}/correcties`)
        .set(auth(jphLinde))
        .send(correctie)
        .expect(422);
      expect(late.body.detail).toMatch(/ingetrokken en kan niet meer/);
    });

    it('refuses a correction without a reason (400) and a withdrawal without one (400)', async () => {
      const { body } = await log(jphLinde).expect(201);
      const url = `/api/v1/consultaties/${body.consultatieId}`;
      const correctie = await t
        .http()
        .post(`${url}/correcties`)
        .set(auth(jphLinde))
        .send({ ...consultatie(), praktijkId: undefined })
        .expect(400);
      expect(correctie.body.errors[0].field).toBe('reden');
      const intrekking = await t
        .http()
        .post(`${url}/intrekking`)
        .set(auth(jphLinde))
        .send({})
        .expect(400);
      expect(intrekking.body.errors[0].field).toBe('reden');
    });
  });

  describe('practice view', () => {
    let eigen: TestApp;
    let jph: string;
    let praktijkId: string;

    beforeAll(async () => {
      eigen = await startTestApp();
      const admin = await eigen.token('beheer', 'u-beheer');
      jph = await eigen.token('jph', 'u-jph');
      const created = await eigen
        .http()
        .post('/api/v1/praktijken')
        .set(auth(admin))
        .send({ naam: 'De Schelp', agbCode: '01059999', wijk: 'Atol' })
        .expect(201);
      praktijkId = created.body.praktijkId;
      const linked = await eigen
        .http()
        .post(`/api/v1/praktijken/${praktijkId}/medewerkers`)
        .set(auth(admin))
        .send({ userId: 'u-jph', rol: 'jph' })
        .expect(201);
      await eigen
        .http()
        .get(`/api/v1/praktijken/${praktijkId}?minPosition=${linked.body.position}`)
        .set(auth(admin))
        .expect(200);
    });
    afterAll(() => eigen.close());

    const logHere = (extra: object) =>
      eigen
        .http()
        .post('/api/v1/consultaties')
        .set(auth(jph))
        .send(consultatie({ praktijkId, ...extra }))
        .expect(201);

    it('lists the own consultations by date, filtered by period, withdrawn ones marked', async () => {
      const a = await logHere({ datum: '2025-03-01' });
      await logHere({ datum: '2025-04-01' });
      await logHere({ datum: '2025-05-01' });
      const withdrawn = await eigen
        .http()
        .post(`/api/v1/consultaties/${a.body.consultatieId}/intrekking`)
        .set(auth(jph))
        .send({ reden: 'Verkeerde praktijk' })
        .expect(200);
      const all = await eigen
        .http()
        .get(`/api/v1/praktijken/${praktijkId}/consultaties?minPosition=${withdrawn.body.position}`)
        .set(auth(jph))
        .expect(200);
      expect(
        all.body.items.map((c: { datum: string; ingetrokken: boolean }) => [
          c.datum,
          c.ingetrokken,
        ]),
      ).toEqual([
        ['2025-03-01', true],
        ['2025-04-01', false],
        ['2025-05-01', false],
      ]);
      expect(all.body.items[0].redenIntrekking).toBe('Verkeerde praktijk');
      const april = await eigen
        .http()
        .get(`/api/v1/praktijken/${praktijkId}/consultaties?van=2025-03-15&tot=2025-04-30`)
        .set(auth(jph))
        .expect(200);
      expect(april.body.items.map((c: { datum: string }) => c.datum)).toEqual(['2025-04-01']);
      const bad = await eigen
        .http()
        .get(`/api/v1/praktijken/${praktijkId}/consultaties?van=maart`)
        .set(auth(jph))
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'van', in: 'query' });
    });

    it('lists open follow-ups from today; with vanaf, overdue ones too (marked); withdrawn ones never', async () => {
      await logHere({ datum: '2025-06-01', vervolgdatum: '2099-01-15' });
      await logHere({ datum: '2025-06-01', vervolgdatum: '2025-07-01', uitkomst: 'alleen-advies' });
      const gone = await logHere({ datum: '2025-06-01', vervolgdatum: '2099-02-01' });
      const withdrawn = await eigen
        .http()
        .post(`/api/v1/consultaties/${gone.body.consultatieId}/intrekking`)
        .set(auth(jph))
        .send({ reden: 'Dubbel' })
        .expect(200);
      const open = await eigen
        .http()
        .get(
          `/api/v1/praktijken/${praktijkId}/vervolgafspraken?minPosition=${withdrawn.body.position}`,
        )
        .set(auth(jph))
        .expect(200);
      expect(
        open.body.items.map((v: { vervolgdatum: string; verlopen: boolean }) => [
          v.vervolgdatum,
          v.verlopen,
        ]),
      ).toEqual([['2099-01-15', false]]);
      const sinds = await eigen
        .http()
        .get(`/api/v1/praktijken/${praktijkId}/vervolgafspraken?vanaf=2025-01-01`)
        .set(auth(jph))
        .expect(200);
      expect(sinds.body.items).toEqual([
        expect.objectContaining({
          vervolgdatum: '2025-07-01',
          verlopen: true,
          uitkomst: 'alleen-advies',
        }),
        expect.objectContaining({ vervolgdatum: '2099-01-15', verlopen: false }),
      ]);
    });

    it('answers 404 for a practice that does not exist', async () => {
      await eigen
        .http()
        .get('/api/v1/praktijken/4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11/consultaties')
        .set(auth(jph))
        .expect(404);
    });
  });

  it('answers the JPH and policy routes below 500 for any body or query (property)', async () => {
    const { body: existing } = await log(jphLinde).expect(201);
    const odd = fc.oneof(
      fc.constantFrom(null, '', 0, -1, 1e308, true, [], {}, 'x'.repeat(3000), '2025-02-30'),
      fc.jsonValue(),
    );
    const valid = { ...consultatie(), toestemming: true, bsn: '111222333', reden: 'x' };
    const mutated = fc
      .record({
        drop: fc.subarray(Object.keys(valid)),
        replace: fc.dictionary(fc.constantFrom(...Object.keys(valid), 'koppeling', 'extra'), odd),
      })
      .map(({ drop, replace }) => {
        const body: Record<string, unknown> = { ...valid, ...replace };
        for (const key of drop) delete body[key];
        return body;
      });
    const url = `/api/v1/consultaties/${existing.consultatieId}`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated, fc.jsonValue()),
        fc.string({ maxLength: 30 }),
        async (body, q) => {
          for (const res of [
            await t
              .http()
              .post('/api/v1/consultaties')
              .set(auth(jphLinde))
              .send(JSON.stringify(body))
              .type('json'),
            await t
              .http()
              .post(`${url}/correcties`)
              .set(auth(jphLinde))
              .send(JSON.stringify(body))
              .type('json'),
            await t
              .http()
              .post(`${url}/intrekking`)
              .set(auth(jphAnker))
              .send(JSON.stringify(body))
              .type('json'),
            await t
              .http()
              .get(`/api/v1/praktijken/${linde}/consultaties?van=${encodeURIComponent(q)}`)
              .set(auth(jphLinde)),
            await t
              .http()
              .get(
                `/api/v1/beleid/consultaties?van=2024-01-01&tot=${encodeURIComponent(q)}&per=${encodeURIComponent(q)}`,
              )
              .set(auth(beleid)),
          ]) {
            expect(res.status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 60, seed: 20261125 },
    );
  }, 60_000);

  describe('figures for policy staff', () => {
    let cijferApp: TestApp;
    let beleidToken: string;

    /**
     * The seeded data set, counted by hand, all in Q3 2024:
     * Figuren Noord (JPH 20 hours a week since 2024-01-01): 12 that count, of which 6 handled by the
     * JPH, 2 advice only, 1 general provision, 1 BGGZ, 2 SGGZ (one of them after a correction);
     * plus one withdrawn, which does not count.
     * Figuren Zuid (no JPH): 4, of which 3 SGGZ and 1 advice only.
     */
    beforeAll(async () => {
      cijferApp = await startTestApp();
      const http = () => cijferApp.http();
      const admin = await cijferApp.token('beheer', 'u-beheer');
      beleidToken = await cijferApp.token('beleid', 'u-beleid');
      const noordJph = await cijferApp.token('jph', 'u-noord');
      const zuidHa = await cijferApp.token('huisarts', 'u-zuid');
      const praktijk = async (naam: string, agbCode: string, jph: object | null) =>
        (
          await http()
            .post('/api/v1/praktijken')
            .set(auth(admin))
            .send({ naam, agbCode, wijk: 'Haven', jph })
            .expect(201)
        ).body.praktijkId as string;
      const noord = await praktijk('Figuren Noord', '01057001', {
        sinds: '2024-01-01',
        urenPerWeek: 20,
      });
      const zuid = await praktijk('Figuren Zuid', '01057002', null);
      await praktijk('Figuren Leeg', '01057003', null);
      for (const [praktijkId, userId, rol] of [
        [noord, 'u-noord', 'jph'],
        [zuid, 'u-zuid', 'huisarts'],
      ] as const) {
        const res = await http()
          .post(`/api/v1/praktijken/${praktijkId}/medewerkers`)
          .set(auth(admin))
          .send({ userId, rol })
          .expect(201);
        await http()
          .get(`/api/v1/praktijken/${praktijkId}?minPosition=${res.body.position}`)
          .set(auth(admin))
          .expect(200);
      }
      const seed = async (token: string, praktijkId: string, datum: string, uitkomst: string) =>
        (
          await http()
            .post('/api/v1/consultaties')
            .set(auth(token))
            .send(consultatie({ praktijkId, datum, uitkomst }))
            .expect(201)
        ).body.consultatieId as string;
      const noordUitkomsten = [
        ['2024-07-03', 'afgehandeld-door-jph'],
        ['2024-07-10', 'afgehandeld-door-jph'],
        ['2024-07-17', 'afgehandeld-door-jph'],
        ['2024-08-07', 'afgehandeld-door-jph'],
        ['2024-08-14', 'afgehandeld-door-jph'],
        ['2024-09-04', 'afgehandeld-door-jph'],
        ['2024-07-24', 'alleen-advies'],
        ['2024-08-21', 'alleen-advies'],
        ['2024-08-28', 'verwezen-algemene-voorziening'],
        ['2024-09-11', 'verwezen-lichte-zorg-bggz'],
        ['2024-09-18', 'verwezen-specialistische-zorg-sggz'],
      ];
      for (const [datum, uitkomst] of noordUitkomsten)
        await seed(noordJph, noord, datum!, uitkomst!);
      const corrected = await seed(noordJph, noord, '2024-09-25', 'alleen-advies');
      await http()
        .post(`/api/v1/consultaties/${corrected}/correcties`)
        .set(auth(noordJph))
        .send({
          ...consultatie({ datum: '2024-09-25', uitkomst: 'verwezen-specialistische-zorg-sggz' }),
          praktijkId: undefined,
          reden: 'Toch verwezen',
        })
        .expect(200);
      const withdrawn = await seed(noordJph, noord, '2024-09-26', 'afgehandeld-door-jph');
      await http()
        .post(`/api/v1/consultaties/${withdrawn}/intrekking`)
        .set(auth(noordJph))
        .send({ reden: 'Dubbel' })
        .expect(200);
      await seed(zuidHa, zuid, '2024-07-05', 'verwezen-specialistische-zorg-sggz');
      await seed(zuidHa, zuid, '2024-08-05', 'verwezen-specialistische-zorg-sggz');
      await seed(zuidHa, zuid, '2024-09-05', 'verwezen-specialistische-zorg-sggz');
      await seed(zuidHa, zuid, '2024-09-06', 'alleen-advies');
      // Outside the period: not counted.
      await seed(noordJph, noord, '2024-10-01', 'alleen-advies');
    }, 30_000);
    afterAll(() => cijferApp.close());

    const cijfers = async (query: string, accept?: string) => {
      const head = await cijferApp.app.get(EventStore).headPosition();
      const call = cijferApp
        .http()
        .get(`/api/v1/beleid/consultaties?${query}&minPosition=${head}`)
        .set(auth(beleidToken));
      return (accept ? call.set('Accept', accept) : call).expect(200);
    };
    const geen = { aantal: null, percentage: null };

    it('per practice and quarter: the hand count, rounded to 5, small cells suppressed', async () => {
      const res = await cijfers('van=2024-07-01&tot=2024-09-30&per=kwartaal');
      expect(res.body.definitieVersie).toBe('consultaties-1');
      const rij = (naam: string) =>
        res.body.perPraktijk.find((r: { praktijk: string }) => r.praktijk === naam);
      expect(rij('Figuren Noord')).toEqual({
        praktijkId: expect.any(String),
        praktijk: 'Figuren Noord',
        wijk: 'Haven',
        periode: '2024-Q3',
        aantal: 10, // 12, rounded to 5
        uitkomsten: {
          'afgehandeld-door-jph': { aantal: null, percentage: 50 }, // 6 of 12
          'alleen-advies': { aantal: null, percentage: 17 }, // 2 of 12
          'verwezen-algemene-voorziening': { aantal: null, percentage: 8 }, // 1 of 12
          'verwezen-lichte-zorg-bggz': { aantal: null, percentage: 8 }, // 1 of 12
          'verwezen-specialistische-zorg-sggz': { aantal: null, percentage: 17 }, // 2 of 12
          'verwezen-via-gemeente': { aantal: null, percentage: 0 },
        },
      });
      expect(rij('Figuren Zuid')).toMatchObject({
        aantal: null, // 4
        uitkomsten: { 'verwezen-specialistische-zorg-sggz': geen, 'alleen-advies': geen },
      });
      expect(rij('Figuren Leeg')).toMatchObject({ aantal: null });
      expect(res.body.onderdrukt).toContainEqual({
        tabel: 'perPraktijk',
        rij: 'Figuren Zuid, 2024-Q3',
        reden: 'aantal onder 10',
        velden: expect.arrayContaining([
          'aantal',
          'uitkomsten.verwezen-specialistische-zorg-sggz.aantal',
        ]),
      });
      expect(res.body.metEnZonderJph).toEqual([
        {
          periode: '2024-Q3',
          metJph: expect.objectContaining({ aantal: 10 }), // Noord, 12
          zonderJph: expect.objectContaining({ aantal: null }), // Zuid, 4
        },
      ]);
      expect(
        res.body.jphUrenEnConsultaties.find(
          (r: { praktijk: string }) => r.praktijk === 'Figuren Noord',
        ),
      ).toMatchObject({
        jphUrenPerWeek: 20,
        jphUren: 263, // 92 days × 20 / 7
        aantal: 10,
        afgehandeldDoorJph: { aantal: null, percentage: 50 },
        verwezenSggz: { aantal: null, percentage: 17 },
        consultatiesPerJphUur: 0.04,
      });
    });

    it('the monthly SGGZ trend: every month under 10, so suppressed', async () => {
      const res = await cijfers('van=2024-07-01&tot=2024-09-30');
      expect(res.body.per).toBe('maand');
      expect(res.body.sggzTrend).toEqual([
        { maand: '2024-07', totaal: null, verwezenSggz: geen }, // Noord 4, Zuid 1 (1 SGGZ)
        { maand: '2024-08', totaal: null, verwezenSggz: geen }, // Noord 4, Zuid 1 (1 SGGZ)
        { maand: '2024-09', totaal: null, verwezenSggz: geen }, // Noord 4, Zuid 2 (3 SGGZ)
      ]);
      expect(res.body.perPraktijk.map((r: { periode: string }) => r.periode)).toContain('2024-08');
    });

    it('names no consultation, person or family', async () => {
      const res = await cijfers('van=2024-01-01&tot=2024-12-31');
      expect(JSON.stringify(res.body)).not.toMatch(/consultatieId|persoonId|gezinId|u-noord/);
    });

    it('gives the per-practice table as CSV, with ?formaat=csv or Accept: text/csv', async () => {
      const res = await cijfers('van=2024-07-01&tot=2024-09-30&per=kwartaal&formaat=csv');
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['x-definitie-versie']).toBe('consultaties-1');
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'praktijk,wijk,periode,aantal,' +
          'afgehandeld-door-jph.aantal,afgehandeld-door-jph.percentage,' +
          'alleen-advies.aantal,alleen-advies.percentage,' +
          'verwezen-algemene-voorziening.aantal,verwezen-algemene-voorziening.percentage,' +
          'verwezen-lichte-zorg-bggz.aantal,verwezen-lichte-zorg-bggz.percentage,' +
          'verwezen-specialistische-zorg-sggz.aantal,verwezen-specialistische-zorg-sggz.percentage,' +
          'verwezen-via-gemeente.aantal,verwezen-via-gemeente.percentage,onderdrukt',
      );
      expect(lines).toContain(
        'Figuren Noord,Haven,2024-Q3,10,,50,,17,,8,,8,,17,,0,' +
          'afgehandeld-door-jph.aantal alleen-advies.aantal verwezen-algemene-voorziening.aantal ' +
          'verwezen-lichte-zorg-bggz.aantal verwezen-specialistische-zorg-sggz.aantal ' +
          'verwezen-via-gemeente.aantal',
      );
      const viaAccept = await cijfers('van=2024-07-01&tot=2024-09-30&per=kwartaal', 'text/csv');
      expect(viaAccept.text).toBe(res.text);
    });

    it('refuses a bad period with 400 naming the field', async () => {
      const call = (query: string) =>
        cijferApp.http().get(`/api/v1/beleid/consultaties?${query}`).set(auth(beleidToken));
      for (const [query, field] of [
        ['van=2024-07-01&tot=2024-06-30', 'tot'],
        ['van=2000-01-01&tot=2024-06-30', 'tot'],
        ['van=2024-07-01', 'tot'],
        ['van=2024-07-01&tot=2024-09-30&per=week', 'per'],
        ['van=2024-07-01&tot=2024-09-30&formaat=xlsx', 'formaat'],
      ]) {
        const res = await call(query!).expect(400);
        expect(
          res.body.errors.map((e: { field: string; in: string }) => [e.field, e.in]),
        ).toContainEqual([field, 'query']);
      }
    });

    it('is for policy staff only: 401 without a token, 403 for the practice and other roles', async () => {
      await cijferApp
        .http()
        .get('/api/v1/beleid/consultaties?van=2024-07-01&tot=2024-09-30')
        .expect(401);
      for (const role of ['jph', 'huisarts', 'beheer', 'contactpersoon'] as const) {
        const token = await cijferApp.token(role, `u-${role}`);
        await cijferApp
          .http()
          .get('/api/v1/beleid/consultaties?van=2024-07-01&tot=2024-09-30')
          .set(auth(token))
          .expect(403);
      }
    });
  });
});
