import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { TestApp, startTestApp } from './support/test-app';

/** One plan per family, versioned: who, when and why for every version; nothing lost, need-to-know. */
describe('gezinsplan (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let bram: string;
  let beleid: string;
  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    bram = await t.token('contactpersoon', 'u-bram', 'Bram Bakker');
    beleid = await t.token('beleid', 'u-beleid', 'Bea Beleid');
  });
  afterAll(() => t.close());

  const jansen = {
    naam: 'Jansen',
    leden: [
      { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Jansen', geboortedatum: '2012-05-04' },
      { rol: 'jeugdige', voornaam: 'Daan', achternaam: 'Jansen', geboortedatum: '2015-01-31' },
      { rol: 'ouder', voornaam: 'Mark', achternaam: 'Jansen' },
    ],
  };
  const asAnna = {
    userId: 'u-anna',
    naam: 'Anna de Vries',
    organisatie: 'Wijkteam Noord',
    vanaf: '2026-03-01',
  };
  const door = { userId: 'u-anna', rol: 'contactpersoon' };
  const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  interface Gezin {
    gezinId: string;
    url: string;
    /** persoonIds of the members, by first name. */
    sanne: string;
    daan: string;
    mark: string;
    /** The family's current ETag and the last write's log position. */
    etag: string;
    position: string;
  }

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  function expectProblem(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  }

  /** A header every successful write (and family read) answers with; fails loudly when missing. */
  function header(res: Response, name: 'etag' | 'x-log-position'): string {
    const value: unknown = res.headers[name];
    if (typeof value !== 'string') throw new Error(`No ${name} header on a ${res.status} answer`);
    return value;
  }
  const etagOf = (res: Response) => header(res, 'etag');
  const positionOf = (res: Response) => header(res, 'x-log-position');

  function get(path: string, token: string, minPosition?: string) {
    const query = minPosition === undefined ? '' : `?minPosition=${minPosition}`;
    return t.http().get(`${path}${query}`).set(auth(token));
  }

  function put(gezin: Pick<Gezin, 'url'>, body: object, etag?: string, token = anna) {
    const req = t.http().put(`${gezin.url}/plan`).set(auth(token));
    if (etag !== undefined) req.set('If-Match', etag);
    return req.send(body);
  }

  /** A family of two youths and a parent, with Anna as its contact person. */
  async function gezinMetContactpersoon(): Promise<Gezin> {
    const created = await t.http().post('/api/v1/gezinnen').set(auth(anna)).send(jansen);
    expect(created.status).toBe(201);
    const url = `/api/v1/gezinnen/${created.body.gezinId}`;
    const assigned = await t
      .http()
      .post(`${url}/contactpersoon`)
      .set(auth(anna))
      .set('If-Match', etagOf(created))
      .send(asAnna);
    expect(assigned.status).toBe(200);
    const gezin = await get(url, anna, positionOf(assigned)).expect(200);
    const [sanne, daan, mark] = gezin.body.leden.map((l: { persoonId: string }) => l.persoonId);
    return {
      gezinId: created.body.gezinId,
      url,
      sanne,
      daan,
      mark,
      etag: etagOf(gezin),
      position: positionOf(assigned),
    };
  }

  /** The first plan: a goal for Sanne (onderwijs), one for the whole family (financien), one agreement. */
  function eerstePlan(gezin: Gezin) {
    return {
      hulpvraag: 'Wij willen weer rust in huis, en Sanne wil weer naar school.',
      doelen: [
        {
          doelId: 'd-1',
          leefgebied: 'onderwijs',
          persoonId: gezin.sanne,
          omschrijving: 'Sanne gaat elke dag naar school',
        },
        {
          doelId: 'd-2',
          leefgebied: 'financien',
          persoonId: null,
          omschrijving: 'Het gezin heeft overzicht over de schulden',
        },
      ],
      afspraken: [
        {
          afspraakId: 'a-1',
          wie: 'Mark (vader)',
          wat: 'Belt de schuldhulpverlening',
          uiterlijk: '2026-03-15',
          status: 'open',
          doelId: 'd-2',
        },
      ],
      evaluatiedatum: '2026-06-01',
      toestemming: {
        delen: true,
        vastgelegdOp: '2026-03-02',
        toelichting: 'Niet delen met school',
      },
    };
  }

  /** A family with its first plan written; `etag`/`position` are after the plan. */
  async function gezinMetPlan(): Promise<Gezin & { plan: ReturnType<typeof eerstePlan> }> {
    const gezin = await gezinMetContactpersoon();
    const plan = eerstePlan(gezin);
    const res = await put(gezin, plan, gezin.etag);
    expect(res.status).toBe(200);
    return { ...gezin, plan, etag: etagOf(res), position: positionOf(res) };
  }

  it('acceptance: writes v1, changes it to v2 with a reason, lists, reads back and tells the timeline', async () => {
    const created = await t.http().post('/api/v1/gezinnen').set(auth(anna)).send(jansen);
    expect(created.status).toBe(201);
    // Registration plus one event per member.
    expect(created.body.revision).toBe(3);
    expect(created.headers.etag).toBe('"3"');
    const url = `/api/v1/gezinnen/${created.body.gezinId}`;
    const assigned = await t
      .http()
      .post(`${url}/contactpersoon`)
      .set(auth(anna))
      .set('If-Match', '"3"')
      .send(asAnna)
      .expect(200);
    expect(assigned.headers.etag).toBe('"4"');
    const before = await get(url, anna, positionOf(assigned)).expect(200);
    expect(before.body.plan).toBeNull();
    expect(before.headers.etag).toBe('"4"');
    expect(before.body.leden.map((l: { voornaam: string }) => l.voornaam)).toEqual([
      'Sanne',
      'Daan',
      'Mark',
    ]);
    const [sanne, daan, mark] = before.body.leden.map((l: { persoonId: string }) => l.persoonId);
    const gezin: Gezin = {
      gezinId: created.body.gezinId,
      url,
      sanne,
      daan,
      mark,
      etag: '"4"',
      position: positionOf(assigned),
    };

    // v1: no reason needed for the first version.
    const v1 = eerstePlan(gezin);
    const written1 = await put(gezin, v1, '"4"').expect(200);
    expect(written1.body).toEqual({
      gezinId: gezin.gezinId,
      revision: 5,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(written1.headers.etag).toBe('"5"');
    expect(written1.headers['x-log-position']).toBe(written1.body.position);

    // v2: the agreement is done and there is a new goal for Daan.
    const v2 = {
      ...v1,
      doelen: [
        ...v1.doelen,
        {
          doelId: 'd-3',
          leefgebied: 'vrije-tijd',
          persoonId: daan,
          omschrijving: 'Daan gaat op voetbal',
        },
      ],
      afspraken: [{ ...v1.afspraken[0], status: 'afgerond' }],
    };
    const reden = 'Evaluatie met het gezin op 1 april';
    const written2 = await put(gezin, { ...v2, reden }, etagOf(written1)).expect(200);
    expect(written2.body).toEqual({
      gezinId: gezin.gezinId,
      revision: 6,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(written2.headers.etag).toBe('"6"');
    const position = positionOf(written2);
    expect(BigInt(position)).toBeGreaterThan(BigInt(written1.body.position));

    // Every version: who, when, why (the first has no reason).
    const versies = await get(`${url}/plan/versies`, anna, position).expect(200);
    expect(versies.body).toEqual({
      gezinId: gezin.gezinId,
      versies: [
        { versie: 1, vastgelegdOp: expect.stringMatching(ISO_TIMESTAMP), door, reden: null },
        { versie: 2, vastgelegdOp: expect.stringMatching(ISO_TIMESTAMP), door, reden },
      ],
    });
    const [eerste, tweede] = versies.body.versies;
    expect(Date.parse(tweede.vastgelegdOp)).toBeGreaterThanOrEqual(Date.parse(eerste.vastgelegdOp));

    // The first version reads back whole, exactly as sent.
    const versie1 = await get(`${url}/plan/versies/1`, anna, position).expect(200);
    expect(versie1.body).toEqual({
      versie: 1,
      vastgelegdOp: eerste.vastgelegdOp,
      door,
      reden: null,
      plan: v1,
    });

    // The current plan is v2, without the reason mixed into the plan itself.
    const current = await get(`${url}/plan`, anna, position).expect(200);
    expect(current.body).toEqual({
      versie: 2,
      vastgelegdOp: tweede.vastgelegdOp,
      door,
      reden,
      plan: v2,
    });
    const versie2 = await get(`${url}/plan/versies/2`, anna, position).expect(200);
    expect(versie2.body).toEqual(current.body);

    // The family shows its plan version and evaluation date, and the new ETag.
    const after = await get(url, anna, position).expect(200);
    expect(after.body.plan).toEqual({ versie: 2, evaluatiedatum: '2026-06-01' });
    expect(after.body.revision).toBe(6);
    expect(after.headers.etag).toBe('"6"');

    // The timeline tells both in plain Dutch.
    const tijdlijn = await get(`${url}/tijdlijn`, anna)
      .query({ soort: 'plan', minPosition: position })
      .expect(200);
    expect(
      tijdlijn.body.items.map((i: { soort: string; wat: string }) => [i.soort, i.wat]),
    ).toEqual([
      [
        'plan',
        'Het gezinsplan is opgesteld (versie 1) met 2 doelen en 1 afspraak; evaluatie op 2026-06-01.',
      ],
      [
        'plan',
        'Het gezinsplan is aangepast (versie 2): Evaluatie met het gezin op 1 april ' +
          '(1 doel erbij; afspraak "Belt de schuldhulpverlening" is nu afgerond).',
      ],
    ]);
    for (const item of tijdlijn.body.items) expect(item.wie).toEqual(door);
  });

  it('two concurrent PUTs with the same If-Match: one 200, one 409; the loser re-sends as v3, nothing lost', async () => {
    const gezin = await gezinMetPlan();
    expect(gezin.etag).toBe('"5"');
    const later = { ...gezin.plan, evaluatiedatum: '2026-07-01' };
    const nieuweAfspraak = {
      afspraakId: 'a-2',
      wie: 'Sanne',
      wat: 'Gaat mee naar het gesprek met de mentor',
      uiterlijk: '2026-04-01',
      status: 'open',
      doelId: 'd-1',
    };
    const meer = { ...gezin.plan, afspraken: [...gezin.plan.afspraken, nieuweAfspraak] };
    const edits = [
      { plan: later, reden: 'Evaluatie verzet op verzoek van het gezin' },
      { plan: meer, reden: 'Afspraak met Sanne toegevoegd' },
    ];

    const responses = await Promise.all(
      edits.map((edit) => put(gezin, { ...edit.plan, reden: edit.reden }, gezin.etag)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const winnerIndex = responses.findIndex((r) => r.status === 200);
    const winner = responses[winnerIndex]!;
    const loser = responses[1 - winnerIndex]!;
    const winnerEdit = edits[winnerIndex]!;
    const loserEdit = edits[1 - winnerIndex]!;

    expect(winner.body.revision).toBe(6);
    expect(winner.headers.etag).toBe('"6"');
    expectProblem(loser, 409);
    expect(loser.body.currentRevision).toBe(6);

    // The winner's content is the current plan, as v2; nothing of the loser got merged in.
    const position = positionOf(winner);
    const current = await get(`${gezin.url}/plan`, anna, position).expect(200);
    expect(current.body).toMatchObject({ versie: 2, reden: winnerEdit.reden });
    expect(current.body.plan).toEqual(winnerEdit.plan);

    // The loser reads again, applies their change to what is there now, and sends it with the new ETag.
    const reread = await get(gezin.url, anna, position).expect(200);
    expect(reread.headers.etag).toBe('"6"');
    const merged = { ...gezin.plan, evaluatiedatum: '2026-07-01', afspraken: meer.afspraken };
    const resent = await put(gezin, { ...merged, reden: loserEdit.reden }, etagOf(reread)).expect(
      200,
    );
    expect(resent.body.revision).toBe(7);
    expect(resent.headers.etag).toBe('"7"');

    const final = await get(`${gezin.url}/plan`, anna, positionOf(resent)).expect(200);
    expect(final.body).toMatchObject({ versie: 3, reden: loserEdit.reden, plan: merged });
    const versies = await get(`${gezin.url}/plan/versies`, anna, positionOf(resent)).expect(200);
    expect(
      versies.body.versies.map((v: { versie: number; reden: string | null }) => [
        v.versie,
        v.reden,
      ]),
    ).toEqual([
      [1, null],
      [2, winnerEdit.reden],
      [3, loserEdit.reden],
    ]);
  });

  it('428 without If-Match (naming the header), 409 with a stale one; nothing written', async () => {
    const gezin = await gezinMetContactpersoon();
    const missing = await put(gezin, eerstePlan(gezin));
    expectProblem(missing, 428);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'If-Match', in: 'header' }),
    ]);
    await get(`${gezin.url}/plan`, anna, gezin.position).expect(404);

    const written = await put(gezin, eerstePlan(gezin), gezin.etag).expect(200);
    expect(written.headers.etag).toBe('"5"');
    const stale = await put(
      gezin,
      { ...eerstePlan(gezin), evaluatiedatum: '2026-09-01', reden: 'Later evalueren' },
      gezin.etag,
    );
    expectProblem(stale, 409);
    expect(stale.body.currentRevision).toBe(5);

    const current = await get(`${gezin.url}/plan`, anna, positionOf(written)).expect(200);
    expect(current.body).toMatchObject({ versie: 1, plan: { evaluatiedatum: '2026-06-01' } });
  });

  describe('422: the plan’s rules', () => {
    let gezin: Awaited<ReturnType<typeof gezinMetPlan>>;
    beforeAll(async () => {
      gezin = await gezinMetPlan();
    });
    afterAll(async () => {
      // None of the refused writes made a version or moved the ETag.
      const after = await get(gezin.url, anna, gezin.position).expect(200);
      expect(after.headers.etag).toBe(gezin.etag);
      expect(after.body.plan).toEqual({ versie: 1, evaluatiedatum: '2026-06-01' });
    });

    it('a change without a reason', async () => {
      const res = await put(gezin, { ...gezin.plan, evaluatiedatum: '2026-09-01' }, gezin.etag);
      expectProblem(res, 422);
      expect(res.body.detail).toMatch(/waarom het plan verandert \(reden\)/);
    });

    it('a goal for a person who is not in the family', async () => {
      const res = await put(
        gezin,
        {
          ...gezin.plan,
          doelen: [
            ...gezin.plan.doelen,
            {
              doelId: 'd-3',
              leefgebied: 'gezondheid',
              persoonId: randomUUID(),
              omschrijving: 'Neef Piet slaapt beter',
            },
          ],
          reden: 'Doel voor neef',
        },
        gezin.etag,
      );
      expectProblem(res, 422);
      expect(res.body.detail).toBe(
        'Doel "Neef Piet slaapt beter" is voor iemand die niet (meer) bij het gezin hoort.',
      );
    });

    it('an agreement for a goal that is not in the plan', async () => {
      const res = await put(
        gezin,
        {
          ...gezin.plan,
          afspraken: [{ ...gezin.plan.afspraken[0], doelId: 'd-9' }],
          reden: 'Afspraak verplaatst',
        },
        gezin.etag,
      );
      expectProblem(res, 422);
      expect(res.body.detail).toBe(
        'Afspraak "Belt de schuldhulpverlening" hoort bij een doel dat niet in het plan staat.',
      );
    });

    it('the same doelId twice', async () => {
      const res = await put(
        gezin,
        {
          ...gezin.plan,
          doelen: [...gezin.plan.doelen, { ...gezin.plan.doelen[1], omschrijving: 'Nog een' }],
          reden: 'Dubbel doel',
        },
        gezin.etag,
      );
      expectProblem(res, 422);
      expect(res.body.detail).toBe('Doel d-2 staat twee keer in het plan.');
    });
  });

  it('sending the same plan again (with a reason) makes no new version', async () => {
    const gezin = await gezinMetPlan();
    const again = await put(gezin, { ...gezin.plan, reden: 'Nog eens opgeslagen' }, gezin.etag);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ gezinId: gezin.gezinId, revision: 5 });
    expect(again.headers.etag).toBe(gezin.etag);

    const versies = await get(`${gezin.url}/plan/versies`, anna, gezin.position).expect(200);
    expect(versies.body.versies.map((v: { versie: number }) => v.versie)).toEqual([1]);
    const current = await get(`${gezin.url}/plan`, anna, gezin.position).expect(200);
    expect(current.body).toMatchObject({ versie: 1, reden: null, plan: gezin.plan });
    const after = await get(gezin.url, anna, gezin.position).expect(200);
    expect(after.body.revision).toBe(5);
    expect(after.body.plan).toEqual({ versie: 1, evaluatiedatum: '2026-06-01' });
    const tijdlijn = await get(`${gezin.url}/tijdlijn`, anna)
      .query({ soort: 'plan', minPosition: gezin.position })
      .expect(200);
    expect(tijdlijn.body.items).toHaveLength(1);
  });

  describe('400: malformed plans name the field', () => {
    let gezin: Gezin;
    beforeAll(async () => {
      gezin = await gezinMetContactpersoon();
    });
    afterAll(async () => {
      await get(`${gezin.url}/plan`, anna, gezin.position).expect(404);
    });

    type Plan = ReturnType<typeof eerstePlan>;
    const cases: [string, (plan: Plan) => object, string][] = [
      [
        'an unknown leefgebied',
        (p) => ({ ...p, doelen: [{ ...p.doelen[0], leefgebied: 'geld' }, p.doelen[1]] }),
        'doelen[0].leefgebied',
      ],
      [
        'an unknown agreement status',
        (p) => ({ ...p, afspraken: [{ ...p.afspraken[0], status: 'klaar' }] }),
        'afspraken[0].status',
      ],
      ['an impossible date', (p) => ({ ...p, evaluatiedatum: '2026-13-01' }), 'evaluatiedatum'],
      [
        'an unknown field inside a goal',
        (p) => ({ ...p, doelen: [p.doelen[0], { ...p.doelen[1], prioriteit: 'hoog' }] }),
        'doelen[1].prioriteit',
      ],
      ['no toestemming', ({ toestemming: _toestemming, ...rest }) => rest, 'toestemming'],
      [
        'toestemming.delen as a string',
        (p) => ({ ...p, toestemming: { ...p.toestemming, delen: 'ja' } }),
        'toestemming.delen',
      ],
    ];

    it.each(cases)('%s', async (_name, change, field) => {
      const res = await put(gezin, change(eerstePlan(gezin)), gezin.etag);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, in: 'body' })]),
      );
    });
  });

  describe('need-to-know', () => {
    const paths = ['/plan', '/plan/versies', '/plan/versies/1'];

    it('another contact person gets 404 on PUT and every read of the plan', async () => {
      const gezin = await gezinMetPlan();
      const res = await put(
        gezin,
        { ...gezin.plan, evaluatiedatum: '2026-09-01', reden: 'Overgenomen' },
        gezin.etag,
        bram,
      );
      expectProblem(res, 404);
      for (const path of paths) {
        expectProblem(await get(`${gezin.url}${path}`, bram, gezin.position), 404);
      }
      expectProblem(
        await get(`${gezin.url}/tijdlijn`, bram).query({
          soort: 'plan',
          minPosition: gezin.position,
        }),
        404,
      );
      // Not even a made-up version tells them more.
      expectProblem(await get(`${gezin.url}/plan/versies/7`, bram, gezin.position), 404);
    });

    it('an outsider guessing a stale If-Match learns nothing either (404, not 409 with the revision)', async () => {
      const gezin = await gezinMetPlan();
      const res = await put(
        gezin,
        { ...gezin.plan, evaluatiedatum: '2026-09-01', reden: 'Overgenomen' },
        '"0"',
        bram,
      );
      expectProblem(res, 404);
      expect(res.body.currentRevision).toBeUndefined();
    });

    it('after a handover the old contact person no longer reads or changes the plan (404); the new one does', async () => {
      const gezin = await gezinMetPlan();
      const handedOver = await t
        .http()
        .post(`${gezin.url}/overdrachten`)
        .set(auth(anna))
        .set('If-Match', gezin.etag)
        .send({
          naar: { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' },
          per: '2026-04-01',
          reden: 'Anna gaat met zwangerschapsverlof',
        })
        .expect(200);
      const position = positionOf(handedOver);
      const etag = etagOf(handedOver);
      expect(etag).toBe('"6"');

      const current = await get(`${gezin.url}/plan`, bram, position).expect(200);
      expect(current.body).toMatchObject({ versie: 1, door, plan: gezin.plan });
      for (const path of ['/plan', '/plan/versies', '/plan/versies/1']) {
        expectProblem(await get(`${gezin.url}${path}`, anna, position), 404);
      }

      const change = { ...gezin.plan, evaluatiedatum: '2026-09-01', reden: 'Nog even snel' };
      const refused = await put(gezin, change, etag, anna);
      expectProblem(refused, 404);

      // The new contact person can.
      const byBram = await put(
        gezin,
        { ...change, reden: 'Kennismaking met Bram' },
        etag,
        bram,
      ).expect(200);
      const read = await get(`${gezin.url}/plan`, bram, positionOf(byBram)).expect(200);
      expect(read.body).toMatchObject({
        versie: 2,
        door: { userId: 'u-bram', rol: 'contactpersoon' },
        reden: 'Kennismaking met Bram',
      });
    });

    it('policy staff get 403 and no token gets 401, on every plan route', async () => {
      const gezin = await gezinMetPlan();
      expectProblem(await put(gezin, gezin.plan, gezin.etag, beleid), 403);
      expectProblem(
        await t.http().put(`${gezin.url}/plan`).set('If-Match', gezin.etag).send(gezin.plan),
        401,
      );
      for (const path of paths) {
        expectProblem(await get(`${gezin.url}${path}`, beleid), 403);
        expectProblem(await t.http().get(`${gezin.url}${path}`), 401);
      }
    });
  });

  it('versions: 404 for one that does not exist, 400 for one that is not a positive number', async () => {
    const gezin = await gezinMetPlan();
    const missing = await get(`${gezin.url}/plan/versies/2`, anna, gezin.position);
    expectProblem(missing, 404);
    expect(missing.body.detail).toBe('Het plan heeft geen versie 2.');
    for (const versie of ['abc', '0']) {
      const res = await get(`${gezin.url}/plan/versies/${versie}`, anna, gezin.position);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'versie', in: 'path' })]);
    }
    // A family without a plan yet has no current plan either.
    const zonder = await gezinMetContactpersoon();
    const none = await get(`${zonder.url}/plan`, anna, zonder.position);
    expectProblem(none, 404);
    expect(none.body.detail).toBe('Dit gezin heeft nog geen plan.');
  });
});
