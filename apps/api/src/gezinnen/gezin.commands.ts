import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  Door,
  GezinCommand,
  GezinState,
  NieuwLid,
  NotFound,
  NotAllowed,
  Persoonsgegevens,
  gezinDecider,
  gezinStreamId,
  persoonDecider,
  persoonStreamId,
  toegangVan,
  kalenderdatum,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import { ReadModelDatabase } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';
import { newId } from '../common/command-context';
import { invalidInput } from '../common/problem';
import { newRecordKey } from '../common/record-key';
import { WriteResponse, writeResponse } from '../common/write-response';
import {
  AddGezinslidDto,
  NieuwGezinslidDto,
  PersoonsgegevensDto,
  RegisterGezinDto,
} from './dto/gezin.dto';

type WithoutDoor<C> = C extends unknown ? Omit<C, 'door'> : never;
/** Family commands as a controller builds them; the sender (`door`) is added from the token. */
export type GezinCommandBody = WithoutDoor<
  Exclude<GezinCommand, { type: 'RegisterGezin' } | { type: 'AddGezinslid' }>
>;

/** Any command on a family whose data is all in the family stream. */
export class ExecuteGezinCommand {
  constructor(
    readonly gezinId: string,
    readonly command: GezinCommandBody,
    readonly context: RequestCommandContext,
  ) {}
}

export class RegisterGezinCommand {
  constructor(
    readonly gezinId: string,
    readonly body: RegisterGezinDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class AddGezinslidCommand {
  constructor(
    readonly gezinId: string,
    readonly body: AddGezinslidDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class CorrectPersoonCommand {
  constructor(
    readonly gezinId: string,
    readonly persoonId: string,
    readonly gegevens: Persoonsgegevens,
    readonly reden: string,
    readonly context: RequestCommandContext,
  ) {}
}

export interface GezinWriteResult {
  gezinId: string;
  /** The family stream's revision: its ETag. */
  revision: number;
  position: bigint | null;
  persoonId?: string;
}

const door = (context: RequestCommandContext): Door => ({
  userId: context.principal.userId,
  teamleider: context.principal.teamleider,
});

function gegevens(dto: PersoonsgegevensDto): Persoonsgegevens {
  return {
    voornaam: dto.voornaam,
    achternaam: dto.achternaam,
    geboortedatum: dto.geboortedatum ?? null,
    bsn: dto.bsn ?? null,
  };
}

/** A new person's own stream; the If-Match of the request is about the family, not this stream. */
function registerPersoon(
  deciders: DeciderStore,
  persoonId: string,
  dto: PersoonsgegevensDto,
  context: RequestCommandContext,
) {
  return deciders.handle(
    persoonStreamId(persoonId),
    persoonDecider,
    { type: 'RegisterPersoon', persoonId, gegevens: gegevens(dto), recordKey: newRecordKey() },
    { ...context, expectedRevision: undefined },
  );
}

function toResult(
  gezinId: string,
  result: CommandResult<GezinState>,
  persoonId?: string,
): GezinWriteResult {
  return { gezinId, revision: result.revision, position: result.position, persoonId };
}

/** Sends a family command on the bus and answers with the new ETag and log position. */
export async function executeGezinCommand(
  commands: CommandBus,
  request: {
    gezinId: string;
    command: GezinCommandBody;
    context: RequestCommandContext;
    response: Response;
    extra?: Record<string, string>;
  },
): Promise<WriteResponse> {
  const result = await commands.execute<ExecuteGezinCommand, GezinWriteResult>(
    new ExecuteGezinCommand(request.gezinId, request.command, request.context),
  );
  return writeResponse(request.response, result, { gezinId: request.gezinId, ...request.extra });
}

@CommandHandler(ExecuteGezinCommand)
export class ExecuteGezinCommandHandler implements ICommandHandler<ExecuteGezinCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  async execute({ gezinId, command, context }: ExecuteGezinCommand): Promise<GezinWriteResult> {
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      { ...command, door: door(context) },
      context,
    );
    return toResult(gezinId, result);
  }
}

/**
 * A family and its members, who are persons of their own (a youth may live in two households).
 * The family's rules are checked before any person is written, so a refused family leaves nothing.
 */
@CommandHandler(RegisterGezinCommand)
export class RegisterGezinHandler implements ICommandHandler<RegisterGezinCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  async execute({ gezinId, body, context }: RegisterGezinCommand): Promise<GezinWriteResult> {
    const now = this.deciders.now();
    const leden = body.leden.map((dto: NieuwGezinslidDto, i) => ({
      dto,
      lid: {
        persoonId: newId(context, `persoon:${i}`, gezinId),
        rol: dto.rol,
        geboortedatum: dto.geboortedatum ?? null,
        voornaam: dto.voornaam,
      } satisfies NieuwLid,
    }));
    const command: GezinCommand = {
      type: 'RegisterGezin',
      door: door(context),
      gezinId,
      naam: body.naam,
      leden: leden.map(({ lid }) => lid),
      vanaf: kalenderdatum(now),
      wijk: body.wijk ?? null,
    };
    const writePersons = async (): Promise<void> => {
      for (const { dto, lid } of leden) {
        await registerPersoon(this.deciders, lid.persoonId, dto, context);
      }
    };
    // The persons are written only once the family's rules passed, right before the family.
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      command,
      context,
      { beforeAppend: writePersons },
    );
    return toResult(gezinId, result);
  }
}

