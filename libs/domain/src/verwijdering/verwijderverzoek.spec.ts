import { NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import {
  BewaartermijnExpired,
  DecideVerwijderverzoek,
  ExpireBewaartermijn,
  bewaartermijnDecider,
  VerwijderverzoekGranted,
  verwijderverzoekDecider,
} from './verwijderverzoek';

const spec = deciderSpecification(verwijderverzoekDecider);
const verzoek = (overrides: Partial<DecideVerwijderverzoek> = {}): DecideVerwijderverzoek => ({
  type: 'DecideVerwijderverzoek',
  verzoekId: 'v-1',
  dossier: { soort: 'persoon', id: 'p-1' },
  verzoeker: 'jeugdige',
  ontvangenOp: '2026-02-20',
  datum: null,
  besluit: { soort: 'toegewezen' },
  door: 'u-beheer',
  dossierBekend: true,
  alVerwijderd: false,
  ...overrides,
});
const granted: VerwijderverzoekGranted = {
  type: 'VerwijderverzoekGranted',
  data: {
    verzoekId: 'v-1',
    dossier: { soort: 'persoon', id: 'p-1' },
    verzoeker: 'jeugdige',
    ontvangenOp: '2026-02-20',
    datum: '2026-03-01',
    door: 'u-beheer',
  },
};

describe('verwijderverzoek', () => {
  it('granted: dated today unless a date is given', () => {
    spec.given([]).when(verzoek()).then([granted]);
    spec
      .given([])
      .when(verzoek({ datum: '2026-02-25' }))
      .then([{ ...granted, data: { ...granted.data, datum: '2026-02-25' } }]);
  });

  it('refused: with the legal ground and why', () => {
    spec
      .given([])
      .when(
        verzoek({
          besluit: {
            soort: 'afgewezen',
            grond: 'jeugdwet-7.3.9-belang-ander',
            toelichting: 'Nodig voor de veiligheid van een broertje.',
          },
        }),
      )
      .then([
        {
          type: 'VerwijderverzoekRefused',
          data: {
            ...granted.data,
            grond: 'jeugdwet-7.3.9-belang-ander',
            toelichting: 'Nodig voor de veiligheid van een broertje.',
          },
        },
      ]);
  });

  it('a refusal without an explanation is refused', () => {
    spec
      .given([])
      .when(
        verzoek({
          besluit: { soort: 'afgewezen', grond: 'avg-17-3-e-rechtsvordering', toelichting: ' ' },
        }),
      )
      .thenThrows(RuleViolation, /toelichting/);
  });

  it('one decision per request', () => {
    spec
      .given([granted])
      .when(verzoek())
      .thenThrows(RuleViolation, /al besloten/);
  });

  it('an unknown file is not found; an erased one cannot be erased again', () => {
    spec
      .given([])
      .when(verzoek({ dossierBekend: false }))
      .thenThrows(NotFound);
    spec
      .given([])
      .when(verzoek({ alVerwijderd: true }))
      .thenThrows(RuleViolation, /al verwijderd/);
  });

  it('no decision in the future, nor before the request came in', () => {
    spec
      .given([])
      .when(verzoek({ datum: '2026-03-02' }))
      .thenThrows(RuleViolation, /toekomst/);
    spec
      .given([])
      .when(verzoek({ datum: '2026-02-19' }))
      .thenThrows(RuleViolation, /ontvangst/);
  });
});

describe('bewaartermijn', () => {
  const bewaar = deciderSpecification(bewaartermijnDecider);
  const expire = (laatsteWijziging: string): ExpireBewaartermijn => ({
    type: 'ExpireBewaartermijn',
    dossier: { soort: 'gezin', id: 'g-1' },
    laatsteWijziging,
    termijnJaren: 20,
  });
  const expired: BewaartermijnExpired = {
    type: 'BewaartermijnExpired',
    data: {
      dossier: { soort: 'gezin', id: 'g-1' },
      laatsteWijziging: '2006-02-28T10:00:00.000Z',
      termijnJaren: 20,
      datum: '2026-03-01',
    },
  };

  it('expires a file last changed more than 20 years ago, once', () => {
    bewaar.given([]).when(expire('2006-02-28T10:00:00.000Z')).then([expired]);
    bewaar.given([expired]).when(expire('2006-02-28T10:00:00.000Z')).then([]);
  });

  it('refuses while the term runs', () => {
    bewaar
      .given([])
      .when(expire('2006-03-02T10:00:00.000Z'))
      .thenThrows(RuleViolation, /termijn van 20 jaar loopt nog/);
  });
});
