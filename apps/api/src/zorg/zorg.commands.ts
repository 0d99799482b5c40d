import { Injectable } from '@nestjs/common';
import {
  REFERENTIEDATA_STREAM,
  ReferentiedataCommand,
  ReferentiedataState,
  ZorgCommand,
  ZorgEvent,
  ZorgdossierState,
  getoondeVersie,
  referentiedataDecider,
  persoonDecider,
  persoonStreamId,
  versieOp,
  zorgdossierDecider,
  zorgdossierStreamId,
} from '@app/domain';
import {
  BatchedResult,
  CommandBatch,
  CommandResult,
  DeciderStore,
  PositionedEvent,
  StreamLoader,
} from '@app/event-store';
import { ToegangQueries } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';

type WithoutFacts<C> = C extends unknown
  ? Omit<C, 'persoonId' | 'toegang' | 'geboortedatum'>
  : never;
/** A care command as a controller builds it; the command path adds the facts its rules need. */
export type ZorgCommandBody = WithoutFacts<ZorgCommand>;

/**
 * The writes of the care slice: a person's care dossier and the reference data. Each fetches the
 * facts its decider's rules need and sends the command down the one command path (DeciderStore).
 */
@Injectable()
export class ZorgCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly toegang: ToegangQueries,
  ) {}

  /**
   * A care fact in a person's dossier. The rule (only the contact person of a family the person
   * belongs to writes) is the decider's; the sender's access comes from the families' history.
   * An assignment gets its product and provider as reference data knows them on its start date;
   * every command the person's birth date, from the person's stream. Through a recognised
   * membership not yet confirmed (ADR 0016) the dossier's version (If-Match, the answer's ETag
   * and revision) counts only what the sender is shown, as for a dossier that began there.
   */
  async dossier(
    persoonId: string,
    body: ZorgCommandBody,
    context: RequestCommandContext,
  ): Promise<CommandResult<ZorgdossierState>> {
    const { command, zorgVanaf } = await this.command(persoonId, body, context, this.deciders);
    // If-Match on these routes is the dossier's version, not a family's.
    const getoond =
      zorgVanaf === null
        ? {}
        : {
            version: (recorded: readonly PositionedEvent[]) =>
              getoondeVersie(
                // The dossier stream holds care events only.
                recorded.map((e) => ({ event: e as ZorgEvent, positie: Number(e.position) })),
                zorgVanaf,
              ),
          };
    return this.deciders.handle(
      zorgdossierStreamId(persoonId),
      zorgdossierDecider,
      command,
      context,
      getoond,
    );
  }

  /**
   * The same care fact, for a bulk writer (the demo): the facts read and the command decided in
   * its batch, as if written one by one, and written with the batch's other commands in one append.
   */
  async dossierInBatch(
    batch: CommandBatch,
    persoonId: string,
    body: ZorgCommandBody,
    context: RequestCommandContext,
  ): Promise<BatchedResult<ZorgdossierState>> {
    const { command } = await this.command(persoonId, body, context, batch);
    return batch.handle(zorgdossierStreamId(persoonId), zorgdossierDecider, command, context);
  }

  /**
   * The body with the facts the decider's rules need, read from `streams`, and from which log
   * position the sender is shown the dossier (null: all of it).
   */
  private async command(
    persoonId: string,
    body: ZorgCommandBody,
    context: RequestCommandContext,
    streams: StreamLoader,
  ): Promise<{ command: ZorgCommand; zorgVanaf: number | null }> {
    const { toegang, zorgVanaf } = this.toegang.totPersoon(persoonId, context.principal.userId);
    const { state: persoon } = await streams.load(persoonStreamId(persoonId), persoonDecider);
    const geboortedatum = persoon.gegevens?.geboortedatum ?? null;
    const command = { ...body, persoonId, toegang, geboortedatum };
    if (command.type === 'RegisterToewijzing') {
      const { state } = await streams.load(REFERENTIEDATA_STREAM, referentiedataDecider);
      command.product = versieOp(state.producten[command.productcode], command.begindatum);
      command.aanbieder = versieOp(state.aanbieders[command.aanbiederId], command.begindatum);
    }
    return { command, zorgVanaf };
  }

  referentiedata(
    command: ReferentiedataCommand,
    context: RequestCommandContext,
  ): Promise<CommandResult<ReferentiedataState>> {
    return this.deciders.handle(REFERENTIEDATA_STREAM, referentiedataDecider, command, context);
  }
}
