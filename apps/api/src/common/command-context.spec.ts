import { createHash, randomBytes } from 'node:crypto';
import { deterministicUuid } from '@app/event-store';
import { Ids, RequestCommandContext } from './command-context';

const context = (userId: string, idempotencyKey?: string): RequestCommandContext => ({
  principal: { userId, name: userId, roles: ['contactpersoon'], teamleider: false },
  actor: { userId, role: 'contactpersoon' },
  correlationId: 'c-1',
  causationId: 'c-1',
  idempotencyKey,
});

describe('Ids.newId', () => {
  const secret = randomBytes(32);

  it('gives the same id for the same key, user and secret: a retry names the same thing', () => {
    const ids = new Ids(secret);
    const first = ids.newId(context('anna', 'retry-0001'), 'gezin');
    expect(new Ids(Buffer.from(secret)).newId(context('anna', 'retry-0001'), 'gezin')).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives another id under another secret, for another user, purpose or person', () => {
    const ids = new Ids(secret);
    const id = ids.newId(context('anna', 'retry-0001'), 'toewijzing', 'p-1');
    expect(
      new Ids(randomBytes(32)).newId(context('anna', 'retry-0001'), 'toewijzing', 'p-1'),
    ).not.toBe(id);
    expect(ids.newId(context('bram', 'retry-0001'), 'toewijzing', 'p-1')).not.toBe(id);
    expect(ids.newId(context('anna', 'retry-0001'), 'verblijf', 'p-1')).not.toBe(id);
    expect(ids.newId(context('anna', 'retry-0001'), 'toewijzing', 'p-2')).not.toBe(id);
  });

  it('is not a plain hash of what the client knows (key, user, purpose)', () => {
    const id = new Ids(secret).newId(context('anna', 'retry-0001'), 'gezin');
    const name = 'gezin::anna:retry-0001';
    expect(id).not.toBe(deterministicUuid(name));
    const hex = id.replace(/-/g, '');
    for (const algorithm of ['sha256', 'sha1', 'md5']) {
      const plain = createHash(algorithm).update(name).digest('hex');
      expect(plain.slice(0, 8)).not.toBe(hex.slice(0, 8));
      expect(createHash(algorithm).update('retry-0001').digest('hex').slice(0, 8)).not.toBe(
        hex.slice(0, 8),
      );
    }
  });

  it('without an Idempotency-Key, a new random id every time', () => {
    const ids = new Ids(secret);
    expect(ids.newId(context('anna'), 'gezin')).not.toBe(ids.newId(context('anna'), 'gezin'));
  });
});
