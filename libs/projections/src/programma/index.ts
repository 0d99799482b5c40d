export * from './programma.projection';
export * from './programma.queries';
