import { perspectiefgesprekUiterlijk, zestienEnHalf } from '@app/domain';
import { GepubliceerdAandeel } from '../consultatie-cijfers';
import { ONDERDRUKKING_DEFINITIE, Onderdrukking, Onderdrukt, Telling } from '../disclosure';
import { activePeriod, compareText } from '../intervals';
import { periodeVan, periodesTussen } from '../periods';
import {
  MonitoringDataset,
  ToewijzingFeit,
  VraagCache,
  antwoordPerVersie,
  recordsleutel,
  toewijzingenVan,
} from './dataset';
import {
  MonitoringFilter,
  MonitoringKop,
  MonitoringVraag,
  Tabel,
  WIJK_DEFINITIE,
  aanbiederNaam,
  geselecteerdeToewijzingen,
  kop,
  peildatum,
  selecteert,
  wijkenVan,
} from './selectie';

/**
 * Perspective conversations (a conversation about life after 18, due at 16.5 or at intake when
 * Jeugdwet care starts later) per provider and quarter, and requests for care after 18 (verlengde
 * jeugdhulp). Pure: the data set and the question are passed in.
 */
export const PERSPECTIEF_DEFINITIE = {
  versie: 'perspectief-2',
  wijk: WIJK_DEFINITIE,
  jeugdigen:
    'personen met een geboortedatum en minstens één Jeugdwet-toewijzing die het filter kiest, ' +
    'waarvan de eerste start (aanvang zorg, anders begindatum, over al hun Jeugdwet-toewijzingen, ' +
    'ook die het filter niet kiest, zoals in het dossier) op of voor de peildatum ligt',
  uiterlijk:
    'het gesprek is uiterlijk op de dag dat de jeugdige 16,5 wordt, of op de eerste start als die ' +
    'later ligt (instroomNa16EnHalf); wie bij de eerste start al 18 was telt niet; een jeugdige ' +
    'telt als die uiterlijke datum van van tot en met tot ligt, in het kwartaal van die datum',
  aanbieder:
    'de aanbieders van de gekozen Jeugdwet-toewijzingen die op de uiterlijke datum actief zijn ' +
    '(aanvang tot en met einde zorg, anders begin- en einddatum); met twee aanbieders telt een ' +
    'jeugdige bij elk, zonder bij "geen lopende zorg"; de totaalrij telt elke jeugdige eenmaal',
  lopend:
    'zorg die op de peildatum nog loopt geldt als actief op een uiterlijke datum na de peildatum',
  gesprekken:
    'alleen gesprekken op of voor de peildatum tellen; opTijd: een gesprek op of voor de ' +
    'uiterlijke datum; teLaat: het eerste gesprek na de uiterlijke datum; ontbreekt: geen gesprek ' +
    'en de uiterlijke datum ligt voor de peildatum; nogNietAanDeBeurt: geen gesprek en de ' +
    'uiterlijke datum ligt op of na de peildatum; samen zijn ze inScope; percentages over inScope',
  verlengdeJeugdhulp:
    'aanvragen met een datum van van tot en met tot, per kwartaal van de aanvraag, van personen in ' +
    'een gezin in de wijk van het filter (de andere filters gelden hier niet); toegekend, ' +
    'afgewezen of open naar het besluit zoals het in de gegevens staat',
  recordsleutels:
    'een jeugdige telt in een rij eenmaal, met de eigen recordsleutel; een aanvraag voor ' +
    'verlengde jeugdhulp met de recordsleutel van wie haar deed',
  onderdrukking: ONDERDRUKKING_DEFINITIE,
} as const;

export type Gespreksstatus = 'opTijd' | 'teLaat' | 'ontbreekt' | 'nogNietAanDeBeurt';
export type PerspectiefRijsoort = 'totaal' | 'aanbieder' | 'geen lopende zorg';

