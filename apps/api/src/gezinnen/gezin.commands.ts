import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Contactpersoon,
  GezinCommand,
  GezinState,
  Gezinslid,
  NotFound,
  gezinDecider,
  gezinStreamId,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import type { RequestCommandContext } from '../common/command-context';
import { GezinslidDto, RegisterGezinDto } from './dto/gezin.dto';

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
    readonly body: GezinslidDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class AssignContactpersoonCommand {
  constructor(
    readonly gezinId: string,
    readonly contactpersoon: Contactpersoon,
    readonly vanaf: string,
    readonly context: RequestCommandContext,
  ) {}
}

/** Need-to-know: only people who work (or worked) with the family may know it exists. */
function mustBeInvolved(context: RequestCommandContext) {
  return (state: GezinState): void => {
    if (!state.registered || !state.involvedUserIds.includes(context.principal.userId)) {
      throw new NotFound('Dit gezin bestaat niet of u werkt er niet mee.');
    }
  };
}

function toLid(dto: GezinslidDto, persoonId: string): Gezinslid {
  return {
    persoonId,
    rol: dto.rol,
    voornaam: dto.voornaam,
    achternaam: dto.achternaam,
    geboortedatum: dto.geboortedatum ?? null,
  };
}

@CommandHandler(RegisterGezinCommand)
export class RegisterGezinHandler implements ICommandHandler<RegisterGezinCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  execute({ gezinId, body, context }: RegisterGezinCommand): Promise<CommandResult<GezinState>> {
    const command: GezinCommand = {
      type: 'RegisterGezin',
      gezinId,
      naam: body.naam,
      leden: body.leden.map((lid) => toLid(lid, randomUUID())),
      registeredBy: context.principal.userId,
    };
    return this.deciders.handle(gezinStreamId(gezinId), gezinDecider, command, context);
  }
}

@CommandHandler(AddGezinslidCommand)
export class AddGezinslidHandler implements ICommandHandler<AddGezinslidCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  execute({ gezinId, body, context }: AddGezinslidCommand): Promise<CommandResult<GezinState>> {
    const command: GezinCommand = { type: 'AddGezinslid', lid: toLid(body, randomUUID()) };
    return this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      command,
      context,
      mustBeInvolved(context),
    );
  }
}

@CommandHandler(AssignContactpersoonCommand)
export class AssignContactpersoonHandler implements ICommandHandler<AssignContactpersoonCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  execute(message: AssignContactpersoonCommand): Promise<CommandResult<GezinState>> {
    const command: GezinCommand = {
      type: 'AssignContactpersoon',
      contactpersoon: message.contactpersoon,
      vanaf: message.vanaf,
    };
    return this.deciders.handle(
      gezinStreamId(message.gezinId),
      gezinDecider,
      command,
      message.context,
      mustBeInvolved(message.context),
    );
  }
}

export const GEZIN_COMMAND_HANDLERS = [
  RegisterGezinHandler,
  AddGezinslidHandler,
  AssignContactpersoonHandler,
];
