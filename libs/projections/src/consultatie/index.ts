export * from './praktijken.projection';
export * from './consultaties.projection';
