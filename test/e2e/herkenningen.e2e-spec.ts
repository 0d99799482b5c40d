import { addDays, formatISO, subMonths } from 'date-fns';
import type { Response } from 'supertest';
import { signDevToken } from '@app/access';
import { EventStore } from '@app/event-store';
import { TEST_START, TestApp, startTestApp } from './support/test-app';

/**
 * A recognised member reaches the care dossier only after a confirmation (ADR 0016): while it is
 * pending, the registrant's view of a known child (dossier, headers, care worklists) is the view
 * of a new child with the same later facts; a contact person of the child's other family (or a
 * team lead, when it has none) confirms or rejects it from a worklist.
 */
describe('recognised members to confirm (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let bram: string;
  let carla: string;
  let tessa: string;
  let beleid: string;
  let beheer: string;
  const API = '/api/v1';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const iso = (d: Date) => formatISO(d, { representation: 'date' });
  const inDays = (n: number) => iso(addDays(TEST_START, n));
  /** Turns 16.5 in 30 days: the perspective conversation is due then, once Jeugdwet care runs. */
  const geboortedatum = iso(subMonths(addDays(TEST_START, 30), 198));
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

  const head = async () => (await t.app.get(EventStore).headPosition()).toString();
  const get = async (path: string, token: string) =>
    t
      .http()
      .get(`${API}${path}${path.includes('?') ? '&' : '?'}minPosition=${await head()}`)
      .set(auth(token));
  /** A read that must answer `status`. */
  const lees = async (path: string, token: string, status = 200) => {
    const res = await get(path, token);
    expect({ path, status: res.status }).toEqual({ path, status });
    return res;
  };
  const post = (path: string, body: object, token: string) =>
    t.http().post(`${API}${path}`).set(auth(token)).send(body);

  /** A family of one youth, registered by `token`; the youth's person id and the family's. */
  async function gezinMet(token: string, naam: string, kind: object) {
    const res = await post(
      '/gezinnen',
      { naam, leden: [{ rol: 'jeugdige', achternaam: naam, geboortedatum, ...kind }] },
      token,
    ).expect(201);
    await lees(`/gezinnen/${res.body.gezinId}`, token); // the read models know the family now
    return {
      gezinId: res.body.gezinId as string,
      persoonId: res.body.leden[0].persoonId as string,
    };
  }
  const toewijzing = {
    wettelijkKader: 'jeugdwet',
    productcode: '45A48',
    aanbiederId: '12345678',
    verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    toewijzingsnummer: 'TW-1',
    begindatum: '2026-06-01',
    einddatum: inDays(30),
    omvang: null,
  };

  /** An answer with its ids and names made alike: what tells one child from another. */
  const alsNieuw = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value)
        .replace(UUID, '{id}')
        .replace(/Noor|Fenna|Lotte/g, '{naam}'),
    );
  /**
   * An answer as the registrant sees it: status, the version (ETag) and the body, but for the log
   * position (shared by every writer, it differs between any two writes).
   */
  const zicht = (res: Response) => {
    const { position: _positie, ...body } = res.body as { position?: string };
    return { status: res.status, etag: res.headers.etag, body: alsNieuw(body) };
  };
  const werklijsten = async (token: string) => ({
    aflopend: (await get('/werklijsten/toewijzingen-aflopend', token)).body.items,
    perspectief: (await get('/werklijsten/perspectiefgesprekken', token)).body.items,
  });

  let gezinA: { gezinId: string; persoonId: string };
  /** Family A's assignment for Noor, from before the recognition. */
  let eerderId: string;
  /** Noor, known from family A; registered again by Bram in family B. */
  let gezinB: { gezinId: string; persoonId: string };
  /** Fenna, a new child, registered by Bram with the same later facts. */
  let gezinC: { gezinId: string; persoonId: string };

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    bram = await t.token('contactpersoon', 'u-bram', 'Bram Bakker');
    carla = await t.token('contactpersoon', 'u-carla', 'Carla Smit');
    tessa = await signDevToken(t.dataDir, {
      userId: 'u-tessa',
      roles: ['contactpersoon'],
      name: 'Tessa Teamleider',
      teamleider: true,
    });
    beleid = await t.token('beleid', 'u-beleid');
    beheer = await t.token('beheer', 'u-beheer', 'Functioneel beheer');
    const put = (path: string, body: object) =>
      t.http().put(`${API}${path}`).set(auth(beheer)).send(body).expect(200);
    await put('/referentiedata/producten/45A48', {
      geldigVanaf: '2020-01-01',
      categorie: '45',
      omschrijving: 'Ambulant',
      maxDuurMaanden: 6,
      cbsHulpvorm: '01',
    });
    await put('/referentiedata/aanbieders/12345678', {
      geldigVanaf: '2020-01-01',
      naam: 'Zorg BV',
    });

    // Family A knows Noor, with running Jeugdwet care: an assignment ending in 30 days, started.
    gezinA = await gezinMet(anna, 'Visser', { voornaam: 'Noor', bsn: '213456783' });
    const eerder = await post(
      `/personen/${gezinA.persoonId}/toewijzingen`,
      toewijzing,
      anna,
    ).expect(201);
    eerderId = eerder.body.toewijzingId;
    await post(
      `/personen/${gezinA.persoonId}/toewijzingen/${eerder.body.toewijzingId}/zorgstart`,
      { datum: '2026-06-01' },
      anna,
    ).expect(201);
    await lees(`/gezinnen/${gezinA.gezinId}`, anna, 200); // the read models know Noor
    gezinB = await gezinMet(bram, 'Visser', { voornaam: 'Noor', bsn: '213456783' });
    gezinC = await gezinMet(bram, 'Visser', { voornaam: 'Fenna', bsn: '213456795' });
  });
  afterAll(() => t.close());

  it('Noor is one person in families A and B', () => {
    expect(gezinB.persoonId).toBe(gezinA.persoonId);
    expect(gezinC.persoonId).not.toBe(gezinA.persoonId);
  });

  it('while pending, the registrant sees a known child as a new one: dossier, ETag, worklists', async () => {
    const dossier = (persoonId: string) => get(`/personen/${persoonId}/zorg`, bram);
    // Nothing recorded since the recognition: an empty dossier without ETag, like Fenna's.
    expect(zicht(await dossier(gezinB.persoonId))).toEqual(zicht(await dossier(gezinC.persoonId)));
    expect((await dossier(gezinB.persoonId)).body.toewijzingen).toEqual([]);
    expect((await dossier(gezinB.persoonId)).headers.etag).toBeUndefined();
    expect(await werklijsten(bram)).toEqual({ aflopend: [], perspectief: [] });

    // The same later facts for both: the answers, the dossiers and the worklists alike.
    const schrijf = async (persoonId: string) => {
      const nieuw = await post(`/personen/${persoonId}/toewijzingen`, toewijzing, bram);
      const start = await post(
        `/personen/${persoonId}/toewijzingen/${nieuw.body.toewijzingId}/zorgstart`,
        { datum: '2026-07-01' },
        bram,
      ).set('If-Match', String(nieuw.headers.etag));
      return [zicht(nieuw), zicht(start)];
    };
    const [bekend, onbekend] = [await schrijf(gezinB.persoonId), await schrijf(gezinC.persoonId)];
    expect(bekend).toEqual(onbekend);
    expect(bekend.map((w) => [w.status, w.etag])).toEqual([
      [201, '"0"'],
      [201, '"1"'],
    ]);
    expect(zicht(await dossier(gezinB.persoonId))).toEqual(zicht(await dossier(gezinC.persoonId)));
    expect((await dossier(gezinB.persoonId)).body.toewijzingen).toHaveLength(1);
    const lijsten = await werklijsten(bram);
    expect(lijsten.aflopend).toHaveLength(2);
    expect(lijsten.perspectief).toHaveLength(2);
    expect(alsNieuw(lijsten.aflopend[0])).toEqual(alsNieuw(lijsten.aflopend[1]));
    expect(alsNieuw(lijsten.perspectief[0])).toEqual(alsNieuw(lijsten.perspectief[1]));
    // A stale If-Match is refused as for a new child: the version counts what Bram is shown.
    const stale = async (persoonId: string) =>
      zicht(
        await post(`/personen/${persoonId}/toewijzingen`, toewijzing, bram).set('If-Match', '"0"'),
      );
    expect(await stale(gezinB.persoonId)).toEqual(await stale(gezinC.persoonId));
    expect((await stale(gezinB.persoonId)).status).toBe(409);

    // Anna, through the confirmed family A, still sees everything: both assignments.
    const vanAnna = await lees(`/personen/${gezinA.persoonId}/zorg`, anna, 200);
    expect(vanAnna.body.toewijzingen).toHaveLength(2);
    expect(vanAnna.headers.etag).toBe('"3"');
    // Family B's timeline has no line of the care before the recognition.
    const tijdlijn = await lees(`/gezinnen/${gezinB.gezinId}/tijdlijn`, bram, 200);
    const tijdlijnC = await lees(`/gezinnen/${gezinC.gezinId}/tijdlijn`, bram, 200);
    const zorgregels = (res: Response) =>
      res.body.items
        .filter((i: { soort: string }) => i.soort === 'zorg')
        .map((i: { wat: string }) => alsNieuw(i.wat));
    expect(zorgregels(tijdlijn)).toEqual(zorgregels(tijdlijnC));
  });

  it('while pending, a later fact about care from before the recognition is no line in the registrant’s timeline', async () => {
    // `lees` waits for the projections to reach the log's head.
    const zorgregels = async (gezinId: string, token: string) =>
      (await lees(`/gezinnen/${gezinId}/tijdlijn`, token, 200)).body.items
        .filter((i: { soort: string }) => i.soort === 'zorg')
        .map((i: { wat: string }) => i.wat);
    const voor = await zorgregels(gezinB.gezinId, bram);
    await post(
      `/personen/${gezinA.persoonId}/toewijzingen/${eerderId}/zorgstop`,
      { datum: inDays(-1), reden: '31' },
      anna,
    ).expect(201);
    // Family A's timeline has the stop; family B's has no new care line.
    const inA = await zorgregels(gezinA.gezinId, anna);
    expect(inA.filter((wat: string) => /gestopt|beëindigd|stop/i.test(wat)).length).toBeGreaterThan(
      0,
    );
    expect(await zorgregels(gezinB.gezinId, bram)).toEqual(voor);
  });

  it('the worklist shows the recognition to the other family, logged as a read; not to the registrant', async () => {
    const lijst = await lees('/werklijsten/te-bevestigen-leden', anna, 200);
    expect(lijst.body.items).toEqual([
      {
        persoonId: gezinA.persoonId,
        voornaam: 'Noor',
        achternaam: 'Visser',
        geboortedatum,
        gezinId: gezinB.gezinId,
        gezinsnaam: 'Visser',
        geregistreerdDoor: 'u-bram',
        geregistreerdOp: expect.any(String),
      },
    ]);
    expect((await lees('/werklijsten/te-bevestigen-leden', bram, 200)).body.items).toEqual([]);
    expect((await lees('/werklijsten/te-bevestigen-leden', carla, 200)).body.items).toEqual([]);
    await lees('/werklijsten/te-bevestigen-leden', beleid, 403);
    const log = await lees(`/verwerkingslog/${gezinA.gezinId}`, beheer, 200);
    expect(log.body.inzages.map((i: { wat: string; door: string }) => [i.wat, i.door])).toEqual(
      expect.arrayContaining([['werklijst te-bevestigen-leden', 'u-anna']]),
    );
  });

  it('refuses the registrant, someone not involved (404), a wrong role (403), a bad body (400)', async () => {
    const url = `/personen/${gezinA.persoonId}/herkenningen/${gezinB.gezinId}`;
    const eigen = await post(`${url}/bevestiging`, {}, bram);
    // To the registrant, as to anyone not involved, the recognition does not exist: the same 404
    // as for the new child Fenna, recognised by no one.
    const nieuw = await post(
      `/personen/${gezinC.persoonId}/herkenningen/${gezinC.gezinId}/bevestiging`,
      {},
      bram,
    );
    expect([eigen.status, eigen.body.detail]).toEqual([404, nieuw.body.detail]);
    expect(eigen.headers['content-type']).toMatch(/^application\/problem\+json/);
    await post(`${url}/bevestiging`, {}, carla).expect(404);
    await post(`${url}/afwijzing`, { reden: 'Niet zij' }, bram).expect(404);
    await post(`${url}/bevestiging`, {}, beleid).expect(403);
    const zonderReden = await post(`${url}/afwijzing`, {}, anna).expect(400);
    expect(zonderReden.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zonderReden.body.errors).toEqual([expect.objectContaining({ field: 'reden' })]);
    await post(
      `/personen/${gezinA.persoonId}/herkenningen/not-a-uuid/bevestiging`,
      {},
      anna,
    ).expect(400);
  });

  it('confirmed by family A, the registrant reads the whole dossier; not twice', async () => {
    const url = `/personen/${gezinA.persoonId}/herkenningen/${gezinB.gezinId}`;
    const besluit = await post(`${url}/bevestiging`, {}, anna).expect(200);
    expect(besluit.body).toMatchObject({ persoonId: gezinA.persoonId, gezinId: gezinB.gezinId });
    const dossier = await lees(`/personen/${gezinB.persoonId}/zorg`, bram, 200);
    expect(dossier.body.toewijzingen).toHaveLength(2);
    // Anna's two assignment events, Bram's two and Anna's stop of her older assignment.
    expect(dossier.headers.etag).toBe('"4"');
    // Bram's assignments for Noor and Fenna; Anna's older one was stopped (no longer running out).
    expect((await werklijsten(bram)).aflopend).toHaveLength(2);
    expect((await get('/werklijsten/te-bevestigen-leden', anna)).body.items).toEqual([]);
    const weer = await post(`${url}/bevestiging`, {}, anna).expect(422);
    expect(weer.body.detail).toMatch(/al besloten/);
    await post(`${url}/afwijzing`, { reden: 'Toch niet' }, anna).expect(422);
  });

  it('rejected (here by a team lead: family A has no contact person), the history stays hidden', async () => {
    const a = await gezinMet(anna, 'Mulder', { voornaam: 'Lotte', bsn: '213456813' });
    await post(`/personen/${a.persoonId}/toewijzingen`, toewijzing, anna).expect(201);
    await lees(`/gezinnen/${a.gezinId}`, anna, 200);
    const d = await gezinMet(bram, 'Mulder', { voornaam: 'Lotte', bsn: '213456813' });
    expect(d.persoonId).toBe(a.persoonId);

    const lijst = await lees('/werklijsten/te-bevestigen-leden', tessa, 200);
    expect(lijst.body.items.map((i: { gezinId: string }) => i.gezinId)).toEqual([d.gezinId]);
    const url = `/personen/${a.persoonId}/herkenningen/${d.gezinId}`;
    await post(`${url}/afwijzing`, { reden: 'Andere Lotte: ouders kloppen niet' }, tessa).expect(
      200,
    );
    const dossier = await lees(`/personen/${d.persoonId}/zorg`, bram, 200);
    expect(dossier.body.toewijzingen).toEqual([]);
    expect(dossier.headers.etag).toBeUndefined();
    // Still a member of D; still refused a second decision.
    const gezin = await lees(`/gezinnen/${d.gezinId}`, bram, 200);
    expect(gezin.body.leden.map((l: { persoonId: string }) => l.persoonId)).toEqual([d.persoonId]);
    await post(`${url}/bevestiging`, {}, anna).expect(422);
    // The registrant cannot open the history by adding Lotte to another family of theirs.
    const e = await post(
      '/gezinnen',
      {
        naam: 'Bakker',
        leden: [{ rol: 'jeugdige', voornaam: 'Daan', achternaam: 'Bakker', geboortedatum }],
      },
      bram,
    ).expect(201);
    await post(
      `/gezinnen/${e.body.gezinId}/leden`,
      { persoonId: d.persoonId, rol: 'jeugdige' },
      bram,
    ).expect(404);
  });
});
