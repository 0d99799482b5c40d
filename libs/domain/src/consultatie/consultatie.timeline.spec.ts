import { ConsultatieEvent, ConsultatieInhoud } from './consultatie.events';
import { describeConsultatieEvent } from './consultatie.timeline';

const inhoud: ConsultatieInhoud = {
  datum: '2026-02-27',
  leeftijdsgroep: '12-17',
  onderwerpen: ['angst-somberheid', 'school', 'slapen'],
  toelichting: 'Vertrouwelijk: alleen voor de praktijk.',
  aantalContacten: 3,
  uitkomst: 'verwezen-lichte-zorg-bggz',
  vervolgdatum: null,
  toestemming: true,
  koppeling: { persoonId: null, gezinId: 'g-1' },
};
const ids = { consultatieId: 'c-1', praktijkId: 'pr-1' };
const logged: ConsultatieEvent = {
  type: 'ConsultatieLogged',
  data: { ...ids, professional: { userId: 'u-anna', rol: 'jph' }, inhoud },
};

describe('consultations in the family timeline', () => {
  it('says topics and outcome only, never the note', () => {
    expect(describeConsultatieEvent(logged, null)).toEqual([
      {
        koppeling: { persoonId: null, gezinId: 'g-1' },
        regel: {
          soort: 'consultatie',
          samenvatting:
            'Consultatie bij de huisartspraktijk op 2026-02-27 over angst of somberheid, school en slapen: verwezen naar lichte hulp of basis-ggz.',
        },
      },
    ]);
  });

  it('leaves out a consultation without a link', () => {
    const anoniem = { ...inhoud, toestemming: false, koppeling: null };
    expect(
      describeConsultatieEvent({ ...logged, data: { ...logged.data, inhoud: anoniem } }, null),
    ).toEqual([]);
  });

  it('says a correction where it is linked now, and where it is no longer linked', () => {
    const corrected: ConsultatieEvent = {
      type: 'ConsultatieCorrected',
      data: {
        ...ids,
        inhoud: {
          ...inhoud,
          onderwerpen: ['school'],
          uitkomst: 'alleen-advies',
          koppeling: { persoonId: 'p-1', gezinId: null },
        },
        reden: 'Verkeerd gezin gekozen',
      },
    };
    const regels = describeConsultatieEvent(corrected, inhoud);
    expect(regels.map((r) => [r.koppeling, r.regel.samenvatting])).toEqual([
      [
        { persoonId: 'p-1', gezinId: null },
        'De consultatie bij de huisartspraktijk van 2026-02-27 is gecorrigeerd: over school, advies gegeven.',
      ],
      [
        { persoonId: null, gezinId: 'g-1' },
        'Een consultatie bij de huisartspraktijk van 2026-02-27 is niet meer aan dit gezin gekoppeld.',
      ],
    ]);
    expect(JSON.stringify(regels)).not.toContain('Verkeerd gezin');
  });

  it('says a withdrawal without its reason, where the consultation was linked', () => {
    const withdrawn: ConsultatieEvent = {
      type: 'ConsultatieWithdrawn',
      data: { ...ids, reden: 'Andere patiënt' },
    };
    expect(describeConsultatieEvent(withdrawn, inhoud)).toEqual([
      {
        koppeling: { persoonId: null, gezinId: 'g-1' },
        regel: {
          soort: 'consultatie',
          samenvatting: 'De consultatie bij de huisartspraktijk van 2026-02-27 is ingetrokken.',
        },
      },
    ]);
    expect(describeConsultatieEvent(withdrawn, { ...inhoud, koppeling: null })).toEqual([]);
  });
});
