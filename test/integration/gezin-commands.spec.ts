import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GEEN_GEZINSLID,
  GEZIN_NIET_GEVONDEN,
  NotFound,
  PERSOON_NIET_GEVONDEN,
  Persoonsgegevens,
  RuleViolation,
  persoonStreamId,
} from '@app/domain';
import {
  DeciderStore,
  EventStore,
  SqliteEventStore,
  WrongExpectedRevisionError,
} from '@app/event-store';
import {
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
  gezinnenProjection,
} from '@app/projections';
import type { RequestCommandContext } from '../../apps/api/src/common/command-context';
import { GezinCommands, NieuwePersoon } from '../../apps/api/src/gezinnen/gezin.commands';

const als = (userId: string, teamleider = false): RequestCommandContext => ({
  principal: {
    userId,
    roles: ['contactpersoon'],
    name: `Naam van ${userId}`,
    teamleider,
    actingRole: 'contactpersoon',
  },
  actor: { userId, role: 'contactpersoon' },
  correlationId: 'c',
  causationId: 'c',
});
const anna = als('u-anna');
const bram = als('u-bram');

const persoon = (
  persoonId: string,
  rol: NieuwePersoon['rol'],
  gegevens: Partial<Persoonsgegevens> = {},
): NieuwePersoon => ({
  persoonId,
  rol,
  gegevens: {
    voornaam: persoonId,
    achternaam: 'Jansen',
    geboortedatum: rol === 'jeugdige' ? '2012-05-04' : null,
    bsn: null,
    ...gegevens,
  },
});

/**
 * The families' command service against a real SQLite log and read models: the facts it fetches
 * (from the gezinnen projection and from the family and person streams), the persons it writes
 * besides the family, and what the deciders refuse with those facts.
 */
