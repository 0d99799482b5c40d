import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  ConsultatieCommand,
  ConsultatieDoor,
  ConsultatieInhoud,
  ConsultatieState,
  HERLEIDBARE_GEGEVENS,
  KoppelingBeoordelaar,
  PraktijkRol,
  RecordBsnOpvraging,
  bsnOpvragingDecider,
  bsnOpvragingenStreamId,
  consultatieDecider,
  consultatieStreamId,
  uurVan,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import { ConsultatiesQueries, PraktijkenQueries, ToegangQueries } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';
import { newRecordKey } from '../common/record-key';
import { APP_CONFIG } from '../infrastructure/tokens';
import type {
  ConsultatieInhoudDto,
  CorrectConsultatieDto,
  LogConsultatieDto,
} from './dto/consultatie.dto';

/** A contact person confirms (`bevestigen`) or rejects (`afwijzen`) a consultation's link. */
export type KoppelingBesluit = { type: 'bevestigen' } | { type: 'afwijzen'; reden: string | null };

const UUR_MS = 60 * 60 * 1000;

/**
 * The writes on consultations. Each fetches the facts its decider's rules need (the practice the
 * sender works for; for a link decision, the families of the linked person the sender writes) and
 * sends the command down the one command path (DeciderStore), which reads the stream once.
 *
 * With consent, a BSN is looked up only once the request would otherwise be written (`resolve`:
 * after the practice check, a retry, If-Match and the rules): then the lookup is recorded through
 * its own decider (eleven-test, limit per user), and its answer, the known person, is used once.
 * The command carries that person's id, never the BSN, and the answer is the same whether or not
 * the BSN was known. Without consent nothing is looked up and the decider refuses anything
 * traceable.
 */
