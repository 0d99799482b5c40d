import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { berichtSleutel } from './berichten';
import { leesBericht } from './lezen';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'ijw');
const fixture = (naam: string) => readFileSync(join(FIXTURES, naam), 'utf8');

/** Change one element's text in a fixture (the first occurrence). */
const metTekst = (naam: string, element: string, waarde: string) =>
  fixture(naam).replace(new RegExp(`(<[a-z0-9]+:${element}>)[^<]*(<)`), `$1${waarde}$2`);
const zonder = (naam: string, element: string) =>
  fixture(naam).replace(new RegExp(`\\s*<[a-z0-9]+:${element}>[^<]*</[a-z0-9]+:${element}>`), '');

describe('leesBericht', () => {
  it.each([
    ['jw301-toewijzing.xml', 'JW301', 'toewijzing'],
    ['jw305-start.xml', 'JW305', 'start'],
    ['jw307-stop.xml', 'JW307', 'stop'],
    ['jw315-verzoek-om-toewijzing.xml', 'JW315', 'verzoek-om-toewijzing'],
    ['jw317-verzoek-om-wijziging.xml', 'JW317', 'verzoek-om-wijziging'],
    ['wmo301-toewijzing.xml', 'WMO301', 'toewijzing'],
    ['wmo305-start.xml', 'WMO305', 'start'],
    ['wmo307-stop.xml', 'WMO307', 'stop'],
  ])('reads %s as a %s (%s)', (naam, soort, inhoud) => {
    const gelezen = leesBericht(fixture(naam));
    expect(gelezen).toMatchObject({ ok: true, bericht: { soort, inhoud } });
  });

  it('keeps codes as text and repeating classes as lists', () => {
    const gelezen = leesBericht(fixture('jw305-correctie.xml'));
    if (!gelezen.ok) throw new Error(gelezen.fout.reden);
    expect(gelezen.bericht).toMatchObject({
      bsn: '111222333',
      naam: 'S Visser',
      geboortedatum: '2011-06-15',
      producten: [
        { ToewijzingNummer: 'T2025-0001', Begindatum: '2025-03-10', StatusAanlevering: '3' },
        { ToewijzingNummer: 'T2025-0001', Begindatum: '2025-03-03', StatusAanlevering: '1' },
      ],
    });
    expect(berichtSleutel(gelezen.bericht)).toBe('JW305:12345678:STA-2025-002:2025-03-14');
  });

  it.each([
    ['not XML at all', 'dit is geen bericht', /^geen geldige XML/, '/'],
    ['another document', '<Factuur/>', /geen element Bericht/, '/'],
    [
      'an unknown message code',
      metTekst('jw305-start.xml', 'BerichtCode', '999'),
      /onbekende of ontbrekende BerichtCode/,
      'Bericht/Header/BerichtCode',
    ],
    [
      'a BSN failing the eleven-test',
      metTekst('jw305-start.xml', 'Bsn', '111222334'),
      /elfproef/,
      'Bericht/Client/Bsn',
    ],
    [
      'a date that does not exist',
      metTekst('jw305-start.xml', 'Begindatum', '2025-02-30'),
      /moet een datum zijn/,
      'Bericht/Client/StartProducten/StartProduct[1]/Begindatum',
    ],
    [
      'a date with a time zone (RS032)',
      metTekst('jw305-start.xml', 'Begindatum', '2025-03-10+01:00'),
      /zonder tijdzone/,
      'Bericht/Client/StartProducten/StartProduct[1]/Begindatum',
    ],
    [
      'StatusAanlevering 2 (CS058)',
      metTekst('jw307-stop.xml', 'StatusAanlevering', '2'),
      /COD467/,
      'Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering',
    ],
    [
      'an unknown reason for ending',
      metTekst('jw307-stop.xml', 'RedenBeeindiging', '99'),
      /JZ588/,
      'Bericht/Client/StopProducten/StopProduct[1]/RedenBeeindiging',
    ],
    [
      'a missing required element',
      zonder('jw301-toewijzing.xml', 'Toewijzingstijd'),
      /verplicht element ontbreekt/,
      'Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingstijd',
    ],
    [
      'an empty element (RS033)',
      metTekst('jw301-toewijzing.xml', 'ReferentieAanbieder', ''),
      /moet gevuld zijn/,
      'Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ReferentieAanbieder',
    ],
    [
      'an element the message does not have',
      fixture('jw305-start.xml').replace(
        '<jw305:Begindatum>',
        '<jw305:Omvang>3</jw305:Omvang><jw305:Begindatum>',
      ),
      /onbekend element/,
      'Bericht/Client/StartProducten/StartProduct[1]/Omvang',
    ],
    [
      'an end before the start',
      metTekst('jw307-stop.xml', 'Einddatum', '2025-01-01'),
      /einddatum ligt voor de begindatum/,
      'Bericht/Client/StopProducten/StopProduct[1]/Einddatum',
    ],
    [
      'a start without an assignment number',
      zonder('jw305-start.xml', 'ToewijzingNummer'),
      /toewijzingnummer ontbreekt/,
      'Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer',
    ],
    [
      'a provider code as the sender of an assignment',
      metTekst('jw301-toewijzing.xml', 'Afzender', '12345678'),
      /gemeentecode/,
      'Bericht/Header/Afzender',
    ],
  ])('refuses %s, naming the element', (_wat, xml, reden, pad) => {
    const gelezen = leesBericht(xml);
    expect(gelezen.ok).toBe(false);
    if (gelezen.ok) return;
    expect(gelezen.fout.reden).toMatch(reden);
    expect(gelezen.fout.pad).toBe(pad);
  });
});
