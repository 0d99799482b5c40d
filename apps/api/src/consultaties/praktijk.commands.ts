import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PraktijkCommand, praktijkDecider, praktijkStreamId } from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import type { RequestCommandContext } from '../common/command-context';
import { LinkMedewerkerDto, RegisterPraktijkDto } from './dto/praktijk.dto';
import { PraktijkenReadModel } from './praktijken.read-model';

type Result = Pick<CommandResult<unknown>, 'revision' | 'position'>;

/** A command on a practice whose facts are all in the practice's own stream. */
export class ExecutePraktijkCommand {
  constructor(
    readonly praktijkId: string,
    readonly command: Exclude<PraktijkCommand, { type: 'RegisterPraktijk' | 'LinkMedewerker' }>,
    readonly context: RequestCommandContext,
  ) {}
}

export class RegisterPraktijkCommand {
  constructor(
    readonly praktijkId: string,
    readonly body: RegisterPraktijkDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class LinkMedewerkerCommand {
  constructor(
    readonly praktijkId: string,
    readonly body: LinkMedewerkerDto,
    readonly context: RequestCommandContext,
  ) {}
}

@CommandHandler(ExecutePraktijkCommand)
export class ExecutePraktijkCommandHandler implements ICommandHandler<ExecutePraktijkCommand> {
  constructor(private readonly deciders: DeciderStore) {}

  execute({ praktijkId, command, context }: ExecutePraktijkCommand): Promise<Result> {
    return this.deciders.handle(praktijkStreamId(praktijkId), praktijkDecider, command, context);
  }
}

/** An AGB code belongs to one practice: the read model says whether another one has it. */
@CommandHandler(RegisterPraktijkCommand)
export class RegisterPraktijkHandler implements ICommandHandler<RegisterPraktijkCommand> {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenReadModel,
  ) {}

  execute({ praktijkId, body, context }: RegisterPraktijkCommand): Promise<Result> {
    const command: PraktijkCommand = {
      type: 'RegisterPraktijk',
      praktijkId,
      naam: body.naam,
      agbCode: body.agbCode,
      wijk: body.wijk,
      jph: body.jph ? { sinds: body.jph.sinds, urenPerWeek: body.jph.urenPerWeek } : null,
      agbCodeVan: this.praktijken.metAgbCode(body.agbCode, praktijkId)?.naam ?? null,
    };
    return this.deciders.handle(praktijkStreamId(praktijkId), praktijkDecider, command, context);
  }
}

/** A user works for one practice at a time: the read model says where they are linked now. */
@CommandHandler(LinkMedewerkerCommand)
export class LinkMedewerkerHandler implements ICommandHandler<LinkMedewerkerCommand> {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenReadModel,
  ) {}

  execute({ praktijkId, body, context }: LinkMedewerkerCommand): Promise<Result> {
    const command: PraktijkCommand = {
      type: 'LinkMedewerker',
      medewerker: { userId: body.userId, rol: body.rol },
      gekoppeldElders: this.praktijken.koppelingElders(body.userId, praktijkId),
    };
    return this.deciders.handle(praktijkStreamId(praktijkId), praktijkDecider, command, context);
  }
}

export const PRAKTIJK_COMMAND_HANDLERS = [
  ExecutePraktijkCommandHandler,
  RegisterPraktijkHandler,
  LinkMedewerkerHandler,
];
