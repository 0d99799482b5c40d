import { describeVerhaalEvent } from './verhaal.timeline';

const naamVan = (persoonId: string) => (persoonId === 'p-sanne' ? 'Sanne Jansen' : 'Een gezinslid');

describe('stories and judgements in plain words', () => {
  it('a story: who told it, about whom, when, and what the teller agreed to; not its words', () => {
    const regel = describeVerhaalEvent(
      {
        type: 'VerhaalRecorded',
        data: {
          verhaalId: 'v',
          gezinId: 'g',
          persoonId: 'p-sanne',
          toewijzing: null,
          verteller: { soort: 'professional', organisatie: 'Kwadraad' },
          datum: '2026-02-20',
          tekst: 'Geheime woorden',
          themaIds: ['th'],
          toestemming: 'citeerbaar',
          door: 'u-anna',
        },
      },
      naamVan,
    );
    expect(regel).toEqual({
      soort: 'verhaal',
      samenvatting:
        'Het verhaal van een professional van Kwadraad over Sanne Jansen is vastgelegd (verteld op 2026-02-20); toestemming: ook in de monitoring, zonder namen, en letterlijk te citeren.',
    });
  });

  it('a withdrawal, a change of consent and a release', () => {
    const data = { verhaalId: 'v', gezinId: 'g', datum: '2026-02-25', door: 'u-anna' };
    expect(
      describeVerhaalEvent(
        { type: 'VerhaalConsentChanged', data: { ...data, toestemming: 'dossier' } },
        naamVan,
      ).samenvatting,
    ).toBe(
      'De toestemming voor een verhaal is op 2026-02-25 ingetrokken: het blijft alleen in het dossier van het gezin en staat niet meer in de monitoring.',
    );
    expect(
      describeVerhaalEvent(
        { type: 'VerhaalConsentChanged', data: { ...data, toestemming: 'gepseudonimiseerd' } },
        naamVan,
      ).samenvatting,
    ).toBe(
      'De toestemming voor een verhaal is op 2026-02-25 gewijzigd: ook in de monitoring, zonder namen.',
    );
    expect(
      describeVerhaalEvent(
        {
          type: 'VerhaalReleased',
          data: { verhaalId: 'v', gezinId: 'g', tekst: 'x', door: 'u-lead', op: '2026-03-01' },
        },
        naamVan,
      ).samenvatting,
    ).toBe(
      'Een verhaal is op 2026-03-01 door een tweede persoon gecontroleerd en vrijgegeven voor de monitoring, zonder namen.',
    );
  });

  it('judgements: the occasion, and per teller the answer, the regie and the goals scored', () => {
    const oordelen = {
      oordeelId: 'o',
      gezinId: 'g',
      datum: '2026-02-28',
      door: 'u-anna',
      oordelen: [
        {
          door: 'jeugdige' as const,
          hulpvraagBeantwoord: 'deels' as const,
          regie: 4 as const,
          voortgang: [{ doelId: 'd-1', score: 1 as const }],
        },
        {
          door: 'ouder' as const,
          hulpvraagBeantwoord: 'niet-gevraagd' as const,
          regie: 'wil-niet-antwoorden' as const,
          voortgang: [],
        },
      ],
    };
    expect(
      describeVerhaalEvent(
        {
          type: 'OordelenRecorded',
          data: { ...oordelen, aanleiding: { soort: 'evaluatie', planVersie: 2 } },
        },
        naamVan,
      ),
    ).toEqual({
      soort: 'oordeel',
      samenvatting:
        'Oordelen over de hulp bij de evaluatie van het gezinsplan (versie 2) op 2026-02-28: de jeugdige: de hulpvraag is deels beantwoord, regie 4 van 5, voortgang op 1 doel; een ouder: niet gevraagd of de hulpvraag is beantwoord, wilde niets zeggen over de regie.',
    });
    const toewijzing = {
      toewijzingId: 't',
      persoonId: 'p-sanne',
      wettelijkKader: 'jeugdwet' as const,
      aanbiederId: '1',
      productcode: '45A48',
      productcategorie: '45',
      woonvorm: null,
    };
    expect(
      describeVerhaalEvent(
        {
          type: 'OordelenRecorded',
          data: { ...oordelen, aanleiding: { soort: 'einde-toewijzing', toewijzing } },
        },
        naamVan,
      ).samenvatting,
    ).toMatch(
      /^Oordelen over de hulp bij het einde van de hulp 45A48 voor Sanne Jansen op 2026-02-28: /,
    );
  });
});
