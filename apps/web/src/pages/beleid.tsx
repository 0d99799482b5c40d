/** The policy screens, one chunk with the chart library (loaded by app.tsx when opened). */
export { AanbiederRapportPage } from './cijfers-en-verhalen';
export { DashboardPage } from './dashboard';
export { KnopPage, ProgrammaPage } from './programma';
