import type { MonitoringKop } from '@app/statistics';
import { Onderdrukt } from '../../common/cijfers';
import { Field } from '../../common/response-fields';

/**
 * The answers of the monitoring figures, as OpenAPI schemas: the header every figure starts with,
 * in full; the tables of each figure in words. What each figure counts is spelled out in Dutch in
 * its own `definitie`, the last word on it.
 */

const TELLING = 'Each count perturbed and rounded to 5, null when withheld (see onderdrukt).';

export class MonitoringKopResponse implements Required<MonitoringKop> {
  @Field.text('The version of the definition the figures follow', { example: 'episodes-3' })
  definitieVersie!: string;

  @Field.date('From, as asked')
  van!: string;

  @Field.date('Up to, as asked')
  tot!: string;

  @Field.date('The day the figures are known on')
  bekendOp!: string;

  @Field.moment('Facts recorded up to this moment count: the end of bekendOp, or now')
  bekendTot!: string;

  @Field.date(
    'Care is followed up to this day, the earlier of tot and bekendOp; running care is cut off there',
  )
  peildatum!: string;

  @Field.map('The filters as asked ({} without any)')
  filter!: MonitoringKop['filter'];

  @Field.map('The definition, in Dutch, one entry per rule: the last word on what is counted')
  definitie!: Record<string, unknown>;

  @Field.list(Onderdrukt, 'Every withheld cell, per table and row, with its reason')
  onderdrukt!: Onderdrukt[];
}

const EPISODE_TELLING = 'actief, gestart, beeindigd, lopend (episodes), personen, toewijzingen';

export class EpisodesResponse extends MonitoringKopResponse {
  @Field.text('What the rows are: kader, categorie, product, aanbieder, verwijzer or leeftijd')
  groep!: string;

  @Field.rows(`The main table, per group: sleutel, naam, ${EPISODE_TELLING}. ${TELLING}`)
  perGroep!: unknown[];

  @Field.map(`All groups together: ${EPISODE_TELLING}`)
  totaal!: Record<string, number | null>;
}

const SAMENLOOP =
  'metZorg, metEenKader, metMeerdereKaders, aandeelMeerdereKaders (%), perCombinatie (per ' +
  'combination of legal frameworks), aanbiedersVerdeling (by number of providers), ' +
  'gemiddeldeSamenloopdagen';

export class SamenloopResponse extends MonitoringKopResponse {
  @Field.map(`Families with care: ${SAMENLOOP}. ${TELLING}`)
  gezinnen!: Record<string, unknown>;

  @Field.rows('Families by the number of professionals in their network: professionals, aantal')
  professionalsPerGezin!: unknown[];

  @Field.map(`Persons with care: ${SAMENLOOP}`)
  personen!: Record<string, unknown>;

  @Field.map("Gaps in a family's care: gezinnenMetHiaat, hiaten, gemiddeldeDagenZonderZorg")
  hiaten!: Record<string, number | null>;
}

const DUREN =
  'gestart, beeindigd, lopend; gemiddelde, mediaan, p25, p75, p90 (days, over the episodes ' +
  'that ended in the period); kmMediaan and overlevingNa90/180/365 (Kaplan-Meier over those ' +
  'that started in it, running ones censored)';

export class DurenResponse extends MonitoringKopResponse {
  @Field.text('What the rows are: categorie, product or aanbieder')
  groep!: string;

  @Field.rows(`The main table, per group: sleutel, naam, ${DUREN}. ${TELLING}`)
  perGroep!: unknown[];

  @Field.map(`All groups together: ${DUREN}`)
  totaal!: Record<string, number | null>;

  @Field.map(`Residential stays without foster care: ${DUREN}`)
  verblijf!: Record<string, number | null>;

  @Field.map(
    'Behandeld wonen: periode, basisjaar (2023), doelGemiddelde (the 2023 mean × 0.75) and ' +
      'verschilPercentage (the mean against 2023)',
  )
  behandeldWonen!: Record<string, unknown>;
}

export class VerlengingenResponse extends MonitoringKopResponse {
  @Field.text('What the rows are: aanbieder or product')
  groep!: string;

  @Field.rows(
    'The main table, per group: sleutel, naam, metMaximum, langerDanMaximum, ' +
      'aandeelLangerDanMaximum, aangevraagd, toegekend, afgewezen, openstaand, telaat, ' +
      `aandeelToegekend, gemiddeldeExtraDagen, verblijfVerlengd. ${TELLING}`,
  )
  perGroep!: unknown[];

  @Field.map('All groups together, the same fields')
  totaal!: Record<string, number | null>;

  @Field.rows('Reasons given by at least 10 requests (word for word), then overige redenen')
  redenen!: unknown[];
}

