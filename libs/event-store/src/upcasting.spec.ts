import type { RecordedEvent } from './event-store';
import { upcast } from './upcasting';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e1',
  type,
  schemaVersion: 1,
  data,
  occurredAt: '2024-02-01T00:00:00.000Z',
  actor: { userId: 'u', role: 'beheer' },
  correlationId: 'c',
  causationId: null,
  streamId: 'referentiedata',
  revision: 0,
  position: 1n,
  recordedAt: '2024-02-01T00:00:00.000Z',
});

describe('upcast', () => {
  it('reads a population stored before the whole could be given as the sum of its districts', () => {
    const wijken = [
      { wijk: 'Haven', aantal: 1840 },
      { wijk: 'Atol', aantal: 2210 },
    ];
    expect(upcast(recorded('BevolkingSet', { jaar: 2023, wijken })).data).toEqual({
      jaar: 2023,
      wijken,
      totaal: 4050,
    });
    // Under its old name too.
    expect(upcast(recorded('BevolkingVastgesteld', { jaar: 2023, wijken }))).toMatchObject({
      type: 'BevolkingSet',
      data: { totaal: 4050 },
    });
  });

  it('leaves a population with a whole as it is', () => {
    const data = { jaar: 2024, wijken: [], totaal: 19_000 };
    expect(upcast(recorded('BevolkingSet', data)).data).toBe(data);
  });
});
