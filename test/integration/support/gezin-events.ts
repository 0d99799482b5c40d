import { randomUUID } from 'node:crypto';
import { GezinEvent, gezinStreamId } from '@app/domain';
import { EventStore, EventToAppend } from '@app/event-store';

/**
 * Appends `families` families of fifty events each: registered, a contact person, 46 members,
 * a plan, and a handover.
 */
export async function appendFamilies(store: EventStore, families: number): Promise<void> {
  for (let f = 0; f < families; f++) {
    const gezinId = `00000000-0000-4000-8000-${String(f).padStart(12, '0')}`;
    const anna = { userId: `u-${f % 50}`, naam: 'Anna', organisatie: 'Wijkteam' };
    const events: GezinEvent[] = [
      { type: 'GezinRegistered', data: { gezinId, naam: `Gezin${f}`, registeredBy: anna.userId } },
      {
        type: 'ContactpersoonAssigned',
        data: { gezinId, contactpersoon: anna, vanaf: '2026-01-01' },
      },
      ...Array.from({ length: 46 }, (_, n): GezinEvent => ({
        type: 'GezinslidAdded',
        data: { gezinId, persoonId: `${gezinId}-${n}`, rol: 'jeugdige', vanaf: '2026-01-01' },
      })),
      {
        type: 'GezinsplanWritten',
        data: {
          gezinId,
          versie: 1,
          reden: null,
          plan: {
            hulpvraag: 'Rust in huis',
            doelen: [
              { doelId: 'd-1', leefgebied: 'opvoeding', persoonId: null, omschrijving: 'Ritme' },
            ],
            afspraken: [
              {
                afspraakId: 'a-1',
                wie: 'Ouder',
                wat: 'Weekschema',
                uiterlijk: '2026-02-01',
                status: 'open',
                doelId: 'd-1',
              },
            ],
            evaluatiedatum: '2026-06-01',
            toestemming: { delen: true, vastgelegdOp: '2026-01-01', toelichting: null },
          },
        },
      },
      {
        type: 'ContactpersoonHandedOver',
        data: {
          gezinId,
          van: anna,
          naar: { ...anna, userId: `u-${(f + 1) % 50}` },
          per: '2026-03-01',
          reden: 'Verlof',
        },
      },
    ];
    await store.append(gezinStreamId(gezinId), events.map(envelope), 'no_stream');
  }
}

function envelope(event: GezinEvent): EventToAppend {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data as Record<string, unknown>,
    occurredAt: '2026-01-01T09:00:00.000Z',
    actor: { userId: 'u-seed', role: 'contactpersoon' },
    correlationId: 'seed',
    causationId: null,
  };
}
