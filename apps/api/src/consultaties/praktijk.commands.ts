import { Injectable } from '@nestjs/common';
import {
  EndJph,
  Medewerker,
  PraktijkCommand,
  PraktijkState,
  RegisterPraktijk,
  SetJph,
  UnlinkMedewerker,
  praktijkDecider,
  praktijkStreamId,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import { PraktijkenQueries } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';

/**
 * The writes on GP practices (reference data kept by functioneel beheer). Two rules span
 * practices, so their facts come from the `praktijken` read model: an AGB code belongs to one
 * practice, and a user works for one practice at a time. The decider applies them.
 */
@Injectable()
export class PraktijkCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenQueries,
  ) {}

  register(
    command: Omit<RegisterPraktijk, 'agbCodeVan'>,
    context: RequestCommandContext,
  ): Promise<CommandResult<PraktijkState>> {
    const { praktijkId, agbCode } = command;
    const agbCodeVan = this.praktijken.metAgbCode(agbCode, praktijkId)?.naam ?? null;
    return this.send(praktijkId, { ...command, agbCodeVan }, context);
  }

  linkMedewerker(
    praktijkId: string,
    medewerker: Medewerker,
    context: RequestCommandContext,
  ): Promise<CommandResult<PraktijkState>> {
    const gekoppeldElders = this.praktijken.koppelingElders(medewerker.userId, praktijkId);
    return this.send(praktijkId, { type: 'LinkMedewerker', medewerker, gekoppeldElders }, context);
  }

  /** A change whose facts are all in the practice's own stream. */
  change(
    praktijkId: string,
    command: SetJph | EndJph | UnlinkMedewerker,
    context: RequestCommandContext,
  ): Promise<CommandResult<PraktijkState>> {
    return this.send(praktijkId, command, context);
  }

  private send(
    praktijkId: string,
    command: PraktijkCommand,
    context: RequestCommandContext,
  ): Promise<CommandResult<PraktijkState>> {
    return this.deciders.handle(praktijkStreamId(praktijkId), praktijkDecider, command, context);
  }
}
