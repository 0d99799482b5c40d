import { NotAllowed, NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { GezinFeiten } from './gezin-feiten';
import { RecordOordelen, oordeelDecider } from './oordeel.decider';
import { Oordeel, OordelenRecorded, ToewijzingOpname } from './verhaal.events';

const spec = deciderSpecification(oordeelDecider);
const anna = { userId: 'u-anna', teamleider: false };

/** Anna is the contact person; Sanne (youth), Mark and Eva (parents); plan v1: d-1, v2: d-1, d-2. */
const gezin: GezinFeiten = {
  toegang: 'schrijven',
  contactpersoon: 'u-anna',
  leden: [
    { persoonId: 'p-sanne', rol: 'jeugdige' },
    { persoonId: 'p-mark', rol: 'ouder' },
    { persoonId: 'p-eva', rol: 'ouder' },
  ],
  planDoelen: { 1: ['d-1'], 2: ['d-1', 'd-2'] },
};

const toewijzing: ToewijzingOpname = {
  toewijzingId: 't-1',
  persoonId: 'p-sanne',
  wettelijkKader: 'jeugdwet',
  aanbiederId: '12345678',
  productcode: '45A48',
  productcategorie: '45',
  woonvorm: null,
};

const jeugdige: Oordeel = {
  door: 'jeugdige',
  hulpvraagBeantwoord: 'deels',
  regie: 3,
  voortgang: [
    { doelId: 'd-1', score: 1 },
    { doelId: 'd-2', score: 'niet-gevraagd' },
  ],
};
const ouder: Oordeel = {
  door: 'ouder',
  hulpvraagBeantwoord: 'wil-niet-antwoorden',
  regie: 'wil-niet-antwoorden',
  voortgang: [{ doelId: 'd-1', score: -2 }],
};
const professional: Oordeel = {
  door: 'professional',
  hulpvraagBeantwoord: 'ja',
  regie: 5,
  voortgang: [{ doelId: 'd-2', score: 2 }],
};

const command = (overrides: Partial<RecordOordelen> = {}): RecordOordelen => ({
  type: 'RecordOordelen',
  door: anna,
  gezin,
  oordeelId: 'o-1',
  gezinId: 'g-1',
  aanleiding: { soort: 'evaluatie', planVersie: 2 },
  datum: '2026-02-28',
  oordelen: [jeugdige, ouder, professional],
  ...overrides,
});

const recorded = (data: Partial<OordelenRecorded['data']> = {}): OordelenRecorded => ({
  type: 'OordelenRecorded',
  data: {
    oordeelId: 'o-1',
    gezinId: 'g-1',
    aanleiding: { soort: 'evaluatie', planVersie: 2 },
    datum: '2026-02-28',
    oordelen: [jeugdige, ouder, professional],
    door: 'u-anna',
    ...data,
  },
});

describe('oordeelDecider', () => {
  it('at a plan evaluation the youth, a parent and the professional each judge; non-answers count too', () => {
    spec.given([]).when(command()).then([recorded()]);
  });

  it('at the end of an assignment of a member, with the goals of the current plan', () => {
    spec
      .given([])
      .when(command({ aanleiding: { soort: 'einde-toewijzing', toewijzingId: 't-1', toewijzing } }))
      .then([recorded({ aanleiding: { soort: 'einde-toewijzing', toewijzing } })]);
  });

  it('only the family’s contact person (404 for someone not involved, 403 for a reader)', () => {
    spec
      .given([])
      .when(command({ gezin: { ...gezin, toegang: 'geen' } }))
      .thenThrows(NotFound);
    spec
      .given([])
      .when(command({ gezin: { ...gezin, toegang: 'lezen' } }))
      .thenThrows(NotAllowed);
    spec
      .given([])
      .when(command({ gezin: { ...gezin, contactpersoon: null } }))
      .thenThrows(NotAllowed, /Alleen de contactpersoon/);
    expect(() =>
      oordeelDecider.authorize!(command({ gezin: { ...gezin, toegang: 'geen' } }), {
        recorded: false,
      }),
    ).toThrow(NotFound);
  });

  it('the plan version evaluated must exist', () => {
    spec
      .given([])
      .when(command({ aanleiding: { soort: 'evaluatie', planVersie: 3 } }))
      .thenThrows(RuleViolation, 'Het plan van het gezin heeft geen versie 3.');
  });

  it('the assignment must be known and of a member of the family', () => {
    for (const t of [null, { ...toewijzing, persoonId: 'p-other' }]) {
      spec
        .given([])
        .when(
          command({
            aanleiding: { soort: 'einde-toewijzing', toewijzingId: 't-1', toewijzing: t },
          }),
        )
        .thenThrows(RuleViolation, /niet bekend bij een lid/);
    }
  });

  it('goals must be goals of the plan evaluated, each once per judgement', () => {
    spec
      .given([])
      .when(command({ aanleiding: { soort: 'evaluatie', planVersie: 1 } }))
      .thenThrows(RuleViolation, 'Doel d-2 staat niet in het plan van het gezin.');
    spec
      .given([])
      .when(
        command({
          oordelen: [
            {
              ...ouder,
              voortgang: [
                { doelId: 'd-1', score: 0 },
                { doelId: 'd-1', score: 1 },
              ],
            },
          ],
        }),
      )
      .thenThrows(RuleViolation, /twee keer/);
  });

  it('without a plan, no goals to score at the end of an assignment', () => {
    const einde = { soort: 'einde-toewijzing' as const, toewijzingId: 't-1', toewijzing };
    spec
      .given([])
      .when(command({ gezin: { ...gezin, planDoelen: {} }, aanleiding: einde }))
      .thenThrows(RuleViolation, /staat niet in het plan/);
    spec
      .given([])
      .when(
        command({
          gezin: { ...gezin, planDoelen: {} },
          aanleiding: einde,
          oordelen: [{ ...ouder, voortgang: [] }],
        }),
      )
      .then([
        recorded({
          aanleiding: { soort: 'einde-toewijzing', toewijzing },
          oordelen: [{ ...ouder, voortgang: [] }],
        }),
      ]);
  });

  it('the scales: ja/deels/nee, regie 1-5, progress -2..+2, or not asked / did not want to answer', () => {
    const bad = (o: object) => command({ oordelen: [{ ...jeugdige, ...o }] });
    spec
      .given([])
      .when(bad({ hulpvraagBeantwoord: 'misschien' }))
      .thenThrows(RuleViolation, /hulpvraag/);
    spec
      .given([])
      .when(bad({ regie: 6 }))
      .thenThrows(RuleViolation, /Regie is 1 tot en met 5/);
    spec
      .given([])
      .when(bad({ regie: 0 }))
      .thenThrows(RuleViolation, /Regie/);
    spec
      .given([])
      .when(bad({ voortgang: [{ doelId: 'd-1', score: 3 }] }))
      .thenThrows(RuleViolation, /-2 tot en met \+2/);
    spec
      .given([])
      .when(
        command({
          oordelen: [{ ...jeugdige, regie: 'niet-gevraagd', hulpvraagBeantwoord: 'niet-gevraagd' }],
        }),
      )
      .then([
        recorded({
          oordelen: [{ ...jeugdige, regie: 'niet-gevraagd', hulpvraagBeantwoord: 'niet-gevraagd' }],
        }),
      ]);
  });

  it('at least one judgement; one per youth and per parent of the family, one of the professional', () => {
    spec
      .given([])
      .when(command({ oordelen: [] }))
      .thenThrows(RuleViolation, /ten minste één/);
    spec
      .given([])
      .when(command({ oordelen: [ouder, ouder] }))
      .then([recorded({ oordelen: [ouder, ouder] })]);
    spec
      .given([])
      .when(command({ oordelen: [ouder, ouder, ouder] }))
      .thenThrows(
        RuleViolation,
        'Er zijn meer oordelen van ouders dan het gezin ouders heeft (2).',
      );
    spec
      .given([])
      .when(command({ oordelen: [jeugdige, jeugdige] }))
      .thenThrows(RuleViolation, /jeugdigen/);
    spec
      .given([])
      .when(command({ oordelen: [professional, professional] }))
      .thenThrows(RuleViolation, 'De professional geeft één oordeel.');
  });

  it('the date: not in the future, not before 1900', () => {
    spec
      .given([])
      .when(command({ datum: '2026-03-02' }))
      .thenThrows(RuleViolation, /toekomst/);
    spec
      .given([])
      .when(command({ datum: '1899-12-31' }))
      .thenThrows(RuleViolation, /1900/);
  });

  it('recorded once', () => {
    spec
      .given([recorded()])
      .when(command())
      .thenThrows(RuleViolation, /al vastgelegd/);
  });
});