/** One youth in scope: internal, never published. */
export interface PerspectiefJeugdige {
  persoonId: string;
  uiterlijk: string;
  kwartaal: string;
  instroomNa16EnHalf: boolean;
  status: Gespreksstatus;
  /** Providers with active selected Jeugdwet care on the due date, sorted. */
  aanbiederIds: string[];
}

/** The youths of one row: each contributes their record key once. */
export interface PerspectiefTelling {
  inScope: Telling;
  instroomNa16EnHalf: Telling;
  opTijd: Telling;
  teLaat: Telling;
  ontbreekt: Telling;
  nogNietAanDeBeurt: Telling;
}

/** The requests of one quarter: each contributes the record key of the person who made it. */
export interface VerlengdeJeugdhulpTelling {
  aangevraagd: Telling;
  toegekend: Telling;
  afgewezen: Telling;
  open: Telling;
}

/** Raw counts with their cell keys: never published as such. */
export interface RuwePerspectief {
  jeugdigen: PerspectiefJeugdige[];
  /** Per quarter: the total, every provider met in any quarter, and "geen lopende zorg". */
  perKwartaal: {
    kwartaal: string;
    soort: PerspectiefRijsoort;
    aanbiederId: string | null;
    telling: PerspectiefTelling;
  }[];
  verlengdeJeugdhulp: ({ kwartaal: string } & VerlengdeJeugdhulpTelling)[];
}

export interface PerspectiefRij {
  kwartaal: string;
  soort: PerspectiefRijsoort;
  aanbiederId: string | null;
  /** The provider's name, or "totaal" / "geen lopende zorg". */
  aanbieder: string;
  inScope: number | null;
  instroomNa16EnHalf: number | null;
  opTijd: GepubliceerdAandeel;
  teLaat: GepubliceerdAandeel;
  ontbreekt: GepubliceerdAandeel;
  nogNietAanDeBeurt: number | null;
}

export interface PerspectiefCijfers extends MonitoringKop {
  definitie: typeof PERSPECTIEF_DEFINITIE;
  perKwartaal: PerspectiefRij[];
  verlengdeJeugdhulp: {
    kwartaal: string;
    aangevraagd: number | null;
    toegekend: number | null;
    afgewezen: number | null;
    open: number | null;
  }[];
  onderdrukt: Onderdrukt[];
}

const start = (t: ToewijzingFeit): string => t.zorgStart ?? t.begindatum;

function status(uiterlijk: string, gesprekken: readonly string[], peil: string): Gespreksstatus {
  const gehouden = gesprekken.filter((datum) => datum <= peil);
  if (gehouden.some((datum) => datum <= uiterlijk)) return 'opTijd';
  if (gehouden.length > 0) return 'teLaat';
  return uiterlijk < peil ? 'ontbreekt' : 'nogNietAanDeBeurt';
}

/** The providers whose assignment is active on the due date (running care counts after peil). */
function aanbiedersOp(toewijzingen: readonly ToewijzingFeit[], datum: string, peil: string) {
  const ids = new Set<string>();
  for (const t of toewijzingen) {
    const periode = activePeriod(t, peil);
    if (periode && periode.start <= datum && (datum <= periode.end || periode.running)) {
      ids.add(t.aanbiederId);
    }
  }
  return [...ids].sort(compareText);
}

function leegPerspectief(): PerspectiefTelling {
  return {
    inScope: new Telling(),
    instroomNa16EnHalf: new Telling(),
    opTijd: new Telling(),
    teLaat: new Telling(),
    ontbreekt: new Telling(),
    nogNietAanDeBeurt: new Telling(),
  };
}

