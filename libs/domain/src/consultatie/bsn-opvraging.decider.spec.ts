import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  BSN_OPVRAGING,
  BsnOpvragingRecorded,
  RecordBsnOpvraging,
  TooManyRequests,
  bsnOpvragingDecider,
  bsnOpvragingenStreamId,
  uurVan,
} from './bsn-opvraging.decider';

const spec = deciderSpecification(bsnOpvragingDecider);
const door = { userId: 'u-jph', naam: 'Jet', rol: 'jph', praktijkId: 'pr-1' };
const lookUp = (extra: Partial<RecordBsnOpvraging> = {}): RecordBsnOpvraging => ({
  type: 'RecordBsnOpvraging',
  door,
  bsn: '111222333',
  perUur: 3,
  vorigUur: [],
  gevonden: null,
  ...extra,
});
const recorded = (op: string | undefined): BsnOpvragingRecorded => ({
  type: BSN_OPVRAGING,
  data: { ...door, persoonId: null, gezinIds: [], ...(op === undefined ? {} : { op }) },
});
const at = (iso: string) => new Date(iso);

describe('BSN lookup decider', () => {
  it('records a lookup of a known person with their families, and the moment; never the BSN', () => {
    spec
      .given([])
      .when(
        lookUp({ gevonden: { persoonId: 'p-1', gezinIds: ['g-1', 'g-2'] } }),
        at('2026-11-25T18:05:00.000Z'),
      )
      .then([
        {
          type: BSN_OPVRAGING,
          data: {
            ...door,
            persoonId: 'p-1',
            gezinIds: ['g-1', 'g-2'],
            op: '2026-11-25T18:05:00.000Z',
          },
        },
      ]);
  });

  it('records a lookup of a BSN that belongs to no one known the same way', () => {
    spec
      .given([])
      .when(lookUp(), at('2026-11-25T18:05:00.000Z'))
      .then([recorded('2026-11-25T18:05:00.000Z')]);
  });

  it('refuses a BSN that fails the eleven-test before anything counts', () => {
    spec
      .given([])
      .when(lookUp({ bsn: '111222334' }))
      .thenThrows(RuleViolation, /elfproef/);
  });

  it('answers NotFound to a user linked to no practice', () => {
    spec
      .given([])
      .when(lookUp({ door: { ...door, praktijkId: null } }))
      .thenThrows(NotFound, /niet aan gekoppeld/);
    expect(() =>
      bsnOpvragingDecider.authorize!(lookUp({ door: { ...door, praktijkId: null } }), {
        momenten: [],
      }),
    ).toThrow(NotFound);
  });

  describe('at most perUur lookups in the last 60 minutes, over two clock hours', () => {
    it('refuses the next lookup at the limit, and says when one is allowed again', () => {
      const when = () =>
        bsnOpvragingDecider.decide(
          lookUp({ vorigUur: ['2026-11-25T10:30:00.000Z', '2026-11-25T10:40:00.000Z'] }),
          { momenten: ['2026-11-25T11:05:00.000Z'] },
          at('2026-11-25T11:20:00.000Z'),
        );
      expect(when).toThrow(TooManyRequests);
      expect(when).toThrow('al 3 keer een BSN opgevraagd; dat mag 3 keer per uur');
      // The one of 10:30 is more than an hour old at 11:30.
      expect(when).toThrow(expect.objectContaining({ retryAfterSeconds: 10 * 60 }) as Error);
    });

    it('counts only the lookups of the last 60 minutes', () => {
      spec
        .given([recorded('2026-11-25T11:05:00.000Z')])
        .when(
          lookUp({ vorigUur: ['2026-11-25T10:30:00.000Z', '2026-11-25T10:40:00.000Z'] }),
          at('2026-11-25T11:30:00.001Z'),
        )
        .then([recorded('2026-11-25T11:30:00.001Z')]);
    });

    it('counts this hour’s lookups in the stream', () => {
      spec
        .given([
          recorded('2026-11-25T12:00:00.000Z'),
          recorded('2026-11-25T12:01:00.000Z'),
          recorded('2026-11-25T12:02:00.000Z'),
        ])
        .when(lookUp(), at('2026-11-25T12:03:00.000Z'))
        .thenThrows(TooManyRequests, /al 3 keer/);
    });

    it('counts a lookup recorded without its moment as late as it can have been', () => {
      // This hour: as if just now, so the limit holds for a full hour.
      const ditUur = () =>
        bsnOpvragingDecider.decide(
          lookUp({ perUur: 1 }),
          bsnOpvragingDecider.evolve({ momenten: [] }, recorded(undefined)),
          at('2026-11-25T12:20:00.000Z'),
        );
      expect(ditUur).toThrow(expect.objectContaining({ retryAfterSeconds: 3600 }) as Error);
      // The previous hour: as if at its end.
      const vorigUur = () =>
        bsnOpvragingDecider.decide(
          lookUp({ perUur: 1, vorigUur: [null] }),
          { momenten: [] },
          at('2026-11-25T12:20:00.000Z'),
        );
      expect(vorigUur).toThrow(expect.objectContaining({ retryAfterSeconds: 40 * 60 }) as Error);
    });
  });

  it('keeps a stream per user and clock hour (UTC)', () => {
    expect(bsnOpvragingenStreamId('u-jph', uurVan(at('2026-11-25T18:59:59.999Z')))).toBe(
      'bsn-opvragingen-u-jph-2026-11-25T18',
    );
  });
});
