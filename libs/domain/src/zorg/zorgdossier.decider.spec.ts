import { NotAllowed, NotFound, RuleViolation } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import { ProductVersie } from './referentiedata';
import { Toegang } from '../toegang';
import { RegisterToewijzing, ZorgCommand, zorgdossierDecider } from './zorgdossier.decider';
import { ZorgEvent, ZorgdossierState } from './zorgdossier.events';

/**
 * Commands are sent by the contact person unless a test says otherwise (`toegang`), about a
 * person born on 2012-05-04 unless it says otherwise (`geboortedatum`).
 */
type Opdracht<C = ZorgCommand> = C extends unknown
  ? Omit<C, 'toegang' | 'geboortedatum'> & { toegang?: Toegang; geboortedatum?: string | null }
  : never;
const metDoor = (command: Opdracht): ZorgCommand => ({
  ...command,
  toegang: command.toegang ?? 'schrijven',
  geboortedatum: command.geboortedatum === undefined ? '2012-05-04' : command.geboortedatum,
});
const spec = deciderSpecification<Opdracht, ZorgEvent, ZorgdossierState>({
  initialState: zorgdossierDecider.initialState,
  evolve: zorgdossierDecider.evolve,
  decide: (command, state, now) => zorgdossierDecider.decide(metDoor(command), state, now),
});
const now = new Date('2026-03-01T10:00:00Z');
const p = 'p-sanne';

const ambulant: ProductVersie = {
  productcode: '45A48',
  wettelijkKader: 'jeugdwet',
  categorie: '45',
  omschrijving: 'Ambulante begeleiding',
  woonvorm: null,
  maxDuurMaanden: 6,
  cbsHulpvorm: '01',
  geldigVanaf: '2024-01-01',
  verblijf: false,
};
const aanbieder = { aanbiederId: '12345678', naam: 'Zorg BV', geldigVanaf: '2024-01-01' };

const register: Opdracht<RegisterToewijzing> = {
  type: 'RegisterToewijzing',
  persoonId: p,
  toewijzingId: 't-1',
  wettelijkKader: 'jeugdwet',
  productcode: '45A48',
  product: ambulant,
  aanbiederId: '12345678',
  aanbieder,
  verwijzer: { type: '02', naam: 'Huisarts De Linde' },
  toewijzingsnummer: 'TW-1',
  begindatum: '2025-09-01',
  einddatum: '2026-02-28',
  omvang: { hoeveelheid: 2, eenheid: 'uur', frequentie: 'week' },
};
const registered: ZorgEvent = {
  type: 'ToewijzingRegistered',
  data: {
    persoonId: p,
    toewijzingId: 't-1',
    wettelijkKader: 'jeugdwet',
    productcode: '45A48',
    productcategorie: '45',
    verblijf: false,
    aanbiederId: '12345678',
    aanbiederNaam: 'Zorg BV',
    verwijzer: { type: '02', naam: 'Huisarts De Linde' },
    toewijzingsnummer: 'TW-1',
    begindatum: '2025-09-01',
    einddatum: '2026-02-28',
    omvang: { hoeveelheid: 2, eenheid: 'uur', frequentie: 'week' },
    maxDuurMaanden: 6,
    verlengingVan: null,
  },
};
const started: ZorgEvent = {
  type: 'ZorgStarted',
  data: { persoonId: p, toewijzingId: 't-1', datum: '2025-09-08' },
};
type WithoutPersoon<C> = C extends unknown
  ? Omit<C, 'persoonId' | 'toegang' | 'geboortedatum'>
  : never;
const cmd = (c: WithoutPersoon<ZorgCommand>): Opdracht => ({ ...c, persoonId: p });

