import { DOMAIN } from '@app/domain';
console.log('hello', DOMAIN);
