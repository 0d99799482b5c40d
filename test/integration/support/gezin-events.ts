import { randomUUID } from 'node:crypto';
import { GezinEvent, gezinStreamId } from '@app/domain';
import { EventStore, EventToAppend } from '@app/event-store';

/** Appends `families` families of fifty events each (register, assign, 48 added members). */
export async function appendFamilies(store: EventStore, families: number): Promise<void> {
  for (let f = 0; f < families; f++) {
    const gezinId = `00000000-0000-4000-8000-${String(f).padStart(12, '0')}`;
    const lid = (n: number) => ({
      persoonId: `${gezinId}-${n}`,
      rol: 'jeugdige' as const,
      voornaam: `Kind${n}`,
      achternaam: `Gezin${f}`,
      geboortedatum: '2014-02-28',
    });
    const events: GezinEvent[] = [
      {
        type: 'GezinRegistered',
        data: { gezinId, naam: `Gezin${f}`, leden: [lid(0)], registeredBy: `u-${f % 50}` },
      },
      {
        type: 'ContactpersoonAssigned',
        data: {
          gezinId,
          contactpersoon: { userId: `u-${f % 50}`, naam: 'Anna', organisatie: 'Wijkteam' },
          vanaf: '2026-01-01',
        },
      },
      ...Array.from({ length: 48 }, (_, i) => i + 1).map((n): GezinEvent => ({
        type: 'GezinslidAdded',
        data: { gezinId, lid: lid(n) },
      })),
    ];
    await store.append(gezinStreamId(gezinId), events.map(envelope), 'no_stream');
  }
}

function envelope(event: GezinEvent): EventToAppend {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    occurredAt: '2026-01-01T09:00:00.000Z',
    actor: { userId: 'u-seed', role: 'contactpersoon' },
    correlationId: 'seed',
    causationId: null,
  };
}
