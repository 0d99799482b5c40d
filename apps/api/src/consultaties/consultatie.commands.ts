import { Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BsnOpvragingen } from '@app/access';
import {
  ConsultatieCommand,
  ConsultatieDoor,
  ConsultatieInhoud,
  HERLEIDBARE_GEGEVENS,
  KoppelingBeoordelaar,
  PraktijkRol,
  RuleViolation,
  consultatieDecider,
  consultatieStreamId,
  isValidBsn,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import type { RequestCommandContext } from '../common/command-context';
import { newRecordKey } from '../common/record-key';
import { GezinnenReadModel } from '../gezinnen/gezinnen.read-model';
import { ConsultatiesReadModel } from './consultaties.read-model';
import {
  ConsultatieInhoudDto,
  CorrectConsultatieDto,
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

/** A contact person confirms (`bevestigen`) or rejects (`afwijzen`) a consultation's link. */
export class DecideConsultatieLinkCommand {
  constructor(
    readonly consultatieId: string,
    readonly besluit: { type: 'bevestigen' } | { type: 'afwijzen'; reden: string | null },
    readonly context: RequestCommandContext,
  ) {}
}

/**
 * Turns a request into a consultation command: the sender with the practice they are linked to,
 * and the content. With consent, a BSN is looked up only once the request would otherwise be
 * written (`DeciderStore.handleResolved`: after the practice check, a retry, If-Match and the
 * rules): then it is checked (eleven-test), counted and limited per user, logged, and used once
 * to find the known person. The command carries that person's id, never the BSN, and the answer
 * is the same whether or not the BSN was known. Without consent nothing is looked up and the
 * decider refuses anything traceable.
 */
@Injectable()
export class ConsultatieCommandPath {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenReadModel,
    private readonly consultaties: ConsultatiesReadModel,
    private readonly gezinnen: GezinnenReadModel,
    private readonly bsnOpvragingen: BsnOpvragingen,
  ) {}

  door(context: RequestCommandContext): ConsultatieDoor {
    const { userId, actingRole } = context.principal;
    return {
      userId,
      rol: actingRole as PraktijkRol,
      praktijkId: this.praktijken.praktijkVan(userId),
    };
  }

  /** A command with content; `command` builds it for the person the BSN led to (or none). */
  withInhoud(
    consultatieId: string,
    body: ConsultatieInhoudDto,
    door: ConsultatieDoor,
    command: (inhoud: ConsultatieInhoud, persoonMetBsn: string | null) => ConsultatieCommand,
    context: RequestCommandContext,
  ): Promise<Result> {
    const inhoud = this.inhoud(body);
    const stream = consultatieStreamId(consultatieId);
    const { bsn } = body;
    if (!body.toestemming || typeof bsn !== 'string') {
      return this.deciders.handle(stream, consultatieDecider, command(inhoud, null), context);
    }
    return this.deciders.handle(stream, consultatieDecider, command(inhoud, null), context, {
      resolve: async () => command(inhoud, await this.lookUp(bsn, door, context)),
    });
  }

  withoutInhoud(
    consultatieId: string,
    command: ConsultatieCommand,
    context: RequestCommandContext,
  ): Promise<Result> {
    return this.deciders.handle(
      consultatieStreamId(consultatieId),
      consultatieDecider,
      command,
      context,
    );
  }

  /** The facts for a link decision: the families of the linked person this user writes. */
  async beoordelaar(
    consultatieId: string,
    context: RequestCommandContext,
  ): Promise<KoppelingBeoordelaar> {
    const { userId } = context.principal;
    const { state } = await this.deciders.load(
      consultatieStreamId(consultatieId),
      consultatieDecider,
    );
    const { koppeling } = state;
    return {
      userId,
      koppeling,
      schrijfbareGezinnen:
        koppeling === null ? [] : this.gezinnen.schrijfbareGezinnen(userId, koppeling),
    };
  }

  private async lookUp(
    bsn: string,
    door: ConsultatieDoor,
    context: RequestCommandContext,
  ): Promise<string | null> {
    // About the input, not about what the municipality knows: refused before anything counts.
    if (!isValidBsn(bsn)) throw new RuleViolation('Het BSN is geen geldig BSN (elfproef).');
    return this.bsnOpvragingen.lookUp(
      {
        principal: context.principal,
        praktijkId: door.praktijkId!, // checked by authorize before this runs
        correlationId: context.correlationId,
      },
      () => {
        const persoonId = this.consultaties.persoonMetBsn(bsn);
        return persoonId === null
          ? null
          : { persoonId, gezinIds: this.gezinnen.gezinnenVanPersoon(persoonId) };
      },
    );
  }

  private inhoud(body: ConsultatieInhoudDto): ConsultatieInhoud {
    return {
      datum: body.datum,
      leeftijdsgroep: body.leeftijdsgroep,
      onderwerpen: body.onderwerpen,
      toelichting: body.toelichting ?? null,
      aantalContacten: body.aantalContacten,
      uitkomst: body.uitkomst,
      vervolgdatum: body.vervolgdatum ?? null,
      toestemming: body.toestemming,
    };
  }
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
    // Random, so that it says nothing about the consultation, its id or its order.
    const recordKey = newRecordKey();
    return this.path.withInhoud(
      consultatieId,
      body,
      door,
      (inhoud, persoonMetBsn) => ({
        type: 'LogConsultatie',
        door,
        consultatieId,
        praktijkId: body.praktijkId,
        inhoud,
        herleidbaar: herleidbaar(body),
        persoonMetBsn,
        recordKey,
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
      door,
      (inhoud, persoonMetBsn) => ({
        type: 'CorrectConsultatie',
        door,
        inhoud,
        herleidbaar: herleidbaar(body),
        persoonMetBsn,
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

@CommandHandler(DecideConsultatieLinkCommand)
export class DecideConsultatieLinkHandler implements ICommandHandler<DecideConsultatieLinkCommand> {
  constructor(private readonly path: ConsultatieCommandPath) {}

  async execute({
    consultatieId,
    besluit,
    context,
  }: DecideConsultatieLinkCommand): Promise<Result> {
    const door = await this.path.beoordelaar(consultatieId, context);
    return this.path.withoutInhoud(
      consultatieId,
      besluit.type === 'bevestigen'
        ? { type: 'ConfirmConsultatieLink', door }
        : { type: 'RejectConsultatieLink', door, reden: besluit.reden },
      context,
    );
  }
}

export const CONSULTATIE_COMMAND_HANDLERS = [
  ConsultatieCommandPath,
  LogConsultatieHandler,
  CorrectConsultatieHandler,
  WithdrawConsultatieHandler,
  DecideConsultatieLinkHandler,
];
