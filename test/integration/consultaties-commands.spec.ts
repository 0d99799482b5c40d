import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@app/access';
import {
  BSN_OPVRAGING,
  DomainEvent,
  GezinEvent,
  NotFound,
  PersoonRegistered,
  RuleViolation,
  TooManyRequests,
  bsnOpvragingenStreamId,
  consultatieStreamId,
  gezinStreamId,
  persoonStreamId,
} from '@app/domain';
import { DeciderStore, Position, SqliteEventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  ConsultatiesQueries,
  PraktijkenQueries,
  ProjectionRunner,
  ReadModelDatabase,
  ToegangQueries,
} from '@app/projections';
import type { RequestCommandContext } from '../../apps/api/src/common/command-context';
import { ConsultatieCommands } from '../../apps/api/src/consultaties/consultatie.commands';
import type {
  CorrectConsultatieDto,
  LogConsultatieDto,
} from '../../apps/api/src/consultaties/dto/consultatie.dto';
import { PraktijkCommands } from '../../apps/api/src/consultaties/praktijk.commands';

const KNOWN = '111222333';
const UNKNOWN = '123456782';

/**
 * The command services of GP practices and consultations against a real SQLite log, with the
 * projections their facts come from: the practice a user works for, the families of a linked
 * person, the person a BSN belongs to, and the limit on BSN lookups (per user, the last 60
 * minutes, exact across API instances).
 */
