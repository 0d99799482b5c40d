import './support/cijfers';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { EventStore } from '@app/event-store';
import { ConsultatiesQueries } from '@app/projections';
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
        koppelingGevraagd: false,
        professional: { userId: 'u-jph-linde', rol: 'jph' },
        ingetrokken: false,
        correcties: [],
      });
      expect(read.body).not.toHaveProperty('koppeling');
      expect(read.body).not.toHaveProperty('recordKey');
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
      [
        'koppeling',
        { toestemming: true, koppeling: { gezinId: '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11' } },
      ],
      ['koppeling', { toestemming: true, koppeling: {} }],
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

    it('with consent, a BSN proposes a link to the known person: only the id is stored, the practice reads no link back, the family sees topic and outcome once its contact person confirmed', async () => {
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
        inhoud: { toestemming: true },
        koppelingGevraagd: true,
        koppeling: { persoonId: gezin.sanne, gezinId: null },
      });

      const read = await get(jphLinde, res.body.consultatieId, res.body.position).expect(200);
      expect(read.body).toMatchObject({ toestemming: true, koppelingGevraagd: true });
      expect(read.body).not.toHaveProperty('koppeling');
      expect(JSON.stringify(read.body)).not.toContain('111222333');
      expect(JSON.stringify(read.body)).not.toContain(gezin.sanne);
      expect(JSON.stringify(read.body)).not.toContain(gezin.gezinId);

      const tijdlijn = (minPosition: string) =>
        t
          .http()
          .get(
            `/api/v1/gezinnen/${gezin.gezinId}/tijdlijn?soort=consultatie&minPosition=${minPosition}`,
          )
          .set(auth(contactpersoon))
          .expect(200);
      const wat =
        'Consultatie bij de huisartspraktijk op 2025-05-12 over angst of somberheid en school: verwezen naar lichte hulp of basis-ggz.';
      // Proposed only: not in the family's timeline yet.
      expect((await tijdlijn(res.body.position)).body.items).not.toContainEqual(
        expect.objectContaining({ wat }),
      );
      const confirmed = await t
        .http()
        .post(`/api/v1/consultaties/${res.body.consultatieId}/koppeling/bevestiging`)
        .set(auth(contactpersoon))
        .expect(200);
      const na = await tijdlijn(confirmed.body.position);
      expect(na.body.items).toContainEqual(
        expect.objectContaining({
          soort: 'consultatie',
          wat,
          wie: { userId: 'u-anna', rol: 'contactpersoon' },
        }),
      );
      expect(JSON.stringify(na.body)).not.toContain('vertrouwelijk');

      // The JPH's read of a consultation with a confirmed link is in the family's processing log.
      await get(jphLinde, res.body.consultatieId).expect(200);
      const position = await t.app.get(EventStore).headPosition();
      const log_ = await t
        .http()
        .get(`/api/v1/verwerkingslog/${gezin.gezinId}?minPosition=${position}`)
        .set(auth(beheer))
        .expect(200);
      expect(log_.body.inzages).toContainEqual(
        expect.objectContaining({ wat: 'consultatie', door: 'u-jph-linde', rol: 'jph' }),
      );
    });

    it('with consent, a correction without a BSN keeps the link; one without consent drops it and tells the family', async () => {
      const res = await log(jphLinde, consultatie({ toestemming: true, bsn: '111222333' })).expect(
        201,
      );
      const url = `/api/v1/consultaties/${res.body.consultatieId}`;
      await t.http().post(`${url}/koppeling/bevestiging`).set(auth(contactpersoon)).expect(200);
      const kept = await t
        .http()
        .post(`${url}/correcties`)
        .set(auth(jphLinde))
        .send({
          ...consultatie({ toestemming: true, uitkomst: 'alleen-advies' }),
          praktijkId: undefined,
          reden: 'Toch alleen advies',
        })
        .expect(200);
      const read = await get(jphLinde, res.body.consultatieId, kept.body.position).expect(200);
      expect(read.body).toMatchObject({ koppelingGevraagd: true, uitkomst: 'alleen-advies' });
      const corrected = await t
        .http()
        .post(`${url}/correcties`)
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
          'De consultatie bij de huisartspraktijk van 2025-05-12 is gecorrigeerd: over angst of somberheid en school, advies gegeven.',
          'Een consultatie bij de huisartspraktijk van 2025-05-12 is niet meer aan dit gezin gekoppeld.',
        ]),
      );
      expect(JSON.stringify(tijdlijn.body)).not.toContain('trekt toestemming');
      const dropped = await get(jphLinde, res.body.consultatieId).expect(200);
      expect(dropped.body.koppelingGevraagd).toBe(false);
    });

    it('with consent, refuses a BSN that fails the eleven-test (422), and a link by id from the practice (400)', async () => {
      const invalid = await log(jphLinde, consultatie({ toestemming: true, bsn: '123' })).expect(
        422,
      );
      expect(invalid.body.detail).toMatch(/elfproef/);
      for (const koppeling of [{ gezinId: gezin.gezinId }, { persoonId: gezin.sanne }]) {
        const byId = await log(
          jphLinde,
          consultatie({ toestemming: true, bsn: '111222333', koppeling }),
        ).expect(400);
        expect(byId.body.errors[0]).toMatchObject({ field: 'koppeling', in: 'body' });
      }
    });
  });

  describe('a known and an unknown BSN give the same answer (acceptance)', () => {
    const KNOWN = '111222333'; // Sanne Jansen
    const UNKNOWN = '123456782'; // passes the eleven-test, belongs to no one known
    let jph: string;

    beforeAll(async () => {
      jph = await t.token('jph', 'u-jph-gelijk', 'Gea (JPH De Linde)');
      await link(linde, 'u-jph-gelijk', 'jph');
    });

    /**
     * An answer as the practice gets it, with what differs per request anyway (the ids, log
     * positions, timestamps, correlation id, date and length) replaced by placeholders.
     */
    const answer = (res: Response, ids: readonly string[]) => {
      const {
        date: _date,
        'x-correlation-id': _correlation,
        'content-length': _length,
        ...headers
      } = res.headers as Record<string, string>;
      let text = JSON.stringify({ status: res.status, headers, body: res.body });
      for (const id of ids) text = text.split(id).join('<id>');
      return JSON.parse(
        text
          .replace(/"(position|x-log-position)":"\d+"/g, '"$1":"<n>"')
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, '<tijd>'),
      ) as unknown;
    };
    const withBsn = (bsn: string, extra: object = {}) =>
      consultatie({ toestemming: true, bsn, vervolgdatum: '2099-06-01', ...extra });

    it('logging, reading back, the lists and a correction answer alike, also after the contact person decided', async () => {
      const known = await log(jph, withBsn(KNOWN)).expect(201);
      const unknown = await log(jph, withBsn(UNKNOWN)).expect(201);
      const idKnown = known.body.consultatieId as string;
      const idUnknown = unknown.body.consultatieId as string;
      expect(answer(known, [idKnown])).toEqual(answer(unknown, [idUnknown]));
      expect(known.headers.etag).toBe(unknown.headers.etag);

      const readBoth = async (position: string) => {
        const [a, b] = [
          await get(jph, idKnown, position).expect(200),
          await get(jph, idUnknown, position).expect(200),
        ];
        expect(answer(a, [idKnown])).toEqual(answer(b, [idUnknown]));
        expect(a.body).toMatchObject({ toestemming: true, koppelingGevraagd: true });
        for (const res of [a, b]) {
          expect(res.body).not.toHaveProperty('koppeling');
          expect(JSON.stringify(res.body)).not.toMatch(
            new RegExp(`${gezin.sanne}|${gezin.gezinId}|persoonId|gezinId|${KNOWN}|recordKey`),
          );
        }
        return [a, b] as const;
      };
      await readBoth(unknown.body.position);

      const lists = async (position: string) => {
        for (const path of ['consultaties', 'vervolgafspraken']) {
          const res = await t
            .http()
            .get(`/api/v1/praktijken/${linde}/${path}?minPosition=${position}`)
            .set(auth(jph))
            .expect(200);
          const item = (id: string) =>
            res.body.items.find((i: { consultatieId: string }) => i.consultatieId === id);
          expect(item(idKnown)).toBeDefined();
          expect(answer({ ...res, body: item(idKnown) } as Response, [idKnown])).toEqual(
            answer({ ...res, body: item(idUnknown) } as Response, [idUnknown]),
          );
          expect(JSON.stringify(res.body)).not.toMatch(
            new RegExp(`${gezin.sanne}|${gezin.gezinId}|persoonId|gezinId|recordKey`),
          );
        }
      };
      await lists(unknown.body.position);

      // The contact person confirms the known one: the practice notices nothing.
      const confirmed = await t
        .http()
        .post(`/api/v1/consultaties/${idKnown}/koppeling/bevestiging`)
        .set(auth(contactpersoon))
        .expect(200);
      const [afterConfirm] = await readBoth(confirmed.body.position);
      expect(afterConfirm.headers.etag).toBe('"0"');
      await lists(confirmed.body.position);

      const correct = (id: string, bsn: string) =>
        t
          .http()
          .post(`/api/v1/consultaties/${id}/correcties`)
          .set(auth(jph))
          .set('If-Match', '"0"')
          .send({
            ...withBsn(bsn, { uitkomst: 'alleen-advies' }),
            praktijkId: undefined,
            reden: 'Advies',
          });
      const [ck, cu] = [await correct(idKnown, KNOWN), await correct(idUnknown, UNKNOWN)];
      expect(ck.status).toBe(200);
      expect(answer(ck, [idKnown])).toEqual(answer(cu, [idUnknown]));
      const [a] = await readBoth(cu.body.position);
      expect(a.headers.etag).toBe('"1"');
    });

    it('a correction with a known or an unknown BSN of an anonymous consultation answers alike', async () => {
      const [a, b] = [await log(jph).expect(201), await log(jph).expect(201)];
      const correct = (id: string, bsn: string) =>
        t
          .http()
          .post(`/api/v1/consultaties/${id}/correcties`)
          .set(auth(jph))
          .send({ ...withBsn(bsn), praktijkId: undefined, reden: 'Toestemming gekregen' });
      const [ck, cu] = [
        await correct(a.body.consultatieId, KNOWN),
        await correct(b.body.consultatieId, UNKNOWN),
      ];
      expect(answer(ck, [a.body.consultatieId])).toEqual(answer(cu, [b.body.consultatieId]));
      expect(ck.body.revision).toBe(1);
    });
  });

  describe('the contact person decides on proposed links', () => {
    let jph: string;
    let kees: string;

    beforeAll(async () => {
      jph = await t.token('jph', 'u-jph-koppel', 'Koos (JPH De Linde)');
      await link(linde, 'u-jph-koppel', 'jph');
      kees = await t.token('contactpersoon', 'u-kees', 'Kees Kok');
    });

    const voorstel = async (extra: object = {}) =>
      (await log(jph, consultatie({ toestemming: true, bsn: '111222333', ...extra })).expect(201))
        .body as { consultatieId: string; position: string };
    const werklijst = (token: string, position: string) =>
      t
        .http()
        .get(`/api/v1/werklijsten/consultatie-koppelingen?minPosition=${position}`)
        .set(auth(token));
    const besluit = (token: string, id: string, wat: 'bevestiging' | 'afwijzing', body?: object) =>
      t
        .http()
        .post(`/api/v1/consultaties/${id}/koppeling/${wat}`)
        .set(auth(token))
        .send(body ?? {});
    const ids = (res: Response) =>
      res.body.items.map((i: { consultatieId: string }) => i.consultatieId) as string[];

    it('lists the proposed links of my families, confirms one (it then shows in the timeline) and rejects another (acceptance)', async () => {
      const a = await voorstel({ datum: '2025-06-01', onderwerpen: ['slapen'] });
      const b = await voorstel({ datum: '2025-06-02', onderwerpen: ['gedrag'] });
      const lijst = await werklijst(contactpersoon, b.position).expect(200);
      const item = lijst.body.items.find(
        (i: { consultatieId: string }) => i.consultatieId === a.consultatieId,
      );
      expect(item).toEqual({
        consultatieId: a.consultatieId,
        revision: 0,
        gezinId: gezin.gezinId,
        naam: 'Jansen',
        persoonId: gezin.sanne,
        voornaam: 'Sanne',
        achternaam: 'Jansen',
        praktijk: 'De Linde',
        datum: '2025-06-01',
        leeftijdsgroep: '12-17',
        onderwerpen: ['slapen'],
        uitkomst: 'afgehandeld-door-jph',
        voorgesteldOp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(ids(lijst)).toContain(b.consultatieId);
      expect(JSON.stringify(lijst.body)).not.toMatch(/vertrouwelijk|111222333|recordKey/);

      const confirmed = await besluit(contactpersoon, a.consultatieId, 'bevestiging')
        .set('If-Match', '"0"')
        .expect(200);
      expect(confirmed.body).toEqual({
        consultatieId: a.consultatieId,
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
      });
      const rejected = await besluit(contactpersoon, b.consultatieId, 'afwijzing', {
        reden: 'Een andere Sanne',
      }).expect(200);

      const daarna = await werklijst(contactpersoon, rejected.body.position).expect(200);
      expect(ids(daarna)).not.toContain(a.consultatieId);
      expect(ids(daarna)).not.toContain(b.consultatieId);
      const tijdlijn = await t
        .http()
        .get(
          `/api/v1/gezinnen/${gezin.gezinId}/tijdlijn?soort=consultatie&minPosition=${rejected.body.position}`,
        )
        .set(auth(contactpersoon))
        .expect(200);
      const wat = tijdlijn.body.items.map((i: { wat: string }) => i.wat) as string[];
      expect(wat).toContain(
        'Consultatie bij de huisartspraktijk op 2025-06-01 over slapen: afgehandeld door de jeugdprofessional bij de huisarts.',
      );
      expect(wat.join('\n')).not.toMatch(/2025-06-02|gedrag|andere Sanne/);

      const head = await t.app.get(EventStore).headPosition();
      const verwerkingslog = await t
        .http()
        .get(`/api/v1/verwerkingslog/${gezin.gezinId}?minPosition=${head}`)
        .set(auth(beheer))
        .expect(200);
      expect(verwerkingslog.body.inzages).toContainEqual(
        expect.objectContaining({ wat: 'werklijst consultatie-koppelingen', door: 'u-anna' }),
      );
    });

    it('404 for a contact person of another family, a consultation without a link or with an unknown BSN, and one that does not exist', async () => {
      const a = await voorstel();
      expect(ids(await werklijst(kees, a.position).expect(200))).not.toContain(a.consultatieId);
      const anoniem = (await log(jph).expect(201)).body.consultatieId as string;
      const onbekend = (
        await log(jph, consultatie({ toestemming: true, bsn: '123456782' })).expect(201)
      ).body.consultatieId as string;
      for (const res of [
        await besluit(kees, a.consultatieId, 'bevestiging'),
        await besluit(kees, a.consultatieId, 'afwijzing'),
        await besluit(contactpersoon, anoniem, 'bevestiging'),
        await besluit(contactpersoon, onbekend, 'afwijzing'),
        await besluit(contactpersoon, '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11', 'bevestiging'),
      ]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    });

    it('403 for every other role, 401 without a token, 400 naming a bad path or body', async () => {
      const a = await voorstel();
      const huisarts = await t.token('huisarts', 'u-ha-koppel');
      for (const token of [jph, huisarts, beheer, beleid]) {
        for (const res of [
          await werklijst(token, a.position),
          await besluit(token, a.consultatieId, 'bevestiging'),
          await besluit(token, a.consultatieId, 'afwijzing'),
        ]) {
          expect(res.status).toBe(403);
          expect(res.body.detail).toMatch(/contactpersoon/);
        }
      }
      await t.http().get('/api/v1/werklijsten/consultatie-koppelingen').expect(401);
      await t
        .http()
        .post(`/api/v1/consultaties/${a.consultatieId}/koppeling/bevestiging`)
        .expect(401);
      for (const [res, field, where] of [
        [await besluit(contactpersoon, 'c-1', 'bevestiging'), 'consultatieId', 'path'],
        [
          await besluit(contactpersoon, a.consultatieId, 'afwijzing', { reden: 'x'.repeat(501) }),
          'reden',
          'body',
        ],
        [
          await besluit(contactpersoon, a.consultatieId, 'afwijzing', { reden: '' }),
          'reden',
          'body',
        ],
        [
          await besluit(contactpersoon, a.consultatieId, 'afwijzing', { persoonId: gezin.sanne }),
          'persoonId',
          'body',
        ],
        [await werklijst(contactpersoon, 'x'), 'minPosition', 'query'],
      ] as const) {
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ field, in: where }));
      }
    });

    it('422 for a second confirmation or rejection and after withdrawal; 409 when the practice corrected since If-Match', async () => {
      const a = await voorstel();
      await besluit(contactpersoon, a.consultatieId, 'bevestiging').expect(200);
      const twice = await besluit(contactpersoon, a.consultatieId, 'bevestiging').expect(422);
      expect(twice.body.detail).toMatch(/al bevestigd/);
      await besluit(contactpersoon, a.consultatieId, 'afwijzing').expect(200);
      const again = await besluit(contactpersoon, a.consultatieId, 'afwijzing').expect(422);
      expect(again.body.detail).toMatch(/al afgewezen/);

      const b = await voorstel();
      await t
        .http()
        .post(`/api/v1/consultaties/${b.consultatieId}/correcties`)
        .set(auth(jph))
        .send({
          ...consultatie({ toestemming: true, bsn: '111222333', uitkomst: 'alleen-advies' }),
          praktijkId: undefined,
          reden: 'Alleen advies',
        })
        .expect(200);
      const stale = await besluit(contactpersoon, b.consultatieId, 'bevestiging')
        .set('If-Match', '"0"')
        .expect(409);
      expect(stale.body.currentRevision).toBe(1);
      await besluit(contactpersoon, b.consultatieId, 'bevestiging')
        .set('If-Match', '"1"')
        .expect(200);

      const c = await voorstel();
      const withdrawn = await t
        .http()
        .post(`/api/v1/consultaties/${c.consultatieId}/intrekking`)
        .set(auth(jph))
        .send({ reden: 'Dubbel' })
        .expect(200);
      expect(
        ids(await werklijst(contactpersoon, withdrawn.body.position).expect(200)),
      ).not.toContain(c.consultatieId);
      const late = await besluit(contactpersoon, c.consultatieId, 'bevestiging').expect(422);
      expect(late.body.detail).toMatch(/ingetrokken/);
    });
  });

  describe('BSN lookups are logged, counted and limited', () => {
    const dag = (offset: number) =>
      new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const opvragingen = async (token = beheer, status = 200) => {
      const head = await t.app.get(EventStore).headPosition();
      return t
        .http()
        .get(`/api/v1/beheer/bsn-opvragingen?van=${dag(-1)}&tot=${dag(1)}&minPosition=${head}`)
        .set(auth(token))
        .expect(status);
    };
    const van = (res: Response, userId: string) =>
      res.body.gebruikers.find((g: { userId: string }) => g.userId === userId);

    it("a known BSN is in the processing log of the person's family, an unknown one in none; both are counted for application management (acceptance)", async () => {
      const jph = await t.token('jph', 'u-jph-log', 'Loes (JPH De Linde)');
      await link(linde, 'u-jph-log', 'jph');
      await log(jph, consultatie({ toestemming: true, bsn: '111222333' })).expect(201);
      await log(jph, consultatie({ toestemming: true, bsn: '123456782' })).expect(201);
      // Refused before the lookup: not counted.
      await log(jph, consultatie({ bsn: '111222333' })).expect(422);
      await log(jph, consultatie({ toestemming: true, bsn: '111222334' })).expect(422);
      await log(
        jph,
        consultatie({ toestemming: true, bsn: '111222333', datum: '2999-01-01' }),
      ).expect(422);
      // A retry is the same request: looked up once.
      const retry = () =>
        log(jph, consultatie({ toestemming: true, bsn: '123456782' })).set(
          'Idempotency-Key',
          'bsn-opvraging-retry-1',
        );
      const first = await retry().expect(201);
      expect((await retry().expect(201)).body).toEqual(first.body);

      const head = await t.app.get(EventStore).headPosition();
      const verwerkingslog = await t
        .http()
        .get(`/api/v1/verwerkingslog/${gezin.gezinId}?minPosition=${head}`)
        .set(auth(beheer))
        .expect(200);
      expect(
        verwerkingslog.body.inzages.filter((i: { door: string }) => i.door === 'u-jph-log'),
      ).toEqual([
        {
          wanneer: expect.any(String),
          wat: 'bsn-opvraging',
          door: 'u-jph-log',
          naam: 'Loes (JPH De Linde)',
          rol: 'jph',
        },
      ]);

      const beheerd = await opvragingen();
      expect(van(beheerd, 'u-jph-log')).toEqual({
        userId: 'u-jph-log',
        naam: 'Loes (JPH De Linde)',
        rol: 'jph',
        praktijkId: linde,
        praktijk: 'De Linde',
        aantal: 3,
        eerste: expect.any(String),
        laatste: expect.any(String),
      });
      expect(beheerd.body.totaal).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(beheerd.body)).not.toMatch(
        new RegExp(`111222333|123456782|${gezin.sanne}|${gezin.gezinId}|persoonId`),
      );
    });

    it('the 31st lookup in an hour is refused with 429 and Retry-After, and nothing is written (acceptance)', async () => {
      const jph = await t.token('jph', 'u-jph-limiet');
      await link(linde, 'u-jph-limiet', 'jph');
      for (let i = 0; i < 30; i++) {
        const bsn = i % 2 === 0 ? '111222333' : '123456782';
        await log(jph, consultatie({ toestemming: true, bsn })).expect(201);
      }
      const { body: anoniem } = await log(jph).expect(201);
      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      const refused = await log(jph, consultatie({ toestemming: true, bsn: '123456782' })).expect(
        429,
      );
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body).toMatchObject({
        type: 'https://gezinsplan.example/problems/too-many-requests',
        status: 429,
        detail: expect.stringMatching(/30 keer per uur/),
      });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      const correction = await t
        .http()
        .post(`/api/v1/consultaties/${anoniem.consultatieId}/correcties`)
        .set(auth(jph))
        .send({
          ...consultatie({ toestemming: true, bsn: '111222333' }),
          praktijkId: undefined,
          reden: 'x',
        })
        .expect(429);
      expect(correction.headers['retry-after']).toMatch(/^\d+$/);
      expect(await store.headPosition()).toBe(before);

      // Without a BSN, and for other users, nothing is limited.
      await log(jph).expect(201);
      await log(huisartsLinde, consultatie({ toestemming: true, bsn: '123456782' })).expect(201);
      expect(van(await opvragingen(), 'u-jph-limiet').aantal).toBe(30);
    });

    it('the lookups per user are for application management only: 401, 403, 400 naming van or tot', async () => {
      await t
        .http()
        .get(`/api/v1/beheer/bsn-opvragingen?van=${dag(0)}&tot=${dag(0)}`)
        .expect(401);
      for (const token of [jphLinde, contactpersoon, beleid]) {
        const res = await opvragingen(token, 403);
        expect(res.body.detail).toMatch(/beheer/);
      }
      for (const [query, field] of [
        [`van=${dag(0)}`, 'tot'],
        [`van=gisteren&tot=${dag(0)}`, 'van'],
        [`van=${dag(0)}&tot=${dag(-1)}`, 'tot'],
        [`van=${dag(0)}&tot=${dag(0)}&minPosition=x`, 'minPosition'],
      ]) {
        const res = await t
          .http()
          .get(`/api/v1/beheer/bsn-opvragingen?${query}`)
          .set(auth(beheer))
          .expect(400);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ field, in: 'query' }));
      }
    });
  });

  it('gives every new consultation a random record key right after logging, for the monitoring only', async () => {
    const a = await log(jphLinde, consultatie({ datum: '2025-04-30' })).expect(201);
    const b = await log(jphLinde, consultatie({ datum: '2025-04-30' })).expect(201);
    const store = t.app.get(EventStore);
    const keys: number[] = [];
    for (const { consultatieId } of [a.body, b.body]) {
      const events = await store.readStream(`consultatie-${consultatieId}`);
      expect(events.map((e) => e.type)).toEqual([
        'ConsultatieLogged',
        'ConsultatieRecordKeyAssigned',
      ]);
      expect(events[1]!.data).toEqual({
        consultatieId,
        praktijkId: linde,
        recordKey: expect.any(Number),
      });
      const key = events[1]!.data.recordKey as number;
      expect(Number.isInteger(key) && key >= 0 && key < 2 ** 32).toBe(true);
      keys.push(key);
    }
    expect(keys[0]).not.toBe(keys[1]);
    const read = await get(jphLinde, a.body.consultatieId, b.body.position).expect(200);
    expect(JSON.stringify(read.body)).not.toContain('recordKey');
    const feiten = t.app
      .get(ConsultatiesQueries)
      .feiten('2025-04-30', '2025-04-30')
      .map((f) => f.recordKey);
    expect(feiten).toEqual(expect.arrayContaining(keys));
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

    it('per practice and quarter: the hand count under disclosure control, small cells suppressed', async () => {
      const res = await cijfers('van=2024-07-01&tot=2024-09-30&per=kwartaal');
      expect(res.body.definitieVersie).toBe('consultaties-2');
      const rij = (naam: string) =>
        res.body.perPraktijk.find((r: { praktijk: string }) => r.praktijk === naam);
      // 12 consultations (6, 2, 1, 1, 2 and 0 per outcome): every outcome under 10, so neither
      // its count nor its share is shown (a share of a withheld count would give it back).
      const uitkomsten = Object.fromEntries(
        [
          'afgehandeld-door-jph',
          'alleen-advies',
          'verwezen-algemene-voorziening',
          'verwezen-lichte-zorg-bggz',
          'verwezen-specialistische-zorg-sggz',
          'verwezen-via-gemeente',
        ].map((u) => [u, geen]),
      );
      expect(rij('Figuren Noord')).toEqual({
        praktijkId: expect.any(String),
        praktijk: 'Figuren Noord',
        wijk: 'Haven',
        periode: '2024-Q3',
        aantal: expect.gepubliceerdVan(12),
        uitkomsten,
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
          metJph: expect.objectContaining({ aantal: expect.gepubliceerdVan(12) }), // Noord
          zonderJph: expect.objectContaining({ aantal: null }), // Zuid, 4
        },
      ]);
      const noord = res.body.jphUrenEnConsultaties.find(
        (r: { praktijk: string }) => r.praktijk === 'Figuren Noord',
      );
      expect(noord).toMatchObject({
        jphUrenPerWeek: 20,
        jphUren: 263, // 92 days × 20 / 7
        aantal: expect.gepubliceerdVan(12),
        afgehandeldDoorJph: geen,
        verwezenSggz: geen,
      });
      // From the published count and the public hours only.
      expect(noord.consultatiesPerJphUur).toBe(Math.round((100 * noord.aantal) / 263) / 100);
    });

    it('widens a period to whole quarters: questions a day apart give one answer', async () => {
      const eenDag = (await cijfers('van=2024-07-01&tot=2024-09-29&per=kwartaal')).body;
      const volgende = (await cijfers('van=2024-07-02&tot=2024-09-30&per=kwartaal')).body;
      expect(eenDag).toMatchObject({ van: '2024-07-01', tot: '2024-09-30' });
      expect(volgende).toEqual(eenDag);
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
      expect(res.headers['x-definitie-versie']).toBe('consultaties-2');
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
      // The same numbers as the JSON answer; every outcome withheld, count and share.
      const json = (await cijfers('van=2024-07-01&tot=2024-09-30&per=kwartaal')).body;
      const aantal = json.perPraktijk.find(
        (r: { praktijk: string }) => r.praktijk === 'Figuren Noord',
      ).aantal;
      const kolommen = lines[0]!.split(',').slice(4, -1);
      expect(lines).toContain(
        `Figuren Noord,Haven,2024-Q3,${aantal},${kolommen.map(() => '').join(',')},` +
          kolommen.join(' '),
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
