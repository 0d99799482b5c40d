export * from './te-koppelen.projection';
export * from './te-koppelen.queries';
