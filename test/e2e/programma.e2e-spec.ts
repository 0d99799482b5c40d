import { EventStore } from '@app/event-store';
import type { Response } from 'supertest';
import { KnopStoplicht, ProgrammaQueries } from '@app/projections';
import { ProgrammaCommands } from '../../apps/api/src/programma/programma.commands';
import { expectProblem, invalidFields } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The programme "Samen voor de Jeugd 2025-2028" (issue 12): its knoppen with their actions and
 * the themes as reference data kept by beheer, seeded as published (`npm run cli -- programma
 * seed` runs the same ProgrammaCommands.seed).
 */
describe('programma (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const API = '/api/v1';
  let seeded: { knoppen: number; themas: number };

  beforeAll(async () => {
    t = await startTestApp();
    tokens.beheer = await t.token('beheer', 'u-beheer');
    tokens.beleid = await t.token('beleid', 'u-beleid');
    tokens.anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    tokens.jph = await t.token('jph', 'u-jph');
    seeded = await t.app.get(ProgrammaCommands).seed({
      actor: { userId: 'beheer-cli', role: 'beheer' },
      correlationId: 'programma-seed',
      causationId: null,
    });
  });
  afterAll(() => t.close());

  /** A write's answer: its ids, the stream's new revision (also the ETag) and the log position. */
  function expectWritten(res: Response, ids: Record<string, unknown>) {
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...ids,
      revision: expect.any(Number),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
  }
  const as = (who: string | null, req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    who === null ? req : req.set('Authorization', `Bearer ${tokens[who]}`);
  const get = (path: string, who: string | null = 'beheer') =>
    as(who, t.http().get(`${API}${path}`));
  const put = (path: string, body: object, who: string | null = 'beheer') =>
    as(who, t.http().put(`${API}${path}`)).send(body);

  describe('referentiedata: knoppen, actions and themes', () => {
    it('holds the published programme once seeded: 14 knoppen with their actions, a theme per knop', async () => {
      expect(seeded).toEqual({ knoppen: 14, themas: 14 });
      const knoppen = await get('/referentiedata/knoppen', 'beleid');
      expect(knoppen.status).toBe(200);
      expect((knoppen.body.items as { knop: number }[]).map((k) => k.knop)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
      ]);
      const knop8 = await get('/referentiedata/knoppen/8', 'anna');
      expect(knop8.status).toBe(200);
      expect(knop8.body).toEqual({
        knop: 8,
        titel: 'Stoppen met hetgeen niet werkt',
        acties: [
          { actieId: 'k8-1', titel: expect.stringMatching(/^We ontwikkelen een methode/) },
          { actieId: 'k8-2a', titel: expect.stringMatching(/^We voeren gesprekken/) },
          { actieId: 'k8-2b', titel: 'We starten met het ophalen van de verhalen van cliënten.' },
          { actieId: 'k8-3', titel: expect.stringMatching(/KBL/) },
        ],
      });
      const thema = await get('/referentiedata/themas/knop-8', 'anna');
      expect(thema.body).toEqual({
        themaId: 'knop-8',
        naam: 'Stoppen met hetgeen niet werkt',
        knop: 8,
        actief: true,
      });
      expect((await get('/referentiedata/themas', 'beleid')).body.items).toHaveLength(14);
    });

    it('seeds only what is not there: a second seed writes nothing and keeps what beheer changed', async () => {
      const changed = await put('/referentiedata/themas/knop-3', {
        naam: 'Communities',
        knop: 3,
        actief: false,
      });
      expect(changed.status).toBe(200);
      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      const again = await t.app.get(ProgrammaCommands).seed({
        actor: { userId: 'beheer-cli', role: 'beheer' },
        correlationId: 'programma-seed-2',
        causationId: null,
      });
      expect(again).toEqual({ knoppen: 0, themas: 0 });
      expect(await store.headPosition()).toBe(before);
      const thema = await get(`/referentiedata/themas/knop-3?minPosition=${changed.body.position}`);
      expect(thema.body).toEqual({
        themaId: 'knop-3',
        naam: 'Communities',
        knop: 3,
        actief: false,
      });
      // The active themes: what a story may be linked to.
      expect(t.app.get(ProgrammaQueries).actieveThemaIds()).not.toContain('knop-3');
      expect(t.app.get(ProgrammaQueries).actieveThemaIds()).toContain('knop-8');
    });

    it('sets a theme of its own, with or without a knop; the same again writes nothing', async () => {
      const set = await put('/referentiedata/themas/ervaringen-jongeren', {
        naam: ' Ervaringen van jongeren ',
        knop: 8,
        actief: true,
      });
      expectWritten(set, { themaId: 'ervaringen-jongeren' });
      const again = await put('/referentiedata/themas/ervaringen-jongeren', {
        naam: 'Ervaringen van jongeren',
        knop: 8,
        actief: true,
      });
      expect(again.body).toEqual({
        themaId: 'ervaringen-jongeren',
        revision: set.body.revision,
        position: null,
      });
      const zonder = await put('/referentiedata/themas/wachttijden', {
        naam: 'Wachttijden',
        actief: true,
      });
      expect(zonder.status).toBe(200);
      const thema = await get(
        `/referentiedata/themas/wachttijden?minPosition=${zonder.body.position}`,
      );
      expect(thema.body).toEqual({
        themaId: 'wachttijden',
        naam: 'Wachttijden',
        knop: null,
        actief: true,
      });
    });

    it('sets a knop with its actions; an action of another knop is refused (422)', async () => {
      const knop15 = {
        titel: 'Een nieuwe knop',
        acties: [{ actieId: 'k15-1', titel: 'We doen iets nieuws.' }],
      };
      const set = await put('/referentiedata/knoppen/15', knop15);
      expectWritten(set, { knop: 15 });
      const read = await get(
        `/referentiedata/knoppen/15?minPosition=${set.body.position}`,
        'beleid',
      );
      expect(read.body).toEqual({ knop: 15, ...knop15 });

      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      const taken = await put('/referentiedata/knoppen/15', {
        titel: 'Een nieuwe knop',
        acties: [{ actieId: 'k10-1a', titel: 'Gestolen' }],
      });
      expectProblem(taken, 422, 'Actie k10-1a hoort al bij een andere knop.');
      const twice = await put('/referentiedata/knoppen/15', {
        titel: 'Een nieuwe knop',
        acties: [knop15.acties[0], knop15.acties[0]],
      });
      expectProblem(twice, 422, /twee keer/);
      expect(await store.headPosition()).toBe(before);
    });

    it('refuses a theme of a knop that does not exist (422)', async () => {
      const res = await put('/referentiedata/themas/x', { naam: 'X', knop: 42, actief: true });
      expectProblem(res, 422, 'Knop 42 bestaat niet.');
    });

    it('answers 404 for a theme or knop that does not exist', async () => {
      expectProblem(
        await get('/referentiedata/themas/bestaat-niet'),
        404,
        'Dit thema bestaat niet.',
      );
      expectProblem(await get('/referentiedata/knoppen/77'), 404, 'Deze knop bestaat niet.');
    });

    it('is written by beheer only and read by beheer, contact persons and beleid', async () => {
      const thema = { naam: 'X', actief: true };
      const knop = { titel: 'X', acties: [] };
      for (const who of ['beleid', 'anna', 'jph']) {
        expectProblem(await put('/referentiedata/themas/x', thema, who), 403);
        expectProblem(await put('/referentiedata/knoppen/8', knop, who), 403);
      }
      expectProblem(await put('/referentiedata/themas/x', thema, null), 401);
      expectProblem(await put('/referentiedata/knoppen/8', knop, null), 401);
      for (const path of ['themas', 'themas/knop-8', 'knoppen', 'knoppen/8']) {
        expectProblem(await get(`/referentiedata/${path}`, 'jph'), 403);
        expectProblem(await get(`/referentiedata/${path}`, null), 401);
        for (const who of ['beheer', 'anna', 'beleid']) {
          expect((await get(`/referentiedata/${path}`, who)).status).toBe(200);
        }
      }
    });

    it.each([
      ['a theme id with capitals', '/referentiedata/themas/Knop-8', [['themaId', 'path']]],
      ['a knop that is not a number', '/referentiedata/knoppen/acht', [['knop', 'path']]],
      ['knop 0', '/referentiedata/knoppen/0', [['knop', 'path']]],
      [
        'a position that is not one',
        '/referentiedata/themas?minPosition=abc',
        [['minPosition', 'query']],
      ],
    ])('refuses %s with 400 naming the field', async (_name, path, expected) => {
      const res = await get(path);
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual(expected);
    });

    it.each([
      ['a theme without a name', '/referentiedata/themas/x', { actief: true }, [['naam', 'body']]],
      ['a theme without actief', '/referentiedata/themas/x', { naam: 'X' }, [['actief', 'body']]],
      [
        'a theme with a knop as text',
        '/referentiedata/themas/x',
        { naam: 'X', knop: '8', actief: true },
        [['knop', 'body']],
      ],
      ['a knop without a title', '/referentiedata/knoppen/8', { acties: [] }, [['titel', 'body']]],
      ['a knop without actions', '/referentiedata/knoppen/8', { titel: 'X' }, [['acties', 'body']]],
      [
        'an action id with spaces',
        '/referentiedata/knoppen/8',
        { titel: 'X', acties: [{ actieId: 'k8 1', titel: 'X' }] },
        [['acties[0].actieId', 'body']],
      ],
      [
        'an action without a title',
        '/referentiedata/knoppen/8',
        { titel: 'X', acties: [{ actieId: 'k8-1' }] },
        [['acties[0].titel', 'body']],
      ],
    ])('refuses %s with 400 naming the field', async (_name, path, body, expected) => {
      const res = await put(path, body);
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual(expected);
    });
  });
  describe('stoplight (beleid)', () => {
    const post = (actieId: string, body: object, who: string | null = 'beleid') =>
      as(who, t.http().post(`${API}/beleid/programma/acties/${actieId}/status`)).send(body);
    const PERIODE = 'van=2025-01-01&tot=2026-11-30';

    /** Knop 8 after the statuses of the first test: one action oranje, one groen, two without. */
    const knop8: KnopStoplicht = {
      knop: 8,
      titel: 'Stoppen met hetgeen niet werkt',
      acties: 4,
      groen: 1,
      oranje: 1,
      rood: 0,
      zonderStatus: 2,
      laatsteDatum: '2026-11-15',
    };

    it('records statuses of an action; the history stays and the report shows the latest', async () => {
      const eerste = await post('k8-2b', {
        status: 'rood',
        toelichting: ' Nog geen verhalen opgehaald. ',
        datum: '2026-09-01',
      });
      expectWritten(eerste, { actieId: 'k8-2b' });
      const tweede = await post('k8-2b', {
        status: 'oranje',
        toelichting: 'De eerste twintig verhalen zijn opgehaald.',
        datum: '2026-11-15',
      });
      expect(tweede.status).toBe(200);
      await post('k8-1', { status: 'groen', toelichting: 'Methode staat.', datum: '2026-10-01' });

      const res = await get(
        `/beleid/programma/knoppen/8?${PERIODE}&minPosition=${tweede.body.position}`,
        'beleid',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        definitieVersie: 'stoplicht-1',
        ...knop8,
        themas: [
          {
            themaId: 'ervaringen-jongeren',
            naam: 'Ervaringen van jongeren',
            knop: 8,
            actief: true,
          },
          { themaId: 'knop-8', naam: 'Stoppen met hetgeen niet werkt', knop: 8, actief: true },
        ],
        // The monitoring gives the knop's released stories: none in this small cell.
        verhalen: [],
      });
      const k82b = (res.body.stoplicht as { actieId: string }[]).find((a) => a.actieId === 'k8-2b');
      const oranje = {
        status: 'oranje',
        toelichting: 'De eerste twintig verhalen zijn opgehaald.',
        datum: '2026-11-15',
        door: 'u-beleid',
        vastgelegdOp: expect.any(String),
      };
      expect(k82b).toEqual({
        actieId: 'k8-2b',
        titel: 'We starten met het ophalen van de verhalen van cliënten.',
        status: oranje,
        historie: [
          {
            status: 'rood',
            toelichting: 'Nog geen verhalen opgehaald.',
            datum: '2026-09-01',
            door: 'u-beleid',
            vastgelegdOp: expect.any(String),
          },
          oranje,
        ],
      });
      const k83 = (res.body.stoplicht as { actieId: string }[]).find((a) => a.actieId === 'k8-3');
      expect(k83).toMatchObject({ status: null, historie: [] });

      const lijst = await get('/beleid/programma/knoppen', 'beleid');
      expect(lijst.status).toBe(200);
      const items = lijst.body.items as KnopStoplicht[];
      expect(items.map((k) => k.knop).slice(0, 14)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
      ]);
      expect(items.find((k) => k.knop === 8)).toEqual(knop8);
      expect(items.find((k) => k.knop === 9)).toMatchObject({
        acties: 4,
        zonderStatus: 4,
        laatsteDatum: null,
      });
    });

    it("shows the council's indicators of the knop's starting point, the same as the monitoring's", async () => {
      const query = 'van=2023-01-01&tot=2026-11-30&bekendOp=2026-12-01';
      const monitoring = await get(`/beleid/zorg/indicatoren?${query}`, 'beleid');
      expect(monitoring.status).toBe(200);
      const knop12 = await get(`/beleid/programma/knoppen/12?${query}`, 'beleid');
      expect(knop12.status).toBe(200);
      const i12 = knop12.body.indicatoren;
      expect(i12).toMatchObject({
        definitieVersie: monitoring.body.definitieVersie,
        van: '2023-01-01',
        tot: '2026-11-30',
        bekendOp: '2026-12-01',
        vertrekpunt: expect.stringMatching(/verblijf/),
        indicatoren: ['metVerblijf', 'jeugdigenInVerblijf', 'alleenZonderVerblijf'],
        nulwaarden: {
          metVerblijf: monitoring.body.nulwaarden.metVerblijf,
          alleenZonderVerblijf: monitoring.body.nulwaarden.alleenZonderVerblijf,
        },
        inEnUitstroom: [],
        herhaaldeInstroom: null,
      });
      expect(i12.nulwaarden.zonderVerblijf).toBeUndefined();
      const jaren = monitoring.body.jaren as Record<string, unknown>[];
      expect(i12.jaren).toEqual(
        jaren.map((j) => ({
          jaar: j.jaar,
          van: j.van,
          tot: j.tot,
          peildatum: j.peildatum,
          heelJaar: j.heelJaar,
          bevolking: j.bevolking,
          bevolkingOnbekend: j.bevolkingOnbekend,
          metVerblijf: j.metVerblijf,
          jeugdigenInVerblijf: j.jeugdigenInVerblijf,
          alleenZonderVerblijf: j.alleenZonderVerblijf,
        })),
      );
      const knop8 = await get(`/beleid/programma/knoppen/8?${query}`, 'beleid');
      expect(knop8.body.indicatoren).toMatchObject({
        indicatoren: [
          'zonderVerblijf',
          'alleenZonderVerblijf',
          'inEnUitstroom',
          'herhaaldeInstroom',
        ],
        inEnUitstroom: monitoring.body.inEnUitstroom,
        herhaaldeInstroom: monitoring.body.herhaaldeInstroom,
      });
      // A knop added later works towards no starting point (yet): no indicators.
      const knop15 = await get(`/beleid/programma/knoppen/15?${query}`, 'beleid');
      expect(knop15.body.indicatoren).toMatchObject({ vertrekpunt: null, indicatoren: [] });
      expect(Object.keys(knop15.body.indicatoren.jaren[0]).sort()).toEqual([
        'bevolking',
        'bevolkingOnbekend',
        'heelJaar',
        'jaar',
        'peildatum',
        'tot',
        'van',
      ]);
    });

    it('answers CSV: the knoppen with their summary, and a knop with its actions', async () => {
      const lijst = await get('/beleid/programma/knoppen?formaat=csv', 'beleid');
      expect(lijst.status).toBe(200);
      expect(lijst.headers['content-type']).toMatch(/^text\/csv/);
      expect(lijst.headers['x-definitie-versie']).toBe('stoplicht-1');
      const regels = lijst.text.trim().split('\r\n');
      expect(regels[0]).toBe('knop,titel,acties,groen,oranje,rood,zonderStatus,laatsteDatum');
      expect(regels).toContain('8,Stoppen met hetgeen niet werkt,4,1,1,0,2,2026-11-15');

      const knop = await get(`/beleid/programma/knoppen/8?${PERIODE}`, 'beleid').set(
        'Accept',
        'text/csv',
      );
      expect(knop.status).toBe(200);
      expect(knop.headers['content-type']).toMatch(/^text\/csv/);
      const rijen = knop.text.trim().split('\r\n');
      expect(rijen[0]).toBe('knop,actieId,titel,status,datum,toelichting,statussen');
      expect(rijen).toContain(
        '8,k8-2b,We starten met het ophalen van de verhalen van cliënten.,oranje,2026-11-15,' +
          'De eerste twintig verhalen zijn opgehaald.,2',
      );
      expect(rijen).toHaveLength(5);
    });

    it('refuses a date in the future or before the latest status (422) and stores nothing', async () => {
      const store = t.app.get(EventStore);
      const before = await store.headPosition();
      expectProblem(
        await post('k8-2b', { status: 'groen', toelichting: 'x', datum: '2026-12-31' }),
        422,
        /De datum van de status .*ligt in de toekomst/,
      );
      expectProblem(
        await post('k8-2b', { status: 'groen', toelichting: 'x', datum: '2026-10-01' }),
        422,
        /Er is al een status van 2026-11-15/,
      );
      expect(await store.headPosition()).toBe(before);
    });

    it("refuses the report's indicators for a filter of fewer than 20 persons (422 naming it)", async () => {
      const res = await get(`/beleid/programma/knoppen/8?${PERIODE}&wijk=Nergens`, 'beleid');
      expectProblem(res, 422, /minder dan 20 personen/);
      expect(invalidFields(res)).toEqual([['wijk', 'query']]);
    });

    it('answers 404 for an action or a knop that does not exist', async () => {
      expectProblem(
        await post('k99-1', { status: 'groen', toelichting: 'x', datum: '2026-10-01' }),
        404,
        'Deze actie bestaat niet.',
      );
      expectProblem(
        await get(`/beleid/programma/knoppen/77?${PERIODE}`, 'beleid'),
        404,
        'Deze knop bestaat niet.',
      );
    });

    it('is for beleid only', async () => {
      const body = { status: 'groen', toelichting: 'x', datum: '2026-10-01' };
      for (const who of ['beheer', 'anna', 'jph']) {
        expectProblem(await post('k8-1', body, who), 403);
        expectProblem(await get('/beleid/programma/knoppen', who), 403);
        expectProblem(await get(`/beleid/programma/knoppen/8?${PERIODE}`, who), 403);
      }
      expectProblem(await post('k8-1', body, null), 401);
      expectProblem(await get('/beleid/programma/knoppen', null), 401);
      expectProblem(await get(`/beleid/programma/knoppen/8?${PERIODE}`, null), 401);
    });

    it.each([
      ['no status', { toelichting: 'x', datum: '2026-10-01' }, [['status', 'body']]],
      [
        'another colour',
        { status: 'blauw', toelichting: 'x', datum: '2026-10-01' },
        [['status', 'body']],
      ],
      ['no explanation', { status: 'groen', datum: '2026-10-01' }, [['toelichting', 'body']]],
      [
        'an explanation of spaces',
        { status: 'groen', toelichting: '  ', datum: '2026-10-01' },
        [['toelichting', 'body']],
      ],
      ['no date', { status: 'groen', toelichting: 'x' }, [['datum', 'body']]],
      [
        'a date that is not one',
        { status: 'groen', toelichting: 'x', datum: '2026-02-30' },
        [['datum', 'body']],
      ],
      [
        'an unknown field',
        { status: 'groen', toelichting: 'x', datum: '2026-10-01', door: 'u-x' },
        [['door', 'body']],
      ],
    ])('refuses a status with %s with 400 naming the field', async (_name, body, expected) => {
      const res = await post('k8-1', body);
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual(expected);
    });

    it.each([
      [
        'an action id with capitals',
        'post',
        '/beleid/programma/acties/K8-1/status',
        [['actieId', 'path']],
      ],
      [
        'a report without a period',
        'get',
        '/beleid/programma/knoppen/8',
        [
          ['van', 'query'],
          ['tot', 'query'],
        ],
      ],
      [
        'a period backwards',
        'get',
        '/beleid/programma/knoppen/8?van=2026-06-01&tot=2026-01-01',
        [['tot', 'query']],
      ],
      ['an unknown format', 'get', '/beleid/programma/knoppen?formaat=xml', [['formaat', 'query']]],
      [
        'a knop that is not a number',
        'get',
        `/beleid/programma/knoppen/acht?${PERIODE}`,
        [['knop', 'path']],
      ],
    ])('refuses %s with 400 naming the field', async (_name, method, path, expected) => {
      const res =
        method === 'post'
          ? await as('beleid', t.http().post(`${API}${path}`)).send({
              status: 'groen',
              toelichting: 'x',
              datum: '2026-10-01',
            })
          : await get(path, 'beleid');
      expectProblem(res, 400);
      expect(invalidFields(res)).toEqual(expected);
    });
  });
});
