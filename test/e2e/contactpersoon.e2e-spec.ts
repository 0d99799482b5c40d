import { signDevToken } from '@app/access';
import { TEST_START, TestApp, startTestApp } from './support/test-app';

/**
 * One family, one contact person: assign, hand over, end; who may then read or write; the
 * worklists that follow from it (mijn-gezinnen, evaluaties/afspraken verlopen, zonder-contactpersoon).
 */
describe('contactpersoon and worklists (e2e)', () => {
  let t: TestApp;
  /** Tokens by user id, made once. */
  const tokens: Record<string, string> = {};
  const API = '/api/v1';
  const UNKNOWN_GEZIN = '4b8e3c56-9f7e-4c1c-9a43-6a8a0e4b7d11';
  const NOT_INVOLVED = 'Dit gezin bestaat niet of u werkt er niet mee.';

  const people = {
    anna: { userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord' },
    bram: { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' },
    carla: { userId: 'u-carla', naam: 'Carla Smit', organisatie: 'Wijkteam Oost' },
    dirk: { userId: 'u-dirk', naam: 'Dirk Visser', organisatie: 'Wijkteam West' },
    eva: { userId: 'u-eva', naam: 'Eva Mulder', organisatie: 'Wijkteam West' },
    femke: { userId: 'u-femke', naam: 'Femke de Jong', organisatie: 'Wijkteam Noord' },
    gijs: { userId: 'u-gijs', naam: 'Gijs Peters', organisatie: 'Wijkteam Noord' },
    henk: { userId: 'u-henk', naam: 'Henk Dijkstra', organisatie: 'Wijkteam Zuid' },
    iris: { userId: 'u-iris', naam: 'Iris Bos', organisatie: 'Wijkteam Zuid' },
  } as const;
  type Person = keyof typeof people;

  beforeAll(async () => {
    // A warm handover of 30 days: a former contact person reads on for that long (default: none,
    // as the other e2e specs show).
    t = await startTestApp({ WARME_OVERDRACHT_DAGEN: '30' });
    for (const [key, person] of Object.entries(people)) {
      tokens[key] = await t.token('contactpersoon', person.userId, person.naam);
    }
    // A team lead is a contact person with the teamleider claim.
    tokens.tessa = await signDevToken(t.dataDir, {
      userId: 'u-tessa',
      roles: ['contactpersoon'],
      name: 'Tessa Teamleider',
      teamleider: true,
    });
    tokens.beleid = await t.token('beleid', 'u-beleid');
    tokens.jph = await t.token('jph', 'u-jph');
  });
  afterAll(() => t.close());

  type Res = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

  function expectProblem(res: Res, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  }

  const fields = (res: Res) =>
    (res.body.errors as { field: string; in: string }[]).map((e) => [e.field, e.in]);

  const assignBody = (who: Person, vanaf = '2026-03-01') => ({ ...people[who], vanaf });

  async function register(who: string, naam = 'Jansen') {
    const res = await t
      .http()
      .post(`${API}/gezinnen`)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({
        naam,
        leden: [
          { rol: 'jeugdige', voornaam: 'Sanne', achternaam: naam, geboortedatum: '2012-05-04' },
        ],
      })
      .expect(201);
    // Registration plus one member: revision 1.
    expect(res.body.revision).toBe(1);
    return res.body as { gezinId: string; revision: number; position: string };
  }

  function post(who: string | null, path: string, body: object, ifMatch?: string) {
    let req = t.http().post(`${API}${path}`);
    if (who !== null) req = req.set('Authorization', `Bearer ${tokens[who]}`);
    if (ifMatch !== undefined) req = req.set('If-Match', ifMatch);
    return req.send(body);
  }

  function get(who: string | null, path: string, minPosition?: string) {
    const url =
      minPosition === undefined ? `${API}${path}` : `${API}${path}?minPosition=${minPosition}`;
    const req = t.http().get(url);
    return who === null ? req : req.set('Authorization', `Bearer ${tokens[who]}`);
  }

  /** Posts a write that must succeed with 200, and returns its body (revision, position). */
  async function write(who: string, path: string, body: object, ifMatch?: string) {
    const res = await post(who, path, body, ifMatch);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: expect.anything(),
    });
    return res.body as { gezinId: string; revision: number; position: string };
  }

  /** A family registered by `registrant` with `contactpersoon` assigned by the registrant. */
  async function gezinMet(registrant: Person, contactpersoon: Person, naam = 'Jansen') {
    const { gezinId } = await register(registrant, naam);
    const assigned = await write(
      registrant,
      `/gezinnen/${gezinId}/contactpersoon`,
      assignBody(contactpersoon),
      '"1"',
    );
    return assigned;
  }

  const handOverBody = (naar: Person, per = '2026-06-01', reden = 'Gaat met verlof') => ({
    naar: people[naar],
    per,
    reden,
  });

  const netwerk = { soort: 'informeel', naam: 'Oma Jansen', rol: 'oma', vanaf: '2026-03-01' };

  it('the registrant assigns the first contact person (200, ETag increments); a second one while one is active is 422 naming the active one', async () => {
    const { gezinId } = await register('anna');
    const assigned = await post(
      'anna',
      `/gezinnen/${gezinId}/contactpersoon`,
      assignBody('anna'),
      '"1"',
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body).toEqual({
      gezinId,
      revision: 2,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(assigned.headers.etag).toBe('"2"');
    expect(assigned.headers['x-log-position']).toBe(assigned.body.position);

    const gezin = await get('anna', `/gezinnen/${gezinId}`, assigned.body.position).expect(200);
    expect(gezin.headers.etag).toBe('"2"');
    expect(gezin.body.toegang).toBe('schrijven');
    expect(gezin.body.contactpersoon).toEqual({ ...people.anna, vanaf: '2026-03-01' });

    const second = await post('anna', `/gezinnen/${gezinId}/contactpersoon`, assignBody('bram'));
    expectProblem(second, 422);
    expect(second.body.detail).toMatch(
      /al een contactpersoon \(Anna de Vries, Wijkteam Noord, sinds 2026-03-01\)/,
    );
    // Nothing was written.
    const after = await get('anna', `/gezinnen/${gezinId}/contactpersonen`).expect(200);
    expect(after.body.contactpersonen).toHaveLength(1);
    await get('anna', `/gezinnen/${gezinId}`).expect(200).expect('ETag', '"2"');
  });

  it('a registrant who assigns someone else no longer works with the family (404)', async () => {
    const { gezinId, position } = await gezinMet('anna', 'bram');
    const bramsView = await get('bram', `/gezinnen/${gezinId}`, position).expect(200);
    expect(bramsView.body.contactpersoon).toMatchObject({ userId: 'u-bram' });
    for (const res of [
      await get('anna', `/gezinnen/${gezinId}`),
      await post('anna', `/gezinnen/${gezinId}/netwerk`, netwerk),
    ]) {
      expectProblem(res, 404);
      expect(res.body.detail).toBe(NOT_INVOLVED);
    }
    await post('bram', `/gezinnen/${gezinId}/netwerk`, netwerk).expect(201);
  });

  it('a handover by the active contact person: the history lists both, the old one reads during the warm handover but no longer writes, the new one writes', async () => {
    const { gezinId } = await gezinMet('anna', 'anna');
    const reden = 'Anna gaat met zwangerschapsverlof';
    const handedOver = await post(
      'anna',
      `/gezinnen/${gezinId}/overdrachten`,
      handOverBody('bram', '2026-06-01', reden),
      '"2"',
    );
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toEqual({
      gezinId,
      revision: 3,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(handedOver.headers.etag).toBe('"3"');
    const position = handedOver.body.position as string;

    const history = await get('bram', `/gezinnen/${gezinId}/contactpersonen`, position).expect(200);
    expect(history.body).toEqual({
      gezinId,
      contactpersonen: [
        { ...people.anna, vanaf: '2026-03-01', tot: '2026-06-01', redenEinde: reden },
        { ...people.bram, vanaf: '2026-06-01', tot: null, redenEinde: null },
      ],
    });

    // The old contact person still reads, for 30 days: the family, its timeline and the history.
    const gezin = await get('anna', `/gezinnen/${gezinId}`, position).expect(200);
    expect(gezin.body.toegang).toBe('lezen');
    expect(gezin.body.contactpersoon).toEqual({ ...people.bram, vanaf: '2026-06-01' });
    const tijdlijn = await get('anna', `/gezinnen/${gezinId}/tijdlijn`, position).expect(200);
    expect(tijdlijn.body.items.at(-1)).toMatchObject({
      soort: 'contactpersoon',
      wat: `Het gezin is vanaf 2026-06-01 overgedragen van Anna de Vries aan Bram Bakker (Wijkteam Zuid): ${reden}`,
      wie: { userId: 'u-anna', rol: 'contactpersoon' },
    });
    await get('anna', `/gezinnen/${gezinId}/contactpersonen`).expect(200);

    // ... but every write is refused with 403.
    for (const res of [
      await post('anna', `/gezinnen/${gezinId}/netwerk`, netwerk),
      await post('anna', `/gezinnen/${gezinId}/overdrachten`, handOverBody('carla', '2026-07-01')),
      await post('anna', `/gezinnen/${gezinId}/contactpersoon/einde`, {
        per: '2026-07-01',
        reden: 'Hulp afgerond',
      }),
    ]) {
      expectProblem(res, 403);
      expect(res.body.detail).toBe(
        'U kunt dit inzien maar niet meer wijzigen: u bent niet de contactpersoon van het gezin.',
      );
    }

    // The new one writes.
    const added = await post('bram', `/gezinnen/${gezinId}/netwerk`, netwerk, '"3"').expect(201);
    expect(added.headers.etag).toBe('"4"');
    const bramsView = await get('bram', `/gezinnen/${gezinId}`, added.body.position).expect(200);
    expect(bramsView.body.toegang).toBe('schrijven');
    expect(bramsView.body.netwerk).toEqual([expect.objectContaining({ naam: 'Oma Jansen' })]);

    // 30 days after the handover was recorded, the old one no longer works with the family.
    try {
      t.clock.set('2027-01-02T12:00:00+01:00');
      const mine = await get('anna', '/werklijsten/mijn-gezinnen').expect(200);
      expect(mine.body.items.map((i: { gezinId: string }) => i.gezinId)).toContain(gezinId);
      t.clock.set('2027-01-03T12:00:00+01:00');
      for (const res of [
        await get('anna', `/gezinnen/${gezinId}`),
        await get('anna', `/gezinnen/${gezinId}/contactpersonen`),
        await post('anna', `/gezinnen/${gezinId}/netwerk`, netwerk),
      ]) {
        expectProblem(res, 404);
        expect(res.body.detail).toBe(NOT_INVOLVED);
      }
      const later = await get('anna', '/werklijsten/mijn-gezinnen').expect(200);
      expect(later.body.items.map((i: { gezinId: string }) => i.gezinId)).not.toContain(gezinId);
    } finally {
      t.clock.set(TEST_START);
    }
  });

  it('a contact person who does not work with the family gets 404, not 403, on assign, handover, end and history', async () => {
    // Before any contact person: only the registrant may assign.
    const { gezinId, position } = await register('anna');
    const beforeAssign = await post(
      'carla',
      `/gezinnen/${gezinId}/contactpersoon`,
      assignBody('carla'),
    );
    expectProblem(beforeAssign, 404);
    expect(beforeAssign.body.detail).toBe(NOT_INVOLVED);

    await write('anna', `/gezinnen/${gezinId}/contactpersoon`, assignBody('anna'));
    const url = `/gezinnen/${gezinId}`;
    for (const res of [
      await post('carla', `${url}/contactpersoon`, assignBody('carla')),
      await post('carla', `${url}/overdrachten`, handOverBody('carla')),
      await post('carla', `${url}/contactpersoon/einde`, { per: '2026-07-01', reden: 'Klaar' }),
      await get('carla', `${url}/contactpersonen`, position),
    ]) {
      expectProblem(res, 404);
      expect(res.body.detail).toBe(NOT_INVOLVED);
    }
    // The same answer as for a family that does not exist.
    for (const res of [
      await post('carla', `/gezinnen/${UNKNOWN_GEZIN}/contactpersoon`, assignBody('carla')),
      await post('carla', `/gezinnen/${UNKNOWN_GEZIN}/overdrachten`, handOverBody('carla')),
      await get('carla', `/gezinnen/${UNKNOWN_GEZIN}/contactpersonen`),
    ]) {
      expectProblem(res, 404);
      expect(res.body.detail).toBe(NOT_INVOLVED);
    }
    // Nothing changed.
    const history = await get('anna', `${url}/contactpersonen`).expect(200);
    expect(history.body.contactpersonen).toEqual([
      { ...people.anna, vanaf: '2026-03-01', tot: null, redenEinde: null },
    ]);
  });

  it('an If-Match sent by someone not involved does not reveal the family either (404, not 409)', async () => {
    const { gezinId } = await gezinMet('anna', 'anna');
    const res = await post(
      'carla',
      `/gezinnen/${gezinId}/overdrachten`,
      handOverBody('carla'),
      '"99"',
    );
    expectProblem(res, 404);
    expect(res.body.detail).toBe(NOT_INVOLVED);
    expect(res.body).not.toHaveProperty('currentRevision');
  });

  it('reusing another user’s Idempotency-Key does not replay their write to someone not involved (404)', async () => {
    const { gezinId } = await gezinMet('anna', 'anna');
    const url = `${API}/gezinnen/${gezinId}`;
    const key = 'overdracht-0001';
    const annas = await t
      .http()
      .post(`${url}/overdrachten`)
      .set('Authorization', `Bearer ${tokens.anna}`)
      .set('Idempotency-Key', key)
      .send(handOverBody('bram'));
    expect(annas.status).toBe(200);
    // Anna's own retry is carried out once and answered the same.
    const retry = await t
      .http()
      .post(`${url}/overdrachten`)
      .set('Authorization', `Bearer ${tokens.anna}`)
      .set('Idempotency-Key', key)
      .send(handOverBody('bram'));
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: annas.body });
    // Someone who does not work with the family learns nothing from the same key.
    const carlas = await t
      .http()
      .post(`${url}/contactpersoon`)
      .set('Authorization', `Bearer ${tokens.carla}`)
      .set('Idempotency-Key', key)
      .send(assignBody('carla'));
    expectProblem(carlas, 404);
    expect(carlas.body.detail).toBe(NOT_INVOLVED);
  });

  it('a team lead who does not work with the family assigns a contact person and hands over, but cannot read the family', async () => {
    const { gezinId, position: registered } = await register('anna', 'Teamlijst');
    const url = `/gezinnen/${gezinId}`;

    const assigned = await post('tessa', `${url}/contactpersoon`, assignBody('bram'), '"1"');
    expect(assigned.status).toBe(200);
    expect(assigned.headers.etag).toBe('"2"');
    const bramsView = await get('bram', url, assigned.body.position).expect(200);
    expect(bramsView.body.toegang).toBe('schrijven');
    expect(bramsView.body.contactpersoon).toEqual({ ...people.bram, vanaf: '2026-03-01' });
    // The registrant's access ended with the assignment.
    expectProblem(await get('anna', url), 404);

    // The team lead may not make herself contact person, by assigning or handing over.
    const tessa = { userId: 'u-tessa', naam: 'Tessa Teamleider', organisatie: 'Wijkteam Noord' };
    for (const res of [
      await post('tessa', `${url}/overdrachten`, { naar: tessa, per: '2026-05-01', reden: 'x' }),
      await post('tessa', `/gezinnen/${(await register('anna', 'Leeg')).gezinId}/contactpersoon`, {
        ...tessa,
        vanaf: '2026-05-01',
      }),
    ]) {
      expectProblem(res, 403);
      expect(res.body.detail).toMatch(/uzelf geen contactpersoon/);
    }

    const handedOver = await post(
      'tessa',
      `${url}/overdrachten`,
      handOverBody('carla', '2026-05-01', 'Bram wisselt van wijk'),
      '"2"',
    );
    expect(handedOver.status).toBe(200);
    expect(handedOver.headers.etag).toBe('"3"');
    const history = await get('carla', `${url}/contactpersonen`, handedOver.body.position).expect(
      200,
    );
    expect(history.body.contactpersonen).toEqual([
      {
        ...people.bram,
        vanaf: '2026-03-01',
        tot: '2026-05-01',
        redenEinde: 'Bram wisselt van wijk',
      },
      { ...people.carla, vanaf: '2026-05-01', tot: null, redenEinde: null },
    ]);
    const tijdlijn = await get('carla', `${url}/tijdlijn`).expect(200);
    expect(tijdlijn.body.items.at(-1).wie).toEqual({ userId: 'u-tessa', rol: 'contactpersoon' });

    // The team lead does not read the family.
    for (const res of [
      await get('tessa', url, registered),
      await get('tessa', `${url}/tijdlijn`),
    ]) {
      expectProblem(res, 404);
      expect(res.body.detail).toBe(NOT_INVOLVED);
    }
    // Nor write anything else in it.
    expectProblem(await post('tessa', `${url}/netwerk`, netwerk), 404);
    // And a family that does not exist stays 404 for a team lead too.
    expectProblem(
      await post('tessa', `/gezinnen/${UNKNOWN_GEZIN}/contactpersoon`, assignBody('bram')),
      404,
    );
  });

  it('ending the contact person puts the family on the team lead’s zonder-contactpersoon list; others get 403 there', async () => {
    const ended = await gezinMet('anna', 'anna', 'Zonderman');
    const kept = await gezinMet('anna', 'anna', 'Metman');
    const end = await post(
      'anna',
      `/gezinnen/${ended.gezinId}/contactpersoon/einde`,
      { per: '2026-09-01', reden: 'Hulp afgerond; het gezin redt het zelf' },
      '"2"',
    );
    expect(end.status).toBe(200);
    expect(end.headers.etag).toBe('"3"');
    const position = end.body.position as string;

    const list = await get('tessa', '/werklijsten/zonder-contactpersoon', position).expect(200);
    const ids = list.body.items.map((i: { gezinId: string }) => i.gezinId);
    expect(list.body.items).toContainEqual({
      gezinId: ended.gezinId,
      naam: 'Zonderman',
      aangemeldOp: expect.any(String),
    });
    expect(ids).not.toContain(kept.gezinId);

    // The history and the old contact person's access.
    const history = await get('anna', `/gezinnen/${ended.gezinId}/contactpersonen`).expect(200);
    expect(history.body.contactpersonen).toEqual([
      {
        ...people.anna,
        vanaf: '2026-03-01',
        tot: '2026-09-01',
        redenEinde: 'Hulp afgerond; het gezin redt het zelf',
      },
    ]);
    const gezin = await get('anna', `/gezinnen/${ended.gezinId}`).expect(200);
    expect(gezin.body).toMatchObject({ toegang: 'lezen', contactpersoon: null });

    // Only team leads see the list.
    const refused = await get('anna', '/werklijsten/zonder-contactpersoon');
    expectProblem(refused, 403);
    expect(refused.body.detail).toMatch(/teamleider/);

    // Once the team lead assigns someone, the family leaves the list.
    const assigned = await write(
      'tessa',
      `/gezinnen/${ended.gezinId}/contactpersoon`,
      assignBody('bram', '2026-09-15'),
      '"3"',
    );
    const after = await get(
      'tessa',
      '/werklijsten/zonder-contactpersoon',
      assigned.position,
    ).expect(200);
    expect(after.body.items.map((i: { gezinId: string }) => i.gezinId)).not.toContain(
      ended.gezinId,
    );
  });

  it('mijn-gezinnen lists the families I coordinate (schrijven) and handed over (lezen), never someone else’s', async () => {
    const aalders = await gezinMet('dirk', 'dirk', 'Aalders');
    const bos = await gezinMet('dirk', 'dirk', 'Bos');
    const claes = await gezinMet('eva', 'eva', 'Claes');
    const dekker = await register('dirk', 'Dekker'); // registered, not yet assigned: dirk prepares it
    const handedOver = await write(
      'dirk',
      `/gezinnen/${bos.gezinId}/overdrachten`,
      handOverBody('eva'),
    );
    const position = handedOver.position;

    const dirks = await get('dirk', '/werklijsten/mijn-gezinnen', position).expect(200);
    expect(dirks.body).toEqual({
      items: [
        { gezinId: aalders.gezinId, naam: 'Aalders', toegang: 'schrijven', evaluatiedatum: null },
        { gezinId: dekker.gezinId, naam: 'Dekker', toegang: 'schrijven', evaluatiedatum: null },
        { gezinId: bos.gezinId, naam: 'Bos', toegang: 'lezen', evaluatiedatum: null },
      ],
    });
    const evas = await get('eva', '/werklijsten/mijn-gezinnen', position).expect(200);
    expect(evas.body).toEqual({
      items: [
        { gezinId: bos.gezinId, naam: 'Bos', toegang: 'schrijven', evaluatiedatum: null },
        { gezinId: claes.gezinId, naam: 'Claes', toegang: 'schrijven', evaluatiedatum: null },
      ],
    });
    // Someone who works with none of them sees none of them.
    const carlas = await get('carla', '/werklijsten/mijn-gezinnen', position).expect(200);
    const carlasIds = carlas.body.items.map((i: { gezinId: string }) => i.gezinId);
    for (const gezinId of [aalders.gezinId, bos.gezinId, claes.gezinId, dekker.gezinId]) {
      expect(carlasIds).not.toContain(gezinId);
    }
  });

  it('evaluaties-verlopen and afspraken-verlopen list only overdue evaluations and overdue open agreements, for the active contact person only', async () => {
    const { gezinId } = await gezinMet('femke', 'femke', 'Verlopen');
    const planned = await t
      .http()
      .put(`${API}/gezinnen/${gezinId}/plan`)
      .set('Authorization', `Bearer ${tokens.femke}`)
      .set('If-Match', '"2"')
      .send({
        hulpvraag: 'Wij willen weer rust in huis.',
        doelen: [
          { doelId: 'd-1', leefgebied: 'onderwijs', omschrijving: 'Sanne gaat naar school' },
        ],
        afspraken: [
          {
            afspraakId: 'a-open',
            wie: 'Mark (vader)',
            wat: 'Belt school',
            uiterlijk: '2025-02-01',
            status: 'open',
            doelId: 'd-1',
          },
          {
            afspraakId: 'a-klaar',
            wie: 'Femke',
            wat: 'Plant overleg',
            uiterlijk: '2025-02-01',
            status: 'afgerond',
          },
          {
            afspraakId: 'a-later',
            wie: 'Sanne',
            wat: 'Haalt diploma',
            uiterlijk: '2999-12-31',
            status: 'open',
          },
        ],
        evaluatiedatum: '2025-01-01',
        toestemming: { delen: true, vastgelegdOp: '2025-01-01' },
      });
    expect(planned.status).toBe(200);
    expect(planned.headers.etag).toBe('"3"');

    // A second family of femke's whose plan is not overdue.
    const onTime = await gezinMet('femke', 'femke', 'Optijd');
    const plannedOnTime = await t
      .http()
      .put(`${API}/gezinnen/${onTime.gezinId}/plan`)
      .set('Authorization', `Bearer ${tokens.femke}`)
      .set('If-Match', '"2"')
      .send({
        hulpvraag: 'Meer structuur.',
        doelen: [],
        afspraken: [
          {
            afspraakId: 'a-1',
            wie: 'Moeder',
            wat: 'Maakt weekplanning',
            uiterlijk: '2999-01-01',
            status: 'lopend',
          },
        ],
        evaluatiedatum: '2999-01-01',
        toestemming: { delen: true, vastgelegdOp: '2026-01-01' },
      })
      .expect(200);
    const position = plannedOnTime.body.position as string;

    const overdueEvaluation = { gezinId, naam: 'Verlopen', evaluatiedatum: '2025-01-01' };
    const overdueAgreement = {
      gezinId,
      naam: 'Verlopen',
      afspraakId: 'a-open',
      wie: 'Mark (vader)',
      wat: 'Belt school',
      uiterlijk: '2025-02-01',
      status: 'open',
    };
    const worklists = async (who: string, minPosition: string) => ({
      evaluaties: (await get(who, '/werklijsten/evaluaties-verlopen', minPosition).expect(200))
        .body,
      afspraken: (await get(who, '/werklijsten/afspraken-verlopen', minPosition).expect(200)).body,
    });

    expect(await worklists('femke', position)).toEqual({
      evaluaties: { items: [overdueEvaluation] },
      afspraken: { items: [overdueAgreement] },
    });
    expect(await worklists('gijs', position)).toEqual({
      evaluaties: { items: [] },
      afspraken: { items: [] },
    });

    // After the handover the lists move with the family.
    const handedOver = await write(
      'femke',
      `/gezinnen/${gezinId}/overdrachten`,
      handOverBody('gijs'),
      '"3"',
    );
    expect(await worklists('femke', handedOver.position)).toEqual({
      evaluaties: { items: [] },
      afspraken: { items: [] },
    });
    expect(await worklists('gijs', handedOver.position)).toEqual({
      evaluaties: { items: [overdueEvaluation] },
      afspraken: { items: [overdueAgreement] },
    });
    // mijn-gezinnen shows the evaluation date too.
    const gijs = await get('gijs', '/werklijsten/mijn-gezinnen').expect(200);
    expect(gijs.body.items).toEqual([
      { gezinId, naam: 'Verlopen', toegang: 'schrijven', evaluatiedatum: '2025-01-01' },
    ]);
  });

  it('a stale If-Match on a handover is refused with 409 and the current revision; nothing is handed over', async () => {
    const { gezinId } = await gezinMet('henk', 'henk');
    const res = await post(
      'henk',
      `/gezinnen/${gezinId}/overdrachten`,
      handOverBody('iris'),
      '"1"',
    );
    expectProblem(res, 409);
    expect(res.body.currentRevision).toBe(2);

    const history = await get('henk', `/gezinnen/${gezinId}/contactpersonen`).expect(200);
    expect(history.body.contactpersonen).toEqual([
      { ...people.henk, vanaf: '2026-03-01', tot: null, redenEinde: null },
    ]);
    await get('henk', `/gezinnen/${gezinId}`).expect(200).expect('ETag', '"2"');
  });

  it('business rules of handover and end: 422 with the reason', async () => {
    const { gezinId } = await gezinMet('henk', 'henk', 'Regels');
    const url = `/gezinnen/${gezinId}`;
    const toSelf = await post('henk', `${url}/overdrachten`, handOverBody('henk'));
    expectProblem(toSelf, 422);
    expect(toSelf.body.detail).toBe('Henk Dijkstra is al de contactpersoon van dit gezin.');

    const beforeStart = await post(
      'henk',
      `${url}/overdrachten`,
      handOverBody('iris', '2026-02-01'),
    );
    expectProblem(beforeStart, 422);
    expect(beforeStart.body.detail).toBe(
      'De overdracht kan niet voor 2026-03-01 liggen, de start van Henk Dijkstra.',
    );
    expect(fields(beforeStart)).toEqual([['per', 'body']]);

    // A handover or end dated after today (2026-12-04) is refused: access follows the role at once.
    for (const res of [
      await post('henk', `${url}/overdrachten`, handOverBody('iris', '2026-12-05')),
      await post('henk', `${url}/contactpersoon/einde`, { per: '2027-01-01', reden: 'Klaar' }),
    ]) {
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/ligt in de toekomst; leg het vast op de dag zelf/);
      expect(fields(res)).toEqual([['per', 'body']]);
    }

    await write('henk', `${url}/contactpersoon/einde`, { per: '2026-04-01', reden: 'Klaar' });
    const { gezinId: other } = await register('henk', 'Zonder');
    for (const res of [
      await post('tessa', `${url}/contactpersoon/einde`, { per: '2026-05-01', reden: 'Klaar' }),
      await post('henk', `/gezinnen/${other}/overdrachten`, handOverBody('iris')),
    ]) {
      expectProblem(res, 422);
    }
  });

  describe('invalid input: 400 naming the field, nothing written', () => {
    let gezinId: string;
    beforeAll(async () => {
      ({ gezinId } = await gezinMet('henk', 'henk', 'Validatie'));
    });
    afterAll(async () => {
      await get('henk', `/gezinnen/${gezinId}`).expect(200).expect('ETag', '"2"');
    });

    it('a handover without reden', async () => {
      const { naar, per } = handOverBody('iris');
      const res = await post('henk', `/gezinnen/${gezinId}/overdrachten`, { naar, per });
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['reden', 'body']]);
    });

    it('an unknown field', async () => {
      for (const [path, body, field] of [
        ['overdrachten', { ...handOverBody('iris'), telefoon: '0612345678' }, 'telefoon'],
        ['contactpersoon', { ...assignBody('iris'), rol: 'teamleider' }, 'rol'],
        ['contactpersoon/einde', { per: '2026-04-01', reden: 'Klaar', door: 'u-x' }, 'door'],
      ] as const) {
        const res = await post('henk', `/gezinnen/${gezinId}/${path}`, body);
        expectProblem(res, 400);
        expect(fields(res)).toEqual([[field, 'body']]);
      }
    });

    it('a bad date names per or vanaf', async () => {
      for (const [path, body, field] of [
        ['overdrachten', handOverBody('iris', '2026-02-30'), 'per'],
        ['contactpersoon', assignBody('iris', '01-03-2026'), 'vanaf'],
        ['contactpersoon/einde', { per: 'morgen', reden: 'Klaar' }, 'per'],
      ] as const) {
        const res = await post('henk', `/gezinnen/${gezinId}/${path}`, body);
        expectProblem(res, 400);
        expect(fields(res)).toEqual([[field, 'body']]);
      }
    });

    it('naar.userId with a space', async () => {
      const body = { ...handOverBody('iris'), naar: { ...people.iris, userId: 'u iris' } };
      const res = await post('henk', `/gezinnen/${gezinId}/overdrachten`, body);
      expectProblem(res, 400);
      expect(fields(res)).toEqual([['naar.userId', 'body']]);
      expect(res.body.detail).toMatch(/^naar\.userId: /);
    });
  });

  describe('roles', () => {
    type Route = [method: 'GET' | 'POST', path: string, body?: object];
    const routes = (gezinId: string): Route[] => [
      ['POST', `/gezinnen/${gezinId}/contactpersoon`, assignBody('iris')],
      ['POST', `/gezinnen/${gezinId}/overdrachten`, handOverBody('iris')],
      ['POST', `/gezinnen/${gezinId}/contactpersoon/einde`, { per: '2026-04-01', reden: 'x' }],
      ['GET', `/gezinnen/${gezinId}/contactpersonen`],
      ['GET', '/werklijsten/mijn-gezinnen'],
      ['GET', '/werklijsten/evaluaties-verlopen'],
      ['GET', '/werklijsten/afspraken-verlopen'],
      ['GET', '/werklijsten/zonder-contactpersoon'],
    ];

    it.each(['beleid', 'jph'])(
      'a %s token gets 403 on every contact-person route',
      async (role) => {
        const { gezinId } = await gezinMet('henk', 'henk', 'Rollen');
        for (const [method, path, body] of routes(gezinId)) {
          const res = method === 'GET' ? await get(role, path) : await post(role, path, body ?? {});
          expectProblem(res, 403);
          expect(res.body.detail).toBe('This route is for the role(s): contactpersoon.');
        }
        await get('henk', `/gezinnen/${gezinId}`).expect(200).expect('ETag', '"2"');
      },
    );

    it('no token gets 401 on every contact-person route', async () => {
      const { gezinId } = await gezinMet('henk', 'henk', 'Anoniem');
      for (const [method, path, body] of routes(gezinId)) {
        const res = method === 'GET' ? await get(null, path) : await post(null, path, body ?? {});
        expectProblem(res, 401);
      }
      await get('henk', `/gezinnen/${gezinId}`).expect(200).expect('ETag', '"2"');
    });
  });
});
