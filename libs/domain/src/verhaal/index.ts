export * from './verhaal.events';
