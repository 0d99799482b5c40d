export * from './verhaal.events';
export * from './gezin-feiten';
export * from './verhaal.decider';
export * from './oordeel.decider';
export * from './verhaal.timeline';
