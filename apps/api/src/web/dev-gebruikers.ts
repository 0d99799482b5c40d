import type { Role } from '@app/access';

/** A development user the login page of the web app offers in AUTH_MODE=dev. */
export interface DevGebruiker {
  userId: string;
  naam: string;
  rollen: Role[];
  teamleider: boolean;
  /** What this user does, for the login page. */
  omschrijving: string;
}

/**
 * The fixed demo users of AUTH_MODE=dev: the people of the README's walk-through. The web app
 * gets tokens for these only; `npm run token` still signs any user and role.
 */
export const DEV_GEBRUIKERS: readonly DevGebruiker[] = [
  {
    userId: 'u-anna',
    naam: 'Anna de Vries',
    rollen: ['contactpersoon'],
    teamleider: false,
    omschrijving: 'Contactpersoon, Wijkteam Noord',
  },
  {
    userId: 'u-bram',
    naam: 'Bram Bakker',
    rollen: ['contactpersoon'],
    teamleider: false,
    omschrijving: 'Contactpersoon, Wijkteam Zuid',
  },
  {
    userId: 'u-lisa',
    naam: 'Lisa Smit',
    rollen: ['contactpersoon'],
    teamleider: true,
    omschrijving: 'Contactpersoon en teamleider',
  },
  {
    userId: 'u-joke',
    naam: 'Joke Mulder',
    rollen: ['jph'],
    teamleider: false,
    omschrijving: 'Jeugdprofessional bij de huisarts (JPH)',
  },
  {
    userId: 'u-henk',
    naam: 'Henk de Graaf',
    rollen: ['huisarts'],
    teamleider: false,
    omschrijving: 'Huisarts',
  },
  {
    userId: 'u-bert',
    naam: 'Bert Visser',
    rollen: ['beleid'],
    teamleider: false,
    omschrijving: 'Beleidsmedewerker',
  },
  {
    userId: 'u-fatima',
    naam: 'Fatima El Amrani',
    rollen: ['beheer'],
    teamleider: false,
    omschrijving: 'Functioneel beheer',
  },
];
