import { Principal, ProcessingLog } from '@app/access';
import {
  NotAllowed,
  NotFound,
  REFERENTIEDATA_STREAM,
  ReeksRefused,
  ReferentiedataState,
  RuleViolation,
  ToewijzingState,
  ZorgCommand,
  IjwVerzoekenState,
  ZorgdossierState,
  ijwBerichtDecider,
  ijwBerichtStreamId,
  ijwVerzoekenDecider,
  ijwVerzoekenStreamId,
  persoonDecider,
  persoonStreamId,
  reeksDecider,
  referentiedataDecider,
  versieOp,
  verwijzerVanVerzoek,
  zorgdossierDecider,
  zorgdossierStreamId,
} from '@app/domain';
import {
  AppendResult,
  CommandBatch,
  ConflictError,
  DeciderStore,
  MAX_ATTEMPTS,
  WrongExpectedRevisionError,
  deterministicUuid,
} from '@app/event-store';
import type { ToegangQueries } from '@app/projections';
import {
  BERICHTSOORTEN,
  Berichtsoort,
  IjwBericht,
  StartProduct,
  StopProduct,
  ToegewezenProduct,
  berichtSleutel,
  klassePad,
} from './berichten';
import { Fout, leesBericht } from './lezen';

/**
 * What became of one message: `accepted` (its facts are written, or it waits on the worklist
 * "te koppelen" when its client is unknown), `duplicate` (read before, or its facts are already
 * there: nothing written), `refused` (why, and the element; nothing written).
 */
export interface BerichtUitkomst {
  /** Where the message came from (a file name, or its place in a request). */
  bron: string;
  soort: Berichtsoort | null;
  /** Kind, sender, identification and date of the message, when it could be read. */
  sleutel: string | null;
  uitkomst: 'accepted' | 'duplicate' | 'refused';
  reden: string | null;
  pad: string | null;
  /** The client's BSN matched nobody: the message waits for a contact person to link it. */
  teKoppelen: boolean;
  /** How many events the message wrote. */
  feiten: number;
  /** The log position of its last event, for a read that must see it (`minPosition`). */
  positie: string | null;
}

export interface ImportAfzender {
  principal: Principal;
  correlationId: string;
}

/** The role imports act under, in the events' envelope. */
export const KOPPELING_ROL = 'koppeling';

const kaderTekst = (soort: Berichtsoort) => BERICHTSOORTEN[soort].kader;

/** Messages written per transaction (one fsync for all of them). */
const PER_TRANSACTIE = 500;

/** An outcome before its batch is written: which append of the commit holds its events. */
interface Voorlopig {
  uitkomst: BerichtUitkomst;
  append: number | null;
}

/** Who a message's BSN is, and the log of the families that matching read. */
interface Koppeling {
  persoonMetBsn(bsn: string): string | null;
  /** A client was matched to this person: their families are logged as read. */
  gevonden(persoonId: string): void;
}

class Weigering extends Error {
  constructor(readonly fout: Fout) {
    super(fout.reden);
  }
}

/**
 * The import of iJw and iWmo messages: read and validate each, match its client by BSN, map its
 * product classes to the care commands of the person's dossier (ZorgCommand), and write them down
 * the one command path (DeciderStore), all of one message in one append. Used by the API
 * (`POST /import/ijw`) and the CLI (`ijw import`).
 */
export class IjwImport {
  constructor(
    private readonly deciders: DeciderStore,
    private readonly toegang: ToegangQueries,
    private readonly processingLog: ProcessingLog,
  ) {}

