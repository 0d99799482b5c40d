export * from './verhalen.projection';
export * from './verhalen.queries';
