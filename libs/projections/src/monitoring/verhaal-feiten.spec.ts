import {
  DomainEvent,
  GEGEVENS_VERWIJDERD,
  OordelenRecorded,
  ToewijzingOpname,
  VerhaalRecorded,
  VerhaalToestemming,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { MonitoringFeit } from '@app/statistics';
import { ReadModelDatabase } from '../read-model-database';
import { monitoringProjection } from './monitoring.projection';
import { MonitoringQueries } from './monitoring.queries';
import { VerhaalStand, verhaalFeiten } from './verhaal-feiten';

const opname: ToewijzingOpname = {
  toewijzingId: 't1',
  persoonId: 'p1',
  wettelijkKader: 'jeugdwet',
  aanbiederId: '12345678',
  productcode: '45A48',
  productcategorie: '45',
  woonvorm: null,
};

const recorded = (toestemming: VerhaalToestemming): VerhaalRecorded => ({
  type: 'VerhaalRecorded',
  data: {
    verhaalId: 'v1',
    gezinId: 'g1',
    persoonId: 'p1',
    toewijzing: opname,
    verteller: { soort: 'ouder', organisatie: null },
    datum: '2025-03-14',
    tekst: 'Mijn zoon Daan (8) van De Regenboog kreeg eindelijk hulp.',
    themaIds: ['knop-8'],
    toestemming,
    door: 'u-anna',
  },
});
const released = (tekst = 'Mijn zoon kreeg eindelijk hulp.'): DomainEvent => ({
  type: 'VerhaalReleased',
  data: { verhaalId: 'v1', gezinId: 'g1', tekst, door: 'u-bram', op: '2025-03-20' },
});
const consent = (toestemming: VerhaalToestemming): DomainEvent => ({
  type: 'VerhaalConsentChanged',
  data: { verhaalId: 'v1', gezinId: 'g1', toestemming, datum: '2025-04-01', door: 'u-anna' },
});

/** The facts of events in order, with one memory of stories, as the projection keeps it. */
function feiten(events: DomainEvent[]): MonitoringFeit[][] {
  const geheugen = new Map<string, VerhaalStand>();
  return events.map((e) => verhaalFeiten(e, geheugen));
}

const zichtbaar = (citeerbaar: boolean, tekst = 'Mijn zoon kreeg eindelijk hulp.') => ({
  type: 'Verhaal',
  verhaalId: 'v1',
  gezinId: 'g1',
  toewijzing: { toewijzingId: 't1', persoonId: 'p1' },
  verteller: 'ouder',
  maand: '2025-03',
  themaIds: ['knop-8'],
  citeerbaar,
  tekst,
});

describe('monitoring facts of stories and judgements', () => {
  it('let a story in only once released, with the checked text, the month and no teller name', () => {
    expect(feiten([recorded('gepseudonimiseerd'), released()])).toEqual([[], [zichtbaar(false)]]);
    expect(feiten([recorded('citeerbaar'), released()])).toEqual([[], [zichtbaar(true)]]);
  });

  it('keep a story with consent for the family file only out, released or not', () => {
    expect(feiten([recorded('dossier'), released()])).toEqual([[], []]);
  });

  it('take a story out at once when consent is withdrawn; back only after a new release', () => {
    const uit = { type: 'VerhaalIngetrokken', verhaalId: 'v1' };
    expect(
      feiten([
        recorded('citeerbaar'),
        released(),
        consent('dossier'),
        consent('gepseudonimiseerd'),
        released('Mijn kind kreeg eindelijk hulp.'),
      ]),
    ).toEqual([
      [],
      [zichtbaar(true)],
      [uit],
      [],
      [zichtbaar(false, 'Mijn kind kreeg eindelijk hulp.')],
    ]);
  });

  it('take a story that is no longer quotable out of the past views too, then let it in again', () => {
    const [, , minder, meer] = feiten([
      recorded('citeerbaar'),
      released(),
      consent('gepseudonimiseerd'),
      consent('citeerbaar'),
    ]);
    expect(minder).toEqual([{ type: 'VerhaalIngetrokken', verhaalId: 'v1' }, zichtbaar(false)]);
    expect(meer).toEqual([zichtbaar(true)]);
  });

  it('let in a story consented to after its release', () => {
    expect(feiten([recorded('dossier'), released(), consent('citeerbaar')])).toEqual([
      [],
      [],
      [zichtbaar(true)],
    ]);
  });

  it('never show the text of an erased family', () => {
    expect(feiten([recorded('citeerbaar'), released(GEGEVENS_VERWIJDERD)])).toEqual([[], []]);
  });

  it('keep judgements by month, without the plan goals', () => {
    const event: OordelenRecorded = {
      type: 'OordelenRecorded',
      data: {
        oordeelId: 'o1',
        gezinId: 'g1',
        aanleiding: { soort: 'einde-toewijzing', toewijzing: opname },
        datum: '2025-06-30',
        oordelen: [
          {
            door: 'jeugdige',
            hulpvraagBeantwoord: 'deels',
            regie: 3,
            voortgang: [
              { doelId: 'doel-1', score: 1 },
              { doelId: 'doel-2', score: 'wil-niet-antwoorden' },
            ],
          },
        ],
        door: 'u-anna',
      },
    };
    expect(feiten([event])).toEqual([
      [
        {
          type: 'Oordelen',
          gezinId: 'g1',
          aanleiding: 'einde-toewijzing',
          toewijzing: { toewijzingId: 't1', persoonId: 'p1' },
          maand: '2025-06',
          oordelen: [
            {
              door: 'jeugdige',
              hulpvraagBeantwoord: 'deels',
              regie: 3,
              voortgang: [1, 'wil-niet-antwoorden'],
            },
          ],
        },
      ],
    ]);
  });
});

describe('the monitoring projection and a withdrawn story', () => {
  let readModels: ReadModelDatabase;
  beforeEach(() => {
    readModels = new ReadModelDatabase(':memory:');
  });
  afterEach(() => readModels.close());

  const opgeslagen = (event: DomainEvent, recordedAt: string, position: number): RecordedEvent => ({
    id: `e${position}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data as Record<string, unknown>,
    occurredAt: recordedAt,
    actor: { userId: 'u-anna', role: 'contactpersoon' },
    correlationId: 'c',
    causationId: null,
    streamId: 'verhaal-v1',
    revision: position - 1,
    position: BigInt(position),
    recordedAt,
  });

  it('is gone from every view, also as known on a day before the withdrawal', () => {
    const apply = monitoringProjection.open(readModels.db);
    const queries = new MonitoringQueries(readModels.db);
    apply(opgeslagen(recorded('citeerbaar'), '2025-03-14T10:00:00.000Z', 1));
    apply(opgeslagen(released(), '2025-03-20T10:00:00.000Z', 2));
    expect([...queries.dataset(null).verhalen.keys()]).toEqual(['v1']);
    expect([...queries.dataset('2025-03-31T23:59:59.999Z').verhalen.keys()]).toEqual(['v1']);

    apply(opgeslagen(consent('dossier'), '2025-04-01T10:00:00.000Z', 3));
    expect(queries.dataset(null).verhalen.size).toBe(0);
    expect(queries.dataset('2025-03-31T23:59:59.999Z').verhalen.size).toBe(0);
    // Neither the fact log nor the projection's memory keeps the checked text.
    const rows = readModels.db
      .prepare('SELECT feit FROM monitoring_feiten UNION ALL SELECT stand FROM monitoring_verhalen')
      .all() as { feit: string }[];
    expect(rows.map((r) => r.feit).join()).not.toContain('eindelijk hulp');
  });
});
