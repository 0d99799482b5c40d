import { Decider, DomainEvent, RuleViolation } from '../decider';
import { ReeksRefused, reeksDecider } from './reeks';

type Added = DomainEvent<'Added', { n: number }>;
/** A counter that refuses to go above 3: enough to see order, state passed on and refusal. */
const teller: Decider<{ n: number }, Added, number> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.data.n,
  decide(command, state) {
    if (state + command.n > 3) throw new RuleViolation(`boven 3 (${state} + ${command.n})`);
    return [{ type: 'Added', data: { n: command.n } }];
  },
};

describe('reeksDecider', () => {
  const reeks = reeksDecider(teller);
  const now = new Date('2026-03-01T10:00:00Z');

  it('decides each command against the state the ones before it left', () => {
    expect(reeks.decide({ type: 'Reeks', commands: [{ n: 1 }, { n: 2 }] }, 0, now)).toEqual([
      { type: 'Added', data: { n: 1 } },
      { type: 'Added', data: { n: 2 } },
    ]);
  });

  it('refuses the whole series when one is refused, naming which', () => {
    let error: unknown;
    try {
      reeks.decide({ type: 'Reeks', commands: [{ n: 2 }, { n: 2 }] }, 0, now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReeksRefused);
    expect((error as ReeksRefused).index).toBe(1);
    expect((error as ReeksRefused).cause).toBeInstanceOf(RuleViolation);
    expect((error as ReeksRefused).message).toBe('boven 3 (2 + 2)');
  });
});
