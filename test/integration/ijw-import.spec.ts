import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessingLog } from '@app/access';
import {
  ProductGegevens,
  REFERENTIEDATA_STREAM,
  referentiedataDecider,
  zorgdossierStreamId,
} from '@app/domain';
import { DeciderStore, SqliteEventStore, WrongExpectedRevisionError } from '@app/event-store';
import { IjwImport, ImportAfzender } from '@app/ijw';
import {
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
  TeKoppelenQueries,
  gezinnenProjection,
  teKoppelenProjection,
} from '@app/projections';
import type { RequestCommandContext } from '../../apps/api/src/common/command-context';
import { GezinCommands } from '../../apps/api/src/gezinnen/gezin.commands';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ijw');
const fixture = (naam: string) => ({
  bron: naam,
  xml: readFileSync(join(FIXTURES, naam), 'utf8'),
});

const anna: RequestCommandContext = {
  principal: {
    userId: 'u-anna',
    roles: ['contactpersoon'],
    name: 'Anna',
    teamleider: false,
    actingRole: 'contactpersoon',
  },
  actor: { userId: 'u-anna', role: 'contactpersoon' },
  correlationId: 'c',
  causationId: 'c',
};
const koppeling: ImportAfzender = {
  principal: {
    userId: 'svc-berichtenverkeer',
    roles: ['koppeling'],
    name: 'Berichtenverkeer',
    teamleider: false,
    actingRole: 'koppeling',
  },
  correlationId: 'import-1',
};
const ambulant: ProductGegevens = {
  wettelijkKader: 'jeugdwet',
  categorie: '45',
  omschrijving: 'Ambulante jeugdhulp',
  woonvorm: null,
  maxDuurMaanden: 12,
  cbsHulpvorm: '01',
};

/**
 * The iJw/iWmo import against a real SQLite log and read models: what each message writes in the
 * person's dossier, and that a duplicate, a refusal and malformed XML write nothing.
 */
