import { TestApp, startTestApp } from './support/test-app';

/** Erasure requests (beheer): decided, granted ones erase by crypto-shredding (ADR 0015). */
describe('verwijderverzoeken (e2e)', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ROUTE = '/api/v1/beheer/verwijderverzoeken';
  let gezinId: string;
  let sanne: string;
  let mark: string;

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna de Vries');
    beheer = await t.token('beheer', 'u-beheer', 'Bea Beheer');
    const res = await t
      .http()
      .post('/api/v1/gezinnen')
      .set(auth(anna))
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
    gezinId = res.body.gezinId;
    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${res.body.position}`)
      .set(auth(anna))
      .expect(200);
    const id = (voornaam: string) =>
      (gezin.body.leden as { persoonId: string; voornaam: string }[]).find(
        (l) => l.voornaam === voornaam,
      )!.persoonId;
    sanne = id('Sanne');
    mark = id('Mark');
  });
  afterAll(() => t.close());

  const verzoek = (overrides: object = {}) => ({
    dossier: { soort: 'persoon', id: sanne },
    verzoeker: 'jeugdige',
    ontvangenOp: '2026-11-20',
    besluit: 'toegewezen',
    ...overrides,
  });

  it('is for application management only (401, 403)', async () => {
    await t.http().post(ROUTE).send(verzoek()).expect(401);
    const res = await t.http().post(ROUTE).set(auth(anna)).send(verzoek()).expect(403);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('checks every field, and a refusal needs a ground and an explanation (400, naming them)', async () => {
    const cases: [object, string][] = [
      [{ dossier: { soort: 'consultatie', id: sanne } }, 'dossier.soort'],
      [{ dossier: { soort: 'persoon', id: 'sanne' } }, 'dossier.id'],
      [{ verzoeker: 'buurman' }, 'verzoeker'],
      [{ ontvangenOp: '20-11-2026' }, 'ontvangenOp'],
      [{ besluit: 'misschien' }, 'besluit'],
      [{ besluit: 'afgewezen', toelichting: 'Nodig.' }, 'grond'],
      [{ besluit: 'afgewezen', grond: 'avg-17-3-e-rechtsvordering' }, 'toelichting'],
      [{ extra: true }, 'extra'],
    ];
    for (const [overrides, field] of cases) {
      const res = await t.http().post(ROUTE).set(auth(beheer)).send(verzoek(overrides)).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect([field, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([
        field,
        expect.arrayContaining([field]),
      ]);
    }
  });

  it('does not know a person that is not there (404)', async () => {
    const res = await t
      .http()
      .post(ROUTE)
      .set(auth(beheer))
      .send(verzoek({ dossier: { soort: 'persoon', id: '00000000-0000-4000-8000-000000000000' } }))
      .expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses a decision in the future or before the request (422)', async () => {
    await t
      .http()
      .post(ROUTE)
      .set(auth(beheer))
      .send(verzoek({ datum: '2026-12-05' }))
      .expect(422);
    await t
      .http()
      .post(ROUTE)
      .set(auth(beheer))
      .send(verzoek({ datum: '2026-11-19' }))
      .expect(422);
  });

  it('records a refusal with its legal ground; the data stays', async () => {
    const res = await t
      .http()
      .post(ROUTE)
      .set(auth(beheer))
      .send(
        verzoek({
          dossier: { soort: 'persoon', id: mark },
          verzoeker: 'ouder',
          besluit: 'afgewezen',
          grond: 'jeugdwet-7.3.9-belang-ander',
          toelichting: 'Het dossier is nodig voor de bescherming van een ander kind.',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({ verzoekId: expect.any(String), besluit: 'afgewezen' });
    expect(res.headers.location).toBe(`${ROUTE}/${res.body.verzoekId}`);
    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${res.body.position}`)
      .set(auth(anna))
      .expect(200);
    expect(gezin.body.leden).toEqual(
      expect.arrayContaining([expect.objectContaining({ voornaam: 'Mark' })]),
    );
  });

  it('granted: the person reads "gegevens verwijderd", the timeline keeps its entries', async () => {
    const before = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}/tijdlijn`)
      .set(auth(anna))
      .expect(200);
    const res = await t.http().post(ROUTE).set(auth(beheer)).send(verzoek()).expect(201);
    expect(res.body.besluit).toBe('toegewezen');
    expect(res.headers['x-log-position']).toBe(res.body.position);

    const gezin = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}?minPosition=${res.body.position}`)
      .set(auth(anna))
      .expect(200);
    expect(gezin.body.leden).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          persoonId: sanne,
          voornaam: 'gegevens verwijderd',
          achternaam: 'gegevens verwijderd',
          geboortedatum: null,
          bsn: null,
        }),
      ]),
    );
    const after = await t
      .http()
      .get(`/api/v1/gezinnen/${gezinId}/tijdlijn`)
      .set(auth(anna))
      .expect(200);
    expect(JSON.stringify(after.body)).not.toContain('Sanne');
    expect(after.body.items.length).toBeGreaterThan(0);
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('an erased person cannot be erased again (422), nor written about (410)', async () => {
    await t.http().post(ROUTE).set(auth(beheer)).send(verzoek()).expect(422);
    const res = await t
      .http()
      .put(`/api/v1/gezinnen/${gezinId}/leden/${sanne}/gegevens`)
      .set(auth(anna))
      .send({
        voornaam: 'Sanne',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-04',
        reden: 'Weer terug',
      })
      .expect(410);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