  /**
   * Imports messages in order. Matching a client by BSN is a read of the family's personal data:
   * the families matched are logged once per call, as one read by the sender.
   */
  async importeer(
    berichten: readonly { bron: string; xml: string }[],
    afzender: ImportAfzender,
    opVoortgang?: (klaar: number) => void,
  ): Promise<BerichtUitkomst[]> {
    const referentiedata = (await this.deciders.load(REFERENTIEDATA_STREAM, referentiedataDecider))
      .state;
    const gezinnen = new Set<string>();
    const uitkomsten: BerichtUitkomst[] = [];
    // A client has several messages in a call: each BSN and person is looked up once.
    const personen = new Map<string, string | null>();
    const gevonden = new Set<string>();
    const koppeling: Koppeling = {
      persoonMetBsn: (bsn) => {
        if (!personen.has(bsn)) personen.set(bsn, this.toegang.persoonMetBsn(bsn));
        return personen.get(bsn)!;
      },
      gevonden: (persoonId) => {
        if (gevonden.has(persoonId)) return;
        gevonden.add(persoonId);
        for (const gezinId of this.toegang.gezinnenVanPersoon(persoonId)) gezinnen.add(gezinId);
      },
    };
    for (let i = 0; i < berichten.length; i += PER_TRANSACTIE) {
      const partij = berichten.slice(i, i + PER_TRANSACTIE);
      uitkomsten.push(
        ...(await this.schrijfPartij((batch, eigen) =>
          sequentieel(partij, async ({ bron, xml }, n) => {
            const v = await this.bericht(
              bron,
              xml,
              afzender,
              referentiedata,
              koppeling,
              batch,
              eigen,
            );
            opVoortgang?.(i + n + 1);
            return v;
          }),
        )),
      );
    }
    await this.processingLog.recordRead({
      principal: afzender.principal,
      gezinIds: [...gezinnen],
      what: 'ijw-import: koppeling op BSN',
      correlationId: afzender.correlationId,
    });
    return uitkomsten;
  }

