import { kalenderdatum } from '@app/domain';
import { MonitoringQueries } from '@app/projections';
import {
  FILTER_DREMPEL,
  MonitoringDataset,
  MonitoringVraag,
  filterTeKlein,
  peildatum,
} from '@app/statistics';
import { addDays, parseISO, subMilliseconds } from 'date-fns';
import { checkPeriode } from '../common/cijfers';
import { invalidInput, refusedInput } from '../common/problem';
import { MonitoringQuery } from './dto/monitoring.dto';

/**
 * The question of a monitoring figure, from its query: the period (checked), "as known on" and the
 * filters. Every route that answers with the monitoring's figures asks it this way.
 */
export function monitoringVraag(
  query: MonitoringQuery,
  nu: Date,
): MonitoringVraag & { bekendTot: string } {
  const { van, tot } = query;
  checkPeriode(van, tot);
  const { bekendOp, bekendTot } = bekend(query.bekendOp, nu);
  const { kader, categorie, product, aanbieder, verwijzer, zorgvorm, wijk } = query;
  const filter = Object.fromEntries(
    Object.entries({ kader, categorie, product, aanbieder, verwijzer, zorgvorm, wijk }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return { van, tot, bekendOp, bekendTot, filter };
}

/**
 * The data set the question is counted on, as known at its moment (once per request: every figure
 * of an answer is counted on the same one); `bestaat` may refuse first (404: what the route is
 * about is not in it); refused (422) when its filters select fewer than FILTER_DREMPEL persons.
 */
export function monitoringDataset(
  monitoring: MonitoringQueries,
  vraag: MonitoringVraag & { bekendTot: string },
  nu: Date,
  bestaat: (d: MonitoringDataset) => void = () => {},
): MonitoringDataset {
  // Known up to now or later is everything recorded so far: the cached data set serves it.
  const alles = vraag.bekendTot >= nu.toISOString();
  const dataset = monitoring.dataset(alles ? null : vraag.bekendTot);
  bestaat(dataset);
  if (filterTeKlein(dataset, vraag.filter, peildatum(vraag))) {
    throw refusedInput(
      `Dit filter kiest minder dan ${FILTER_DREMPEL} personen; zo'n kleine groep kan iemand ` +
        'herkenbaar maken. Kies een ruimer filter.',
      Object.keys(vraag.filter).map((field) => ({
        field,
        in: 'query',
        messages: [`selects fewer than ${FILTER_DREMPEL} persons together with the other filters`],
      })),
    );
  }
  return dataset;
}

/**
 * "As known on" a whole day: up to its last moment (local time). A moment counts as the day it
 * falls on, so no one can step through a day fact by fact; without bekendOp, as known now.
 * Returns the calendar date (running care is cut off there at the latest) and the instant facts
 * must be recorded by.
 */
function bekend(gevraagd: string | undefined, nu: Date): { bekendOp: string; bekendTot: string } {
  if (gevraagd === undefined) return { bekendOp: kalenderdatum(nu), bekendTot: nu.toISOString() };
  const dag = gevraagd.length === 10 ? gevraagd : kalenderdatum(new Date(gevraagd));
  if (dag > kalenderdatum(nu) || (gevraagd.length > 10 && new Date(gevraagd) > nu)) {
    throw invalidInput([
      { field: 'bekendOp', in: 'query', messages: ['must not be in the future'] },
    ]);
  }
  const einde = subMilliseconds(addDays(parseISO(dag), 1), 1);
  return { bekendOp: dag, bekendTot: einde.toISOString() };
}
