import { NotAllowed, NotFound } from './decider';

/**
 * Need-to-know on writes, in one place: what a user may do with a family (and so with its members'
 * data and care), and what they are told when they may not. Someone who does not work with a
 * family learns nothing, not even that it exists (the same 404 as for one that does not).
 */
export type Toegang = 'schrijven' | 'lezen' | 'geen';

export const GEZIN_NIET_GEVONDEN = 'Dit gezin bestaat niet of u werkt er niet mee.';
export const PERSOON_NIET_GEVONDEN =
  'Deze persoon bestaat niet of u werkt niet met een gezin van deze persoon.';
/** A route names a family and a person who is not (or no longer) a member of it. */
export const GEEN_GEZINSLID = 'Deze persoon hoort niet bij het gezin.';
/** For practice staff: another practice's data does not exist for them. */
export const PRAKTIJK_NIET_GEVONDEN =
  'Deze praktijk bestaat niet, of u bent er niet aan gekoppeld.';
/** For application management, who see every practice: only "does not exist". */
export const PRAKTIJK_ONBEKEND = 'Deze praktijk bestaat niet.';
export const CONSULTATIE_NIET_GEVONDEN =
  'Deze consultatie bestaat niet, of is niet van uw praktijk.';
export const KOPPELING_NIET_GEVONDEN =
  'Deze consultatie bestaat niet, of heeft geen koppeling met een gezin waarvan u de ' +
  'contactpersoon bent.';
/** A recognised membership (ADR 0016) someone may not decide on, or that does not exist. */
export const HERKENNING_NIET_GEVONDEN =
  'Deze persoon is in dit gezin niet herkend, of u beslist daar niet over.';
const ALLEEN_INZIEN =
  'U kunt dit inzien maar niet meer wijzigen: u bent niet de contactpersoon van het gezin.';

/** Refuses a write without write access: 404 without any access, 403 with read access only. */
export function magSchrijven(toegang: Toegang, nietGevonden: string): void {
  if (toegang === 'geen') throw new NotFound(nietGevonden);
  if (toegang === 'lezen') throw new NotAllowed(ALLEEN_INZIEN);
}