export class UitstroomResponse extends MonitoringKopResponse {
  @Field.map(
    `Exits in the period: aantal, perBestemming (the main table), zonderVervolghulp. ${TELLING}`,
  )
  uitstroom!: Record<string, unknown>;

  @Field.map(
    'Exits with follow-up help within 6 months: beoordeeld, metVervolg, nogNietTeBeoordelen',
  )
  vervolgBinnen6Maanden!: Record<string, unknown>;

  @Field.map(
    'Home or a lighter form within 6 months: beoordeeld, thuisOfLichter, nogNietTeBeoordelen',
  )
  thuisOfLichterBinnen6Maanden!: Record<string, unknown>;

  @Field.map('afschalingen, opschalingen, uitstroomNaarLichtereVorm, uitstroomNaarZwaardereVorm')
  schaling!: Record<string, number | null>;

  @Field.map('Stays running on the peildatum: datum, aantal, perWoonvorm')
  woonvormenOpPeildatum!: Record<string, unknown>;
}

export class PerspectiefgesprekkenResponse extends MonitoringKopResponse {
  @Field.rows(
    'The main table, per quarter and provider (and totaal, geen lopende zorg): kwartaal, ' +
      'soort, aanbiederId, aanbieder, inScope, instroomNa16EnHalf, opTijd, teLaat, ontbreekt ' +
      `(each aantal and percentage), nogNietAanDeBeurt. ${TELLING}`,
  )
  perKwartaal!: unknown[];

  @Field.rows('Requests for care after 18 per quarter: aangevraagd, toegekend, afgewezen, open')
  verlengdeJeugdhulp!: unknown[];
}

export class IndicatorenResponse extends MonitoringKopResponse {
  @Field.map('The baselines of 2023 and 2024 the indicators are compared with')
  nulwaarden!: Record<string, unknown>;

  @Field.rows(
    'The main table, per year: jaar, van, tot, peildatum, heelJaar, bevolking (0-17, public), ' +
      'zonderVerblijf and metVerblijf (youths in care, % of the population, beside the ' +
      'baselines), alleenZonderVerblijf, jeugdigenInVerblijf (against 2023 and its target), ' +
      `herhaaldeInstroom, zonderGeboortedatum. ${TELLING}`,
  )
  jaren!: unknown[];

  @Field.rows(
    'Per month (the CSV of tabel=in-en-uitstroom): maand, compleet, instroom and uitstroom, ' +
      'each zonderVerblijf and metVerblijf',
  )
  inEnUitstroom!: unknown[];

  @Field.map('Over the whole period: instroom, herhaald, percentage, aansluitend')
  herhaaldeInstroom!: Record<string, number | null>;
}

const OORDELEN =
  'Judgements per teller (jeugdige, ouder, professional, then totaal): verteller, oordelen, ' +
  'hulpvraagBeantwoord, regie and voortgang (each a list of antwoord, aantal, percentage), ' +
  `gemiddeldeRegie, doelen, gemiddeldeVoortgang. ${TELLING}`;

const VERHALEN =
  'Released stories with consent (gepseudonimiseerd or citeerbaar): getoond (false in a cell of ' +
  'fewer than 10 persons: then no story at all), reden, items (maand, verteller, citeerbaar, ' +
  'tekst as released, themas, aanbieder, product, kader, zorgvorm); never a name, id or day';

export class CijfersEnVerhalenResponse extends MonitoringKopResponse {
  @Field.text('The theme asked (selects the stories only), or null', { nullable: true })
  thema!: string | null;

  @Field.map(
    'The cold figures of the cell: the totaal of episodes, duren and verlengingen, and of ' +
      `uitstroom aantal and zonderVervolghulp, each with its definitieVersie. ${TELLING}`,
  )
  cijfers!: Record<string, unknown>;

  @Field.rows(OORDELEN)
  oordelen!: unknown[];

  @Field.map(VERHALEN)
  verhalen!: Record<string, unknown>;
}

export class AanbiederRapportResponse extends MonitoringKopResponse {
  @Field.map('The provider: aanbiederId and naam')
  aanbieder!: Record<string, string>;

  @Field.map(
    'Durations of its episodes per product (perProduct) and totaal, as the figure duren ' +
      `(groep product) gives them. ${TELLING}`,
  )
  langeTrajecten!: Record<string, unknown>;

  @Field.map(
    'Episodes longer than the contracted maximum and extension requests per product ' +
      `(perProduct) and totaal, as the figure verlengingen (groep product). ${TELLING}`,
  )
  verlengingen!: Record<string, unknown>;

  @Field.map(
    'Residential exits: aantal, zonderVervolghulp, vervolgBinnen6Maanden, as the figure uitstroom',
  )
  uitstroom!: Record<string, unknown>;

  @Field.rows(OORDELEN)
  oordelen!: unknown[];

  @Field.map(VERHALEN)
  verhalen!: Record<string, unknown>;
}
