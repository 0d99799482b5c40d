import { EventStore } from '@app/event-store';
import { expectProblem, invalidFields } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Population reference data: the youths aged 0-17 on 31 December of a year, per district, set by
 * beheer (a year set again is replaced) and read by beheer and beleid.
 */
describe('referentiedata bevolking (e2e)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const API = '/api/v1';

  beforeAll(async () => {
    t = await startTestApp();
    tokens.beheer = await t.token('beheer', 'u-beheer');
    tokens.beleid = await t.token('beleid', 'u-beleid');
    tokens.anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    tokens.jph = await t.token('jph', 'u-jph');
  });
  afterAll(() => t.close());

  function put(jaar: number | string, body: object, who: string | null = 'beheer') {
    const req = t.http().put(`${API}/referentiedata/bevolking/${jaar}`);
    return (who === null ? req : req.set('Authorization', `Bearer ${tokens[who]}`)).send(body);
  }
  function get(who: string | null = 'beleid', minPosition?: string) {
    const query = minPosition === undefined ? '' : `?minPosition=${minPosition}`;
    const req = t.http().get(`${API}/referentiedata/bevolking${query}`);
    return who === null ? req : req.set('Authorization', `Bearer ${tokens[who]}`);
  }

  const wijken2024 = [
    { wijk: 'Haven', aantal: 1840 },
    { wijk: 'Atol', aantal: 2210 },
    { wijk: 'Stadshart', aantal: 0 },
  ];

  it('sets years, and lists every year with its districts and total', async () => {
    const set2024 = await put(2024, { wijken: wijken2024 });
    expect(set2024.status).toBe(200);
    expect(set2024.body).toEqual({
      jaar: 2024,
      revision: expect.any(Number),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(set2024.headers.etag).toBe(`"${set2024.body.revision}"`);
    expect(set2024.headers['x-log-position']).toBe(set2024.body.position);

    const set2023 = await put('2023', { wijken: [{ wijk: ' Haven ', aantal: 1900 }] });
    expect(set2023.status).toBe(200);

    const res = await get('beleid', set2023.body.position);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { jaar: 2023, totaal: 1900, wijken: [{ wijk: 'Haven', aantal: 1900 }] },
        {
          jaar: 2024,
          totaal: 4050,
          wijken: [
            { wijk: 'Atol', aantal: 2210 },
            { wijk: 'Haven', aantal: 1840 },
            { wijk: 'Stadshart', aantal: 0 },
          ],
        },
      ],
    });
    // beheer reads it too.
    expect((await get('beheer')).body).toEqual(res.body);
  });

  it('replaces a year set again (a correction: the latest wins); the same figures again record nothing', async () => {
    await put(2022, { wijken: [{ wijk: 'Haven', aantal: 10 }] }).expect(200);
    const corrected = await put(2022, {
      wijken: [
        { wijk: 'Atol', aantal: 20 },
        { wijk: 'Warande', aantal: 30 },
      ],
    });
    expect(corrected.status).toBe(200);
    const items = (await get('beleid', corrected.body.position)).body.items as {
      jaar: number;
    }[];
    expect(items.find((i) => i.jaar === 2022)).toEqual({
      jaar: 2022,
      totaal: 50,
      wijken: [
        { wijk: 'Atol', aantal: 20 },
        { wijk: 'Warande', aantal: 30 },
      ],
    });

    const store = t.app.get(EventStore);
    const before = await store.headPosition();
    const again = await put(2022, {
      wijken: [
        { wijk: 'Warande', aantal: 30 },
        { wijk: 'Atol', aantal: 20 },
      ],
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ jaar: 2022, revision: corrected.body.revision, position: null });
    expect(await store.headPosition()).toBe(before);
  });

  it('sets the municipality as a whole, with or without the districts known', async () => {
    const whole = await put(2019, { totaal: 19_000 });
    expect(whole.status).toBe(200);
    const part = await put(2018, { totaal: 18_900, wijken: [{ wijk: 'Haven', aantal: 1800 }] });
    expect(part.status).toBe(200);
    const items = (await get('beleid', part.body.position)).body.items as { jaar: number }[];
    expect(items.filter((i) => i.jaar < 2020)).toEqual([
      { jaar: 2018, totaal: 18_900, wijken: [{ wijk: 'Haven', aantal: 1800 }] },
      { jaar: 2019, totaal: 19_000, wijken: [] },
    ]);
  });

  it('refuses districts adding up to more than the whole (422)', async () => {
    const res = await put(2017, { totaal: 100, wijken: [{ wijk: 'Haven', aantal: 101 }] });
    expectProblem(res, 422, /tellen samen 101 jeugdigen, meer dan het totaal van 100/);
  });

  it('refuses a district named twice (422) and stores nothing', async () => {
    const store = t.app.get(EventStore);
    const before = await store.headPosition();
    const res = await put(2021, {
      wijken: [
        { wijk: 'Haven', aantal: 1 },
        { wijk: 'Haven ', aantal: 2 },
      ],
    });
    expectProblem(res, 422, 'Wijk Haven staat twee keer in de bevolking van 2021.');
    expect(await store.headPosition()).toBe(before);
  });

  it('is written by beheer only and read by beheer and beleid', async () => {
    const body = { wijken: wijken2024 };
    expectProblem(await put(2024, body, 'beleid'), 403);
    expectProblem(await put(2024, body, 'anna'), 403);
    expectProblem(await put(2024, body, null), 401);
    expectProblem(await get('anna'), 403);
    expectProblem(await get('jph'), 403);
    expectProblem(await get(null), 401);
    expect((await get('beheer')).status).toBe(200);
  });

  it.each([
    ['a year before 2000', 1999],
    ['a year after 2100', 2101],
    ['a year that is not a number', 'twintig'],
    ['a fractional year', '2024.5'],
  ])('refuses %s with 400 naming jaar (path)', async (_name, jaar) => {
    const res = await put(jaar, { wijken: wijken2024 });
    expectProblem(res, 400);
    expect(invalidFields(res)).toEqual([['jaar', 'path']]);
  });

  it.each([
    ['no districts', { wijken: [] }, [['wijken', 'body']]],
    ['no wijken at all', {}, [['wijken', 'body']]],
    [
      'a negative count',
      { wijken: [{ wijk: 'Haven', aantal: -1 }] },
      [['wijken[0].aantal', 'body']],
    ],
    [
      'a fractional count',
      { wijken: [{ wijk: 'Haven', aantal: 1.5 }] },
      [['wijken[0].aantal', 'body']],
    ],
    [
      'a count as text',
      { wijken: [{ wijk: 'Haven', aantal: '3' }] },
      [['wijken[0].aantal', 'body']],
    ],
    ['a district without a name', { wijken: [{ aantal: 3 }] }, [['wijken[0].wijk', 'body']]],
    ['a name of spaces', { wijken: [{ wijk: '  ', aantal: 3 }] }, [['wijken[0].wijk', 'body']]],
    ['an unknown field', { wijken: wijken2024, jaar: 2024 }, [['jaar', 'body']]],
    ['a fractional total', { totaal: 10.5 }, [['totaal', 'body']]],
    ['a negative total', { totaal: -1, wijken: wijken2024 }, [['totaal', 'body']]],
  ])('refuses %s with 400 naming the field', async (_name, body, expected) => {
    const res = await put(2024, body);
    expectProblem(res, 400);
    expect(invalidFields(res)).toEqual(expected);
  });

  it('refuses wijken that is not a list with 400 naming wijken', async () => {
    const res = await put(2024, { wijken: { Haven: 3 } });
    expectProblem(res, 400);
    expect(invalidFields(res)).toContainEqual(['wijken', 'body']);
  });
});