@CommandHandler(AddGezinslidCommand)
export class AddGezinslidHandler implements ICommandHandler<AddGezinslidCommand> {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly readModels: ReadModelDatabase,
  ) {}

  async execute({ gezinId, body, context }: AddGezinslidCommand): Promise<GezinWriteResult> {
    const now = this.deciders.now();
    const vanaf = body.vanaf ?? kalenderdatum(now);
    if (body.persoonId !== undefined && body.persoon !== undefined) {
      throw invalidInput([
        { field: 'persoon', in: 'body', messages: ['leave out persoon when you give persoonId'] },
      ]);
    }
    if (body.persoonId !== undefined) {
      return this.addExisting(gezinId, body.persoonId, body, vanaf, context);
    }
    const persoon = body.persoon!;
    const persoonId = newId(context, 'persoon', gezinId);
    const lid: NieuwLid = {
      persoonId,
      rol: body.rol,
      geboortedatum: persoon.geboortedatum ?? null,
      voornaam: persoon.voornaam,
    };
    const command: GezinCommand = { type: 'AddGezinslid', door: door(context), lid, vanaf };
    // The person is written only once the family's checks passed, right before the family.
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      command,
      context,
      {
        beforeAppend: () =>
          registerPersoon(this.deciders, persoonId, persoon, context).then(() => undefined),
      },
    );
    return toResult(gezinId, result, persoonId);
  }

  /** A person already known: only the contact person of one of their families may add them to another. */
  private async addExisting(
    gezinId: string,
    persoonId: string,
    body: AddGezinslidDto,
    vanaf: string,
    context: RequestCommandContext,
  ): Promise<GezinWriteResult> {
    const known = this.readModels.db
      .prepare(
        `SELECT 1 FROM gezin_leden l JOIN gezin_toegang t ON t.gezin_id = l.gezin_id
         WHERE l.persoon_id = ? AND t.user_id = ? AND t.toegang = 'schrijven' AND l.tot IS NULL`,
      )
      .get(persoonId, context.principal.userId);
    const { state: persoon } = await this.deciders.load(persoonStreamId(persoonId), persoonDecider);
    if (!known || !persoon.gegevens) {
      throw new NotFound(
        'Deze persoon is onbekend, of u werkt niet met een gezin van deze persoon.',
      );
    }
    const lid: NieuwLid = {
      persoonId,
      rol: body.rol,
      geboortedatum: persoon.gegevens.geboortedatum,
      voornaam: persoon.gegevens.voornaam,
    };
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      { type: 'AddGezinslid', door: door(context), lid, vanaf },
      context,
    );
    return toResult(gezinId, result, persoonId);
  }
}

/** Corrects a member's data; allowed to whoever may change a family the person belongs to. */
@CommandHandler(CorrectPersoonCommand)
export class CorrectPersoonHandler implements ICommandHandler<CorrectPersoonCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  async execute(message: CorrectPersoonCommand): Promise<GezinWriteResult> {
    const { gezinId, persoonId, context } = message;
    const { state, revision } = await this.deciders.load(gezinStreamId(gezinId), gezinDecider);
    const toegang = toegangVan(state, context.principal.userId);
    if (toegang === 'geen') throw new NotFound('Dit gezin bestaat niet of u werkt er niet mee.');
    if (toegang === 'lezen')
      throw new NotAllowed('U kunt dit gezin inzien maar niet meer wijzigen.');
    const lid = state.leden.find((l) => l.persoonId === persoonId);
    if (!lid) throw new NotFound('Deze persoon hoort niet bij het gezin.');
    const result = await this.deciders.handle(
      persoonStreamId(persoonId),
      persoonDecider,
      {
        type: 'CorrectPersoonsgegevens',
        gegevens: message.gegevens,
        reden: message.reden,
        isJeugdige: lid.rol === 'jeugdige',
      },
      { ...context, expectedRevision: undefined },
    );
    return { gezinId, revision, position: result.position, persoonId };
  }
}

export const GEZIN_COMMAND_HANDLERS = [
  ExecuteGezinCommandHandler,
  RegisterGezinHandler,
  AddGezinslidHandler,
  CorrectPersoonHandler,
];
