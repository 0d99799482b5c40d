import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  NotAllowed,
  REFERENTIEDATA_STREAM,
  ReferentiedataCommand,
  ZorgCommand,
  referentiedataDecider,
  versieOp,
  zorgdossierDecider,
  zorgdossierStreamId,
} from '@app/domain';
import { DeciderStore } from '@app/event-store';
import type { RequestCommandContext } from '../common/command-context';
import { WriteResponse, writeResponse } from '../common/write-response';
import { GezinnenReadModel } from '../gezinnen/gezinnen.read-model';

type WithoutPersoon<C> = C extends unknown ? Omit<C, 'persoonId'> : never;
/** A care command as a controller builds it; reference data is looked up by the handler. */
export type ZorgCommandBody = WithoutPersoon<ZorgCommand>;

export class ExecuteZorgCommand {
  constructor(
    readonly persoonId: string,
    readonly command: ZorgCommandBody,
    readonly context: RequestCommandContext,
  ) {}
}

export class ExecuteReferentiedataCommand {
  constructor(
    readonly command: ReferentiedataCommand,
    readonly context: RequestCommandContext,
  ) {}
}

interface ZorgWriteResult {
  persoonId: string;
  revision: number;
  position: bigint | null;
}

/**
 * Records a care fact in the person's dossier. Need-to-know: only a contact person who
 * coordinates a family the person belongs to may (others 404; earlier contact persons 403).
 */
@CommandHandler(ExecuteZorgCommand)
export class ExecuteZorgCommandHandler implements ICommandHandler<ExecuteZorgCommand> {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly gezinnen: GezinnenReadModel,
  ) {}

  async execute({ persoonId, command, context }: ExecuteZorgCommand): Promise<ZorgWriteResult> {
    const { toegang } = this.gezinnen.toegangTotPersoon(persoonId, context.principal.userId);
    if (toegang !== 'schrijven') {
      throw new NotAllowed(
        'U kunt deze gegevens inzien maar niet wijzigen: u bent niet de contactpersoon van het gezin.',
      );
    }
    const full = { ...command, persoonId };
    if (full.type === 'RegisterToewijzing') {
      const { state } = await this.deciders.load(REFERENTIEDATA_STREAM, referentiedataDecider);
      full.product = versieOp(state.producten[full.productcode], full.begindatum);
      full.aanbieder = versieOp(state.aanbieders[full.aanbiederId], full.begindatum);
    }
    const result = await this.deciders.handle(
      zorgdossierStreamId(persoonId),
      zorgdossierDecider,
      full,
      // If-Match on these routes is the dossier's version, not a family's.
      context,
    );
    return {
      persoonId,
      revision: result.revision,
      position: result.position,
    };
  }
}

@CommandHandler(ExecuteReferentiedataCommand)
export class ExecuteReferentiedataCommandHandler implements ICommandHandler<ExecuteReferentiedataCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  async execute({ command, context }: ExecuteReferentiedataCommand) {
    const result = await this.deciders.handle(
      REFERENTIEDATA_STREAM,
      referentiedataDecider,
      command,
      context,
    );
    return { revision: result.revision, position: result.position };
  }
}

/** Sends a care command and answers with the dossier's new version and the log position. */
export async function executeZorgCommand(
  commands: CommandBus,
  request: {
    persoonId: string;
    command: ZorgCommandBody;
    context: RequestCommandContext;
    response: Response;
    extra?: Record<string, string>;
  },
): Promise<WriteResponse> {
  const result = await commands.execute<ExecuteZorgCommand, ZorgWriteResult>(
    new ExecuteZorgCommand(request.persoonId, request.command, request.context),
  );
  return writeResponse(request.response, result, { persoonId: result.persoonId, ...request.extra });
}

export const ZORG_COMMAND_HANDLERS = [
  ExecuteZorgCommandHandler,
  ExecuteReferentiedataCommandHandler,
];
