import { EventStore } from '@app/event-store';
import { ProgrammaQueries } from '@app/projections';
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
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        themaId: 'ervaringen-jongeren',
        revision: expect.any(Number),
        position: expect.stringMatching(/^\d+$/),
      });
      expect(set.headers.etag).toBe(`"${set.body.revision}"`);
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
      expect(set.status).toBe(200);
      expect(set.body).toEqual({
        knop: 15,
        revision: expect.any(Number),
        position: expect.any(String),
      });
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
});