  /**
   * Decides the messages of `maak` in one batch, as if written one by one, and writes them in
   * one append. When someone else wrote one of its streams in between, the batch is decided
   * again from what is there now; a message whose events an earlier attempt did write (an
   * adapter without transactions across streams) is still reported as accepted.
   */
  private async schrijfPartij(
    maak: (batch: CommandBatch, eigen: ReadonlySet<string>) => Promise<Voorlopig[]>,
  ): Promise<BerichtUitkomst[]> {
    const eigen = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      const batch = this.deciders.batch();
      const voorlopig = await maak(batch, eigen);
      let results: AppendResult[];
      try {
        results = await batch.commit();
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new ConflictError('busy', null);
        for (const id of batch.queuedIds()) eigen.add(id);
        continue;
      }
      return voorlopig.map(({ uitkomst, append }) =>
        append === null ? uitkomst : { ...uitkomst, positie: results[append]!.position.toString() },
      );
    }
  }

  /**
   * A contact person links a parked message to a person of a family they write (the rule is the
   * decider's), and its facts are then applied to that person's dossier: the same reading and
   * mapping as an import. The link stays when applying is refused; the outcome says why.
   */
  async koppel(
    berichtId: string,
    persoonId: string,
    bsnVanPersoon: string | null,
    afzender: ImportAfzender,
  ): Promise<{ position: bigint | null; toegepast: BerichtUitkomst }> {
    const { toegang } = this.toegang.totPersoon(persoonId, afzender.principal.userId);
    const gekoppeld = await this.deciders.handle(
      ijwBerichtStreamId(berichtId),
      ijwBerichtDecider,
      {
        type: 'LinkIjwBericht',
        persoonId,
        toegang,
        bsnVanPersoon,
        door: afzender.principal.userId,
      },
      {
        actor: { userId: afzender.principal.userId, role: 'contactpersoon' },
        correlationId: afzender.correlationId,
        causationId: afzender.correlationId,
      },
    );
    const referentiedata = (await this.deciders.load(REFERENTIEDATA_STREAM, referentiedataDecider))
      .state;
    const [toegepast] = await this.schrijfPartij(async (batch, eigen) => [
      await this.bericht(
        'gekoppeld bericht',
        gekoppeld.state.geparkeerd!.xml,
        afzender,
        referentiedata,
        // The contact person chose the person: no match by BSN, nothing to log for it.
        { persoonMetBsn: () => persoonId, gevonden: () => undefined },
        batch,
        eigen,
      ),
    ]);
    return { position: gekoppeld.position, toegepast: toegepast! };
  }

  private async bericht(
    bron: string,
    xml: string,
    afzender: ImportAfzender,
    referentiedata: ReferentiedataState,
    koppeling: Koppeling,
    batch: CommandBatch,
    eigen: ReadonlySet<string>,
  ): Promise<Voorlopig> {
    const gelezen = leesBericht(xml);
    const uitkomst = (
      soort: Berichtsoort | null,
      sleutel: string | null,
      rest: Partial<BerichtUitkomst> & Pick<BerichtUitkomst, 'uitkomst'>,
      append: number | null = null,
    ): Voorlopig => ({
      uitkomst: {
        bron,
        soort,
        sleutel,
        reden: null,
        pad: null,
        teKoppelen: false,
        feiten: 0,
        positie: null,
        ...rest,
      },
      append,
    });
    if (!gelezen.ok) {
      const sleutel =
        gelezen.soort && gelezen.header?.BerichtIdentificatie
          ? berichtSleutel({ soort: gelezen.soort, header: gelezen.header })
          : null;
      return uitkomst(gelezen.soort, sleutel, { uitkomst: 'refused', ...gelezen.fout });
    }
    const bericht = gelezen.bericht;
    const sleutel = berichtSleutel(bericht);
    const berichtId = deterministicUuid(`ijw-bericht:${sleutel}`);
    const context = {
      actor: { userId: afzender.principal.userId, role: KOPPELING_ROL },
      correlationId: afzender.correlationId,
      // Every event of a message names the message: a second import finds them and writes nothing.
      causationId: sleutel,
    };
    /** The events of this message that an earlier attempt of this call wrote to the stream. */
    const eerderGeschreven = async (streamId: string, teKoppelen = false) => {
      const van = (await batch.events(streamId)).filter(
        (e) => e.causationId === sleutel && eigen.has(e.id),
      );
      return van.length === 0
        ? null
        : uitkomst(bericht.soort, sleutel, {
            uitkomst: 'accepted',
            teKoppelen,
            feiten: van.length,
            positie: van[van.length - 1]!.position?.toString() ?? null,
          });
    };

    const persoonId = koppeling.persoonMetBsn(bericht.bsn);
    if (persoonId === null) {
      const eerder = await eerderGeschreven(ijwBerichtStreamId(berichtId), true);
      if (eerder) return eerder;
      const result = await batch.handle(
        ijwBerichtStreamId(berichtId),
        ijwBerichtDecider,
        {
          type: 'ParkIjwBericht',
          berichtId,
          sleutel,
          soort: bericht.soort,
          ontvangenOp: this.deciders.now().toISOString(),
          bsn: bericht.bsn,
          naam: bericht.naam,
          geboortedatum: bericht.geboortedatum,
          xml,
        },
        context,
      );
      return uitkomst(
        bericht.soort,
        sleutel,
        {
          uitkomst: result.events === 0 ? 'duplicate' : 'accepted',
          teKoppelen: true,
          feiten: result.events,
        },
        result.append,
      );
    }
    koppeling.gevonden(persoonId);

    if (bericht.inhoud === 'verzoek-om-toewijzing') {
      const eerder = await eerderGeschreven(ijwVerzoekenStreamId(persoonId));
      if (eerder) return eerder;
      const result = await batch.handle(
        ijwVerzoekenStreamId(persoonId),
        ijwVerzoekenDecider,
        {
          type: 'RecordIjwVerzoek',
          berichtId,
          sleutel,
          soort: bericht.soort,
          persoonId,
          aanbiederId: bericht.header.Afzender,
          ontvangenOp: bericht.header.BerichtIdentificatie.Dagtekening,
          producten: bericht.producten.map((p) => ({
            referentie: p.ReferentieAanbieder,
            productcode: p.Product?.Code ?? null,
            ingangsdatum: p.ToewijzingIngangsdatum,
            einddatum: p.ToewijzingEinddatum ?? null,
            verwijzer: { type: p.Verwijzer.Type, naam: p.Verwijzer.Naam ?? null },
          })),
        },
        context,
      );
      return uitkomst(
        bericht.soort,
        sleutel,
        { uitkomst: result.events === 0 ? 'duplicate' : 'accepted', feiten: result.events },
        result.append,
      );
    }

    const streamId = zorgdossierStreamId(persoonId);
    const eerder = await eerderGeschreven(streamId);
    if (eerder) return eerder;
    if ((await batch.events(streamId)).some((event) => event.causationId === sleutel)) {
      return uitkomst(bericht.soort, sleutel, { uitkomst: 'duplicate' });
    }
    const dossier = (await batch.load(streamId, zorgdossierDecider)).state;
    // No care fact lies before the person's birth (the decider's rule); the person's stream knows it.
    const { state: persoon } = await batch.load(persoonStreamId(persoonId), persoonDecider);
    const basis = {
      persoonId,
      toegang: 'schrijven' as const,
      geboortedatum: persoon.gegevens?.geboortedatum ?? null,
    };
    // An assignment names its referrer through the provider's request it answers (JW315).
    const verzoeken =
      bericht.inhoud === 'toewijzing'
        ? (await batch.load(ijwVerzoekenStreamId(persoonId), ijwVerzoekenDecider)).state
        : null;
    let commands: (ZorgCommand | null)[];
    try {
      commands = naarCommands(bericht, basis, dossier, verzoeken, referentiedata);
    } catch (error) {
      if (error instanceof Weigering) {
        return uitkomst(bericht.soort, sleutel, { uitkomst: 'refused', ...error.fout });
      }
      throw error;
    }
    const teSchrijven = commands.filter((c): c is ZorgCommand => c !== null);
    if (teSchrijven.length === 0) {
      return uitkomst(bericht.soort, sleutel, { uitkomst: 'duplicate' });
    }
    try {
      const result = await batch.handle(
        streamId,
        reeksDecider(zorgdossierDecider),
        { type: 'Reeks', commands: teSchrijven },
        context,
      );
      return uitkomst(
        bericht.soort,
        sleutel,
        { uitkomst: 'accepted', feiten: result.events },
        result.append,
      );
    } catch (error) {
      if (error instanceof ReeksRefused && isRefusal(error.cause)) {
        // The index counts only the commands written; find its product class.
        const klasse = commands.indexOf(teSchrijven[error.index]!);
        return uitkomst(bericht.soort, sleutel, {
          uitkomst: 'refused',
          reden: error.message,
          pad: klassePad(bericht.inhoud, klasse),
        });
      }
      throw error;
    }
  }
}

