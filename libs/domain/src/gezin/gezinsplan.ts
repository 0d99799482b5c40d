import { RuleViolation } from '../decider';

/** Life areas (leefgebieden) a goal belongs to. */
export const LEEFGEBIEDEN = [
  'opvoeding',
  'onderwijs',
  'gezondheid',
  'financien',
  'wonen',
  'veiligheid',
  'werk',
  'vrije-tijd',
  'sociaal-netwerk',
] as const;
export type Leefgebied = (typeof LEEFGEBIEDEN)[number];

export const AFSPRAAK_STATUSSEN = ['open', 'lopend', 'afgerond', 'vervallen'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number];

export interface Doel {
  doelId: string;
  leefgebied: Leefgebied;
  /** The member the goal is for; null for the family as a whole. */
  persoonId: string | null;
  omschrijving: string;
}

/** Who does what by when. */
export interface Afspraak {
  afspraakId: string;
  wie: string;
  wat: string;
  /** YYYY-MM-DD */
  uiterlijk: string;
  status: AfspraakStatus;
  /** The goal it serves, if any. */
  doelId: string | null;
}

export interface Toestemming {
  /** Whether the family agrees that this plan is shared with the professionals involved. */
  delen: boolean;
  /** YYYY-MM-DD */
  vastgelegdOp: string;
  toelichting: string | null;
}

/** The one plan of a family. Each version is the whole plan, so any version reads back alone. */
export interface Gezinsplan {
  /** The family's request for help, in its own words. */
  hulpvraag: string;
  doelen: Doel[];
  afspraken: Afspraak[];
  /** YYYY-MM-DD */
  evaluatiedatum: string;
  toestemming: Toestemming;
}

/** The plan's own consistency; `members` are the persons who belong to the family now. */
export function checkPlan(plan: Gezinsplan, members: readonly string[]): void {
  const doelIds = new Set<string>();
  for (const doel of plan.doelen) {
    if (doelIds.has(doel.doelId))
      throw new RuleViolation(`Doel ${doel.doelId} staat twee keer in het plan.`);
    doelIds.add(doel.doelId);
    if (doel.persoonId !== null && !members.includes(doel.persoonId)) {
      throw new RuleViolation(
        `Doel "${doel.omschrijving}" is voor iemand die niet (meer) bij het gezin hoort.`,
      );
    }
  }
  const afspraakIds = new Set<string>();
  for (const afspraak of plan.afspraken) {
    if (afspraakIds.has(afspraak.afspraakId)) {
      throw new RuleViolation(`Afspraak ${afspraak.afspraakId} staat twee keer in het plan.`);
    }
    afspraakIds.add(afspraak.afspraakId);
    if (afspraak.doelId !== null && !doelIds.has(afspraak.doelId)) {
      throw new RuleViolation(
        `Afspraak "${afspraak.wat}" hoort bij een doel dat niet in het plan staat.`,
      );
    }
  }
}

/** What changed between two versions, in plain words (for the timeline). */
export function describePlanChange(before: Gezinsplan, after: Gezinsplan): string[] {
  const changes: string[] = [];
  if (before.hulpvraag !== after.hulpvraag) changes.push('de hulpvraag is anders verwoord');
  const count = (added: number, removed: number, what: [string, string]): void => {
    if (added) changes.push(`${added} ${added === 1 ? what[0] : what[1]} erbij`);
    if (removed) changes.push(`${removed} ${removed === 1 ? what[0] : what[1]} eraf`);
  };
  const ids = <T>(items: T[], id: (item: T) => string) => new Set(items.map(id));
  const beforeDoelen = ids(before.doelen, (d) => d.doelId);
  const afterDoelen = ids(after.doelen, (d) => d.doelId);
  count(
    after.doelen.filter((d) => !beforeDoelen.has(d.doelId)).length,
    before.doelen.filter((d) => !afterDoelen.has(d.doelId)).length,
    ['doel', 'doelen'],
  );
  const beforeAfspraken = new Map(before.afspraken.map((a) => [a.afspraakId, a]));
  const afterAfspraken = ids(after.afspraken, (a) => a.afspraakId);
  count(
    after.afspraken.filter((a) => !beforeAfspraken.has(a.afspraakId)).length,
    before.afspraken.filter((a) => !afterAfspraken.has(a.afspraakId)).length,
    ['afspraak', 'afspraken'],
  );
  for (const afspraak of after.afspraken) {
    const earlier = beforeAfspraken.get(afspraak.afspraakId);
    if (earlier && earlier.status !== afspraak.status) {
      changes.push(`afspraak "${afspraak.wat}" is nu ${afspraak.status}`);
    }
  }
  if (before.evaluatiedatum !== after.evaluatiedatum) {
    changes.push(`evaluatie verzet naar ${after.evaluatiedatum}`);
  }
  if (before.toestemming.delen !== after.toestemming.delen) {
    changes.push(
      after.toestemming.delen
        ? 'het gezin geeft toestemming om te delen'
        : 'het gezin trekt de toestemming om te delen in',
    );
  }
  return changes;
}
