/**
 * The roles a token can carry; every route declares which of them may call it. `koppeling` is an
 * integration that delivers the municipality's iJw/iWmo message traffic (the import).
 */
export const ROLES = [
  'contactpersoon',
  'jph',
  'huisarts',
  'beleid',
  'beheer',
  'koppeling',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Who is calling, from a verified token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** Display name, for the timeline ("who"); the user id when the token has none. */
  name: string;
  /** A team lead (claim `teamleider: true`) assigns and hands over contact persons. */
  teamleider: boolean;
  /** The role this request acts under: the first of the token's roles the route allows. */
  actingRole?: Role;
}
