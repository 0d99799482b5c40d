import { Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ConsultatieCommand,
  ConsultatieDoor,
  ConsultatieInhoud,
  HERLEIDBARE_GEGEVENS,
  Koppeling,
  PraktijkRol,
  RuleViolation,
  consultatieDecider,
  consultatieStreamId,
  isValidBsn,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import type { RequestCommandContext } from '../common/command-context';
import { invalidInput } from '../common/problem';
import { ConsultatiesReadModel } from './consultaties.read-model';
import {
  ConsultatieInhoudDto,
  CorrectConsultatieDto,
  KoppelingDto,
  LogConsultatieDto,
} from './dto/consultatie.dto';
import { PraktijkenReadModel } from './praktijken.read-model';

type Result = Pick<CommandResult<unknown>, 'revision' | 'position'>;

export class LogConsultatieCommand {
  constructor(
    readonly consultatieId: string,
    readonly body: LogConsultatieDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class CorrectConsultatieCommand {
  constructor(
    readonly consultatieId: string,
    readonly body: CorrectConsultatieDto,
    readonly context: RequestCommandContext,
  ) {}
}

export class WithdrawConsultatieCommand {
  constructor(
    readonly consultatieId: string,
    readonly reden: string,
    readonly context: RequestCommandContext,
  ) {}
}

/**
 * Turns a request into a consultation command: the sender with the practice they are linked to,
 * and the content. The practice is checked first (`authorize`): only then, and only with consent,
 * is a BSN used, once, to find the known person; the command carries the person's id, never the
 * BSN. Without consent nothing is looked up and the decider refuses anything traceable.
 */
@Injectable()
export class ConsultatieCommandPath {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenReadModel,
    private readonly consultaties: ConsultatiesReadModel,
  ) {}

  door(context: RequestCommandContext): ConsultatieDoor {
    const { userId, actingRole } = context.principal;
    return {
      userId,
      rol: actingRole as PraktijkRol,
      praktijkId: this.praktijken.praktijkVan(userId),
    };
  }

  /** A command with content: the practice is checked before the link is looked up. */
  withInhoud(
    consultatieId: string,
    body: ConsultatieInhoudDto,
    command: (inhoud: ConsultatieInhoud) => ConsultatieCommand,
    context: RequestCommandContext,
  ): Promise<Result> {
    const unchecked = command(this.inhoud(body, null));
    return this.run(
      consultatieId,
      unchecked,
      () => command(this.inhoud(body, this.koppeling(body))),
      context,
    );
  }

  withoutInhoud(
    consultatieId: string,
    command: ConsultatieCommand,
    context: RequestCommandContext,
  ): Promise<Result> {
    return this.run(consultatieId, command, () => command, context);
  }

  private async run(
    consultatieId: string,
    unchecked: ConsultatieCommand,
    command: () => ConsultatieCommand,
    context: RequestCommandContext,
  ): Promise<Result> {
    const stream = consultatieStreamId(consultatieId);
    const { state } = await this.deciders.load(stream, consultatieDecider);
    consultatieDecider.authorize!(unchecked, state);
    return this.deciders.handle(stream, consultatieDecider, command(), context);
  }

  private inhoud(body: ConsultatieInhoudDto, koppeling: Koppeling | null): ConsultatieInhoud {
    return {
      datum: body.datum,
      leeftijdsgroep: body.leeftijdsgroep,
      onderwerpen: body.onderwerpen,
      toelichting: body.toelichting ?? null,
      aantalContacten: body.aantalContacten,
      uitkomst: body.uitkomst,
      vervolgdatum: body.vervolgdatum ?? null,
      toestemming: body.toestemming,
      koppeling,
    };
  }

  private koppeling(body: ConsultatieInhoudDto): Koppeling | null {
    const gegeven = body.koppeling ? koppelingVan(body.koppeling) : null;
    if (!body.toestemming) return gegeven; // refused by the decider when not null: nothing looked up
    if (typeof body.bsn === 'string') {
      if (gegeven !== null) {
        throw invalidInput([
          { field: 'bsn', in: 'body', messages: ['give bsn or koppeling, not both'] },
        ]);
      }
      if (!isValidBsn(body.bsn)) {
        throw new RuleViolation('Het BSN is geen geldig BSN (elfproef).');
      }
      const persoonId = this.consultaties.persoonMetBsn(body.bsn);
      if (persoonId === null) {
        throw new RuleViolation(
          'Er is geen bekende persoon met dit BSN. Leg de consultatie vast zonder koppeling, of ' +
            'koppel met persoonId of gezinId.',
        );
      }
      return { persoonId, gezinId: null };
    }
    if (gegeven !== null && !this.consultaties.bestaat(gegeven)) {
      throw new RuleViolation(
        gegeven.gezinId !== null ? 'Dit gezin is niet bekend.' : 'Deze persoon is niet bekend.',
      );
    }
    return gegeven;
  }
}

function koppelingVan(dto: KoppelingDto): Koppeling {
  if (dto.persoonId !== undefined && dto.gezinId !== undefined) {
    throw invalidInput([
      { field: 'koppeling', in: 'body', messages: ['give persoonId or gezinId, not both'] },
    ]);
  }
  return dto.persoonId !== undefined
    ? { persoonId: dto.persoonId, gezinId: null }
    : { persoonId: null, gezinId: dto.gezinId! };
}

/** The identifying fields a request carried; they only ever decide whether it is refused. */
function herleidbaar(body: ConsultatieInhoudDto) {
  return HERLEIDBARE_GEGEVENS.filter((veld) => body[veld] !== undefined && body[veld] !== null);
}

@CommandHandler(LogConsultatieCommand)
export class LogConsultatieHandler implements ICommandHandler<LogConsultatieCommand> {
  constructor(private readonly path: ConsultatieCommandPath) {}

  execute({ consultatieId, body, context }: LogConsultatieCommand): Promise<Result> {
    const door = this.path.door(context);
    return this.path.withInhoud(
      consultatieId,
      body,
      (inhoud) => ({
        type: 'LogConsultatie',
        door,
        consultatieId,
        praktijkId: body.praktijkId,
        inhoud,
        herleidbaar: herleidbaar(body),
      }),
      context,
    );
  }
}

@CommandHandler(CorrectConsultatieCommand)
export class CorrectConsultatieHandler implements ICommandHandler<CorrectConsultatieCommand> {
  constructor(private readonly path: ConsultatieCommandPath) {}

  execute({ consultatieId, body, context }: CorrectConsultatieCommand): Promise<Result> {
    const door = this.path.door(context);
    return this.path.withInhoud(
      consultatieId,
      body,
      (inhoud) => ({
        type: 'CorrectConsultatie',
        door,
        inhoud,
        herleidbaar: herleidbaar(body),
        reden: body.reden,
      }),
      context,
    );
  }
}

@CommandHandler(WithdrawConsultatieCommand)
export class WithdrawConsultatieHandler implements ICommandHandler<WithdrawConsultatieCommand> {
  constructor(private readonly path: ConsultatieCommandPath) {}

  execute({ consultatieId, reden, context }: WithdrawConsultatieCommand): Promise<Result> {
    return this.path.withoutInhoud(
      consultatieId,
      { type: 'WithdrawConsultatie', door: this.path.door(context), reden },
      context,
    );
  }
}

export const CONSULTATIE_COMMAND_HANDLERS = [
  ConsultatieCommandPath,
  LogConsultatieHandler,
  CorrectConsultatieHandler,
  WithdrawConsultatieHandler,
];