describe('PraktijkCommands and ConsultatieCommands', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let runner: ProjectionRunner;
  let now: Date;
  const at = (iso: string) => (now = new Date(iso));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'consultaties-commands-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
    readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    runner = new ProjectionRunner(store, readModels, ALL_PROJECTIONS);
    runner.start();
    at('2026-11-25T10:30:00.000Z');
  });
  afterEach(async () => {
    await runner.stop();
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One API instance: its own command path over the shared log and read models. */
  const instance = (perUur = 30) => {
    const deciders = new DeciderStore(store, () => now);
    const { db } = readModels;
    const toegang = new ToegangQueries(db);
    return {
      praktijken: new PraktijkCommands(deciders, new PraktijkenQueries(db)),
      consultaties: new ConsultatieCommands(
        deciders,
        new PraktijkenQueries(db),
        new ConsultatiesQueries(db),
        toegang,
        { bsnOpvragingenPerUur: perUur },
      ),
      toegang,
    };
  };
  const as = (
    userId: string,
    role: Role,
    extra: Partial<RequestCommandContext> = {},
  ): RequestCommandContext => ({
    principal: {
      userId,
      roles: [role],
      name: `Naam van ${userId}`,
      teamleider: false,
      actingRole: role,
    },
    actor: { userId, role },
    correlationId: 'c-1',
    causationId: 'c-1',
    ...extra,
  });
  const beheer = as('u-beheer', 'beheer');
  const jph = as('u-jph', 'jph');

  /** Waits until every projection has what this write wrote. */
  const projected = async ({ position }: { position: Position | null }) => {
    expect(await runner.waitFor(position!, 5000)).toBe(true);
  };
  const register = (naam: string, agbCode: string, app = instance()) =>
    app.praktijken.register(
      {
        type: 'RegisterPraktijk',
        praktijkId: randomUUID(),
        naam,
        agbCode,
        wijk: 'Haven',
        jph: null,
      },
      beheer,
    );

  /** A practice with the JPH u-jph, and the family of Sanne (BSN KNOWN), written by u-anna. */
  async function seed() {
    const app = instance();
    const praktijk = await register('De Linde', '01050001', app);
    const praktijkId = praktijk.state.praktijkId;
    await projected(
      await app.praktijken.linkMedewerker(praktijkId, { userId: 'u-jph', rol: 'jph' }, beheer),
    );
    const persoonId = randomUUID();
    const gezinId = randomUUID();
    const sanne: PersoonRegistered = {
      type: 'PersoonRegistered',
      data: {
        persoonId,
        voornaam: 'Sanne',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-04',
        bsn: KNOWN,
      },
    };
    await append(persoonStreamId(persoonId), [sanne]);
    const gezin: GezinEvent[] = [
      { type: 'GezinRegistered', data: { gezinId, naam: 'Jansen', registeredBy: 'u-anna' } },
      {
        type: 'GezinslidAdded',
        data: { gezinId, persoonId, rol: 'jeugdige', vanaf: '2026-01-01' },
      },
    ];
    await projected(await append(gezinStreamId(gezinId), gezin));
    return { praktijkId, persoonId, gezinId };
  }
  async function append(stream: string, events: DomainEvent[]) {
    return store.append(
      stream,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data as Record<string, unknown>,
        occurredAt: now.toISOString(),
        actor: { userId: 'u-anna', role: 'contactpersoon' },
        correlationId: 'c-0',
        causationId: null,
      })),
      'no_stream',
    );
  }

  const inhoud = (extra: Partial<LogConsultatieDto> = {}) => ({
    datum: '2026-11-20',
    leeftijdsgroep: '12-17' as const,
    onderwerpen: ['school' as const],
    aantalContacten: 1,
    uitkomst: 'alleen-advies' as const,
    toestemming: false,
    ...extra,
  });
  const log = (
    app: ReturnType<typeof instance>,
    praktijkId: string,
    extra: Partial<LogConsultatieDto> = {},
    context = jph,
    consultatieId: string = randomUUID(),
  ) => app.consultaties.log(consultatieId, { ...inhoud(extra), praktijkId }, context);
  const lookups = (uur: string) => store.readStream(bsnOpvragingenStreamId('u-jph', uur));

  describe('PraktijkCommands', () => {
    it('refuses an AGB code another practice has, as the read model knows it', async () => {
      const app = instance();
      await projected(await register('De Linde', '01050001', app));
      await expect(register('Het Anker', '01050001', app)).rejects.toThrow(
        /al van praktijk De Linde/,
      );
    });

    it('refuses linking a user who works for another practice now', async () => {
      const app = instance();
      const linde = (await register('De Linde', '01050001', app)).state.praktijkId;
      const anker = (await register('Het Anker', '01050002', app)).state.praktijkId;
      const medewerker = { userId: 'u-jph', rol: 'jph' as const };
      await projected(await app.praktijken.linkMedewerker(linde, medewerker, beheer));
      const elsewhere = app.praktijken.linkMedewerker(anker, medewerker, beheer);
      await expect(elsewhere).rejects.toThrow(RuleViolation);
      await expect(elsewhere).rejects.toThrow(/gekoppeld aan praktijk De Linde/);
    });
  });

  describe('ConsultatieCommands', () => {
    it('logs for the practice the user works for; to anyone else it does not exist, and nothing is looked up', async () => {
      const { praktijkId } = await seed();
      const app = instance();
      const logged = await log(app, praktijkId);
      expect(logged.state).toMatchObject({ logged: true, praktijkId, versie: 0 });
      const nergens = as('u-nergens', 'jph');
      const refused = log(app, praktijkId, { toestemming: true, bsn: KNOWN }, nergens);
      await expect(refused).rejects.toThrow(NotFound);
      await expect(refused).rejects.toThrow(/niet aan gekoppeld/);
      expect(await store.readStream(bsnOpvragingenStreamId('u-nergens', '2026-11-25T10'))).toEqual(
        [],
      );
    });

    it('with consent, a known BSN proposes a link to the person and records the lookup in the families’ logs; an unknown one is one append the same; no event holds the BSN', async () => {
      const { praktijkId, persoonId, gezinId } = await seed();
      const app = instance();
      const known = await log(app, praktijkId, { toestemming: true, bsn: KNOWN });
      const unknown = await log(app, praktijkId, { toestemming: true, bsn: UNKNOWN });
      expect(known.state.koppeling).toEqual({ persoonId, gezinId: null });
      expect(unknown.state.koppeling).toBeNull();
      expect([known.state.koppelingGevraagd, unknown.state.koppelingGevraagd]).toEqual([
        true,
        true,
      ]);

      const events = await lookups('2026-11-25T10');
      const door = { userId: 'u-jph', naam: 'Naam van u-jph', rol: 'jph', praktijkId };
      const op = '2026-11-25T10:30:00.000Z';
      expect(events.map((e) => [e.type, e.data])).toEqual([
        [BSN_OPVRAGING, { ...door, persoonId, gezinIds: [gezinId], op }],
        [BSN_OPVRAGING, { ...door, persoonId: null, gezinIds: [], op }],
      ]);
      // Only the person's own stream holds their BSN.
      const written = (await store.readAll(0n, 1000)).filter(
        (e) => !e.streamId.startsWith('persoon-'),
      );
      expect(JSON.stringify(written.map((e) => e.data))).not.toMatch(
        new RegExp(`${KNOWN}|${UNKNOWN}`),
      );
    });

    it('refuses a BSN that fails the eleven-test before it counts', async () => {
      const { praktijkId } = await seed();
      const refused = log(instance(), praktijkId, { toestemming: true, bsn: '111222334' });
      await expect(refused).rejects.toThrow(/elfproef/);
      expect(await lookups('2026-11-25T10')).toEqual([]);
    });

    it('counts the last 60 minutes across two clock hours: at the limit nothing is looked up or written, and Retry-After says when', async () => {
      const { praktijkId } = await seed();
      const app = instance(3);
      const find = jest.spyOn(app.toegang, 'persoonMetBsn');
      at('2026-11-25T10:30:00.000Z');
      await log(app, praktijkId, { toestemming: true, bsn: KNOWN });
      at('2026-11-25T10:40:00.000Z');
      await log(app, praktijkId, { toestemming: true, bsn: KNOWN });
      await log(app, praktijkId, { toestemming: true, bsn: UNKNOWN });
      expect(find).toHaveBeenCalledTimes(3);

      at('2026-11-25T11:20:00.000Z');
      const head = await store.headPosition();
      const consultatieId = randomUUID();
      const refused = log(app, praktijkId, { toestemming: true, bsn: KNOWN }, jph, consultatieId);
      await expect(refused).rejects.toThrow(TooManyRequests);
      await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 10 * 60 });
      expect(find).toHaveBeenCalledTimes(3); // refused before the person is looked up
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(consultatieStreamId(consultatieId))).toEqual([]);

      // Without a BSN nothing is limited; a correction with one is.
      const anoniem = await log(app, praktijkId);
      const correctie: CorrectConsultatieDto = {
        ...inhoud({ toestemming: true, bsn: UNKNOWN }),
        reden: 'Toestemming gekregen',
      };
      await expect(
        app.consultaties.correct(anoniem.state.consultatieId, correctie, jph),
      ).rejects.toThrow(TooManyRequests);

      at('2026-11-25T11:30:00.001Z'); // the first one is more than an hour old
      await log(app, praktijkId, { toestemming: true, bsn: KNOWN });
      expect(await lookups('2026-11-25T11')).toHaveLength(1);
    });

    it('lets no more than the limit through when one user logs from several instances at once', async () => {
      const { praktijkId } = await seed();
      at('2026-11-25T12:00:00.000Z');
      const instances = [instance(3), instance(3)];
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          log(instances[i % 2]!, praktijkId, { toestemming: true, bsn: i % 2 ? KNOWN : UNKNOWN }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TooManyRequests);
      }
      expect(await lookups('2026-11-25T12')).toHaveLength(3);
    });

    it('looks a BSN up once for a request sent again with the same Idempotency-Key', async () => {
      const { praktijkId } = await seed();
      const app = instance();
      const consultatieId = randomUUID();
      const retried = as('u-jph', 'jph', { idempotencyKey: 'opnieuw-1' });
      const body = { toestemming: true, bsn: KNOWN };
      const first = await log(app, praktijkId, body, retried, consultatieId);
      const again = await log(app, praktijkId, body, retried, consultatieId);
      expect(again.position).toEqual(first.position);
      expect(await lookups('2026-11-25T10')).toHaveLength(1);
    });

    it('lets a contact person who writes a family of the linked person decide on the link; to anyone else, or on a link changed since, it does not exist', async () => {
      const { praktijkId } = await seed();
      const app = instance();
      const logged = await log(app, praktijkId, { toestemming: true, bsn: KNOWN });
      await projected(logged);
      const { consultatieId } = logged.state;
      const anna = as('u-anna', 'contactpersoon');
      const kees = as('u-kees', 'contactpersoon');

      const stranger = app.consultaties.decideLink(consultatieId, { type: 'bevestigen' }, kees);
      await expect(stranger).rejects.toThrow(NotFound);
      await expect(stranger).rejects.toThrow(/contactpersoon/);
      const confirmed = await app.consultaties.decideLink(
        consultatieId,
        { type: 'bevestigen' },
        anna,
      );
      expect(confirmed.state.koppelingStatus).toBe('bevestigd');
      // The practice's version stays as it was: it must not learn that its BSN was known.
      expect(confirmed.revision).toBe(0);

      // The practice drops the link; this instance's read model has not seen that yet, so the
      // contact person's facts are about the old link: they do not count.
      await projected(confirmed);
      await runner.stop();
      const correctie: CorrectConsultatieDto = { ...inhoud(), reden: 'Geen toestemming meer' };
      await app.consultaties.correct(consultatieId, correctie, jph);
      const stale = app.consultaties.decideLink(
        consultatieId,
        { type: 'afwijzen', reden: null },
        anna,
      );
      await expect(stale).rejects.toThrow(NotFound);
    });
  });
});