/** Counts perspective conversations and verlengde jeugdhulp (see PERSPECTIEF_DEFINITIE). */
export function telPerspectief(d: MonitoringDataset, vraag: MonitoringVraag): RuwePerspectief {
  const peil = peildatum(vraag);
  const jeugdigen = [...jeugdigenPerPersoon(d, vraag, peil).values()]
    .filter((j): j is PerspectiefJeugdige => j !== null)
    .sort((a, b) => compareText(a.uiterlijk, b.uiterlijk) || compareText(a.persoonId, b.persoonId));

  const tellingen = new Map<string, PerspectiefTelling>();
  const tel = (sleutel: string, j: PerspectiefJeugdige) => {
    const telling = tellingen.get(sleutel) ?? leegPerspectief();
    const persoonssleutel = recordsleutel(d, j.persoonId);
    telling.inScope.telOp(persoonssleutel);
    if (j.instroomNa16EnHalf) telling.instroomNa16EnHalf.telOp(persoonssleutel);
    telling[j.status].telOp(persoonssleutel);
    tellingen.set(sleutel, telling);
  };
  const sleutel = (kwartaal: string, soort: PerspectiefRijsoort, aanbiederId: string | null) =>
    JSON.stringify([kwartaal, soort, aanbiederId]);
  const aanbieders = new Set<string>();
  for (const j of jeugdigen) {
    tel(sleutel(j.kwartaal, 'totaal', null), j);
    if (j.aanbiederIds.length === 0) tel(sleutel(j.kwartaal, 'geen lopende zorg', null), j);
    for (const id of j.aanbiederIds) {
      aanbieders.add(id);
      tel(sleutel(j.kwartaal, 'aanbieder', id), j);
    }
  }
  const aanbiedersGesorteerd = [...aanbieders]
    .map((id) => ({ id, naam: aanbiederNaam(d, id, peil) }))
    .sort((a, b) => compareText(a.naam, b.naam) || compareText(a.id, b.id));

  const kwartalen = periodesTussen(vraag.van, vraag.tot, 'kwartaal');
  const perKwartaal = kwartalen.flatMap((kwartaal) => {
    const rij = (soort: PerspectiefRijsoort, aanbiederId: string | null) => ({
      kwartaal,
      soort,
      aanbiederId,
      telling: tellingen.get(sleutel(kwartaal, soort, aanbiederId)) ?? leegPerspectief(),
    });
    return [
      rij('totaal', null),
      ...aanbiedersGesorteerd.map(({ id }) => rij('aanbieder', id)),
      rij('geen lopende zorg', null),
    ];
  });

  return { jeugdigen, perKwartaal, verlengdeJeugdhulp: telVerlengdeJeugdhulp(d, vraag) };
}

/**
 * Per person with a selected Jeugdwet assignment, the youth in scope of the question, or null when
 * they are not; per data set and question, redone after new facts for the persons they touched
 * (the due date and status of a youth depend on their own assignments, birth date,
 * conversations and families only).
 */
