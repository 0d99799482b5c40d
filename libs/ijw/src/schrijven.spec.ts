import { leesBericht } from './lezen';
import {
  BerichtClient,
  startBericht,
  stopBericht,
  toewijzingBericht,
  wijzigingsverzoekBericht,
} from './schrijven';

const client: BerichtClient = {
  bsn: '111222333',
  geboortedatum: '2011-06-15',
  geslacht: '2',
  achternaam: "D'Agostino & Zn",
  voorletters: 'S',
};
const vanGemeente = (id: string) => ({
  afzender: '0995',
  ontvanger: '87650001',
  identificatie: id,
  dagtekening: '2025-02-24',
});
const vanAanbieder = (id: string) => ({
  ...vanGemeente(id),
  afzender: '87650001',
  ontvanger: '0995',
});
const product = { categorie: '45', productcode: '45A48' };

/** What the writer makes, the import reads: every message passes the schema and the rules. */
describe('writing iJw and iWmo messages', () => {
  it('writes an assignment that reads back with its product, period and escaped name', () => {
    const gelezen = leesBericht(
      toewijzingBericht('JW301', vanGemeente('T1'), client, [
        {
          toewijzingNummer: 'TW-1',
          referentieAanbieder: 'R-1',
          ...product,
          toewijzingsdatum: '2025-02-24',
          ingangsdatum: '2025-03-01',
          einddatum: '2025-08-31',
          redenWijziging: '04',
        },
      ]),
    );
    expect(gelezen).toMatchObject({
      ok: true,
      bericht: {
        soort: 'JW301',
        bsn: '111222333',
        naam: "S D'Agostino & Zn",
        header: { Afzender: '0995', BerichtIdentificatie: { Identificatie: 'T1' } },
        producten: [
          {
            ToewijzingNummer: 'TW-1',
            Product: { Categorie: '45', Code: '45A48' },
            Ingangsdatum: '2025-03-01',
            Einddatum: '2025-08-31',
            RedenWijziging: '04',
          },
        ],
      },
    });
  });

  it('writes a start, a stop and a change request that read back as such', () => {
    const regel = { toewijzingNummer: 'TW-1', ...product, toewijzingIngangsdatum: '2025-03-01' };
    expect(
      leesBericht(
        startBericht('JW305', vanAanbieder('S1'), client, [{ ...regel, begindatum: '2025-03-03' }]),
      ),
    ).toMatchObject({
      ok: true,
      bericht: { inhoud: 'start', producten: [{ Begindatum: '2025-03-03' }] },
    });
    expect(
      leesBericht(
        stopBericht('JW307', vanAanbieder('P1'), client, [
          { ...regel, begindatum: '2025-03-03', einddatum: '2025-07-01', redenBeeindiging: '31' },
        ]),
      ),
    ).toMatchObject({
      ok: true,
      bericht: { inhoud: 'stop', producten: [{ Einddatum: '2025-07-01', RedenBeeindiging: '31' }] },
    });
    expect(
      leesBericht(
        wijzigingsverzoekBericht('JW317', vanAanbieder('V1'), client.bsn, 'R-1', [
          { toewijzingNummer: 'TW-1', gewensteIngangsdatum: '2025-03-01', einddatum: '2026-02-28' },
        ]),
      ),
    ).toMatchObject({
      ok: true,
      bericht: { inhoud: 'verzoek-om-wijziging', producten: [{ Einddatum: '2026-02-28' }] },
    });
  });

  it('writes the iWmo messages under their own namespace and codes', () => {
    const gelezen = leesBericht(
      startBericht('WMO305', vanAanbieder('S2'), client, [
        {
          toewijzingNummer: 'W-1',
          categorie: '02',
          productcode: '02A01',
          toewijzingIngangsdatum: '2025-03-01',
          begindatum: '2025-03-02',
        },
      ]),
    );
    expect(gelezen).toMatchObject({
      ok: true,
      bericht: { soort: 'WMO305', header: { BerichtCode: '418' } },
    });
  });
});
