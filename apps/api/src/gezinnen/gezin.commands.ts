import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  Door,
  GezinCommand,
  GezinState,
  NieuwLid,
  Persoonsgegevens,
  Rol,
  gezinDecider,
  gezinStreamId,
  kalenderdatum,
  persoonDecider,
  persoonStreamId,
  toegangVan,
} from '@app/domain';
import { CommandResult, DeciderStore } from '@app/event-store';
import { ToegangQueries } from '@app/projections';
import type { RequestCommandContext } from '../common/command-context';
import { newRecordKey } from '../common/record-key';
import { APP_CONFIG } from '../infrastructure/tokens';

type WithoutDoor<C> = C extends unknown ? Omit<C, 'door' | 'warmeOverdrachtDagen'> : never;
/**
 * A family command whose facts are all in the family stream, as a controller builds it; the
 * sender (`door`) is added from the token, the warm handover's days from the configuration.
 */
export type GezinCommandBody = WithoutDoor<
  Exclude<GezinCommand, { type: 'RegisterGezin' | 'AddGezinslid' | 'AddBekendGezinslid' }>
>;

/** A new person who joins a family: a person of their own, with their own stream. */
export interface NieuwePersoon {
  persoonId: string;
  rol: Rol;
  gegevens: Persoonsgegevens;
}

/** What a write answers: the family's new version (its ETag) and where the write landed. */
export type GezinWritten = Pick<CommandResult<GezinState>, 'revision' | 'position'>;

/** The sender of a command, from the token (never from the body). */
export const door = (context: RequestCommandContext): Door => ({
  userId: context.principal.userId,
  teamleider: context.principal.teamleider,
});

const alsLid = ({ persoonId, rol, gegevens }: NieuwePersoon): NieuwLid => ({
  persoonId,
  rol,
  geboortedatum: gegevens.geboortedatum,
  voornaam: gegevens.voornaam,
});

/**
 * The writes of the families slice: a family, its members (persons of their own), network,
 * contact person and plan. Each method fetches the facts its decider's rules need and sends the
 * command down the one command path (DeciderStore). If-Match on these routes is the family's
 * version.
 */
@Injectable()
export class GezinCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly toegang: ToegangQueries,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'warmeOverdrachtDagen'>,
  ) {}

  /** Any command whose facts are all in the family stream. */
  gezin(
    gezinId: string,
    body: GezinCommandBody,
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState>> {
    const { warmeOverdrachtDagen } = this.config;
    const command: GezinCommand =
      body.type === 'HandOverContactpersoon' || body.type === 'EndContactpersoon'
        ? { ...body, door: door(context), warmeOverdrachtDagen }
        : { ...body, door: door(context) };
    return this.deciders.handle(gezinStreamId(gezinId), gezinDecider, command, context);
  }

  /**
   * A family and its members, each a person of their own (a youth may live in two households).
   * The persons are written only once the family's rules passed, right before the family, so a
   * refused family leaves nothing; DeciderStore runs that once, however often it decides again.
   */
  register(
    gezinId: string,
    gezin: { naam: string; wijk: string | null; leden: NieuwePersoon[] },
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState>> {
    const command: GezinCommand = {
      type: 'RegisterGezin',
      door: door(context),
      gezinId,
      naam: gezin.naam,
      leden: gezin.leden.map(alsLid),
      vanaf: this.today(),
      wijk: gezin.wijk,
    };
    const writePersons = async (): Promise<void> => {
      for (const persoon of gezin.leden) await this.registerPersoon(persoon, context);
    };
    return this.deciders.handle(gezinStreamId(gezinId), gezinDecider, command, context, {
      beforeAppend: writePersons,
    });
  }

  /** A new person joins the family; like a registration, the person is written last. */
  addNieuwLid(
    gezinId: string,
    persoon: NieuwePersoon,
    vanaf: string | undefined,
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState>> {
    return this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      {
        type: 'AddGezinslid',
        door: door(context),
        lid: alsLid(persoon),
        vanaf: vanaf ?? this.today(),
      },
      context,
      { beforeAppend: () => this.registerPersoon(persoon, context) },
    );
  }

  /**
   * A person already known joins the family. The rule (only the contact person of a family they
   * are in now may add them) is the decider's; the facts come from the families' history and the
   * person's own stream.
   */
  async addBekendLid(
    gezinId: string,
    lid: { persoonId: string; rol: Rol },
    vanaf: string | undefined,
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState>> {
    const { persoonId, rol } = lid;
    const { toegang } = this.toegang.totPersoon(persoonId, context.principal.userId);
    const { state } = await this.deciders.load(persoonStreamId(persoonId), persoonDecider);
    const persoon = state.gegevens && {
      voornaam: state.gegevens.voornaam,
      geboortedatum: state.gegevens.geboortedatum,
    };
    return this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      {
        type: 'AddBekendGezinslid',
        door: door(context),
        persoonId,
        rol,
        vanaf: vanaf ?? this.today(),
        persoon,
        toegangTotPersoon: toegang,
      },
      context,
    );
  }

  /**
   * Corrects a member's data, in the person's own stream. The rule (whoever may change the
   * family, for a member of it) is the person decider's; the facts come from the family's
   * history. The answer carries the family's version, the ETag of the family the client reads.
   */
  async correctPersoon(
    gezinId: string,
    persoonId: string,
    correctie: { gegevens: Persoonsgegevens; reden: string },
    context: RequestCommandContext,
  ): Promise<GezinWritten> {
    const { state, revision } = await this.deciders.load(gezinStreamId(gezinId), gezinDecider);
    const lid = state.leden.find((l) => l.persoonId === persoonId);
    const result = await this.deciders.handle(
      persoonStreamId(persoonId),
      persoonDecider,
      {
        type: 'CorrectPersoonsgegevens',
        ...correctie,
        gezin: {
          toegang: toegangVan(state, context.principal.userId, this.today()),
          rol: lid?.rol ?? null,
        },
      },
      // The If-Match of the request is about the family, not this stream.
      { ...context, expectedRevision: undefined },
    );
    return { revision, position: result.position };
  }

  /** A new person's own stream; the If-Match of the request is about the family, not this one. */
  private async registerPersoon(
    { persoonId, gegevens }: NieuwePersoon,
    context: RequestCommandContext,
  ): Promise<void> {
    await this.deciders.handle(
      persoonStreamId(persoonId),
      persoonDecider,
      { type: 'RegisterPersoon', persoonId, gegevens, recordKey: newRecordKey() },
      { ...context, expectedRevision: undefined },
    );
  }

  private today(): string {
    return kalenderdatum(this.deciders.now());
  }
}
