export * from './disclosure';
export * from './periods';
export * from './consultatie-cijfers';
export * from './intervals';
export * from './survival';

export * from './monitoring';
