export * from './praktijk.events';
export * from './praktijk.decider';
