import { deciderSpecification } from '../testing/decider-specification';
import {
  GezinsgegevensViewed,
  verwerkingslogDecider,
  verwerkingslogStreamId,
} from './verwerkingslog';

const spec = deciderSpecification(verwerkingslogDecider);
const anna = { userId: 'u-anna', naam: 'Anna de Vries' };
const eerder: GezinsgegevensViewed = {
  type: 'GezinsgegevensViewed',
  data: { gezinIds: ['g-0'], wat: 'gezin', door: 'u-anna', naam: 'Anna de Vries' },
};

describe('verwerkingslog decider', () => {
  it('records who read which families, and what', () => {
    spec
      .given([eerder])
      .when({
        type: 'RecordInzage',
        gezinIds: ['g-1', 'g-2'],
        wat: 'werklijst mijn-gezinnen',
        door: anna,
      })
      .then([
        {
          type: 'GezinsgegevensViewed',
          data: {
            gezinIds: ['g-1', 'g-2'],
            wat: 'werklijst mijn-gezinnen',
            door: 'u-anna',
            naam: 'Anna de Vries',
          },
        },
      ]);
  });
  it('names each family once', () => {
    spec
      .given([])
      .when({ type: 'RecordInzage', gezinIds: ['g-1', 'g-1'], wat: 'zorg', door: anna })
      .then([{ ...eerder, data: { ...eerder.data, gezinIds: ['g-1'], wat: 'zorg' } }]);
  });
  it('records nothing for a read that showed no family', () => {
    spec
      .given([])
      .when({ type: 'RecordInzage', gezinIds: [], wat: 'werklijst', door: anna })
      .then([]);
  });
  it("keeps one stream per reader per day, so an append reads only that day's reads", () => {
    expect(verwerkingslogStreamId('u-anna', '2026-03-01')).toBe('verwerkingslog-u-anna-2026-03-01');
  });
});
