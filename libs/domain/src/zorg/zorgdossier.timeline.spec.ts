import { describeZorgEvent } from './zorgdossier.timeline';

describe('care events in plain words', () => {
  it('says what was assigned, by whom referred, and what an exit was', () => {
    expect(
      describeZorgEvent(
        {
          type: 'ToewijzingRegistered',
          data: {
            persoonId: 'p',
            toewijzingId: 't',
            wettelijkKader: 'jeugdwet',
            productcode: '45A48',
            productcategorie: '45',
            verblijf: false,
            aanbiederId: '1',
            aanbiederNaam: 'Zorg BV',
            verwijzer: { type: '02', naam: null },
            toewijzingsnummer: 'TW-1',
            begindatum: '2025-09-01',
            einddatum: '2026-02-28',
            omvang: null,
            maxDuurMaanden: 6,
            verlengingVan: null,
          },
        },
        'Sanne Jansen',
      ),
    ).toBe(
      'Sanne Jansen krijgt 45A48 van Zorg BV (Jeugdwet), van 2025-09-01 tot en met 2026-02-28; verwezen door: huisarts.',
    );
    expect(
      describeZorgEvent(
        {
          type: 'VerblijfEnded',
          data: {
            persoonId: 'p',
            verblijfId: 'v',
            datum: '2026-02-15',
            bestemming: 'thuis',
            vervolghulp: false,
          },
        },
        'Sanne Jansen',
      ),
    ).toBe(
      'Sanne Jansen is op 2026-02-15 uitgestroomd naar huis, bij het gezin, zonder vervolghulp.',
    );
  });
});
