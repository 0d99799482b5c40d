import type { Knop, Thema } from './programma.decider';

/**
 * The knoppen of the programme "Samen voor de Jeugd Lelystad 2025-2028" (seed 002, "Doelen en
 * acties" of each knop) with their actions, as published. The actions of a knop are spread over
 * terms (termijnen), a column each, term 1 being 2025-2028 (002:199-205). An action's id is
 * `k<knop>-<label>` when the knop has one term (`k10-1a`: knop 10, Actie 1a) and
 * `k<knop>-t<term>-<label>` when it has more (`k5-t2-1`: knop 5, term 2, Actie 1); the term is
 * read from the order of the columns in the published text. Titles are the action's heading.
 */
export const PROGRAMMA_2025_2028: readonly Knop[] = [
  {
    knop: 1,
    titel: 'Nieuw gedeeld referentiekader',
    acties: [
      ['k1-t1-1', 'We formuleren een aanpak op de pedagogische basis en normaal gedrag.'],
      ['k1-t2-1', 'We implementeren het gezamenlijk referentiekader en sturen op resultaat.'],
      ['k1-t3-1', 'We leren en verbeteren voortdurend vanuit wat werkt.'],
      ['k1-t1-2', 'We hebben zicht op wat nodig is in wijken en buurten.'],
      ['k1-t2-2', 'Vanuit het referentiekader werken we vraaggestuurd.'],
      ['k1-t3-2', 'We zetten bewezen effectieve interventies in.'],
      ['k1-t1-3', 'We versterken per buurt de pedagogische basis.'],
      ['k1-t2-3', 'We werken naar co-productie op de wijkagenda.'],
      ['k1-t3-3', 'We blijven in gesprek met de stad.'],
    ],
  },
  {
    knop: 2,
    titel: 'Samen met de stad en de maatschappelijke agenda',
    acties: [
      ['k2-t1-1', 'We geven inwoners een stem.'],
      ['k2-t2-1', 'We werken samen voor sterke gemeenschappen (co-productie).'],
      ['k2-t3-1', 'Initiatieven met burgerberaad en dynamische jeugdparticipatie.'],
      ['k2-t1-2', 'We nodigen nadrukkelijk jongeren uit om mee te denken.'],
      ['k2-t2-2', 'We verankeren co-productie.'],
      ['k2-t3-2', 'Participatieverplichtingen in lokaal beleid.'],
      ['k2-t1-3', 'Jeugdigen krijgen een plek binnen het gemeentelijke participatiebeleid.'],
      ['k2-t2-3', 'Jeugdigen nemen deel aan het burgerberaad van de maatschappelijke agenda.'],
      ['k2-t3-3', 'Investeren in burgercompetenties.'],
    ],
  },
  {
    knop: 3,
    titel: 'Versterken van communities',
    acties: [
      ['k3-t1-1', 'We investeren in het (informele) netwerk rondom jeugdigen en ouders.'],
      [
        'k3-t2-1',
        'We stimuleren en faciliteren dat inwoners samen zorg voor de fysieke en sociale kant van de wijk dragen.',
      ],
      ['k3-t3-1', 'Gezamenlijke activiteiten die betrokkenheid vergroten.'],
      [
        'k3-t1-2',
        'We realiseren voldoende plekken voor sociale ontmoeting voor jeugdigen en ouders.',
      ],
      ['k3-t2-2', 'We werken aan plekken voor intergenerationele ontmoeting.'],
      ['k3-t3-2', 'Er is inzicht van iedere wijk op de resultaten op sociaal gebied.'],
      ['k3-t1-3', 'We stimuleren en ondersteunen sociale buurtinitiatieven.'],
      ['k3-t2-3', 'We versterken sociale solidariteit door de sport en cultuur.'],
      ['k3-t3-3', 'Jong geleerd is oud gedaan.'],
    ],
  },
  {
    knop: 4,
    titel: '1 gezin, 1 plan, 1 contactpersoon',
    acties: [
      ['k4-t1-1', 'We rollen OZO-Verbindzorg uit binnen het sociaal domein.'],
      ['k4-t2-1', 'We maken afspraken met onze partners over 1 gezin, 1 plan, 1 contactpersoon.'],
      ['k4-t1-2', 'We monitoren de samenloop van zorg met data-analyse.'],
      ['k4-t2-2', 'We voeren de doorbraakmethode breed in.'],
      ['k4-t1-3', 'We creëren samenhang en integraal werken binnen de gemeente.'],
      ['k4-t2-3', 'We versterken netwerksturing.'],
    ],
  },
  {
    knop: 5,
    titel: "JPH'ers bij meer huisartsen",
    acties: [
      [
        'k5-t1-1a',
        'We werken de taken en verantwoordelijkheden, randvoorwaarden en werkwijze JPH uit en maken afspraken over de monitoring (KPI vaststellen).',
      ],
      ['k5-t1-1b', 'We zorgen dat de juridische positie van JPH goed gedekt is.'],
      ['k5-t2-1', 'We breiden het aantal JPH’ers verder uit naar 50% van de huisartspraktijken.'],
      ['k5-t3-1', 'We breiden het aantal JPH’ers verder uit naar 100% van de huisartspraktijken.'],
      [
        'k5-t1-2',
        'We voeren gesprekken met huisartsen om minder naar specialistische jeugdhulp door te verwijzen.',
      ],
      [
        'k5-t2-2',
        'We voeren gesprekken met huisartsen om minder naar specialistische jeugdhulp door te verwijzen.',
      ],
      [
        'k5-t3-2',
        'We voeren periodieke gesprekken met huisartsen, jeugdartsen en JPH om de verwijzingen en relevante trends te bespreken.',
      ],
      ['k5-t1-3a', "We stellen een uitrolmodel op voor de uitbreiding JPH'ers en voeren deze uit."],
      ['k5-t2-3', 'Onderzoeken of een jeugdprofessional bij de jeugdarts meerwaarde heeft.'],
      [
        'k5-t3-3',
        'We maken met alle verwijzers lokale afspraken over welke rol een verwijzer heeft in de toegang.',
      ],
      ['k5-t1-3b', "We regelen andere financiering voor de JPH'ers."],
    ],
  },
  {
    knop: 6,
    titel: 'Vergroten van schoolaanwezigheid',
    acties: [
      [
        'k6-t1-1',
        'We formuleren met het onderwijs gezamenlijke ambities op het gebied van schoolaanwezigheid en inclusief onderwijs.',
      ],
      ['k6-t1-1b', 'We brengen de problematiek goed in kaart.'],
      ['k6-t2-1', 'We ontwikkelen arrangementen die schoolaanwezigheid bevorderen.'],
      ['k6-t1-2a', 'We starten pilots met innovatieve oplossingen.'],
      [
        'k6-t1-2b',
        'We kopen jeugdhulp nieuw in en sturen actief vanuit contractmanagement (waarbij we onderscheid maken tussen jeugdhulp of ander onderwijs).',
      ],
      ['k6-t2-2', 'We ontwikkelen door middel van pilots en evidence-based methodieken.'],
      ['k6-t1-3a', 'We maken een protocol schoolaanwezigheid en zetten hier op in.'],
      ['k6-t1-3b', 'Leerrechtambtenaren vergroten schoolaanwezigheid.'],
    ],
  },
  {
    knop: 7,
    titel: 'Samen met het onderwijs werken aan minder jeugdhulp',
    acties: [
      ['k7-t1-1', 'We maken afspraken voor het toeleiden van leerlingen naar het onderwijs.'],
      ['k7-t2-1', 'We zetten verdere stappen in de weg naar inclusief onderwijs.'],
      [
        'k7-t3-1',
        'We organiseren een (regionaal) dekkend aanbod van (inclusief) onderwijs en ondersteuning.',
      ],
      ['k7-t1-2', 'Laagdrempelige hulp in en nabij de school.'],
      ['k7-t2-2', 'We onderzoeken het ontschotten van de middelen.'],
      [
        'k7-t1-3',
        'We voeren het gesprek met onderwijs over het toerusten van school en onderwijspersoneel.',
      ],
      ['k7-t2-3', 'Met het onderwijs bouwen we aan een toegankelijke en inclusieve huisvesting.'],
    ],
  },
  {
    knop: 8,
    titel: 'Stoppen met hetgeen niet werkt',
    acties: [
      [
        'k8-1',
        'We ontwikkelen een methode voor het combineren van koude data (berichtenverkeer) en verhalen van cliënten en professionals.',
      ],
      [
        'k8-2a',
        'We voeren gesprekken met aanbieders en verwijzers over dit onderwerp, hoe ze dit implementeren en waar de gemeente indien nodig kan faciliteren.',
      ],
      ['k8-2b', 'We starten met het ophalen van de verhalen van cliënten.'],
      [
        'k8-3',
        'We kijken hoe we de KBL uit de Hervormingsagenda kunnen gebruiken om invulling te geven aan deze knop en hoe we dat kunnen verbinden aan het netwerk in Lelystad.',
      ],
    ],
  },
  {
    knop: 9,
    titel: "Aanscherpen 'nee, tenzij'",
    acties: [
      ['k9-1', 'We stellen een lokaal handelingskader op.'],
      ['k9-2a', 'We communiceren met aanbieders en verwijzers.'],
      ['k9-2b', 'We zorgen voor voldoende alternatieven.'],
      ['k9-3', 'We passen verordening/ beleidsregels/ nadere regels aan.'],
    ],
  },
  {
    knop: 10,
    titel: 'Sturen op het beperken van verlengingen jeugdhulp',
    acties: [
      [
        'k10-1a',
        'We monitoren per aanbieder en per product hoe vaak zorg langer duurt dan afgesproken.',
      ],
      ['k10-1b', 'We gaan aan de voorkant verlengingen scherper toetsen.'],
      [
        'k10-2',
        'We bespreken verlengingen in de contractgesprekken met aanbieders en maken met hen afspraken.',
      ],
      ['k10-3a', 'We zorgen voor alternatieven.'],
      [
        'k10-3b',
        'We maken afspraken met aanbieders over vermindering van verlenging (in aantal en in duur) in de nieuwe inkoop.',
      ],
    ],
  },
  {
    knop: 11,
    titel: 'Inzetten op lichte jeugdhulp',
    acties: [
      ['k11-1a', 'We analyseren data over verwijzingen naar SGGZ en BGGZ.'],
      [
        'k11-1b',
        'We diepen de kennis uit van verwijzers en aanbieders naar SGGZ en lichte hulp / BGGZ.',
      ],
      [
        'k11-2',
        'We werken mogelijkheden uit om meer gebruik te maken van lichte hulp zoals de BGGZ, zowel bij de instroom als bij het afschalen.',
      ],
      ['k11-3a', 'We voeren een pilot uit met alternatieven voor SGGZ.'],
      ['k11-3b', 'We vertalen dit in een nieuwe inkoop van SGGZ, BGGZ en eventuele alternatieven.'],
    ],
  },
  {
    knop: 12,
    titel: 'Beperken jeugdhulp met verblijf',
    acties: [
      [
        'k12-t1-1a',
        'We maken en werken volgens een procedure die uitgaat van thuis opgroeien met ondersteuning.',
      ],
      ['k12-t1-1b', 'We stellen kaders en kwaliteitsnormen voor verblijfsduur.'],
      ['k12-t2-1', 'We evalueren preventieve programma’s en ontwikkelen deze door.'],
      ['k12-t1-2', 'We formuleren interventies die werken.'],
      [
        'k12-t2-2',
        'We bieden alternatieve ondersteuning voor de top 10% meest zorgintensieve gezinnen, we luisteren hierbij naar wat de gezinnen aangeven nodig te hebben.',
      ],
      ['k12-t3-2', 'We stellen de visie en kwaliteitsnormen periodiek bij.'],
      [
        'k12-t1-3',
        'We monitoren maandelijkse aflopende indicaties en zetten hier een werkproces op.',
      ],
      ['k12-t2-3', 'We ontwikkelen woonprogramma’s voor jongeren met een ondersteuningsbehoefte.'],
    ],
  },
  {
    knop: 13,
    titel: 'Eerder beginnen met het voorbereiden op zelfstandig leven',
    acties: [
      [
        'k13-t1-1',
        'We zetten ons in voor regionale afspraken over tijdig perspectief voor jeugdigen.',
      ],
      [
        'k13-t2-1',
        "We onderzoeken de mogelijkheid om, in samenwerking met Wmo, uitstroommogelijkheden te laten creëren, met als uitgangspunt 'naar huis/zelfstandigheid, tenzij'.",
      ],
      [
        'k13-t1-2',
        'We ontwikkelen een gerichte aanpak om verlengde Jeugdwetaanvragen terug te dringen.',
      ],
    ],
  },
  {
    knop: 14,
    titel: 'Sturen op minder inzet zware verblijfszorg',
    acties: [
      [
        'k14-t1-1a',
        'We analyseren en maken oorzaken inzichtelijk van verwijzingen naar behandeld wonen en gesloten jeugdzorg.',
      ],
      ['k14-t2-1', 'We ontwikkelen monitoring op zwaardere woonvormen.'],
      [
        'k14-t1-2',
        'We verbeteren de domeinoverstijgende, integrale samenwerking en informatiedeling.',
      ],
      [
        'k14-t2-2',
        'We evalueren en stellen procedures bij om het preventieve karakter verder te versterken.',
      ],
      [
        'k14-t1-3',
        'We sturen op het introduceren van alternatieve verblijfsmogelijkheden en flexibele woonvormen.',
      ],
    ],
  },
].map(({ knop, titel, acties }) => ({
  knop,
  titel,
  acties: acties.map(([actieId, actieTitel]) => ({ actieId: actieId!, titel: actieTitel! })),
}));

/** One theme per knop, active, named after it: the themes stories are linked to at first. */
export const PROGRAMMA_THEMAS: readonly Thema[] = PROGRAMMA_2025_2028.map(({ knop, titel }) => ({
  themaId: `knop-${knop}`,
  naam: titel,
  knop,
  actief: true,
}));
