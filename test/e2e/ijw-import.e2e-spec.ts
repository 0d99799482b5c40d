import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, startTestApp } from './support/test-app';

const API = '/api/v1';
const FIXTURES = join(__dirname, '..', 'fixtures', 'ijw');
const bericht = (naam: string) => ({ bron: naam, xml: readFileSync(join(FIXTURES, naam), 'utf8') });

describe('POST /import/ijw', () => {
  let t: TestApp;
  let anna: string;
  let beheer: string;
  let koppeling: string;
  let persoonId: string;
  let geparktOp: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (body: object, token = koppeling) =>
    t.http().post(`${API}/import/ijw`).set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    anna = await t.token('contactpersoon', 'u-anna', 'Anna');
    beheer = await t.token('beheer', 'u-beheer');
    koppeling = await t.token('koppeling', 'svc-berichten', 'Berichtenverkeer');
    await t
      .http()
      .put(`${API}/referentiedata/producten/45A01`)
      .set(auth(beheer))
      .send({ geldigVanaf: '2020-01-01', categorie: '45', omschrijving: 'Ambulant' })
      .expect(200);
    await t
      .http()
      .put(`${API}/referentiedata/aanbieders/12345678`)
      .set(auth(beheer))
      .send({ geldigVanaf: '2020-01-01', naam: 'Jeugdhulp Flevoland' })
      .expect(200);
    const created = await t
      .http()
      .post(`${API}/gezinnen`)
      .set(auth(anna))
      .send({
        naam: 'Visser',
        leden: [
          {
            rol: 'jeugdige',
            voornaam: 'Sanne',
            achternaam: 'Visser',
            geboortedatum: '2011-06-15',
            bsn: '111222333',
          },
        ],
      })
      .expect(201);
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
      .set(auth(anna))
      .expect(200);
    persoonId = gezin.body.leden[0].persoonId;
  });
  afterAll(() => t.close());

  it('answers 401 without a token and 403 for another role', async () => {
    await t.http().post(`${API}/import/ijw`).send({ berichten: [] }).expect(401);
    const res = await post({ berichten: [bericht('jw305-start.xml')] }, anna);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers 400 naming the field for no messages or an unknown field', async () => {
    const leeg = await post({ berichten: [] });
    expect(leeg.status).toBe(400);
    expect(JSON.stringify(leeg.body)).toContain('berichten');
    const onbekend = await post({ berichten: [{ xml: '<a/>', extra: 1 }] });
    expect(onbekend.status).toBe(400);
    expect(JSON.stringify(onbekend.body)).toContain('extra');
  });

  it("writes a message's facts to the person's care, and a second import is a duplicate", async () => {
    const res = await post({
      berichten: [bericht('jw301-toewijzing.xml'), bericht('jw305-start.xml')],
    }).expect(200);
    expect(res.body.uitkomsten).toEqual([
      expect.objectContaining({
        bron: 'jw301-toewijzing.xml',
        soort: 'JW301',
        uitkomst: 'accepted',
        feiten: 1,
      }),
      expect.objectContaining({
        bron: 'jw305-start.xml',
        soort: 'JW305',
        uitkomst: 'accepted',
        feiten: 1,
      }),
    ]);
    const zorg = await t
      .http()
      .get(`${API}/personen/${persoonId}/zorg?minPosition=${res.body.uitkomsten[1].positie}`)
      .set(auth(anna))
      .expect(200);
    expect(JSON.stringify(zorg.body)).toContain('T2025-0001');
    expect(JSON.stringify(zorg.body)).toContain('2025-03-10');

    const again = await post({ berichten: [bericht('jw305-start.xml')] }).expect(200);
    expect(again.body.uitkomsten[0]).toMatchObject({ uitkomst: 'duplicate', feiten: 0 });
  });

  it('refuses malformed XML and an invalid message per message, never with a 5xx', async () => {
    const res = await post({
      berichten: [
        bericht('jw305-kapot.xml'),
        bericht('jw305-zonder-begindatum.xml'),
        { xml: 'geen xml' },
      ],
    }).expect(200);
    expect(
      res.body.uitkomsten.map((u: { uitkomst: string; pad: string }) => [u.uitkomst, u.pad]),
    ).toEqual([
      ['refused', '/'],
      ['refused', 'Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
      ['refused', '/'],
    ]);
    expect(res.body.uitkomsten[2].bron).toBe('bericht 3');
  });

  it('puts a message about an unknown client on the worklist to link', async () => {
    const res = await post({ berichten: [bericht('jw301-onbekende-client.xml')] }).expect(200);
    expect(res.body.uitkomsten[0]).toMatchObject({ uitkomst: 'accepted', teKoppelen: true });
    geparktOp = res.body.uitkomsten[0].positie;
  });

  it('lets the contact person link a waiting message to a person, then applies it', async () => {
    const lijst = await t
      .http()
      .get(`${API}/import/ijw/te-koppelen?minPosition=${geparktOp}`)
      .set(auth(anna))
      .expect(200);
    expect(lijst.body.items).toEqual([
      expect.objectContaining({ soort: 'JW301', bsn: '222333443', naam: 'Bakker' }),
    ]);
    const berichtId = lijst.body.items[0].berichtId as string;
    const created = await t
      .http()
      .post(`${API}/gezinnen`)
      .set(auth(anna))
      .send({
        naam: 'Bakker',
        leden: [
          { rol: 'jeugdige', voornaam: 'Sanne', achternaam: 'Bakker', geboortedatum: '2011-06-15' },
        ],
      })
      .expect(201);
    const gezin = await t
      .http()
      .get(`${API}/gezinnen/${created.body.gezinId}?minPosition=${created.body.position}`)
      .set(auth(anna))
      .expect(200);
    const bakker = gezin.body.leden[0].persoonId as string;
    const url = `${API}/import/ijw/te-koppelen/${berichtId}/koppeling`;

    const bram = await t.token('contactpersoon', 'u-bram', 'Bram');
    await t.http().post(url).set(auth(bram)).send({ persoonId: bakker }).expect(404);
    await t.http().post(url).set(auth(koppeling)).send({ persoonId: bakker }).expect(403);
    const anders = await t.http().post(url).set(auth(anna)).send({ persoonId }).expect(422);
    expect(anders.body.detail).toMatch(/ander BSN/);

    const gekoppeld = await t.http().post(url).set(auth(anna)).send({ persoonId: bakker });
    expect(gekoppeld.status).toBe(200);
    expect(gekoppeld.body.toegepast).toMatchObject({ soort: 'JW301', uitkomst: 'accepted' });
    await t.http().post(url).set(auth(anna)).send({ persoonId: bakker }).expect(422);
    const zorg = await t
      .http()
      .get(`${API}/personen/${bakker}/zorg?minPosition=${gekoppeld.body.toegepast.positie}`)
      .set(auth(anna))
      .expect(200);
    expect(JSON.stringify(zorg.body)).toContain('T2025-0002');
    const leeg = await t.http().get(`${API}/import/ijw/te-koppelen`).set(auth(anna)).expect(200);
    expect(leeg.body.items).toEqual([]);
  }, 30000);
});
