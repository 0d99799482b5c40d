import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  Door,
  GezinCommand,
  GezinState,
  NieuwLid,
  PersoonCommand,
  PersoonState,
  Persoonsgegevens,
  Rol,
  gezinDecider,
  gezinStreamId,
  herkenPersoon,
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

/** A decision on a recognised membership (ADR 0016); a rejection says why. */
export type HerkenningBesluit = { type: 'bevestigen' } | { type: 'afwijzen'; reden: string };

/** A new person who joins a family: a person of their own, with their own stream. */
export interface NieuwePersoon {
  persoonId: string;
  rol: Rol;
  gegevens: Persoonsgegevens;
}

/** A family's new members as written: each the known person they are, or a new one. */
export interface Leden {
  /** The person id of each member, in the order sent: a new id, or the known person's. */
  persoonIds: string[];
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
  bsn: gegevens.bsn,
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
   * A member with exactly a known person's BSN, names and birth date is that person (ADR 0016).
   * The persons are written only once the family's rules passed, right before the family, so a
   * refused family leaves nothing; DeciderStore runs that once, however often it decides again.
   */
  async register(
    gezinId: string,
    gezin: { naam: string; wijk: string | null; leden: NieuwePersoon[] },
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState> & Leden> {
    const leden = await Promise.all(gezin.leden.map((persoon) => this.herken(persoon)));
    const command: GezinCommand = {
      type: 'RegisterGezin',
      door: door(context),
      gezinId,
      naam: gezin.naam,
      leden: leden.map(alsLid),
      vanaf: this.today(),
      wijk: gezin.wijk,
    };
    const writePersons = async (): Promise<void> => {
      for (const persoon of leden) await this.writePersoon(persoon, gezinId, context);
    };
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      command,
      context,
      { beforeAppend: writePersons },
    );
    return { ...result, persoonIds: leden.map((l) => l.persoonId) };
  }

  /** A new person joins the family (or the known person they are); written last, as above. */
  async addNieuwLid(
    gezinId: string,
    nieuw: NieuwePersoon,
    vanaf: string | undefined,
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState> & Leden> {
    const persoon = await this.herken(nieuw);
    const result = await this.deciders.handle(
      gezinStreamId(gezinId),
      gezinDecider,
      {
        type: 'AddGezinslid',
        door: door(context),
        lid: alsLid(persoon),
        vanaf: vanaf ?? this.today(),
      },
      context,
      { beforeAppend: () => this.writePersoon(persoon, gezinId, context) },
    );
    return { ...result, persoonIds: [persoon.persoonId] };
  }

  /**
   * A person already known joins the family. The rule (only the contact person of a family they
   * are in now may add them) is the decider's; the facts come from the families' history and the
   * person's own stream. Access through a recognised membership not yet confirmed does not count
   * (ADR 0016): adding the person to another family must not open their care history.
   */
  async addBekendLid(
    gezinId: string,
    lid: { persoonId: string; rol: Rol },
    vanaf: string | undefined,
    context: RequestCommandContext,
  ): Promise<CommandResult<GezinState>> {
    const { persoonId, rol } = lid;
    const viaLeden = this.toegang.totPersoon(persoonId, context.principal.userId);
    const toegang = viaLeden.zorgVanaf === null ? viaLeden.toegang : 'geen';
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

  /**
   * A decision on a recognised membership (ADR 0016). The rule (a writer of another confirmed
   * family of the person, else a team lead; never through the family decided on) is the person
   * decider's; the facts come from the families' read model. The person's stream answers: its
   * version is not the family's, so If-Match does not apply.
   */
  decideHerkenning(
    persoonId: string,
    gezinId: string,
    besluit: HerkenningBesluit,
    context: RequestCommandContext,
  ): Promise<CommandResult<PersoonState>> {
    const { userId, teamleider } = context.principal;
    const beoordelaar = this.toegang.herkenningBeoordelaar(persoonId, userId, teamleider);
    const command: PersoonCommand =
      besluit.type === 'bevestigen'
        ? { type: 'ConfirmHerkenning', gezinId, door: beoordelaar }
        : { type: 'RejectHerkenning', gezinId, reden: besluit.reden, door: beoordelaar };
    return this.deciders.handle(persoonStreamId(persoonId), persoonDecider, command, {
      ...context,
      expectedRevision: undefined,
    });
  }

  /**
   * The member as the family will have them: the known person with exactly this BSN, these names
   * and this birth date (`herkenPersoon`), else the new person as sent. The candidates come from
   * the read models, their details from their own streams (an erased person matches no one).
   * Nothing of this reaches the caller but the id, which looks the same either way.
   */
  private async herken(persoon: NieuwePersoon): Promise<NieuwePersoon & { bekend: boolean }> {
    const { bsn } = persoon.gegevens;
    const kandidaten = bsn === null ? [] : this.toegang.personenMetBsn(bsn);
    const bekenden = await Promise.all(
      kandidaten.map(async (persoonId) => {
        const { state } = await this.deciders.load(persoonStreamId(persoonId), persoonDecider);
        return { persoonId, gegevens: state.gegevens };
      }),
    );
    const bekend = herkenPersoon(persoon.gegevens, bekenden);
    return bekend === null
      ? { ...persoon, bekend: false }
      : { ...persoon, persoonId: bekend, bekend: true };
  }

  /**
   * A new person's own stream, or for a known person the fact that this family found them there.
   * The If-Match of the request is about the family, not this stream.
   */
  private async writePersoon(
    { persoonId, gegevens, bekend }: NieuwePersoon & { bekend: boolean },
    gezinId: string,
    context: RequestCommandContext,
  ): Promise<void> {
    await this.deciders.handle(
      persoonStreamId(persoonId),
      persoonDecider,
      bekend
        ? { type: 'RecognisePersoon', gezinId }
        : { type: 'RegisterPersoon', persoonId, gegevens, recordKey: newRecordKey() },
      { ...context, expectedRevision: undefined },
    );
  }

  private today(): string {
    return kalenderdatum(this.deciders.now());
  }
}