/** The facts every care command of a message carries: the person, the access, the birth date. */
type Basis = { persoonId: string; toegang: 'schrijven'; geboortedatum: string | null };
/** One after the other: each message is decided against what the ones before it left. */
async function sequentieel<T, R>(
  lijst: readonly T[],
  f: (x: T, index: number) => Promise<R>,
): Promise<R[]> {
  const uit: R[] = [];
  for (const [index, x] of lijst.entries()) uit.push(await f(x, index));
  return uit;
}

const isRefusal = (error: unknown): boolean =>
  error instanceof RuleViolation || error instanceof NotFound || error instanceof NotAllowed;

/**
 * The care commands of a message's product classes, one per class; null for a class whose fact
 * is already in the dossier. The import writes for the municipality's message traffic (Jeugdwet
 * 7.4.0): its sender, with the role `koppeling`, writes the dossier of every person it matched.
 */
function naarCommands(
  bericht: IjwBericht,
  basis: Basis,
  dossier: ZorgdossierState,
  verzoeken: IjwVerzoekenState | null,
  referentiedata: ReferentiedataState,
): (ZorgCommand | null)[] {
  const weiger = (index: number, element: string | undefined, reden: string): never => {
    throw new Weigering({ reden, pad: klassePad(bericht.inhoud, index, element) });
  };
  /** The assignment with this number whose period holds `datum`, else the latest. */
  const toewijzing = (nummer: string, datum: string, index: number): ToewijzingState => {
    const kandidaten = Object.values(dossier.toewijzingen)
      .filter((t) => t.toewijzingsnummer === nummer)
      .sort((a, b) => a.begindatum.localeCompare(b.begindatum));
    const t =
      kandidaten.find((k) => k.begindatum <= datum && datum <= k.einddatum) ??
      kandidaten[kandidaten.length - 1];
    return (
      t ??
      weiger(
        index,
        'ToewijzingNummer',
        `er is geen toewijzing ${nummer} voor deze cliënt; de toewijzing (JW301) komt eerst`,
      )
    );
  };

  switch (bericht.inhoud) {
    case 'toewijzing':
      return bericht.producten.map((p, i) =>
        toewijzingCommand(bericht, p, i, basis, dossier, verzoeken, referentiedata, weiger),
      );
    case 'start':
      return bericht.producten.map((p: StartProduct, i) => {
        const t = toewijzing(p.ToewijzingNummer, p.Begindatum, i);
        if (p.StatusAanlevering === '1') {
          if (t.zorgStart === p.Begindatum) return null;
          return { ...basis, type: 'StartZorg', toewijzingId: t.toewijzingId, datum: p.Begindatum };
        }
        if (t.zorgStart !== p.Begindatum) {
          weiger(i, 'Begindatum', `er is geen start op ${p.Begindatum} om te verwijderen`);
        }
        return {
          ...basis,
          type: 'CorrectZorgStart',
          toewijzingId: t.toewijzingId,
          datum: null,
          reden: `${bericht.soort} verwijderd (StatusAanlevering 3)`,
        };
      });
    case 'stop':
      return bericht.producten.map((p: StopProduct, i) => {
        const t = toewijzing(p.ToewijzingNummer, p.Begindatum, i);
        const reden = p.RedenBeeindiging as NonNullable<ToewijzingState['zorgStop']>['reden'];
        const zelfde = t.zorgStop?.datum === p.Einddatum && t.zorgStop.reden === reden;
        if (p.StatusAanlevering === '1') {
          if (zelfde) return null;
          // The logical key of a stop holds the start it ends (TR069).
          if (t.zorgStart !== p.Begindatum) {
            weiger(i, 'Begindatum', `er is geen actuele start op ${p.Begindatum} om te stoppen`);
          }
          return {
            ...basis,
            type: 'StopZorg',
            toewijzingId: t.toewijzingId,
            datum: p.Einddatum,
            reden,
          };
        }
        if (!zelfde) {
          weiger(
            i,
            'Einddatum',
            `er is geen stop op ${p.Einddatum} met deze reden om te verwijderen`,
          );
        }
        return {
          ...basis,
          type: 'CorrectZorgStop',
          toewijzingId: t.toewijzingId,
          stop: null,
          reden: `${bericht.soort} verwijderd (StatusAanlevering 3)`,
        };
      });
    case 'verzoek-om-wijziging':
      // A change request asking for a later end date is a request for an extension.
      return bericht.producten.map((p, i) => {
        const t = toewijzing(p.ToewijzingNummer, p.GewensteIngangsdatum, i);
        if (p.Einddatum === undefined || p.Einddatum <= t.einddatum) {
          return weiger(
            i,
            'Einddatum',
            `alleen een verzoek om verlenging (een einddatum na ${t.einddatum}) wordt ingelezen`,
          );
        }
        const verlengingId = deterministicUuid(`ijw-verlenging:${t.toewijzingId}:${p.Einddatum}`);
        if (dossier.verlengingen[verlengingId]) return null;
        return {
          ...basis,
          type: 'RequestVerlenging',
          verlengingId,
          toewijzingId: t.toewijzingId,
          aangevraagdOp: bericht.header.BerichtIdentificatie.Dagtekening,
          aanvrager: `aanbieder ${bericht.header.Afzender}`,
          reden: `${bericht.soort} verzoek om wijziging (reden verzoek ${bericht.redenVerzoek})`,
          gevraagdTot: p.Einddatum,
        };
      });
    case 'verzoek-om-toewijzing':
      return [];
  }
}

