import { DomainEvent } from '@app/domain';
import { MonitoringFeit, bouwDataset, telSamenloop } from '@app/statistics';
import { gezinslid, toewijzing } from '@app/statistics/monitoring/testing/feiten';
import { aantallen } from '@app/statistics/testing/tellingen';
import { monitoringFeiten } from './monitoring-feiten';

const anna = { userId: 'u-anna', naam: 'Anna de Vries', organisatie: 'Wijkteam Noord' };
const bram = { userId: 'u-bram', naam: 'Bram Bakker', organisatie: 'Wijkteam Zuid' };

/** Events of family g1 with its professionals, as the gezin decider emits them. */
const gezinEvents: DomainEvent[] = [
  { type: 'GezinRegistered', data: { gezinId: 'g1', naam: 'Jansen', registeredBy: 'u-anna' } },
  {
    type: 'ContactpersoonAssigned',
    data: { gezinId: 'g1', contactpersoon: anna, vanaf: '2024-06-01' },
  },
  {
    type: 'ContactpersoonHandedOver',
    data: { gezinId: 'g1', van: anna, naar: bram, per: '2025-03-01', reden: 'Verhuizing' },
  },
  {
    type: 'NetwerkBetrokkeneAdded',
    data: {
      gezinId: 'g1',
      betrokkeneId: 'b-1',
      soort: 'formeel',
      naam: 'Dr. Kaya',
      rol: 'jeugdarts',
      organisatie: 'GGD',
      vanaf: '2025-02-01',
      tot: null,
    },
  },
  {
    type: 'NetwerkBetrokkeneAdded',
    data: {
      gezinId: 'g1',
      betrokkeneId: 'b-2',
      soort: 'informeel',
      naam: 'Oma Jansen',
      rol: 'oma',
      organisatie: null,
      vanaf: '2020-01-01',
      tot: null,
    },
  },
  {
    type: 'NetwerkBetrokkeneEnded',
    data: { gezinId: 'g1', betrokkeneId: 'b-1', tot: '2025-04-01', reden: null },
  },
];

describe('monitoring facts', () => {
  it('keep who works with a family, without names', () => {
    const feiten = gezinEvents.flatMap(monitoringFeiten);
    expect(feiten).toEqual<MonitoringFeit[]>([
      {
        type: 'Professional',
        gezinId: 'g1',
        sleutel: 'contactpersoon:u-anna',
        vanaf: '2024-06-01',
      },
      {
        type: 'GeenProfessional',
        gezinId: 'g1',
        sleutel: 'contactpersoon:u-anna',
        per: '2025-03-01',
      },
      {
        type: 'Professional',
        gezinId: 'g1',
        sleutel: 'contactpersoon:u-bram',
        vanaf: '2025-03-01',
      },
      { type: 'Professional', gezinId: 'g1', sleutel: 'netwerk:b-1', vanaf: '2025-02-01' },
      { type: 'GeenProfessional', gezinId: 'g1', sleutel: 'netwerk:b-1', per: '2025-04-01' },
    ]);
    expect(JSON.stringify(feiten)).not.toMatch(/Anna|Bram|Kaya|Oma|Jansen|Verhuizing/);
  });

  it('keep the end of a formal network member recorded afterwards', () => {
    const feiten = monitoringFeiten({
      type: 'NetwerkBetrokkeneAdded',
      data: {
        gezinId: 'g1',
        betrokkeneId: 'b-3',
        soort: 'formeel',
        naam: 'Mw. de Wit',
        rol: 'schoolmaatschappelijk werker',
        organisatie: 'Het Baken',
        vanaf: '2024-01-10',
        tot: '2024-11-30',
      },
    });
    expect(feiten).toEqual<MonitoringFeit[]>([
      { type: 'Professional', gezinId: 'g1', sleutel: 'netwerk:b-3', vanaf: '2024-01-10' },
      { type: 'GeenProfessional', gezinId: 'g1', sleutel: 'netwerk:b-3', per: '2024-11-30' },
    ]);
  });

  it('drop names, notes and the referrer from care events', () => {
    const [feit] = monitoringFeiten({
      type: 'VerlengingRefused',
      data: {
        persoonId: 'p1',
        verlengingId: 'v1',
        besluitdatum: '2025-05-01',
        toelichting: 'Sanne kan naar haar oma',
        alternatieven: ['Oma Jansen'],
      },
    });
    expect(JSON.stringify(feit)).not.toMatch(/Sanne|Oma/);
    const [persoonFeit] = monitoringFeiten({
      type: 'PersoonRegistered',
      data: {
        persoonId: 'p1',
        voornaam: 'Sanne',
        achternaam: 'Jansen',
        geboortedatum: '2012-05-01',
        bsn: '123456782',
      },
    });
    expect(persoonFeit).toEqual({ type: 'Persoon', persoonId: 'p1', geboortedatum: '2012-05-01' });
  });

  it('count the professionals per family with care in a period', () => {
    const d = bouwDataset([
      ...gezinEvents.flatMap(monitoringFeiten),
      gezinslid('g1', 'p1'),
      ...toewijzing({ id: 't1', persoon: 'p1', begin: '2025-01-01', eind: '2025-12-31' }),
      gezinslid('g2', 'p2'),
      ...toewijzing({ id: 't2', persoon: 'p2', begin: '2025-01-01', eind: '2025-12-31' }),
    ]);
    const vraag = (van: string, tot: string) => ({ van, tot, bekendOp: '2026-01-01', filter: {} });
    // 2025: Anna (until 1 March), Bram (from 1 March) and the youth doctor (February-March) work
    // with g1; the grandmother is informal. g2 has no professional.
    expect(
      aantallen(telSamenloop(d, vraag('2025-01-01', '2025-12-31')).professionalsVerdeling),
    ).toEqual([
      { professionals: 0, aantal: 1 },
      { professionals: 3, aantal: 1 },
    ]);
    // From May: only Bram.
    expect(
      aantallen(telSamenloop(d, vraag('2025-05-01', '2025-12-31')).professionalsVerdeling),
    ).toEqual([
      { professionals: 0, aantal: 1 },
      { professionals: 1, aantal: 1 },
    ]);
  });
});