@Injectable()
export class ConsultatieCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly praktijken: PraktijkenQueries,
    private readonly consultaties: ConsultatiesQueries,
    private readonly toegang: ToegangQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'bsnOpvragingenPerUur'>,
  ) {}

  log(
    consultatieId: string,
    body: LogConsultatieDto,
    context: RequestCommandContext,
  ): Promise<CommandResult<ConsultatieState>> {
    const door = this.door(context);
    // Random, so that it says nothing about the consultation, its id or its order.
    const recordKey = newRecordKey();
    return this.withInhoud(consultatieId, body, door, context, (inhoud, persoonMetBsn) => ({
      type: 'LogConsultatie',
      door,
      consultatieId,
      praktijkId: body.praktijkId,
      inhoud,
      herleidbaar: herleidbaar(body),
      persoonMetBsn,
      recordKey,
    }));
  }

  correct(
    consultatieId: string,
    body: CorrectConsultatieDto,
    context: RequestCommandContext,
  ): Promise<CommandResult<ConsultatieState>> {
    const door = this.door(context);
    return this.withInhoud(consultatieId, body, door, context, (inhoud, persoonMetBsn) => ({
      type: 'CorrectConsultatie',
      door,
      inhoud,
      herleidbaar: herleidbaar(body),
      persoonMetBsn,
      reden: body.reden,
    }));
  }

  withdraw(
    consultatieId: string,
    reden: string,
    context: RequestCommandContext,
  ): Promise<CommandResult<ConsultatieState>> {
    const command = { type: 'WithdrawConsultatie', door: this.door(context), reden } as const;
    return this.send(consultatieId, command, context);
  }

  /**
   * A contact person's decision on a link. The facts are about the link as the read model shows
   * it, which is what the worklist showed; the decider refuses them (404) when the stream's link
   * is another one by now.
   */
  decideLink(
    consultatieId: string,
    besluit: KoppelingBesluit,
    context: RequestCommandContext,
  ): Promise<CommandResult<ConsultatieState>> {
    const { userId } = context.principal;
    const koppeling = this.consultaties.koppeling(consultatieId);
    const door: KoppelingBeoordelaar = {
      userId,
      koppeling,
      schrijfbareGezinnen:
        koppeling === null ? [] : this.toegang.schrijfbareGezinnen(userId, koppeling),
    };
    const command: ConsultatieCommand =
      besluit.type === 'bevestigen'
        ? { type: 'ConfirmConsultatieLink', door }
        : { type: 'RejectConsultatieLink', door, reden: besluit.reden };
    return this.send(consultatieId, command, context);
  }

  /** The sender, with the practice they work for now (the decider checks it is this one). */
  private door(context: RequestCommandContext): ConsultatieDoor {
    const { userId, actingRole } = context.principal;
    return {
      userId,
      rol: actingRole as PraktijkRol,
      praktijkId: this.praktijken.praktijkVan(userId),
    };
  }

  /** A command with content; `command` builds it for the person the BSN led to (or none). */
  private withInhoud(
    consultatieId: string,
    body: ConsultatieInhoudDto,
    door: ConsultatieDoor,
    context: RequestCommandContext,
    command: (inhoud: ConsultatieInhoud, persoonMetBsn: string | null) => ConsultatieCommand,
  ): Promise<CommandResult<ConsultatieState>> {
    const inhoud = inhoudVan(body);
    const { bsn } = body;
    if (!body.toestemming || typeof bsn !== 'string') {
      return this.send(consultatieId, command(inhoud, null), context);
    }
    return this.send(consultatieId, command(inhoud, null), context, async () =>
      command(inhoud, await this.lookUp(bsn, door, context)),
    );
  }

  private send(
    consultatieId: string,
    command: ConsultatieCommand,
    context: RequestCommandContext,
    resolve?: () => Promise<ConsultatieCommand>,
  ): Promise<CommandResult<ConsultatieState>> {
    return this.deciders.handle(
      consultatieStreamId(consultatieId),
      consultatieDecider,
      command,
      context,
      { resolve },
    );
  }

  /**
   * Records a BSN lookup in the user's stream of this clock hour and answers the known person the
   * BSN belongs to (null when none). The decider counts this hour's lookups from its stream and
   * those of the previous hour from the command; the person is looked up only once the lookup is
   * allowed.
   */
  private async lookUp(
    bsn: string,
    door: ConsultatieDoor,
    context: RequestCommandContext,
  ): Promise<string | null> {
    const { principal, actor, correlationId, causationId } = context;
    const now = this.deciders.now();
    const stream = (moment: Date) => bsnOpvragingenStreamId(principal.userId, uurVan(moment));
    const vorigUur = await this.deciders.load(
      stream(new Date(now.getTime() - UUR_MS)),
      bsnOpvragingDecider,
    );
    const command: RecordBsnOpvraging = {
      type: 'RecordBsnOpvraging',
      door: {
        userId: principal.userId,
        naam: principal.name,
        rol: actor.role,
        praktijkId: door.praktijkId,
      },
      bsn,
      perUur: this.config.bsnOpvragingenPerUur,
      vorigUur: vorigUur.state.momenten,
      gevonden: null,
    };
    let allowed: RecordBsnOpvraging | undefined;
    await this.deciders.handle(
      stream(now),
      bsnOpvragingDecider,
      command,
      // Neither the consultation's If-Match nor its Idempotency-Key: those are about another
      // stream. Without If-Match a lookup that loses a race is decided again on the new count.
      { actor, correlationId, causationId },
      { resolve: (given) => Promise.resolve((allowed = { ...given, gevonden: this.find(bsn) })) },
    );
    return allowed?.gevonden?.persoonId ?? null;
  }

  /** The known person with this BSN, and their families now. */
  private find(bsn: string): RecordBsnOpvraging['gevonden'] {
    const persoonId = this.toegang.persoonMetBsn(bsn);
    return persoonId === null
      ? null
      : { persoonId, gezinIds: this.toegang.gezinnenVanPersoon(persoonId) };
  }
}

function inhoudVan(body: ConsultatieInhoudDto): ConsultatieInhoud {
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

/** The identifying fields a request carried; they only ever decide whether it is refused. */
function herleidbaar(body: ConsultatieInhoudDto) {
  return HERLEIDBARE_GEGEVENS.filter((veld) => body[veld] !== undefined && body[veld] !== null);
}