function jeugdigenPerPersoon(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  peil: string,
): ReadonlyMap<string, PerspectiefJeugdige | null> {
  const filter: MonitoringFilter = { ...vraag.filter, kader: 'jeugdwet' };
  const maak = (personen?: ReadonlySet<string>) => {
    const perPersoon = new Map<string, ToewijzingFeit[]>();
    const gekozen = personen
      ? [...personen].flatMap((p) => toewijzingenVan(d, p).filter(selecteert(d, filter, peil)))
      : geselecteerdeToewijzingen(d, filter, peil);
    for (const t of gekozen) {
      const lijst = perPersoon.get(t.persoonId);
      if (lijst) lijst.push(t);
      else perPersoon.set(t.persoonId, [t]);
    }
    const gesprekken = new Map<string, string[]>();
    for (const g of d.perspectiefgesprekken) {
      if (!perPersoon.has(g.persoonId)) continue;
      const lijst = gesprekken.get(g.persoonId);
      if (lijst) lijst.push(g.datum);
      else gesprekken.set(g.persoonId, [g.datum]);
    }
    // The due date follows from the first Jeugdwet care of all, as in the dossier: a filter on
    // provider or product chooses whom to count, not when the conversation was due.
    const eersteJeugdwetStart = new Map<string, string>();
    const alle = personen
      ? [...personen].flatMap((p) => toewijzingenVan(d, p))
      : d.toewijzingen.values();
    for (const t of alle) {
      if (t.wettelijkKader !== 'jeugdwet') continue;
      const eerder = eersteJeugdwetStart.get(t.persoonId);
      if (eerder === undefined || start(t) < eerder) eersteJeugdwetStart.set(t.persoonId, start(t));
    }
    const jeugdigen = new Map<string, PerspectiefJeugdige | null>();
    for (const [persoonId, toewijzingen] of perPersoon) {
      jeugdigen.set(
        persoonId,
        jeugdige(
          d,
          vraag,
          peil,
          persoonId,
          toewijzingen,
          eersteJeugdwetStart.get(persoonId)!,
          gesprekken.get(persoonId) ?? [],
        ),
      );
    }
    return jeugdigen;
  };
  return jeugdigenCache.bij(
    d,
    JSON.stringify([filter, vraag.van, vraag.tot, peil]),
    () => maak(),
    (oud, w) => {
      const bijgewerkt = new Map(oud);
      for (const p of w.personen) bijgewerkt.delete(p);
      for (const [p, j] of maak(w.personen)) bijgewerkt.set(p, j);
      return bijgewerkt;
    },
  );
}

const jeugdigenCache = new VraagCache<ReadonlyMap<string, PerspectiefJeugdige | null>>();

/** A person with selected Jeugdwet care as a youth in scope, or null (see PERSPECTIEF_DEFINITIE). */
function jeugdige(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
  peil: string,
  persoonId: string,
  toewijzingen: readonly ToewijzingFeit[],
  eersteStart: string,
  gesprekken: readonly string[],
): PerspectiefJeugdige | null {
  const geboortedatum = d.geboortedata.get(persoonId) ?? null;
  if (geboortedatum === null) return null;
  if (eersteStart > peil) return null;
  const uiterlijk = perspectiefgesprekUiterlijk(geboortedatum, eersteStart);
  if (uiterlijk === null || uiterlijk < vraag.van || uiterlijk > vraag.tot) return null;
  return {
    persoonId,
    uiterlijk,
    kwartaal: periodeVan(uiterlijk, 'kwartaal'),
    instroomNa16EnHalf: eersteStart > zestienEnHalf(geboortedatum),
    status: status(uiterlijk, gesprekken, peil),
    aanbiederIds: aanbiedersOp(toewijzingen, uiterlijk, peil),
  };
}

function telVerlengdeJeugdhulp(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
): RuwePerspectief['verlengdeJeugdhulp'] {
  const { wijk } = vraag.filter;
  const perKwartaal = new Map(
    periodesTussen(vraag.van, vraag.tot, 'kwartaal').map((kwartaal) => [
      kwartaal,
      {
        kwartaal,
        aangevraagd: new Telling(),
        toegekend: new Telling(),
        afgewezen: new Telling(),
        open: new Telling(),
      },
    ]),
  );
  for (const a of d.verlengdeJeugdhulp.values()) {
    if (a.datum < vraag.van || a.datum > vraag.tot) continue;
    if (wijk !== undefined && !wijkenVan(d, a.persoonId, peildatum(vraag)).has(wijk)) continue;
    const telling = perKwartaal.get(periodeVan(a.datum, 'kwartaal'))!;
    const persoonssleutel = recordsleutel(d, a.persoonId);
    telling.aangevraagd.telOp(persoonssleutel);
    telling[a.besluit ?? 'open'].telOp(persoonssleutel);
  }
  return [...perKwartaal.values()];
}

/** The perspective figures as published: counted, then put under disclosure control. */
export const perspectiefCijfers = antwoordPerVersie(berekenPerspectiefCijfers);