// A stay on a residential assignment, from 2025-10-01.
const residential: ZorgEvent = {
  type: 'ToewijzingRegistered',
  data: {
    ...(registered.data as object),
    toewijzingId: 't-v',
    productcode: '43A01',
    productcategorie: '43',
    verblijf: true,
  } as never,
};
const verblijf: ZorgEvent = {
  type: 'VerblijfStarted',
  data: {
    persoonId: p,
    verblijfId: 'vb-1',
    toewijzingId: 't-v',
    woonvorm: 'behandeld-wonen',
    startdatum: '2025-10-01',
    indicatieEinddatum: '2026-09-30',
    uitstroomperspectief: 'Terug naar huis met ambulante hulp',
  },
};

describe('zorgdossier decider', () => {
  describe('assignments (toewijzingen)', () => {
    it('registers an assignment with the product and provider as reference data knows them', () => {
      spec.given([]).when(register, now).then([registered]);
    });
    it('refuses an unknown product or provider, and an end before the start', () => {
      spec
        .given([])
        .when({ ...register, product: null }, now)
        .thenThrows(RuleViolation, /Product 45A48 is onbekend/);
      spec
        .given([])
        .when({ ...register, aanbieder: null }, now)
        .thenThrows(RuleViolation, /Aanbieder 12345678 is onbekend/);
      spec
        .given([])
        .when({ ...register, einddatum: '2025-08-31' }, now)
        .thenThrows(RuleViolation, /voor de begindatum/);
    });
    it("takes the law from the product, and refuses another law than the product's", () => {
      const schuldhulp: ProductVersie = {
        ...ambulant,
        productcode: 'SHV01',
        wettelijkKader: 'schuldhulpverlening',
        categorie: null,
        cbsHulpvorm: null,
      };
      const onderWgs = { ...register, productcode: 'SHV01', product: schuldhulp };
      const { wettelijkKader: _kader, ...zonderWet } = onderWgs;
      spec
        .given([])
        .when(zonderWet, now)
        .then([
          {
            type: 'ToewijzingRegistered',
            data: {
              ...registered.data,
              wettelijkKader: 'schuldhulpverlening',
              productcode: 'SHV01',
              productcategorie: null,
            },
          },
        ]);
      spec
        .given([])
        .when(onderWgs, now)
        .thenThrows(
          RuleViolation,
          /SHV01 valt onder de schuldhulpverlening, niet onder de jeugdwet/,
        );
    });
    it('refuses the same assignment twice', () => {
      spec
        .given([registered])
        .when(register, now)
        .thenThrows(RuleViolation, /bestaat al/);
    });
  });

  describe('care start and stop (JW305/JW307)', () => {
    it('starts care within the assignment, once', () => {
      spec
        .given([registered])
        .when(cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-09-08' }), now)
        .then([started]);
      spec
        .given([registered, started])
        .when(cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-09-09' }), now)
        .thenThrows(RuleViolation, /al gestart/);
      spec
        .given([registered])
        .when(cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-08-01' }), now)
        .thenThrows(RuleViolation, /binnen de toewijzing/);
      spec
        .given([registered])
        .when(cmd({ type: 'StartZorg', toewijzingId: 't-9', datum: '2025-09-08' }), now)
        .thenThrows(NotFound);
    });
    it('stops care with an iJW reason, not before the start, not in the future, not before it started', () => {
      spec
        .given([registered, started])
        .when(cmd({ type: 'StopZorg', toewijzingId: 't-1', datum: '2026-02-01', reden: '31' }), now)
        .then([
          {
            type: 'ZorgStopped',
            data: { persoonId: p, toewijzingId: 't-1', datum: '2026-02-01', reden: '31' },
          },
        ]);
      spec
        .given([registered, started])
        .when(cmd({ type: 'StopZorg', toewijzingId: 't-1', datum: '2025-09-01', reden: '31' }), now)
        .thenThrows(RuleViolation, /voor de start van de zorg/);
      spec
        .given([registered, started])
        .when(
          cmd({ type: 'StopZorg', toewijzingId: 't-1', datum: '2026-02-01', reden: '31' }),
          new Date('2026-01-15T10:00:00Z'),
        )
        .thenThrows(RuleViolation, /toekomst/);
      spec
        .given([registered])
        .when(cmd({ type: 'StopZorg', toewijzingId: 't-1', datum: '2026-02-01', reden: '31' }), now)
        .thenThrows(RuleViolation, /nog niet gestart/);
    });
    it('corrects a start or a stop, and deletes them in the right order', () => {
      const stopped: ZorgEvent = {
        type: 'ZorgStopped',
        data: { persoonId: p, toewijzingId: 't-1', datum: '2026-02-01', reden: '31' },
      };
      spec
        .given([registered, started])
        .when(
          cmd({
            type: 'CorrectZorgStart',
            toewijzingId: 't-1',
            datum: '2025-09-10',
            reden: 'Typefout',
          }),
          now,
        )
        .then([
          {
            type: 'ZorgStartCorrected',
            data: { persoonId: p, toewijzingId: 't-1', datum: '2025-09-10', reden: 'Typefout' },
          },
        ]);
      spec
        .given([registered, started, stopped])
        .when(cmd({ type: 'CorrectZorgStart', toewijzingId: 't-1', datum: null, reden: 'x' }), now)
        .thenThrows(RuleViolation, /Verwijder eerst de stop/);
      spec
        .given([registered, started, stopped])
        .when(
          cmd({ type: 'CorrectZorgStart', toewijzingId: 't-1', datum: '2026-02-15', reden: 'x' }),
          now,
        )
        .thenThrows(RuleViolation, /na de stop/);
      spec
        .given([registered, started, stopped])
        .when(
          cmd({ type: 'CorrectZorgStop', toewijzingId: 't-1', stop: null, reden: 'Ten onrechte' }),
          now,
        )
        .then([
          {
            type: 'ZorgStopCorrected',
            data: { persoonId: p, toewijzingId: 't-1', stop: null, reden: 'Ten onrechte' },
          },
        ]);
      spec
        .given([registered, started, stopped])
        .when(
          cmd({
            type: 'CorrectZorgStop',
            toewijzingId: 't-1',
            stop: { datum: '2025-09-01', reden: '31' },
            reden: 'x',
          }),
          now,
        )
        .thenThrows(RuleViolation, /voor de start/);
      spec
        .given([registered])
        .when(
          cmd({ type: 'CorrectZorgStart', toewijzingId: 't-1', datum: '2025-09-10', reden: 'x' }),
          now,
        )
        .thenThrows(RuleViolation, /geen start/);
      spec
        .given([registered, started])
        .when(cmd({ type: 'CorrectZorgStop', toewijzingId: 't-1', stop: null, reden: 'x' }), now)
        .thenThrows(RuleViolation, /geen stop/);
    });
  });

  describe('extensions (verlengingen)', () => {
    const request = (aangevraagdOp: string) =>
      cmd({
        type: 'RequestVerlenging',
        verlengingId: 'v-1',
        toewijzingId: 't-1',
        aangevraagdOp,
        aanvrager: 'Zorg BV',
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: '2026-08-31',
      });
    const requested = (telaat: boolean, aangevraagdOp: string): ZorgEvent => ({
      type: 'VerlengingRequested',
      data: {
        persoonId: p,
        verlengingId: 'v-1',
        toewijzingId: 't-1',
        aangevraagdOp,
        aanvrager: 'Zorg BV',
        reden: 'Doelen nog niet bereikt',
        gevraagdTot: '2026-08-31',
        telaat,
      },
    });
    const decide = (besluit: 'toegekend' | 'afgewezen', toelichting: string | null = null) =>
      cmd({
        type: 'DecideVerlenging',
        verlengingId: 'v-1',
        besluit,
        besluitdatum: '2026-02-20',
        toelichting,
        alternatieven: [],
        nieuweToewijzing: { toewijzingId: 't-2', toewijzingsnummer: 'TW-2' },
      });

    it('takes a request before the end as on time, and one after the end as late', () => {
      spec
        .given([registered])
        .when(request('2026-02-01'), now)
        .then([requested(false, '2026-02-01')]);
      spec
        .given([registered])
        .when(request('2026-02-28'), now)
        .then([requested(false, '2026-02-28')]);
      spec
        .given([registered])
        .when(request('2026-03-01'), now)
        .then([requested(true, '2026-03-01')]);
    });
    it('refuses a period that does not go past the current end, and a second open request', () => {
      spec
        .given([registered])
        .when(
          { ...(request('2026-02-01') as object), gevraagdTot: '2026-02-28' } as ZorgCommand,
          now,
        )
        .thenThrows(RuleViolation, /tot na de huidige einddatum/);
      spec
        .given([registered, requested(false, '2026-02-01')])
        .when({ ...(request('2026-02-02') as object), verlengingId: 'v-2' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /loopt al/);
    });
    it('grants: a new assignment of the same product from the day after, linked to the request', () => {
      spec
        .given([registered, requested(false, '2026-02-01')])
        .when(decide('toegekend'), now)
        .then([
          {
            type: 'VerlengingGranted',
            data: {
              persoonId: p,
              verlengingId: 'v-1',
              besluitdatum: '2026-02-20',
              nieuweToewijzingId: 't-2',
            },
          },
          {
            type: 'ToewijzingRegistered',
            data: {
              ...(registered.data as object),
              toewijzingId: 't-2',
              toewijzingsnummer: 'TW-2',
              begindatum: '2026-03-01',
              einddatum: '2026-08-31',
              verlengingVan: 'v-1',
            } as never,
          },
        ]);
    });
    it('refuses "nee, tenzij" only with an explanation, and with the alternatives', () => {
      spec
        .given([registered, requested(false, '2026-02-01')])
        .when(decide('afgewezen'), now)
        .thenThrows(RuleViolation, /toelichting/);
      spec
        .given([registered, requested(false, '2026-02-01')])
        .when(
          {
            ...(decide('afgewezen', 'Doelen haalbaar met lichtere hulp') as object),
            alternatieven: ['Ambulant via wijkteam'],
          } as ZorgCommand,
          now,
        )
        .then([
          {
            type: 'VerlengingRefused',
            data: {
              persoonId: p,
              verlengingId: 'v-1',
              besluitdatum: '2026-02-20',
              toelichting: 'Doelen haalbaar met lichtere hulp',
              alternatieven: ['Ambulant via wijkteam'],
            },
          },
        ]);
    });
    it('refuses deciding twice, and deciding an unknown request', () => {
      const granted: ZorgEvent = {
        type: 'VerlengingGranted',
        data: {
          persoonId: p,
          verlengingId: 'v-1',
          besluitdatum: '2026-02-20',
          nieuweToewijzingId: 't-2',
        },
      };
      spec
        .given([registered, requested(false, '2026-02-01'), granted])
        .when(decide('afgewezen', 'x'), now)
        .thenThrows(RuleViolation, /al besloten/);
      spec.given([registered]).when(decide('toegekend'), now).thenThrows(NotFound);
    });
  });

  describe('residential stays (verblijf) and exits (uitstroom)', () => {
    const start = cmd({
      type: 'StartVerblijf',
      verblijfId: 'vb-1',
      toewijzingId: 't-v',
      woonvorm: 'behandeld-wonen',
      startdatum: '2025-10-01',
      indicatieEinddatum: '2026-09-30',
      uitstroomperspectief: 'Terug naar huis met ambulante hulp',
    });

    it('starts a stay on a residential assignment, one at a time, with a sane indication', () => {
      spec.given([residential]).when(start, now).then([verblijf]);
      spec
        .given([registered])
        .when({ ...(start as object), toewijzingId: 't-1' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /geen verblijfsproduct/);
      spec
        .given([residential])
        .when({ ...(start as object), indicatieEinddatum: '2025-09-30' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /indicatie/);
      spec
        .given([residential, verblijf])
        .when({ ...(start as object), verblijfId: 'vb-2' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /loopt al een verblijf/);
    });
    it('records a step-down and a step-up by the order of the forms', () => {
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'ChangeWoonvorm',
            verblijfId: 'vb-1',
            datum: '2026-01-01',
            naar: 'gezinshuis',
          }),
          now,
        )
        .then([
          {
            type: 'WoonvormChanged',
            data: {
              persoonId: p,
              verblijfId: 'vb-1',
              datum: '2026-01-01',
              van: 'behandeld-wonen',
              naar: 'gezinshuis',
              richting: 'afschaling',
            },
          },
        ]);
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'ChangeWoonvorm',
            verblijfId: 'vb-1',
            datum: '2026-01-01',
            naar: 'gesloten',
          }),
          now,
        )
        .then([
          {
            type: 'WoonvormChanged',
            data: {
              persoonId: p,
              verblijfId: 'vb-1',
              datum: '2026-01-01',
              van: 'behandeld-wonen',
              naar: 'gesloten',
              richting: 'opschaling',
            },
          },
        ]);
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'ChangeWoonvorm',
            verblijfId: 'vb-1',
            datum: '2025-09-01',
            naar: 'gezinshuis',
          }),
          now,
        )
        .thenThrows(RuleViolation, /niet voor 2025-10-01/);
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'ChangeWoonvorm',
            verblijfId: 'vb-1',
            datum: '2026-01-01',
            naar: 'behandeld-wonen',
          }),
          now,
        )
        .thenThrows(RuleViolation, /al behandeld-wonen/);
    });
    it('records the exit with destination and follow-up; not before the stay started; only once', () => {
      const exit = cmd({
        type: 'EndVerblijf',
        verblijfId: 'vb-1',
        datum: '2026-02-15',
        bestemming: 'thuis',
        vervolghulp: true,
      });
      const ended: ZorgEvent = {
        type: 'VerblijfEnded',
        data: {
          persoonId: p,
          verblijfId: 'vb-1',
          datum: '2026-02-15',
          bestemming: 'thuis',
          vervolghulp: true,
        },
      };
      spec.given([residential, verblijf]).when(exit, now).then([ended]);
      spec
        .given([residential, verblijf])
        .when({ ...(exit as object), datum: '2025-09-30' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /voor de start van het verblijf/);
      spec
        .given([residential, verblijf, ended])
        .when(exit, now)
        .thenThrows(RuleViolation, /al beëindigd/);
      spec.given([residential]).when(exit, now).thenThrows(NotFound);
    });
    it('records an exit perspective on an open stay', () => {
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'SetUitstroomperspectief',
            verblijfId: 'vb-1',
            datum: '2026-02-01',
            perspectief: 'Kamertraining',
          }),
          now,
        )
        .then([
          {
            type: 'UitstroomperspectiefSet',
            data: {
              persoonId: p,
              verblijfId: 'vb-1',
              datum: '2026-02-01',
              perspectief: 'Kamertraining',
            },
          },
        ]);
    });
  });

  describe('perspective at 16.5 and care after 18', () => {
    const gesprek = cmd({
      type: 'RecordPerspectiefgesprek',
      gesprekId: 'g-1',
      datum: '2026-02-01',
      door: 'Anna de Vries',
      perspectief: 'Zelfstandig wonen met begeleiding',
      behoeften: 'Budgetcoaching',
      zorgNa18Verwacht: true,
    });
    it('records a conversation held, not in the future, once', () => {
      spec
        .given([])
        .when(gesprek, now)
        .then([
          {
            type: 'PerspectiefgesprekHeld',
            data: {
              persoonId: p,
              gesprekId: 'g-1',
              datum: '2026-02-01',
              door: 'Anna de Vries',
              perspectief: 'Zelfstandig wonen met begeleiding',
              behoeften: 'Budgetcoaching',
              zorgNa18Verwacht: true,
            },
          },
        ]);
      spec
        .given([])
        .when({ ...(gesprek as object), datum: '2026-04-01' } as ZorgCommand, now)
        .thenThrows(RuleViolation, /toekomst/);
    });
    it('requests care after 18 and decides once; a refusal is explained', () => {
      const requested: ZorgEvent = {
        type: 'VerlengdeJeugdhulpRequested',
        data: {
          persoonId: p,
          aanvraagId: 'a-1',
          datum: '2026-02-01',
          reden: 'Behandeling loopt door',
        },
      };
      spec
        .given([])
        .when(
          cmd({
            type: 'RequestVerlengdeJeugdhulp',
            aanvraagId: 'a-1',
            datum: '2026-02-01',
            reden: 'Behandeling loopt door',
          }),
          now,
        )
        .then([requested]);
      const decide = (besluit: 'toegekend' | 'afgewezen', toelichting: string | null) =>
        cmd({
          type: 'DecideVerlengdeJeugdhulp',
          aanvraagId: 'a-1',
          datum: '2026-02-10',
          besluit,
          toelichting,
        });
      spec
        .given([requested])
        .when(decide('afgewezen', null), now)
        .thenThrows(RuleViolation, /toelichting/);
      spec
        .given([requested])
        .when(decide('toegekend', null), now)
        .then([
          {
            type: 'VerlengdeJeugdhulpDecided',
            data: {
              persoonId: p,
              aanvraagId: 'a-1',
              datum: '2026-02-10',
              besluit: 'toegekend',
              toelichting: null,
            },
          },
        ]);
      spec
        .given([
          requested,
          {
            type: 'VerlengdeJeugdhulpDecided',
            data: {
              persoonId: p,
              aanvraagId: 'a-1',
              datum: '2026-02-10',
              besluit: 'toegekend',
              toelichting: null,
            },
          },
        ])
        .when(decide('afgewezen', 'x'), now)
        .thenThrows(RuleViolation, /al besloten/);
      spec.given([]).when(decide('toegekend', null), now).thenThrows(NotFound);
    });
  });
});

