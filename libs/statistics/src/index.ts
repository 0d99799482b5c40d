export * from './disclosure';
export * from './periods';
export * from './consultatie-cijfers';
export * from './episodes';
export * from './durations';
export * from './overlap';
export * from './monitoring';
