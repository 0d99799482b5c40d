export * from './reeks';
export * from './ijw-bericht';
