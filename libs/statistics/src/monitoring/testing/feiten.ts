import {
  RedenEindeZorg,
  VerwijzerType,
  WettelijkKader,
  ZorgEvent,
  isVerblijfsproduct,
} from '@app/domain';
import { MonitoringFeit } from '../feiten';

/** Builders of monitoring facts for tests: one way to write a hand-made data set. */
export const zorg = (event: ZorgEvent): MonitoringFeit => ({ type: 'Zorg', event });

export const persoon = (persoonId: string, geboortedatum: string | null): MonitoringFeit => ({
  type: 'Persoon',
  persoonId,
  geboortedatum,
});

export const gezinslid = (gezinId: string, persoonId: string, vanaf = '2020-01-01') =>
  ({ type: 'Gezinslid', gezinId, persoonId, vanaf }) satisfies MonitoringFeit;

export const wijk = (gezinId: string, naam: string, per = '2020-01-01') =>
  ({ type: 'Wijk', gezinId, wijk: naam, per }) satisfies MonitoringFeit;

export interface ToewijzingOpties {
  id: string;
  persoon: string;
  begin: string;
  eind: string;
  kader?: WettelijkKader;
  product?: string;
  categorie?: string;
  aanbieder?: string;
  verwijzer?: VerwijzerType;
  maxDuurMaanden?: number | null;
  /** JW305 care start. */
  start?: string;
  /** JW307 care stop. */
  stop?: string;
  reden?: RedenEindeZorg;
}

/** An assignment (ambulant Jeugdwet by default), with its care start and stop when given. */
export function toewijzing(t: ToewijzingOpties): MonitoringFeit[] {
  const productcode = t.product ?? '45A48';
  const productcategorie = t.categorie ?? '45';
  const persoonId = t.persoon;
  const toewijzingId = t.id;
  return [
    zorg({
      type: 'ToewijzingRegistered',
      data: {
        persoonId,
        toewijzingId,
        wettelijkKader: t.kader ?? 'jeugdwet',
        productcode,
        productcategorie,
        verblijf: isVerblijfsproduct(productcategorie, productcode),
        aanbiederId: t.aanbieder ?? '12345678',
        aanbiederNaam: '',
        verwijzer: { type: t.verwijzer ?? '02', naam: null },
        toewijzingsnummer: toewijzingId,
        begindatum: t.begin,
        einddatum: t.eind,
        omvang: null,
        maxDuurMaanden: t.maxDuurMaanden ?? null,
        verlengingVan: null,
      },
    }),
    ...(t.start === undefined
      ? []
      : [zorg({ type: 'ZorgGestart', data: { persoonId, toewijzingId, datum: t.start } })]),
    ...(t.stop === undefined
      ? []
      : [
          zorg({
            type: 'ZorgGestopt',
            data: { persoonId, toewijzingId, datum: t.stop, reden: t.reden ?? '31' },
          }),
        ]),
  ];
}

/** `n` ids: reeks('p', 3) is p0, p1, p2. */
export const reeks = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);
