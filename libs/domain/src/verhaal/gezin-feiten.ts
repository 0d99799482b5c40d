import { kalenderdatum } from '../datum';
import { NotAllowed, RuleViolation } from '../decider';
import {
  GezinEvent,
  GezinState,
  Rol,
  evolveGezin,
  initialGezinState,
  toegangVan,
} from '../gezin/gezin.events';
import { GEZIN_NIET_GEVONDEN, Toegang, magSchrijven } from '../toegang';

/**
 * What the rules of stories and judgements need to know about the family, from its own stream
 * (the command path folds it with `gezinFeitenFold` and passes the result in the command): the
 * sender's access, who the contact person is, the members, and the goals of each plan version.
 */
export interface GezinFeiten {
  /** The sender's access to the family today (`toegangVan`). */
  toegang: Toegang;
  /** The user id of the family's contact person now; null without one. */
  contactpersoon: string | null;
  /** The members now. */
  leden: { persoonId: string; rol: Rol }[];
  /** The goal ids of each version of the plan, by version. */
  planDoelen: Record<number, string[]>;
}

export interface GezinFeitenState {
  gezin: GezinState;
  planDoelen: Record<number, string[]>;
}

/** The fold of a family stream into the facts above (the plan's goals of every version kept). */
export const gezinFeitenFold = {
  initialState: (): GezinFeitenState => ({ gezin: initialGezinState(), planDoelen: {} }),
  evolve: (state: GezinFeitenState, event: GezinEvent): GezinFeitenState => ({
    gezin: evolveGezin(state.gezin, event),
    planDoelen:
      event.type === 'GezinsplanWritten'
        ? {
            ...state.planDoelen,
            [event.data.versie]: event.data.plan.doelen.map((d) => d.doelId),
          }
        : state.planDoelen,
  }),
};

/** The facts for `userId` on the moment `now`. */
export function gezinFeiten(state: GezinFeitenState, userId: string, now: Date): GezinFeiten {
  return {
    toegang: toegangVan(state.gezin, userId, kalenderdatum(now)),
    contactpersoon: state.gezin.contactpersoon?.userId ?? null,
    leden: state.gezin.leden,
    planDoelen: state.planDoelen,
  };
}

/**
 * Stories and judgements are recorded by the family's contact person: someone who does not work
 * with the family learns nothing (404); someone who may read it, or who registered it before its
 * first contact person, may not record them (403).
 */
export function alsContactpersoon(gezin: GezinFeiten, userId: string, wat: string): void {
  magSchrijven(gezin.toegang, GEZIN_NIET_GEVONDEN);
  if (gezin.contactpersoon !== userId) {
    throw new NotAllowed(`Alleen de contactpersoon van het gezin legt ${wat} vast.`);
  }
}

/** The earliest date a story, judgement or change of consent may carry. */
export const EERSTE_DATUM = '1900-01-01';

/** A date that has come and is not before 1900 (a typo such as 0202 for 2020). */
export function checkDatum(datum: string, now: Date, field: string, wat: string): void {
  const vandaag = kalenderdatum(now);
  if (datum > vandaag) {
    throw new RuleViolation(
      `${wat} (${datum}) ligt in de toekomst (vandaag is ${vandaag}).`,
      field,
    );
  }
  if (datum < EERSTE_DATUM) {
    throw new RuleViolation(`${wat} (${datum}) ligt voor 1900; is het jaar goed?`, field);
  }
}
