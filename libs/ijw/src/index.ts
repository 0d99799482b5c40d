export * from './berichten';
export * from './lezen';
export * from './import';
export * from './schrijven';
