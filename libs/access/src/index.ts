export * from './roles';
export * from './roles.decorator';
export * from './tokens';
export * from './auth.guard';
export * from './route-declarations';
export * from './processing-log';
