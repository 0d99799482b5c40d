export * from './persoonlijke-velden';
export * from './verwijderverzoek';
