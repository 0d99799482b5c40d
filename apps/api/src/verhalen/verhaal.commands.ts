import { Injectable } from '@nestjs/common';
import {
  AanleidingVraag,
  Door,
  GezinFeiten,
  OordeelState,
  RecordOordelen,
  VerhaalCommand,
  VerhaalState,
  gezinFeiten,
  gezinFeitenFold,
  gezinStreamId,
  oordeelDecider,
  oordeelStreamId,
  verhaalDecider,
  verhaalStreamId,
} from '@app/domain';
import {
  BatchedResult,
  CommandBatch,
  CommandResult,
  DeciderStore,
  StreamLoader,
} from '@app/event-store';
import { ProgrammaQueries, ZorgQueries } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';
import { door as doorVan } from '../gezinnen/gezin.commands';

type WithoutFacts<C> = C extends unknown
  ? Omit<C, 'door' | 'gezin' | 'gezinId' | 'verhaalId' | 'toewijzing' | 'actieveThemas'>
  : never;
/** A story command as a controller builds it; the command path adds the sender and the facts. */
export type VerhaalCommandBody = WithoutFacts<VerhaalCommand>;

/** Judgements as a controller builds them; the command path adds the sender and the facts. */
export type OordelenBody = Pick<RecordOordelen, 'datum' | 'oordelen'> & {
  aanleiding:
    | { soort: 'evaluatie'; planVersie: number }
    | { soort: 'einde-toewijzing'; toewijzingId: string };
};

/**
 * The writes of stories and judgements. Each fetches the facts its decider's rules need (the
 * family's stream folded into access, contact person, members and plan goals; the assignment from
 * the care dossiers; the programme's active themes, from the `programma` read model) and sends the command down the one command
 * path. If-Match on these routes is the story's version.
 */
@Injectable()
export class VerhaalCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly zorg: ZorgQueries,
    private readonly programma: ProgrammaQueries,
  ) {}

  async verhaal(
    gezinId: string,
    verhaalId: string,
    body: VerhaalCommandBody,
    context: RequestCommandContext,
  ): Promise<CommandResult<VerhaalState>> {
    const command = await this.verhaalCommand(gezinId, verhaalId, body, context, this.deciders);
    return this.deciders.handle(verhaalStreamId(verhaalId), verhaalDecider, command, context);
  }

  /** The same story command, queued in a bulk writer's batch (the demo). */
  async verhaalInBatch(
    batch: CommandBatch,
    gezinId: string,
    verhaalId: string,
    body: VerhaalCommandBody,
    context: RequestCommandContext,
  ): Promise<BatchedResult<VerhaalState>> {
    const command = await this.verhaalCommand(gezinId, verhaalId, body, context, batch);
    return batch.handle(verhaalStreamId(verhaalId), verhaalDecider, command, context);
  }

  async oordelen(
    gezinId: string,
    oordeelId: string,
    body: OordelenBody,
    context: RequestCommandContext,
  ): Promise<CommandResult<OordeelState>> {
    const command = await this.oordelenCommand(gezinId, oordeelId, body, context, this.deciders);
    return this.deciders.handle(oordeelStreamId(oordeelId), oordeelDecider, command, context);
  }

  /** The same judgements, queued in a bulk writer's batch (the demo). */
  async oordelenInBatch(
    batch: CommandBatch,
    gezinId: string,
    oordeelId: string,
    body: OordelenBody,
    context: RequestCommandContext,
  ): Promise<BatchedResult<OordeelState>> {
    const command = await this.oordelenCommand(gezinId, oordeelId, body, context, batch);
    return batch.handle(oordeelStreamId(oordeelId), oordeelDecider, command, context);
  }

  private async verhaalCommand(
    gezinId: string,
    verhaalId: string,
    body: VerhaalCommandBody,
    context: RequestCommandContext,
    streams: StreamLoader,
  ): Promise<VerhaalCommand> {
    const door = doorVan(context);
    const gezin = await this.gezin(gezinId, door, streams);
    return body.type === 'RecordVerhaal'
      ? {
          ...body,
          door,
          gezin,
          gezinId,
          verhaalId,
          toewijzing: body.toewijzingId ? this.zorg.toewijzingOpname(body.toewijzingId) : null,
          actieveThemas: this.programma.actieveThemaIds(),
        }
      : { ...body, door, gezin, gezinId, verhaalId };
  }

  private async oordelenCommand(
    gezinId: string,
    oordeelId: string,
    body: OordelenBody,
    context: RequestCommandContext,
    streams: StreamLoader,
  ): Promise<RecordOordelen> {
    const door = doorVan(context);
    const aanleiding: AanleidingVraag =
      body.aanleiding.soort === 'evaluatie'
        ? body.aanleiding
        : {
            ...body.aanleiding,
            toewijzing: this.zorg.toewijzingOpname(body.aanleiding.toewijzingId),
          };
    return {
      type: 'RecordOordelen',
      door,
      gezin: await this.gezin(gezinId, door, streams),
      oordeelId,
      gezinId,
      aanleiding,
      datum: body.datum,
      oordelen: body.oordelen,
    };
  }

  /** The family's facts, from its own stream (no read-model lag: a plan just written counts). */
  private async gezin(gezinId: string, door: Door, streams: StreamLoader): Promise<GezinFeiten> {
    const { state } = await streams.load(gezinStreamId(gezinId), gezinFeitenFold);
    return gezinFeiten(state, door.userId, this.deciders.now());
  }
}
