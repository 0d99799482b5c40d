import { Module } from '@nestjs/common';
import { ProcessingLog } from '@app/access';
import { DeciderStore } from '@app/event-store';
import { IjwImport } from '@app/ijw';
import { ToegangQueries } from '@app/projections';
import { IjwController } from './ijw.controller';

/** The import of the municipality's iJw/iWmo message traffic (issue 14). */
@Module({
  controllers: [IjwController],
  providers: [
    {
      provide: IjwImport,
      inject: [DeciderStore, ToegangQueries, ProcessingLog],
      useFactory: (deciders: DeciderStore, toegang: ToegangQueries, log: ProcessingLog) =>
        new IjwImport(deciders, toegang, log),
    },
  ],
})
export class ImportModule {}
