export * from './praktijken.projection';
export * from './consultaties.projection';
export * from './praktijken.queries';
export * from './consultaties.queries';
