import { Injectable } from '@nestjs/common';
import {
  DecideVerwijderverzoek,
  Dossier,
  VerwijderverzoekState,
  bewaartermijnDecider,
  bewaartermijnStreamId,
  gezinDecider,
  gezinStreamId,
  persoonDecider,
  persoonStreamId,
  sleutelId,
  verwijderverzoekDecider,
  verwijderverzoekStreamId,
} from '@app/domain';
import {
  CommandContext,
  CommandResult,
  DeciderStore,
  EventStore,
  VerlopenDossier,
  VersleutelendeEventStore,
  verlopenDossiers,
} from '@app/event-store';
import { Shredder } from '@app/projections';

/** The retention job writes as the system, under the application managers' role. */
const RETENTIE: CommandContext = {
  actor: { userId: 'retentie', role: 'beheer' },
  correlationId: 'retentie',
  causationId: null,
};

/**
 * Erasure (ADR 0015): a request's decision goes through the one command path; granted, the file's
 * key is destroyed and the read models are rebuilt before the answer, so the client that got 201
 * reads "gegevens verwijderd". Used by the API and the CLI (`erase`, `retention`).
 */
@Injectable()
export class VerwijderingCommands {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly store: EventStore,
    private readonly shredder: Shredder,
  ) {}

  async decide(
    command: Omit<DecideVerwijderverzoek, 'type' | 'dossierBekend' | 'alVerwijderd'>,
    context: CommandContext,
  ): Promise<CommandResult<VerwijderverzoekState>> {
    const stand = await this.encrypted().keys.find(sleutelId(command.dossier));
    const result = await this.deciders.handle(
      verwijderverzoekStreamId(command.verzoekId),
      verwijderverzoekDecider,
      {
        ...command,
        type: 'DecideVerwijderverzoek',
        dossierBekend: await this.bekend(command.dossier),
        alVerwijderd: stand.stand === 'vernietigd',
      },
      context,
    );
    // Also on a retry (no new event): a crash between the grant and the shredding is made good.
    if (command.besluit.soort === 'toegewezen') {
      await this.shredder.shred([command.dossier], this.deciders.now());
    }
    return result;
  }

  /** The files past the retention term; unless `dryRun`, each is recorded as expired and shredded. */
  async retentie(termijnJaren: number, dryRun: boolean): Promise<VerlopenDossier[]> {
    const now = this.deciders.now();
    const verlopen = await verlopenDossiers(this.encrypted(), termijnJaren, now);
    if (dryRun || verlopen.length === 0) return verlopen;
    for (const { dossier, laatsteWijziging } of verlopen) {
      await this.deciders.handle(
        bewaartermijnStreamId(dossier),
        bewaartermijnDecider,
        { type: 'ExpireBewaartermijn', dossier, laatsteWijziging, termijnJaren },
        RETENTIE,
      );
    }
    await this.shredder.shred(
      verlopen.map((v) => v.dossier),
      now,
    );
    return verlopen;
  }

  private async bekend(dossier: Dossier): Promise<boolean> {
    if (dossier.soort === 'persoon') {
      return (await this.deciders.load(persoonStreamId(dossier.id), persoonDecider)).state
        .registered;
    }
    if (dossier.soort === 'gezin') {
      return (await this.deciders.load(gezinStreamId(dossier.id), gezinDecider)).state.registered;
    }
    return false;
  }

  private encrypted(): VersleutelendeEventStore {
    if (!(this.store instanceof VersleutelendeEventStore)) {
      throw new Error('erasure needs the encrypting event store (createEventStore)');
    }
    return this.store;
  }
}