function toewijzingCommand(
  bericht: IjwBericht & { inhoud: 'toewijzing' },
  p: ToegewezenProduct,
  i: number,
  basis: Basis,
  dossier: ZorgdossierState,
  verzoeken: IjwVerzoekenState | null,
  referentiedata: ReferentiedataState,
  weiger: (index: number, element: string | undefined, reden: string) => never,
): ZorgCommand | null {
  const productcode =
    p.Product?.Code ??
    weiger(
      i,
      'Product',
      'een toewijzing zonder productcode (alleen een categorie of budget) wordt nog niet ingelezen',
    );
  const einddatum =
    p.Einddatum ??
    weiger(i, 'Einddatum', 'een toewijzing zonder einddatum wordt nog niet ingelezen');
  const gemeente = bericht.header.Afzender;
  const toewijzingId = deterministicUuid(
    `ijw-toewijzing:${gemeente}:${bericht.bsn}:${p.ToewijzingNummer}`,
  );
  const eerder = dossier.toewijzingen[toewijzingId];
  if (!eerder) {
    return {
      ...basis,
      type: 'RegisterToewijzing',
      toewijzingId,
      wettelijkKader: kaderTekst(bericht.soort),
      productcode,
      product: versieOp(referentiedata.producten[productcode], p.Ingangsdatum),
      aanbiederId: bericht.header.Ontvanger,
      aanbieder: versieOp(referentiedata.aanbieders[bericht.header.Ontvanger], p.Ingangsdatum),
      // The referrer of the request this assignment answers; without one, the municipality referred.
      verwijzer: (verzoeken &&
        verwijzerVanVerzoek(verzoeken, bericht.header.Ontvanger, p.ReferentieAanbieder)) ?? {
        type: '01',
        naam: null,
      },
      toewijzingsnummer: p.ToewijzingNummer,
      begindatum: p.Ingangsdatum,
      einddatum,
      omvang: p.Omvang
        ? {
            hoeveelheid: Number(p.Omvang.Volume),
            eenheid: p.Omvang.Eenheid,
            frequentie: p.Omvang.Frequentie,
          }
        : null,
    };
  }
  // The same number again: each JW301 holds every assignment valid from its date.
  const keten = Object.values(dossier.toewijzingen)
    .filter((t) => t.toewijzingsnummer === p.ToewijzingNummer)
    .sort((a, b) => a.einddatum.localeCompare(b.einddatum));
  const laatste = keten[keten.length - 1]!;
  if (
    eerder.productcode === productcode &&
    eerder.begindatum === p.Ingangsdatum &&
    laatste.einddatum === einddatum
  ) {
    return null;
  }
  if (
    p.RedenWijziging === '04' &&
    einddatum > laatste.einddatum &&
    eerder.begindatum === p.Ingangsdatum
  ) {
    // An extension (herbeoordeling: verlenging): legally a new assignment from the day after.
    const open = Object.values(dossier.verlengingen).find(
      (v) => v.toewijzingId === laatste.toewijzingId && v.besluit === null,
    );
    if (open) {
      return {
        ...basis,
        type: 'DecideVerlenging',
        verlengingId: open.verlengingId,
        besluit: 'toegekend',
        besluitdatum: p.Toewijzingsdatum,
        toelichting: null,
        alternatieven: [],
        nieuweToewijzing: {
          toewijzingId: deterministicUuid(
            `ijw-toewijzing:${gemeente}:${bericht.bsn}:${p.ToewijzingNummer}:${einddatum}`,
          ),
          toewijzingsnummer: p.ToewijzingNummer,
        },
      };
    }
    return weiger(
      i,
      'RedenWijziging',
      'een verlenging zonder verzoek (JW317) wordt nog niet ingelezen; stuur eerst het verzoek',
    );
  }
  return weiger(
    i,
    'RedenWijziging',
    `een wijziging van toewijzing ${p.ToewijzingNummer} (reden ${p.RedenWijziging ?? 'geen'}) wordt nog niet ingelezen`,
  );
}
