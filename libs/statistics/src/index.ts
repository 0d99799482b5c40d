export * from './disclosure';
export * from './periods';
export * from './consultatie-cijfers';
