import type { MonitoringVraag } from '@app/statistics';

/**
 * SEAM for the stories of a knop's report (issue 12, items 3 and 4). The released stories in the
 * monitoring (pseudonymised, withdrawn ones left out, none for a cell under 10 persons) are built
 * elsewhere (branch s12-beleid); the knop report asks them for the knop's themes through this
 * port. Provide it under VERHALEN_BIJ_KNOP where ProgrammaModule sees it (a provider of a module
 * it imports and that exports the token, or of a global module) and the report shows them in
 * `verhalen`, for the report's own question (period, bekendOp, filters); until then `verhalen` is
 * null: no story is made up. The story's shape is the monitoring's, not this port's.
 */
export interface VerhalenBijKnop {
  /** The released stories linked to any of these themes, as the monitoring shows them. */
  verhalenBijThemas(
    themaIds: readonly string[],
    vraag: MonitoringVraag & { bekendTot: string },
  ): readonly object[];
}

export const VERHALEN_BIJ_KNOP = Symbol('VerhalenBijKnop');
