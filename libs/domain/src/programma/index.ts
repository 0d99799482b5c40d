export * from './programma.events';
export * from './programma.decider';
export * from './programma-2025-2028';