describe('zorgdossier decider: dates stay inside what they belong to', () => {
  const started: ZorgEvent = {
    type: 'ZorgStarted',
    data: { persoonId: p, toewijzingId: 't-1', datum: '2025-09-08' },
  };
  it('a corrected start lies within the assignment', () => {
    spec
      .given([registered, started])
      .when(
        cmd({ type: 'CorrectZorgStart', toewijzingId: 't-1', datum: '2025-08-31', reden: 'x' }),
        now,
      )
      .thenThrows(RuleViolation, /binnen de toewijzing/);
  });
  it('a stop (or corrected stop) lies within the assignment', () => {
    spec
      .given([registered, started])
      .when(cmd({ type: 'StopZorg', toewijzingId: 't-1', datum: '2026-03-01', reden: '31' }), now)
      .thenThrows(RuleViolation, /na het einde van de toewijzing/);
  });
  it('an extension request is not dated in the future, and its decision not before it', () => {
    const request = {
      type: 'RequestVerlenging',
      verlengingId: 'v-1',
      toewijzingId: 't-1',
      aanvrager: 'Zorg BV',
      reden: 'x',
      gevraagdTot: '2026-08-31',
    } as const;
    spec
      .given([registered])
      .when(cmd({ ...request, aangevraagdOp: '2026-03-02' }), now)
      .thenThrows(RuleViolation, /toekomst/);
    const requested: ZorgEvent = {
      type: 'VerlengingRequested',
      data: { persoonId: p, ...request, aangevraagdOp: '2026-02-01', telaat: false },
    };
    spec
      .given([registered, requested])
      .when(
        cmd({
          type: 'DecideVerlenging',
          verlengingId: 'v-1',
          besluit: 'afgewezen',
          besluitdatum: '2026-01-31',
          toelichting: 'x',
          alternatieven: [],
          nieuweToewijzing: { toewijzingId: 't-2', toewijzingsnummer: 'TW-2' },
        }),
        now,
      )
      .thenThrows(RuleViolation, /niet voor de aanvraag/);
  });
  it('a stay does not start in the future', () => {
    spec
      .given([])
      .when(
        cmd({
          type: 'StartVerblijf',
          verblijfId: 'vb-1',
          toewijzingId: null,
          woonvorm: 'pleegzorg',
          startdatum: '2026-06-01',
          indicatieEinddatum: '2027-06-01',
          uitstroomperspectief: null,
        }),
        now,
      )
      .thenThrows(RuleViolation, /toekomst/);
  });

  describe('need-to-know', () => {
    it('refuses a sender who does not work with any family of the person (404), and one who only reads (403)', () => {
      spec
        .given([])
        .when({ ...register, toegang: 'geen' }, now)
        .thenThrows(NotFound, /werkt niet/);
      spec
        .given([registered])
        .when(cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-09-08' }), now)
        .then([started]);
      spec
        .given([registered])
        .when(
          {
            ...cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-09-08' }),
            toegang: 'lezen',
          },
          now,
        )
        .thenThrows(NotAllowed, /niet meer wijzigen/);
    });
  });

  describe('dates that cannot be true (422, naming the field)', () => {
    /** The field a refusal names, or the refusal's absence. */
    const veldVan = (given: ZorgEvent[], command: Opdracht): string | undefined => {
      const state = given.reduce(zorgdossierDecider.evolve, zorgdossierDecider.initialState());
      try {
        zorgdossierDecider.decide(metDoor(command), state, now);
      } catch (error) {
        if (error instanceof RuleViolation) return error.field;
        throw error;
      }
      throw new Error('not refused');
    };
    const afgeschaald: ZorgEvent = {
      type: 'WoonvormChanged',
      data: {
        persoonId: p,
        verblijfId: 'vb-1',
        datum: '2026-01-15',
        van: 'behandeld-wonen',
        naar: 'gezinshuis',
        richting: 'afschaling',
      },
    };

    it('refuses care facts dated before the birth of the person', () => {
      const baby = '2025-09-05';
      spec
        .given([])
        .when({ ...register, geboortedatum: baby }, now)
        .thenThrows(
          RuleViolation,
          /De begindatum \(2025-09-01\) ligt voor de geboortedatum \(2025-09-05\)/,
        );
      expect(veldVan([], { ...register, geboortedatum: baby })).toBe('begindatum');
      const startZorg = {
        ...cmd({ type: 'StartZorg', toewijzingId: 't-1', datum: '2025-09-03' }),
        geboortedatum: baby,
      };
      spec
        .given([registered])
        .when(startZorg, now)
        .thenThrows(RuleViolation, /voor de geboortedatum/);
      expect(veldVan([registered], startZorg)).toBe('datum');
      const gesprek = {
        ...cmd({
          type: 'RecordPerspectiefgesprek',
          gesprekId: 'g-1',
          datum: '2011-01-10',
          door: 'u-anna',
          perspectief: 'Wonen bij oma',
          behoeften: 'Hulp bij school',
          zorgNa18Verwacht: false,
        }),
      };
      spec
        .given([])
        .when(gesprek, now)
        .thenThrows(RuleViolation, /ligt voor de geboortedatum \(2012-05-04\)/);
      const verblijfStart = {
        ...cmd({
          type: 'StartVerblijf',
          verblijfId: 'vb-2',
          toewijzingId: null,
          woonvorm: 'pleegzorg',
          startdatum: '2012-05-03',
          indicatieEinddatum: '2026-09-30',
          uitstroomperspectief: null,
        }),
      };
      expect(veldVan([], verblijfStart)).toBe('startdatum');
      // Born that day, or with no known birth date (or erased): nothing to refuse.
      spec
        .given([])
        .when({ ...verblijfStart, startdatum: '2012-05-04' } as ZorgCommand, now)
        .then([
          {
            type: 'VerblijfStarted',
            data: {
              persoonId: p,
              verblijfId: 'vb-2',
              toewijzingId: null,
              woonvorm: 'pleegzorg',
              startdatum: '2012-05-04',
              indicatieEinddatum: '2026-09-30',
              uitstroomperspectief: null,
            },
          },
        ]);
      spec
        .given([registered])
        .when({ ...startZorg, geboortedatum: null }, now)
        .then([
          { type: 'ZorgStarted', data: { persoonId: p, toewijzingId: 't-1', datum: '2025-09-03' } },
        ]);
    });

    it('refuses decisions in the future: on an extension, on care after 18, and such a request', () => {
      const requested: ZorgEvent = {
        type: 'VerlengingRequested',
        data: {
          persoonId: p,
          verlengingId: 'v-1',
          toewijzingId: 't-1',
          aangevraagdOp: '2026-02-01',
          aanvrager: 'Zorg BV',
          reden: 'Doelen nog niet bereikt',
          gevraagdTot: '2026-08-31',
          telaat: false,
        },
      };
      const besluit = cmd({
        type: 'DecideVerlenging',
        verlengingId: 'v-1',
        besluit: 'toegekend',
        besluitdatum: '2026-03-02',
        toelichting: null,
        alternatieven: [],
        nieuweToewijzing: { toewijzingId: 't-2', toewijzingsnummer: 'TW-2' },
      });
      spec
        .given([registered, requested])
        .when(besluit, now)
        .thenThrows(RuleViolation, /Het besluit \(2026-03-02\) ligt in de toekomst/);
      expect(veldVan([registered, requested], besluit)).toBe('besluitdatum');

      const aanvraag = cmd({
        type: 'RequestVerlengdeJeugdhulp',
        aanvraagId: 'a-1',
        datum: '2026-03-05',
        reden: 'Behandeling loopt door',
      });
      expect(veldVan([], aanvraag)).toBe('datum');
      const aangevraagd: ZorgEvent = {
        type: 'VerlengdeJeugdhulpRequested',
        data: {
          persoonId: p,
          aanvraagId: 'a-1',
          datum: '2026-02-01',
          reden: 'Behandeling loopt door',
        },
      };
      const beslis = (datum: string) =>
        cmd({
          type: 'DecideVerlengdeJeugdhulp',
          aanvraagId: 'a-1',
          datum,
          besluit: 'toegekend',
          toelichting: null,
        });
      spec
        .given([aangevraagd])
        .when(beslis('2026-03-02'), now)
        .thenThrows(RuleViolation, /in de toekomst/);
      spec
        .given([aangevraagd])
        .when(beslis('2026-01-31'), now)
        .thenThrows(RuleViolation, /niet voor de aanvraag \(2026-02-01\)/);
      expect(veldVan([aangevraagd], beslis('2026-01-31'))).toBe('datum');
    });

    it('refuses an exit before the last change of the form of residence, and a change still to come', () => {
      const exit = (datum: string) =>
        cmd({
          type: 'EndVerblijf',
          verblijfId: 'vb-1',
          datum,
          bestemming: 'thuis',
          vervolghulp: true,
        });
      spec
        .given([residential, verblijf, afgeschaald])
        .when(exit('2026-01-10'), now)
        .thenThrows(RuleViolation, /niet voor de laatste wijziging van de woonvorm \(2026-01-15\)/);
      expect(veldVan([residential, verblijf, afgeschaald], exit('2026-01-10'))).toBe('datum');
      spec
        .given([residential, verblijf, afgeschaald])
        .when(exit('2026-01-15'), now)
        .then([
          {
            type: 'VerblijfEnded',
            data: {
              persoonId: p,
              verblijfId: 'vb-1',
              datum: '2026-01-15',
              bestemming: 'thuis',
              vervolghulp: true,
            },
          },
        ]);
      spec
        .given([residential, verblijf])
        .when(
          cmd({
            type: 'ChangeWoonvorm',
            verblijfId: 'vb-1',
            datum: '2026-03-02',
            naar: 'gezinshuis',
          }),
          now,
        )
        .thenThrows(RuleViolation, /in de toekomst/);
    });
  });
});