function berekenPerspectiefCijfers(
  d: MonitoringDataset,
  vraag: MonitoringVraag,
): PerspectiefCijfers {
  const ruw = telPerspectief(d, vraag);
  const peil = peildatum(vraag);
  const o = new Onderdrukking();
  const tabel = 'perKwartaal';
  return {
    // The conversations are about Jeugdwet care: the header says so, whatever was asked.
    ...kop(PERSPECTIEF_DEFINITIE.versie, {
      ...vraag,
      filter: { ...vraag.filter, kader: 'jeugdwet' },
    }),
    definitie: PERSPECTIEF_DEFINITIE,
    perKwartaal: ruw.perKwartaal.map(({ kwartaal, soort, aanbiederId, telling }) => {
      const aanbieder = aanbiederId === null ? soort : aanbiederNaam(d, aanbiederId, peil);
      const rij = `${kwartaal}, ${aanbieder}`;
      // A share of inScope from both published counts: withheld with either of them.
      const aandeel = (veld: 'opTijd' | 'teLaat' | 'ontbreekt'): GepubliceerdAandeel => ({
        aantal: o.aantal(telling[veld], { tabel, rij, veld: `${veld}.aantal` }),
        percentage: o.aandeel(telling[veld], telling.inScope, {
          tabel,
          rij,
          veld: `${veld}.percentage`,
        }),
      });
      return {
        kwartaal,
        soort,
        aanbiederId,
        aanbieder,
        inScope: o.aantal(telling.inScope, { tabel, rij, veld: 'inScope' }),
        instroomNa16EnHalf: o.aantal(telling.instroomNa16EnHalf, {
          tabel,
          rij,
          veld: 'instroomNa16EnHalf',
        }),
        opTijd: aandeel('opTijd'),
        teLaat: aandeel('teLaat'),
        ontbreekt: aandeel('ontbreekt'),
        nogNietAanDeBeurt: o.aantal(telling.nogNietAanDeBeurt, {
          tabel,
          rij,
          veld: 'nogNietAanDeBeurt',
        }),
      };
    }),
    verlengdeJeugdhulp: ruw.verlengdeJeugdhulp.map(({ kwartaal, ...telling }) => {
      const cel = (veld: keyof VerlengdeJeugdhulpTelling) =>
        o.aantal(telling[veld], { tabel: 'verlengdeJeugdhulp', rij: kwartaal, veld });
      return {
        kwartaal,
        aangevraagd: cel('aangevraagd'),
        toegekend: cel('toegekend'),
        afgewezen: cel('afgewezen'),
        open: cel('open'),
      };
    }),
    onderdrukt: o.onderdrukt,
  };
}

/** The per-provider-and-quarter table for CSV; the last column lists the withheld cells. */
export function perspectiefTabel(c: PerspectiefCijfers): Tabel {
  const kolommen = [
    'inScope',
    'instroomNa16EnHalf',
    'opTijd.aantal',
    'opTijd.percentage',
    'teLaat.aantal',
    'teLaat.percentage',
    'ontbreekt.aantal',
    'ontbreekt.percentage',
    'nogNietAanDeBeurt',
  ];
  return {
    kolommen: ['kwartaal', 'aanbieder', 'aanbiederId', ...kolommen, 'onderdrukt'],
    rijen: c.perKwartaal.map((rij) => {
      const waarden = [
        rij.inScope,
        rij.instroomNa16EnHalf,
        rij.opTijd.aantal,
        rij.opTijd.percentage,
        rij.teLaat.aantal,
        rij.teLaat.percentage,
        rij.ontbreekt.aantal,
        rij.ontbreekt.percentage,
        rij.nogNietAanDeBeurt,
      ];
      const onderdrukt = kolommen.filter((_, i) => waarden[i] === null).join(' ');
      return [rij.kwartaal, rij.aanbieder, rij.aanbiederId, ...waarden, onderdrukt];
    }),
  };
}
