import { randomUUID } from 'node:crypto';
import { AddressInfo, createServer, connect, Server, Socket } from 'node:net';
import { EventStoreDbEventStore, EventToAppend, RecordedEvent } from '@app/event-store';
import { eventStoreContract } from './event-store.contract';

const connectionString = process.env.ESDB_CONNECTION_STRING;
const describeWithServer = connectionString ? describe : describe.skip;
if (!connectionString) {
  console.warn(
    'skipped: no EventStoreDB (set ESDB_CONNECTION_STRING to run the EventStoreDB contract suite)',
  );
}

describeWithServer('contract: EventStoreDbEventStore', () => {
  let store: EventStoreDbEventStore;
  beforeAll(() => {
    store = new EventStoreDbEventStore(connectionString ?? '');
  });
  afterAll(async () => {
    await store.close();
  });

  eventStoreContract(() => store);

  // Needs a plain single-node connection string: the proxy forwards TCP to that one host.
  const target = singleInsecureHost(connectionString);
  (target ? it : it.skip)(
    'keeps a subscription going across a dropped connection, without gaps or duplicates',
    async () => {
      if (!target || !connectionString) return; // never: the test is skipped then
      const proxy = await startProxy(target.host, target.port);
      const retries: Error[] = [];
      const proxied = new EventStoreDbEventStore(proxiedConnectionString(connectionString, proxy), {
        retryMinMs: 100,
        retryMaxMs: 500,
        onSubscriptionRetry: (error) => retries.push(error),
      });
      const stream = `contract-reconnect-${randomUUID()}`;
      const before = event('before-drop');
      const after = event('after-drop');
      const ids = new Set([before.id, after.id]);
      const seen: RecordedEvent[] = [];
      const errors: Error[] = [];
      let caughtUp = false;
      const subscription = proxied.subscribeToAll({
        fromPosition: await store.headPosition(),
        onEvent: (e) => {
          if (ids.has(e.id)) seen.push(e);
        },
        onCaughtUp: () => (caughtUp = true),
        onError: (error) => errors.push(error),
      });
      try {
        await waitUntil(() => caughtUp);
        await store.append(stream, [before], 'no_stream');
        await waitUntil(() => seen.length === 1);

        proxy.dropConnections();
        await store.append(stream, [after], 0);
        await waitUntil(() => seen.length >= 2, 20_000);

        expect(seen.map((e) => e.type)).toEqual(['before-drop', 'after-drop']);
        expect(retries.length).toBeGreaterThan(0); // it did lose the connection
        expect(errors).toEqual([]);
      } finally {
        await subscription.stop();
        await proxied.close();
        await proxy.close();
      }
    },
    30_000,
  );
});

describe('EventStoreDbEventStore without a reachable server', () => {
  let port: number;
  let store: EventStoreDbEventStore;
  const retries: Error[] = [];
  beforeAll(async () => {
    port = await unusedPort();
    store = new EventStoreDbEventStore(`esdb://127.0.0.1:${port}?tls=false`, {
      retryMinMs: 20,
      retryMaxMs: 80,
      onSubscriptionRetry: (error) => retries.push(error),
    });
  });
  afterAll(async () => {
    await store.close();
  });

  it('fails the health check', async () => {
    await expect(store.checkHealth()).rejects.toThrow();
  });

  it('keeps retrying a subscription instead of reporting an error, and stops when asked', async () => {
    const errors: Error[] = [];
    const subscription = store.subscribeToAll({
      fromPosition: 0n,
      onEvent: () => undefined,
      onError: (error) => errors.push(error),
    });
    await waitUntil(() => retries.length >= 3);
    await subscription.stop();
    expect(errors).toEqual([]);
  });
});

function event(type: string): EventToAppend {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: {},
    occurredAt: '2026-01-02T03:04:05.000Z',
    actor: { userId: 'u-1', role: 'contactpersoon' },
    correlationId: randomUUID(),
    causationId: null,
  };
}

/** Host and port of an `esdb://host:port?tls=false` string; null for clusters, TLS or discovery. */
function singleInsecureHost(value: string | undefined): { host: string; port: number } | null {
  if (!value) return null;
  const match = /^esdb:\/\/(?:[^@/]+@)?([^:/,?]+):(\d+)\/?\?(.*)$/.exec(value);
  const [, host, port, query] = match ?? [];
  if (!host || !port || new URLSearchParams(query).get('tls') !== 'false') return null;
  return { host, port: Number(port) };
}

function proxiedConnectionString(value: string, proxy: Proxy): string {
  return value.replace(/^(esdb:\/\/(?:[^@/]+@)?)[^:/,?]+:\d+/, `$1127.0.0.1:${proxy.port}`);
}

interface Proxy {
  port: number;
  /** Cuts every open connection, as a network failure or a server restart would. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** A TCP forwarder between the client and the server, so a test can break the connection. */
async function startProxy(host: string, port: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    dropConnections: () => sockets.forEach((socket) => socket.destroy()),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: taken from the OS, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