describe('IjwImport', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let deciders: DeciderStore;
  let importer: IjwImport;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ijw-import-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    deciders = new DeciderStore(store, () => new Date('2026-03-01T10:00:00Z'));
    const toegang = new ToegangQueries(readModels.db);
    importer = new IjwImport(deciders, toegang, new ProcessingLog(deciders));
    const referentie = (command: Parameters<typeof referentiedataDecider.decide>[0]) =>
      deciders.handle(REFERENTIEDATA_STREAM, referentiedataDecider, command, anna);
    await referentie({
      type: 'SetProductVersion',
      productcode: '45A01',
      geldigVanaf: '2020-01-01',
      gegevens: ambulant,
    });
    await referentie({
      type: 'SetProductVersion',
      productcode: '02A01',
      geldigVanaf: '2020-01-01',
      gegevens: {
        ...ambulant,
        wettelijkKader: 'wmo',
        categorie: null,
        omschrijving: 'Begeleiding (Wmo)',
        cbsHulpvorm: null,
      },
    });
    await referentie({
      type: 'SetAanbiederVersion',
      aanbiederId: '12345678',
      naam: 'Jeugdhulp Flevoland',
      geldigVanaf: '2020-01-01',
    });
    // The read models the family's registration looks persons up in (by BSN) exist first.
    await new ProjectionRunner(store, readModels, [gezinnenProjection]).runUntilCaughtUp();
    await new GezinCommands(deciders, toegang, { warmeOverdrachtDagen: 0 }).register(
      'g-visser',
      {
        naam: 'Visser',
        wijk: null,
        leden: [
          {
            persoonId: 'p-sanne',
            rol: 'jeugdige',
            gegevens: {
              voornaam: 'Sanne',
              achternaam: 'Visser',
              geboortedatum: '2011-06-15',
              bsn: '111222333',
            },
          },
          {
            persoonId: 'p-peter',
            rol: 'ouder',
            gegevens: {
              voornaam: 'Peter',
              achternaam: 'Visser',
              geboortedatum: null,
              bsn: '111222345',
            },
          },
        ],
      },
      anna,
    );
    await new ProjectionRunner(store, readModels, [gezinnenProjection]).runUntilCaughtUp();
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importeer = (...namen: string[]) => importer.importeer(namen.map(fixture), koppeling);
  const dossier = async (persoonId = 'p-sanne') =>
    (await store.readStream(zorgdossierStreamId(persoonId))).map((e) => ({
      type: e.type,
      data: e.data,
      causationId: e.causationId,
      role: e.actor.role,
    }));

  it('writes an assignment, its start and its stop, each caused by its message', async () => {
    const uitkomsten = await importeer(
      'jw315-verzoek-om-toewijzing.xml',
      'jw301-toewijzing.xml',
      'jw305-start.xml',
      'jw305-correctie.xml',
      'jw307-stop.xml',
    );
    expect(uitkomsten.map((u) => [u.soort, u.uitkomst, u.feiten])).toEqual([
      ['JW315', 'accepted', 1],
      ['JW301', 'accepted', 1],
      ['JW305', 'accepted', 1],
      ['JW305', 'accepted', 2],
      ['JW307', 'accepted', 1],
    ]);
    const events = (await dossier()).filter((e) => e.type !== 'ZorgStartCorrected');
    expect(events.map((e) => e.type)).toEqual([
      'ToewijzingRegistered',
      'ZorgStarted',
      'ZorgStarted',
      'ZorgStopped',
    ]);
    expect(events[0]!.data).toMatchObject({
      wettelijkKader: 'jeugdwet',
      productcode: '45A01',
      productcategorie: '45',
      aanbiederId: '12345678',
      aanbiederNaam: 'Jeugdhulp Flevoland',
      toewijzingsnummer: 'T2025-0001',
      begindatum: '2025-03-01',
      einddatum: '2025-12-31',
      omvang: { hoeveelheid: 2, eenheid: '04', frequentie: '2' },
      // From the JW315 that the JW301's ReferentieAanbieder (VIS-2025-07) answers.
      verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    });
    expect(events[1]!.data).toMatchObject({ datum: '2025-03-10' });
    expect(events[2]!.data).toMatchObject({ datum: '2025-03-03' });
    expect(events[3]!.data).toMatchObject({ datum: '2025-11-28', reden: '31' });
    expect(events.map((e) => e.causationId)).toEqual([
      'JW301:0995:TOE-2025-001:2025-02-24',
      'JW305:12345678:STA-2025-001:2025-03-11',
      'JW305:12345678:STA-2025-002:2025-03-14',
      'JW307:12345678:STO-2025-001:2025-11-30',
    ]);
    expect(events.every((e) => e.role === 'koppeling')).toBe(true);
  });

  it('takes the referrer from a request of an earlier import, and the municipality without one', async () => {
    await importeer('jw315-verzoek-om-toewijzing.xml');
    await importeer('jw301-toewijzing.xml');
    expect((await dossier())[0]!.data).toMatchObject({
      verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    });

    // Another member's assignment with the same provider reference, but no request for them.
    const anders = await importer.importeer(
      [
        {
          bron: 'jw301-zonder-verzoek',
          xml: fixture('jw301-toewijzing.xml').xml.replaceAll('111222333', '111222345'),
        },
      ],
      koppeling,
    );
    expect(anders.map((u) => u.uitkomst)).toEqual(['accepted']);
    expect((await dossier('p-peter'))[0]!.data).toMatchObject({
      verwijzer: { type: '01', naam: null },
    });
  });

  it('answers a message read before with duplicate, and writes nothing', async () => {
    await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    const head = await store.headPosition();
    const tweede = await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    expect(tweede.map((u) => u.uitkomst)).toEqual(['duplicate', 'duplicate']);
    // Only the processing log's entry for the match.
    const nieuw = await store.readAll(head, 10);
    expect(nieuw.map((e) => e.type)).toEqual(['GezinsgegevensViewed']);
  });

  it('replaces a start by its correction: delete (3) and deliver again (1)', async () => {
    await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    const [correctie] = await importeer('jw305-correctie.xml');
    expect(correctie).toMatchObject({ uitkomst: 'accepted', feiten: 2 });
    const events = await dossier();
    expect(events.slice(-2).map((e) => [e.type, e.data])).toEqual([
      [
        'ZorgStartCorrected',
        expect.objectContaining({ datum: null, reden: 'JW305 verwijderd (StatusAanlevering 3)' }),
      ],
      ['ZorgStarted', expect.objectContaining({ datum: '2025-03-03' })],
    ]);
  });

  it('deletes a stop (StatusAanlevering 3) that matches the logical key', async () => {
    await importeer(
      'jw301-toewijzing.xml',
      'jw305-start.xml',
      'jw305-correctie.xml',
      'jw307-stop.xml',
    );
    const [verwijdering] = await importeer('jw307-verwijdering.xml');
    expect(verwijdering).toMatchObject({ uitkomst: 'accepted', feiten: 1 });
    expect((await dossier()).at(-1)).toMatchObject({
      type: 'ZorgStopCorrected',
      data: expect.objectContaining({ stop: null }),
    });
  });

  it('refuses a stop whose start (its logical key) is not the current one, and writes nothing', async () => {
    await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    const [stop] = await importeer('jw307-stop.xml');
    expect(stop).toMatchObject({
      uitkomst: 'refused',
      reden: 'er is geen actuele start op 2025-03-03 om te stoppen',
      pad: 'Bericht/Client/StopProducten/StopProduct[1]/Begindatum',
    });
    expect((await dossier()).map((e) => e.type)).toEqual(['ToewijzingRegistered', 'ZorgStarted']);
  });

  it('refuses a start before its assignment, with the element', async () => {
    const [start] = await importeer('jw305-start.xml');
    expect(start).toMatchObject({
      uitkomst: 'refused',
      pad: 'Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer',
    });
    expect(await dossier()).toEqual([]);
  });

  it('refuses malformed and invalid messages with the reason and element, writing nothing', async () => {
    const head = await store.headPosition();
    const uitkomsten = await importeer(
      'jw305-kapot.xml',
      'jw305-zonder-begindatum.xml',
      'jw305-status-2.xml',
    );
    expect(uitkomsten.map((u) => [u.uitkomst, u.pad])).toEqual([
      ['refused', '/'],
      ['refused', 'Bericht/Client/StartProducten/StartProduct[1]/Begindatum'],
      ['refused', 'Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering'],
    ]);
    expect(uitkomsten[0]!.reden).toMatch(/^geen geldige XML: .*regel 36/);
    expect(await store.headPosition()).toBe(head);
  });

  it('parks a message about an unknown client for a contact person to link', async () => {
    const [eerste] = await importeer('jw301-onbekende-client.xml');
    expect(eerste).toMatchObject({ uitkomst: 'accepted', teKoppelen: true, feiten: 1 });
    const [tweede] = await importeer('jw301-onbekende-client.xml');
    expect(tweede).toMatchObject({ uitkomst: 'duplicate', teKoppelen: true, feiten: 0 });
    await new ProjectionRunner(store, readModels, [teKoppelenProjection]).runUntilCaughtUp();
    expect(new TeKoppelenQueries(readModels.db).lijst()).toEqual([
      expect.objectContaining({ soort: 'JW301', bsn: '222333443', naam: 'Bakker' }),
    ]);
  });

  it('records a parked request once it is linked, and the assignment then finds its referrer', async () => {
    const [geparkeerd] = await importer.importeer(
      [
        {
          bron: 'jw315-onbekend',
          xml: fixture('jw315-verzoek-om-toewijzing.xml').xml.replaceAll('111222333', '222333443'),
        },
      ],
      koppeling,
    );
    expect(geparkeerd).toMatchObject({ uitkomst: 'accepted', teKoppelen: true });
    await new ProjectionRunner(store, readModels, [teKoppelenProjection]).runUntilCaughtUp();
    const [bericht] = new TeKoppelenQueries(readModels.db).lijst();
    const berichtId = bericht!.berichtId;

    // Anna links it to Peter (the BSN rule of linking is the decider's, tested on its own).
    const { toegepast } = await importer.koppel(berichtId, 'p-peter', null, anna);
    expect(toegepast).toMatchObject({ soort: 'JW315', uitkomst: 'accepted', feiten: 1 });
    await importer.importeer(
      [
        {
          bron: 'jw301-peter',
          xml: fixture('jw301-toewijzing.xml').xml.replaceAll('111222333', '111222345'),
        },
      ],
      koppeling,
    );
    expect((await dossier('p-peter'))[0]!.data).toMatchObject({
      verwijzer: { type: '02', naam: 'Huisartsenpraktijk De Linde' },
    });
  });

  it('turns a change request for a later end into an extension, granted by the next JW301', async () => {
    await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    const uitkomsten = await importeer('jw317-verzoek-om-wijziging.xml', 'jw301-verlenging.xml');
    expect(uitkomsten.map((u) => u.uitkomst)).toEqual(['accepted', 'accepted']);
    const types = (await dossier()).map((e) => e.type);
    expect(types.slice(-3)).toEqual([
      'VerlengingRequested',
      'VerlengingGranted',
      'ToewijzingRegistered',
    ]);
    expect((await dossier()).at(-1)!.data).toMatchObject({
      toewijzingsnummer: 'T2025-0001',
      begindatum: '2026-01-01',
      einddatum: '2026-06-30',
    });
  });

  it('reads the iWmo messages as Wmo provisions', async () => {
    const uitkomsten = await importeer(
      'wmo301-toewijzing.xml',
      'wmo305-start.xml',
      'wmo307-stop.xml',
    );
    expect(uitkomsten.map((u) => [u.soort, u.uitkomst])).toEqual([
      ['WMO301', 'accepted'],
      ['WMO305', 'accepted'],
      ['WMO307', 'accepted'],
    ]);
    expect((await dossier('p-peter'))[0]!.data).toMatchObject({ wettelijkKader: 'wmo' });
  });

  it('logs the match by BSN as a read of the family, once per import', async () => {
    await importeer('jw301-toewijzing.xml', 'jw305-start.xml');
    const log = await store.readStream(
      `verwerkingslog-svc-berichtenverkeer-${new Date('2026-03-01').toISOString().slice(0, 10)}`,
    );
    expect(log.map((e) => e.data)).toEqual([
      {
        gezinIds: ['g-visser'],
        wat: 'ijw-import: koppeling op BSN',
        door: 'svc-berichtenverkeer',
        naam: 'Berichtenverkeer',
      },
    ]);
  });

  it("writes a call's messages in one append, each with the position of its own last event", async () => {
    const appendMany = jest.spyOn(store, 'appendMany');
    const append = jest.spyOn(store, 'append');
    const uitkomsten = await importeer(
      'jw301-toewijzing.xml',
      'jw305-start.xml',
      'jw301-toewijzing.xml',
      'jw305-correctie.xml',
    );
    expect(uitkomsten.map((u) => u.uitkomst)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
    ]);
    expect(appendMany).toHaveBeenCalledTimes(1);
    // Only the processing log's entry is an append of its own.
    expect(append.mock.calls.map(([stream]) => stream)).toEqual([
      expect.stringMatching(/^verwerkingslog-/),
    ]);
    const events = await store.readStream(zorgdossierStreamId('p-sanne'));
    expect(uitkomsten.map((u) => u.positie)).toEqual([
      events[0]!.position.toString(),
      events[1]!.position.toString(),
      null,
      events[3]!.position.toString(),
    ]);
    expect(uitkomsten[3]!.feiten).toBe(2);
  });

  it('decides a call again when a dossier was written meanwhile, overwriting nothing', async () => {
    const dossierId = zorgdossierStreamId('p-sanne');
    // Another writer comes first, between the import's read and its append, once.
    let tussendoor = true;
    const druk = new Proxy(store, {
      get(target, name: keyof SqliteEventStore) {
        if (name === 'appendMany' && tussendoor) {
          return async (...args: Parameters<SqliteEventStore['appendMany']>) => {
            tussendoor = false;
            await importer.importeer([fixture('jw301-toewijzing.xml')], koppeling);
            return target.appendMany(...args);
          };
        }
        const value = target[name];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deciders2 = new DeciderStore(druk, () => new Date('2026-03-01T10:00:00Z'));
    const importer2 = new IjwImport(
      deciders2,
      new ToegangQueries(readModels.db),
      new ProcessingLog(deciders2),
    );
    const uitkomsten = await importer2.importeer(
      ['jw301-toewijzing.xml', 'jw305-start.xml'].map(fixture),
      koppeling,
    );
    // The JW301 came in meanwhile: decided again, it is a duplicate; the start still lands.
    expect(uitkomsten.map((u) => u.uitkomst)).toEqual(['duplicate', 'accepted']);
    expect((await dossier()).map((e) => e.type)).toEqual(['ToewijzingRegistered', 'ZorgStarted']);
    expect((await store.readStream(dossierId)).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('reports a message as accepted when a store without transactions wrote it before a conflict', async () => {
    // As EventStoreDB does: the appends before the conflicting one are written.
    let eerst = true;
    const zonderTransactie = new Proxy(store, {
      get(target, name: keyof SqliteEventStore) {
        if (name === 'appendMany' && eerst) {
          return async ([eerste]: Parameters<SqliteEventStore['appendMany']>[0]) => {
            eerst = false;
            await target.append(eerste!.streamId, eerste!.events, eerste!.expected);
            throw new WrongExpectedRevisionError('elders', 0, 1);
          };
        }
        const value = target[name];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deciders2 = new DeciderStore(zonderTransactie, () => new Date('2026-03-01T10:00:00Z'));
    const uitkomsten = await new IjwImport(
      deciders2,
      new ToegangQueries(readModels.db),
      new ProcessingLog(deciders2),
    ).importeer(['jw301-toewijzing.xml', 'jw305-start.xml'].map(fixture), koppeling);
    expect(uitkomsten.map((u) => [u.uitkomst, u.feiten])).toEqual([
      ['accepted', 1],
      ['accepted', 1],
    ]);
    expect((await dossier()).map((e) => e.type)).toEqual(['ToewijzingRegistered', 'ZorgStarted']);
    expect(uitkomsten[0]!.positie).not.toBeNull();
  });
});
