import { fold } from '../decider';
import { consultatieDecider } from './consultatie.decider';
import { ConsultatieEvent, ConsultatieInhoud, Koppeling } from './consultatie.events';
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
};
const sanne: Koppeling = { persoonId: 'p-sanne', gezinId: null };
const ids = { consultatieId: 'c-1', praktijkId: 'pr-1' };
const logged: ConsultatieEvent = {
  type: 'ConsultatieLogged',
  data: {
    ...ids,
    professional: { userId: 'u-anna', rol: 'jph' },
    inhoud,
    koppelingGevraagd: true,
    koppeling: sanne,
  },
};
const confirmed: ConsultatieEvent = {
  type: 'ConsultatieLinkConfirmed',
  data: { ...ids, koppeling: sanne },
};
const rejected: ConsultatieEvent = {
  type: 'ConsultatieLinkRejected',
  data: { ...ids, koppeling: sanne, reden: 'Andere Sanne' },
};
const withdrawn: ConsultatieEvent = {
  type: 'ConsultatieWithdrawn',
  data: { ...ids, reden: 'Andere patiënt' },
};
const corrected = (koppeling: Koppeling | null, toestemming = true): ConsultatieEvent => ({
  type: 'ConsultatieCorrected',
  data: {
    ...ids,
    inhoud: { ...inhoud, toestemming, onderwerpen: ['school'], uitkomst: 'alleen-advies' },
    reden: 'Verkeerd kind gekozen',
    koppelingGevraagd: toestemming,
    koppeling,
  },
});

/** The lines of the last event, after the ones before it. */
const lines = (...events: ConsultatieEvent[]) =>
  describeConsultatieEvent(
    events[events.length - 1]!,
    fold(consultatieDecider, events.slice(0, -1)),
  ).map((r) => [r.koppeling, r.regel.samenvatting]);

describe('consultations in the family timeline', () => {
  it('says nothing of a proposed link', () => {
    expect(lines(logged)).toEqual([]);
  });

  it('says topics and outcome once the link is confirmed, never the note', () => {
    expect(describeConsultatieEvent(confirmed, fold(consultatieDecider, [logged]))).toEqual([
      {
        koppeling: sanne,
        regel: {
          soort: 'consultatie',
          samenvatting:
            'Consultatie bij de huisartspraktijk op 2026-02-27 over angst of somberheid, school en slapen: verwezen naar lichte hulp of basis-ggz.',
        },
      },
    ]);
  });

  it('says nothing of a rejected link, unless it was confirmed first', () => {
    expect(lines(logged, rejected)).toEqual([]);
    expect(lines(logged, confirmed, rejected)).toEqual([
      [
        sanne,
        'Een consultatie bij de huisartspraktijk van 2026-02-27 is niet meer aan dit gezin gekoppeld.',
      ],
    ]);
  });

  it('says a correction of a confirmed link, without its reason', () => {
    const regels = lines(logged, confirmed, corrected(sanne));
    expect(regels).toEqual([
      [
        sanne,
        'De consultatie bij de huisartspraktijk van 2026-02-27 is gecorrigeerd: over school, advies gegeven.',
      ],
    ]);
    expect(JSON.stringify(regels)).not.toContain('Verkeerd kind');
    expect(lines(logged, corrected(sanne))).toEqual([]);
  });

  it('says where a confirmed link no longer holds: another person proposed, or consent withdrawn', () => {
    const nietMeer =
      'Een consultatie bij de huisartspraktijk van 2026-02-27 is niet meer aan dit gezin gekoppeld.';
    expect(lines(logged, confirmed, corrected({ persoonId: 'p-daan', gezinId: null }))).toEqual([
      [sanne, nietMeer],
    ]);
    expect(lines(logged, confirmed, corrected(null, false))).toEqual([[sanne, nietMeer]]);
  });

  it('says a withdrawal without its reason, only where the link was confirmed', () => {
    expect(lines(logged, confirmed, withdrawn)).toEqual([
      [sanne, 'De consultatie bij de huisartspraktijk van 2026-02-27 is ingetrokken.'],
    ]);
    expect(lines(logged, withdrawn)).toEqual([]);
  });

  it('says nothing of a record key', () => {
    expect(
      lines(logged, confirmed, {
        type: 'ConsultatieRecordKeyAssigned',
        data: { ...ids, recordKey: 7 },
      }),
    ).toEqual([]);
  });
});
