export * from './projection';
export * from './projection-runner';
export * from './read-model-database';
export * from './gezin/gezinnen.projection';
export * from './gezin/tijdlijn.projection';
export * from './all-projections';
export * from './verwerkingslog.projection';
