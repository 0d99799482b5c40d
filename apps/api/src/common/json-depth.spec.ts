import { nestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, mixed', () => {
    expect(nestsDeeperThan(bytes('{"a":[{"b":[]}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":[{"b":[]}]}'), 3)).toBe(true);
  });

  it('allows exactly the limit and refuses one more', () => {
    expect(nestsDeeperThan(bytes(nested(400)), 400)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(401)), 400)).toBe(true);
    expect(nestsDeeperThan(bytes(nested(3000)), 400)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ naam: '[[[{{{"\\"[[[', leden: [] });
    expect(nestsDeeperThan(bytes(text), 2)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: '\\' + '['.repeat(10) })), 1)).toBe(false);
  });

  it('depth counts levels open at once, not brackets in total', () => {
    expect(nestsDeeperThan(bytes('[' + '[],'.repeat(1000) + '[]]'), 2)).toBe(false);
  });

  it('reads multi-byte text as it is', () => {
    expect(nestsDeeperThan(bytes('{"naam":"Zoë 🌷 [","x":[]}'), 2)).toBe(false);
  });
});
