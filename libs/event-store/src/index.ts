export * from './event-store';
export * from './sqlite/sqlite-event-store';
export * from './decider-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './create-event-store';
export * from './upcasting';