describe('GezinCommands', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let now: Date;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gezin-commands-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    now = new Date('2026-03-01T10:00:00Z');
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const service = (log: EventStore = store) =>
    new GezinCommands(
      new DeciderStore(log, () => now),
      new ToegangQueries(readModels.db, () => now),
      { warmeOverdrachtDagen: 0 },
    );
  const project = () =>
    new ProjectionRunner(store, readModels, [gezinnenProjection]).runUntilCaughtUp();
  const typesIn = async (streamId: string) =>
    (await store.readStream(streamId)).map((event) => event.type);

  /** Anna registers family `gezinId` with one youth, and the read models catch up. */
  async function registered(
    gezinId: string,
    jeugdige: string,
    door = anna,
    gegevens: Partial<Persoonsgegevens> = {},
  ) {
    const result = await service().register(
      gezinId,
      { naam: gezinId, wijk: null, leden: [persoon(jeugdige, 'jeugdige', gegevens)] },
      door,
    );
    await project();
    return result;
  }

  /** Anna, the registrant, assigns Bram as the family's first contact person. */
  const bramCoordinates = (gezinId: string) =>
    service().gezin(
      gezinId,
      {
        type: 'AssignContactpersoon',
        contactpersoon: { userId: 'u-bram', naam: 'Bram', organisatie: 'Wijkteam' },
        vanaf: '2026-03-01',
      },
      anna,
    );

  describe('register', () => {
    it('writes each member as a person of their own, then the family', async () => {
      const result = await service().register(
        'g-1',
        {
          naam: 'Jansen',
          wijk: 'Noord',
          leden: [persoon('p-sanne', 'jeugdige'), persoon('p-mark', 'ouder')],
        },
        anna,
      );
      expect(result.revision).toBe(3);
      for (const p of ['p-sanne', 'p-mark']) {
        expect(await typesIn(persoonStreamId(p))).toEqual([
          'PersoonRegistered',
          'PersoonRecordKeyAssigned',
        ]);
      }
      expect(await typesIn('gezin-g-1')).toEqual([
        'GezinRegistered',
        'GezinWijkSet',
        'GezinslidAdded',
        'GezinslidAdded',
      ]);
      // The persons come first in the log: no read model sees a member without their data.
      const [persoonEvent] = await store.readStream(persoonStreamId('p-sanne'));
      const [gezinEvent] = await store.readStream('gezin-g-1');
      expect(persoonEvent!.position < gezinEvent!.position).toBe(true);
    });

    it('writes no person when a rule refuses the family', async () => {
      const before = await store.headPosition();
      await expect(
        service().register(
          'g-1',
          { naam: 'Zonder jeugd', wijk: null, leden: [persoon('p-mark', 'ouder')] },
          anna,
        ),
      ).rejects.toThrow(RuleViolation);
      expect(await store.headPosition()).toBe(before);
    });

    it('writes the persons once when the family lost a race and was decided again', async () => {
      let races = 1;
      const racing = new Proxy(store, {
        get(target, name: keyof EventStore) {
          if (name === 'append') {
            return (streamId: string, ...rest: unknown[]) => {
              if (streamId.startsWith('gezin-') && races-- > 0) {
                return Promise.reject(new WrongExpectedRevisionError(streamId, 'no_stream', 0));
              }
              return (target.append as (...args: unknown[]) => unknown).call(
                target,
                streamId,
                ...rest,
              );
            };
          }
          const value = target[name];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await service(racing).register(
        'g-1',
        { naam: 'Jansen', wijk: null, leden: [persoon('p-sanne', 'jeugdige')] },
        anna,
      );
      expect(races).toBe(-1); // the family was decided twice
      expect(await typesIn(persoonStreamId('p-sanne'))).toEqual([
        'PersoonRegistered',
        'PersoonRecordKeyAssigned',
      ]);
      expect(await typesIn('gezin-g-1')).toEqual(['GezinRegistered', 'GezinslidAdded']);
    });
  });

  describe('a new person joins', () => {
    it('writes the person, then the member, from today when no date is given', async () => {
      await registered('g-1', 'p-sanne');
      const result = await service().addNieuwLid(
        'g-1',
        persoon('p-opa', 'overig'),
        undefined,
        anna,
      );
      expect(result.revision).toBe(2);
      expect(await typesIn(persoonStreamId('p-opa'))).toContain('PersoonRegistered');
      const [, , added] = await store.readStream('gezin-g-1');
      expect(added!.data).toEqual({
        gezinId: 'g-1',
        persoonId: 'p-opa',
        rol: 'overig',
        vanaf: '2026-03-01',
      });
    });

    it('writes no person when the family refuses the sender', async () => {
      await registered('g-1', 'p-sanne');
      const before = await store.headPosition();
      await expect(
        service().addNieuwLid('g-1', persoon('p-x', 'ouder'), '2026-03-01', bram),
      ).rejects.toEqual(new NotFound(GEZIN_NIET_GEVONDEN));
      expect(await store.headPosition()).toBe(before);
    });
  });

  describe('a known person joins (a youth of two households)', () => {
    it("adds them with their own data, when the sender writes one of the person's families", async () => {
      await registered('g-1', 'p-sanne');
      await registered('g-2', 'p-tim');
      const result = await service().addBekendLid(
        'g-2',
        { persoonId: 'p-sanne', rol: 'jeugdige' },
        '2026-03-01',
        anna,
      );
      expect(result.state.leden).toContainEqual({ persoonId: 'p-sanne', rol: 'jeugdige' });
      // Her data stays in her own stream: nothing new there.
      expect(await typesIn(persoonStreamId('p-sanne'))).toHaveLength(2);
    });

    it('answers NotFound about the person to anyone else, and for a person nobody knows', async () => {
      await registered('g-1', 'p-sanne');
      await registered('g-3', 'p-ben', bram);
      const add = (persoonId: string, door: RequestCommandContext) =>
        service().addBekendLid('g-3', { persoonId, rol: 'jeugdige' }, '2026-03-01', door);
      await expect(add('p-sanne', bram)).rejects.toEqual(new NotFound(PERSOON_NIET_GEVONDEN));
      await expect(add('p-onbekend', bram)).rejects.toEqual(new NotFound(PERSOON_NIET_GEVONDEN));
    });

    it("goes by the families' history: once a contact person is assigned, they may and the registrant not", async () => {
      await registered('g-1', 'p-sanne');
      await registered('g-2', 'p-tim');
      await registered('g-3', 'p-ben', bram);
      await bramCoordinates('g-1');
      await project();
      await expect(
        service().addBekendLid('g-2', { persoonId: 'p-sanne', rol: 'jeugdige' }, undefined, anna),
      ).rejects.toEqual(new NotFound(PERSOON_NIET_GEVONDEN));
      await service().addBekendLid(
        'g-3',
        { persoonId: 'p-sanne', rol: 'jeugdige' },
        undefined,
        bram,
      );
    });
  });

  describe("correcting a member's data", () => {
    const correctie = (gegevens: Partial<Persoonsgegevens> = {}) => ({
      gegevens: {
        voornaam: 'Sanne Marie',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-04',
        bsn: null,
        ...gegevens,
      },
      reden: 'Tweede voornaam',
    });

    it("writes the person's stream and answers with the family's version", async () => {
      await registered('g-1', 'p-sanne');
      // After one correction the person's stream is at 2 and the family still at 1: the If-Match
      // of the request is the family's version, and the answer carries it too.
      await service().correctPersoon('g-1', 'p-sanne', correctie(), anna);
      const result = await service().correctPersoon(
        'g-1',
        'p-sanne',
        correctie({ voornaam: 'Sanne' }),
        { ...anna, expectedRevision: 1 },
      );
      expect(result.revision).toBe(1);
      expect(result.position).toBe(await store.headPosition());
      expect(await typesIn(persoonStreamId('p-sanne'))).toEqual([
        'PersoonRegistered',
        'PersoonRecordKeyAssigned',
        'PersoonsgegevensCorrected',
        'PersoonsgegevensCorrected',
      ]);
    });

    it('refuses with the facts of the family: a stranger, someone not a member, a youth without birth date, the registrant once a contact person is assigned', async () => {
      await registered('g-1', 'p-sanne');
      await registered('g-2', 'p-tim');
      const before = await store.headPosition();
      await expect(service().correctPersoon('g-1', 'p-sanne', correctie(), bram)).rejects.toEqual(
        new NotFound(GEZIN_NIET_GEVONDEN),
      );
      await expect(service().correctPersoon('g-1', 'p-tim', correctie(), anna)).rejects.toEqual(
        new NotFound(GEEN_GEZINSLID),
      );
      await expect(
        service().correctPersoon('g-1', 'p-sanne', correctie({ geboortedatum: null }), anna),
      ).rejects.toThrow(/nodig voor een jeugdige/);
      expect(await store.headPosition()).toBe(before);

      // The registrant's access ends when someone else is assigned: a stranger from then on.
      await bramCoordinates('g-1');
      await expect(
        service().correctPersoon('g-1', 'p-sanne', correctie(), anna),
      ).rejects.toBeInstanceOf(NotFound);
      await service().correctPersoon('g-1', 'p-sanne', correctie(), bram);
    });
  });

  describe('one person per BSN (ADR 0016)', () => {
    const sanne = { voornaam: 'Sanne', achternaam: 'Jansen', bsn: '111222333' };
    /** The persons the log holds for a BSN, and the read model's rows with it. */
    const personenMet = async (bsn: string) => {
      const events = await store.readAll(0n, 1000);
      const inLog = events
        .filter((e) => e.type === 'PersoonRegistered' && e.data.bsn === bsn)
        .map((e) => e.data.persoonId as string);
      const rows = readModels.db
        .prepare<[string], { persoonId: string }>(
          'SELECT persoon_id AS persoonId FROM personen WHERE bsn = ?',
        )
        .all(bsn)
        .map((r) => r.persoonId);
      return { inLog, rows };
    };
    const leden = (gezinId: string) =>
      readModels.db
        .prepare<[string], { persoonId: string }>(
          'SELECT persoon_id AS persoonId FROM gezin_leden WHERE gezin_id = ?',
        )
        .all(gezinId)
        .map((r) => r.persoonId);
    beforeEach(project); // the read models the lookup reads exist before the first write

    it("a second family registering the same child (same details) gets the known person, in the child's stream that it did", async () => {
      await registered('g-1', 'p-sanne', anna, sanne);
      const tweede = await service().register(
        'g-2',
        {
          naam: 'Jansen-de Boer',
          wijk: null,
          leden: [persoon('p-nieuw', 'jeugdige', sanne), persoon('p-eva', 'ouder')],
        },
        bram,
      );
      await project();
      expect(tweede.persoonIds).toEqual(['p-sanne', 'p-eva']);
      expect(await personenMet('111222333')).toEqual({ inLog: ['p-sanne'], rows: ['p-sanne'] });
      expect(leden('g-1')).toEqual(['p-sanne']);
      expect(leden('g-2').sort()).toEqual(['p-eva', 'p-sanne']);
      expect(await typesIn(persoonStreamId('p-nieuw'))).toEqual([]);
      const stream = await store.readStream(persoonStreamId('p-sanne'));
      expect(stream.map((e) => [e.type, e.actor.userId])).toEqual([
        ['PersoonRegistered', 'u-anna'],
        ['PersoonRecordKeyAssigned', 'u-anna'],
        ['PersoonRecognised', 'u-bram'],
      ]);
      expect(stream[2]!.data).toEqual({ persoonId: 'p-sanne', gezinId: 'g-2' });

      // A new member added later with the same details is the same person too.
      await registered('g-3', 'p-tim', bram);
      const erbij = await service().addNieuwLid(
        'g-3',
        persoon('p-ook-nieuw', 'jeugdige', sanne),
        undefined,
        bram,
      );
      await project();
      expect(erbij.persoonIds).toEqual(['p-sanne']);
      expect((await personenMet('111222333')).rows).toEqual(['p-sanne']);
      expect(leden('g-3').sort()).toEqual(['p-sanne', 'p-tim']);
    });

    it('a member with the BSN but other details (or without a birth date) is a new person, as before', async () => {
      await registered('g-1', 'p-sanne', anna, sanne);
      const anders = await service().register(
        'g-2',
        {
          naam: 'Jansen',
          wijk: null,
          leden: [persoon('p-sana', 'jeugdige', { ...sanne, voornaam: 'Sana' })],
        },
        bram,
      );
      await project();
      expect(anders.persoonIds).toEqual(['p-sana']);
      expect((await personenMet('111222333')).inLog).toEqual(['p-sanne', 'p-sana']);
      expect(await typesIn(persoonStreamId('p-sanne'))).toHaveLength(2);
    });
  });
});
