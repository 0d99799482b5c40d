export * from './codes';
export * from './perspectief';
export * from './referentiedata';
export * from './zorgdossier.events';
export * from './zorgdossier.decider';
export * from './zorgdossier.timeline';
