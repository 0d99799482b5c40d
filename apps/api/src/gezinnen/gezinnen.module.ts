import { Module } from '@nestjs/common';
import { GezinnenController } from './gezinnen.controller';
import { GEZIN_COMMAND_HANDLERS } from './gezin.commands';
import { GEZIN_QUERY_HANDLERS } from './gezin.queries';

@Module({
  controllers: [GezinnenController],
  providers: [...GEZIN_COMMAND_HANDLERS, ...GEZIN_QUERY_HANDLERS],
})
export class GezinnenModule {}
