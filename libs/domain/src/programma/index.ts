export * from './programma.events';
export * from './programma.decider';
