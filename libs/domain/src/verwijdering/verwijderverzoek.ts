import { kalenderdatum, nietInDeToekomst } from '../datum';
import { Decider, DomainEvent, NotFound, RuleViolation } from '../decider';
import { Dossier } from './persoonlijke-velden';

/**
 * A request to destroy a file (Jeugdwet 7.3.9, AVG art. 17), and the municipality's decision on
 * it. Granted, the subject's data key is destroyed (crypto-shredding, ADR 0015): everything the
 * log holds of the subject under that key reads as "gegevens verwijderd", backups included. The
 * decision itself stays in the log (it names no one: ids, dates and the legal ground).
 */

/** Who asked: the youth (from 16 alone, Jeugdwet 7.3.9 lid 1), a parent or a legal representative. */
export const VERZOEKERS = ['jeugdige', 'ouder', 'wettelijk-vertegenwoordiger'] as const;
export type Verzoeker = (typeof VERZOEKERS)[number];

/**
 * Why a request may be refused: Jeugdwet 7.3.9 lid 2 (keeping it is of considerable importance to
 * someone other than the requester, or a statutory rule requires it) and the exceptions of AVG
 * art. 17 lid 3 (a legal obligation; legal claims).
 */
export const WEIGERGRONDEN = [
  'jeugdwet-7.3.9-belang-ander',
  'jeugdwet-7.3.9-wettelijk-voorschrift',
  'avg-17-3-b-wettelijke-verplichting',
  'avg-17-3-e-rechtsvordering',
] as const;
export type Weigergrond = (typeof WEIGERGRONDEN)[number];

interface VerzoekData {
  verzoekId: string;
  dossier: Dossier;
  verzoeker: Verzoeker;
  /** YYYY-MM-DD: when the request came in. */
  ontvangenOp: string;
  /** YYYY-MM-DD: the date of the decision. */
  datum: string;
  /** The application manager who decided (user id). */
  door: string;
}

export type VerwijderverzoekGranted = DomainEvent<'VerwijderverzoekGranted', VerzoekData>;
/** The ground and why; the explanation is under the subject's key (it may describe them). */
export type VerwijderverzoekRefused = DomainEvent<
  'VerwijderverzoekRefused',
  VerzoekData & { grond: Weigergrond; toelichting: string }
>;
export type VerwijderverzoekEvent = VerwijderverzoekGranted | VerwijderverzoekRefused;

export type Besluit =
  { soort: 'toegewezen' } | { soort: 'afgewezen'; grond: Weigergrond; toelichting: string };

export interface DecideVerwijderverzoek {
  type: 'DecideVerwijderverzoek';
  verzoekId: string;
  dossier: Dossier;
  verzoeker: Verzoeker;
  ontvangenOp: string;
  /** YYYY-MM-DD; today when not given. */
  datum: string | null;
  besluit: Besluit;
  door: string;
  /** Facts the command path found: whether the subject is known, and whether it is erased. */
  dossierBekend: boolean;
  alVerwijderd: boolean;
}

export interface VerwijderverzoekState {
  besloten: boolean;
}

export const verwijderverzoekStreamId = (verzoekId: string): string =>
  `verwijderverzoek-${verzoekId}`;

export const DOSSIER_NIET_GEVONDEN = 'Er is geen dossier met dit id.';

export const verwijderverzoekDecider: Decider<
  DecideVerwijderverzoek,
  VerwijderverzoekEvent,
  VerwijderverzoekState
> = {
  initialState: () => ({ besloten: false }),
  evolve: () => ({ besloten: true }),
  decide(command, state, now) {
    if (state.besloten) throw new RuleViolation('Op dit verzoek is al besloten.');
    if (!command.dossierBekend) throw new NotFound(DOSSIER_NIET_GEVONDEN);
    if (command.alVerwijderd) {
      throw new RuleViolation('De gegevens van dit dossier zijn al verwijderd.');
    }
    const vandaag = kalenderdatum(now);
    const datum = command.datum ?? vandaag;
    nietInDeToekomst(datum, now, 'Het besluit', 'datum');
    if (command.ontvangenOp > datum) {
      throw new RuleViolation('Het besluit kan niet vóór de ontvangst van het verzoek liggen.');
    }
    const data: VerzoekData = {
      verzoekId: command.verzoekId,
      dossier: command.dossier,
      verzoeker: command.verzoeker,
      ontvangenOp: command.ontvangenOp,
      datum,
      door: command.door,
    };
    const { besluit } = command;
    if (besluit.soort === 'toegewezen') return [{ type: 'VerwijderverzoekGranted', data }];
    if (besluit.toelichting.trim() === '') {
      throw new RuleViolation('Een afwijzing zegt waarom: de toelichting is leeg.');
    }
    return [
      {
        type: 'VerwijderverzoekRefused',
        data: { ...data, grond: besluit.grond, toelichting: besluit.toelichting },
      },
    ];
  },
};

/**
 * A file whose last change is older than the retention term (Jeugdwet 7.3.8: 20 years unless
 * longer is needed) is shredded by the retention job; this event says so, in the subject's own
 * stream of such facts. It names no one.
 */
export type BewaartermijnExpired = DomainEvent<
  'BewaartermijnExpired',
  {
    dossier: Dossier;
    /** ISO 8601: the last event about the subject. */
    laatsteWijziging: string;
    termijnJaren: number;
    /** YYYY-MM-DD */
    datum: string;
  }
>;

export const bewaartermijnStreamId = (dossier: Dossier): string =>
  `bewaartermijn-${dossier.soort}-${dossier.id}`;

/** The events after which a subject's key must be gone (checked again at every start). */
export type VerwijderingEvent = VerwijderverzoekGranted | BewaartermijnExpired;
export const isVerwijdering = (event: DomainEvent): event is VerwijderingEvent =>
  event.type === 'VerwijderverzoekGranted' || event.type === 'BewaartermijnExpired';

export interface ExpireBewaartermijn {
  type: 'ExpireBewaartermijn';
  dossier: Dossier;
  laatsteWijziging: string;
  termijnJaren: number;
}

/** Whether the term is over: `laatsteWijziging` plus `termijnJaren` years lies before `now`. */
export function termijnVerstreken(
  laatsteWijziging: string,
  termijnJaren: number,
  now: Date,
): boolean {
  const grens = new Date(now);
  grens.setUTCFullYear(grens.getUTCFullYear() - termijnJaren);
  return new Date(laatsteWijziging) < grens;
}

/** The retention job's decision on one file: once, and only when its term is over. */
export const bewaartermijnDecider: Decider<
  ExpireBewaartermijn,
  BewaartermijnExpired,
  { verlopen: boolean }
> = {
  initialState: () => ({ verlopen: false }),
  evolve: () => ({ verlopen: true }),
  decide(command, state, now) {
    if (state.verlopen) return [];
    const { dossier, laatsteWijziging, termijnJaren } = command;
    if (termijnJaren < 1) throw new RuleViolation('Een bewaartermijn is minstens een jaar.');
    if (!termijnVerstreken(laatsteWijziging, termijnJaren, now)) {
      throw new RuleViolation(
        `Het dossier is na ${laatsteWijziging} nog gewijzigd: de termijn van ${termijnJaren} jaar loopt nog.`,
      );
    }
    return [
      {
        type: 'BewaartermijnExpired',
        data: { dossier, laatsteWijziging, termijnJaren, datum: kalenderdatum(now) },
      },
    ];
  },
};
