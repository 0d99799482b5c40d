export * from './verwerkingslog';
