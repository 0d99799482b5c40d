export * from './decider';
export * from './gezin/gezin.events';
export * from './gezin/gezin.decider';
export * from './gezin/gezin.timeline';
