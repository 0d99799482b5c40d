import { signDevToken } from '@app/access';
import { EventStore } from '@app/event-store';
import { expectProblem, invalidFields } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The district (wijk) of a family: given at registration or set later by the contact person or a
 * team lead (PUT .../wijk), shown on the family, in the timeline; need-to-know and refusals.
 */
describe('gezin wijk (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const API = '/api/v1';
  const UNKNOWN_GEZIN = '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11';
  const NOT_INVOLVED = 'Dit gezin bestaat niet of u werkt er niet mee.';
  const bram = { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' };

  beforeAll(async () => {
    t = await startTestApp();
    tokens.anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    tokens.bram = await t.token('contactpersoon', bram.userId, bram.naam);
    tokens.carla = await t.token('contactpersoon', 'u-carla', 'Carla Smit');
    tokens.tessa = await signDevToken(t.dataDir, {
      userId: 'u-tessa',
      roles: ['contactpersoon'],
      name: 'Tessa Teamleider',
      teamleider: true,
    });
    tokens.beleid = await t.token('beleid', 'u-beleid');
    tokens.beheer = await t.token('beheer', 'u-beheer');
  });
  afterAll(() => t.close());

  const sanne = {
    rol: 'jeugdige',
    voornaam: 'Sanne',
    achternaam: 'Jansen',
    geboortedatum: '2012-05-04',
  };

  function register(body: object, who = 'anna') {
    return t
      .http()
      .post(`${API}/gezinnen`)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({ naam: 'Jansen', leden: [sanne], ...body });
  }
  function putWijk(
    who: string | null,
    gezinId: string,
    body: object,
    headers: Record<string, string> = {},
  ) {
    let req = t.http().put(`${API}/gezinnen/${gezinId}/wijk`).set(headers);
    if (who !== null) req = req.set('Authorization', `Bearer ${tokens[who]}`);
    return req.send(body);
  }
  function read(gezinId: string, position: string, who = 'anna') {
    return t
      .http()
      .get(`${API}/gezinnen/${gezinId}?minPosition=${position}`)
      .set('Authorization', `Bearer ${tokens[who]}`);
  }
  /** A family registered by Anna without a district; returns its id (revision 1). */
  async function nieuwGezin(): Promise<string> {
    const res = await register({});
    expect(res.status).toBe(201);
    return res.body.gezinId as string;
  }

  describe('at registration', () => {
    it('with a district: GezinWijkSet from today right after the registration, shown on the family', async () => {
      const res = await register({ wijk: '  Lelystad-Haven ' });
      expect(res.status).toBe(201);
      // GezinRegistered, GezinWijkSet, GezinslidAdded.
      expect(res.body.revision).toBe(2);
      const gezin = await read(res.body.gezinId, res.body.position);
      expect(gezin.status).toBe(200);
      expect(gezin.body).toMatchObject({ naam: 'Jansen', wijk: 'Lelystad-Haven', revision: 2 });

      const events = await t.app.get(EventStore).readStream(`gezin-${res.body.gezinId}`);
      expect(events.map((e) => e.type)).toEqual([
        'GezinRegistered',
        'GezinWijkSet',
        'GezinslidAdded',
      ]);
      expect(events[1]!.data).toEqual({
        gezinId: res.body.gezinId,
        wijk: 'Lelystad-Haven',
        per: events[2]!.data.vanaf,
      });
    });

    it('without a district: wijk is null', async () => {
      const res = await register({});
      expect(res.body.revision).toBe(1);
      const gezin = await read(res.body.gezinId, res.body.position);
      expect(gezin.body.wijk).toBeNull();
    });

    it.each([
      ['empty', ''],
      ['only spaces', '   '],
      ['too long', 'x'.repeat(101)],
      ['not text', 42],
    ])('refuses a district that is %s (400 naming wijk)', async (_name, wijk) => {
      const res = await register({ wijk });
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual([['wijk', 'body']]);
    });
  });

  describe('PUT /gezinnen/:gezinId/wijk', () => {
    it('the registrant sets it, with If-Match; the family and the timeline show it', async () => {
      const gezinId = await nieuwGezin();
      const res = await putWijk(
        'anna',
        gezinId,
        { wijk: ' Atol ', per: '2026-02-01' },
        { 'If-Match': '"1"' },
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ gezinId, revision: 2, position: expect.stringMatching(/^\d+$/) });
      expect(res.headers.etag).toBe('"2"');
      expect(res.headers['x-log-position']).toBe(res.body.position);

      const gezin = await read(gezinId, res.body.position);
      expect(gezin.body).toMatchObject({ wijk: 'Atol', revision: 2 });
      expect(gezin.headers.etag).toBe('"2"');
      const tijdlijn = await t
        .http()
        .get(`${API}/gezinnen/${gezinId}/tijdlijn?soort=gezin&minPosition=${res.body.position}`)
        .set('Authorization', `Bearer ${tokens.anna}`)
        .expect(200);
      expect(tijdlijn.body.items.map((i: { wat: string }) => i.wat)).toEqual([
        'Gezin Jansen is aangemeld.',
        'Het gezin woont vanaf 2026-02-01 in wijk Atol.',
      ]);
    });

    it('records a move, and refuses the district the family already lives in (422) storing nothing', async () => {
      const gezinId = await nieuwGezin();
      await putWijk('anna', gezinId, { wijk: 'Haven', per: '2026-01-01' }).expect(200);
      const moved = await putWijk('anna', gezinId, { wijk: 'Atol', per: '2026-05-01' });
      expect(moved.status).toBe(200);
      expect((await read(gezinId, moved.body.position)).body.wijk).toBe('Atol');

      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      expectProblem(
        await putWijk('anna', gezinId, { wijk: 'Atol ', per: '2026-06-01' }),
        422,
        'Gezin Jansen woont al in wijk Atol; er verandert niets.',
      );
      expect(await store.headPosition()).toBe(before);
    });

    it('refuses a stale If-Match (409), and carries out a retry with the same Idempotency-Key once', async () => {
      const gezinId = await nieuwGezin();
      const stale = await putWijk(
        'anna',
        gezinId,
        { wijk: 'Haven', per: '2026-01-01' },
        { 'If-Match': '"0"' },
      );
      expectProblem(stale, 409);
      expect(stale.body.currentRevision).toBe(1);

      const key = { 'Idempotency-Key': 'wijk-haven-0001' };
      const first = await putWijk('anna', gezinId, { wijk: 'Haven', per: '2026-01-01' }, key);
      const retry = await putWijk('anna', gezinId, { wijk: 'Haven', per: '2026-01-01' }, key);
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const events = await t.app.get(EventStore).readStream(`gezin-${gezinId}`);
      expect(events.filter((e) => e.type === 'GezinWijkSet')).toHaveLength(1);
    });

    it('a team lead may set it for a family they do not coordinate', async () => {
      const gezinId = await nieuwGezin();
      const res = await putWijk('tessa', gezinId, { wijk: 'Haven', per: '2026-01-01' });
      expect(res.status).toBe(200);
      expect((await read(gezinId, res.body.position)).body.wijk).toBe('Haven');
    });

    it('a stranger gets 404, as for a family that does not exist; so does the registrant once someone else is assigned', async () => {
      const gezinId = await nieuwGezin();
      const body = { wijk: 'Haven', per: '2026-01-01' };
      expectProblem(await putWijk('carla', gezinId, body), 404, NOT_INVOLVED);
      expectProblem(await putWijk('anna', UNKNOWN_GEZIN, body), 404, NOT_INVOLVED);
      expectProblem(await putWijk('tessa', UNKNOWN_GEZIN, body), 404, NOT_INVOLVED);

      // Anna assigns Bram: her access ends with it.
      await t
        .http()
        .post(`${API}/gezinnen/${gezinId}/contactpersoon`)
        .set('Authorization', `Bearer ${tokens.anna}`)
        .send({ ...bram, vanaf: '2026-03-01' })
        .expect(200);
      expectProblem(await putWijk('anna', gezinId, body), 404, NOT_INVOLVED);
      expect((await putWijk('bram', gezinId, body)).status).toBe(200);
    });

    it('is for contact persons only: other roles 403, no token 401', async () => {
      const gezinId = await nieuwGezin();
      const body = { wijk: 'Haven', per: '2026-01-01' };
      expectProblem(await putWijk('beleid', gezinId, body), 403, /contactpersoon/);
      expectProblem(await putWijk('beheer', gezinId, body), 403);
      expectProblem(await putWijk(null, gezinId, body), 401);
    });

    it.each([
      ['no wijk', { per: '2026-01-01' }, [['wijk', 'body']]],
      ['a wijk of spaces', { wijk: '  ', per: '2026-01-01' }, [['wijk', 'body']]],
      ['a wijk too long', { wijk: 'x'.repeat(101), per: '2026-01-01' }, [['wijk', 'body']]],
      ['no per', { wijk: 'Haven' }, [['per', 'body']]],
      ['an impossible per', { wijk: 'Haven', per: '2026-02-30' }, [['per', 'body']]],
      ['an unknown field', { wijk: 'Haven', per: '2026-01-01', sinds: 'x' }, [['sinds', 'body']]],
    ])('refuses %s with 400 naming the field', async (_name, body, expected) => {
      const gezinId = await nieuwGezin();
      const res = await putWijk('anna', gezinId, body);
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual(expected);
    });

    it('refuses a family id that is not a UUID (400, path)', async () => {
      const res = await putWijk('anna', 'geen-uuid', { wijk: 'Haven', per: '2026-01-01' });
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual([['gezinId', 'path']]);
    });
  });
});
