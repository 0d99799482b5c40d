export * from './consultatie.events';
export * from './consultatie.decider';
export * from './consultatie.timeline';
