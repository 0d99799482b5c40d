export * from './decider';
export * from './persoon/bsn';
export * from './persoon/persoon';
export * from './gezin/gezin.events';
export * from './gezin/gezinsplan';
export * from './gezin/gezin.decider';
export * from './gezin/gezin.timeline';
export * from './zorg';
