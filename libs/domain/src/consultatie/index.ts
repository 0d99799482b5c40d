export * from './consultatie.events';
export * from './consultatie.decider';
export * from './consultatie.timeline';
export * from './bsn-opvraging.decider';
