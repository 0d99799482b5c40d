import { Inject, Injectable } from '@nestjs/common';
import { MonitoringQueries } from '@app/projections';
import { kalenderdatum } from '@app/domain';
import { addDays, parseISO, subMilliseconds } from 'date-fns';
import {
  FILTER_DREMPEL,
  MonitoringDataset,
  MonitoringVraag,
  filterTeKlein,
  peildatum,
} from '@app/statistics';
import { checkPeriode } from '../common/cijfers';
import { invalidInput, refusedInput } from '../common/problem';
import { ReadYourWrites } from '../common/read-your-writes';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { MonitoringQuery } from './dto/monitoring.dto';

/** A monitoring question with the moment its facts must be recorded by. */
export type GesteldeVraag = MonitoringVraag & { bekendTot: string };

/**
 * What every monitoring route does before it computes: check the question, wait for the caller's
 * writes, fold the data set as known at the moment asked (once: every figure of the answer gets
 * the same one), and refuse a filter that selects too few persons.
 */
@Injectable()
export class MonitoringVragen {
  constructor(
    private readonly monitoring: MonitoringQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** The question of a query: the period checked, bekendOp as a whole day, the filters given. */
  vraag(query: MonitoringQuery): GesteldeVraag {
    const { van, tot } = query;
    checkPeriode(van, tot);
    const { bekendOp, bekendTot } = this.bekend(query.bekendOp);
    const { kader, categorie, product, aanbieder, verwijzer, zorgvorm, wijk } = query;
    const filter = Object.fromEntries(
      Object.entries({ kader, categorie, product, aanbieder, verwijzer, zorgvorm, wijk }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    return { van, tot, bekendOp, bekendTot, filter };
  }

  /**
   * The data set the question is asked of, after the caller's writes; `bestaat` may refuse first
   * (404: what the route is about is not in it); 422 for a filter that selects too few persons.
   */
  async dataset(
    vraag: GesteldeVraag,
    minPosition: string | undefined,
    bestaat: (d: MonitoringDataset) => void = () => {},
  ): Promise<MonitoringDataset> {
    await this.readYourWrites.waitFor(minPosition);
    // Known up to now or later is everything recorded so far: the cached data set serves it.
    const alles = vraag.bekendTot >= this.now().toISOString();
    const dataset = this.monitoring.dataset(alles ? null : vraag.bekendTot);
    bestaat(dataset);
    if (filterTeKlein(dataset, vraag.filter, peildatum(vraag))) {
      throw refusedInput(
        `Dit filter kiest minder dan ${FILTER_DREMPEL} personen; zo'n kleine groep kan iemand ` +
          'herkenbaar maken. Kies een ruimer filter.',
        Object.keys(vraag.filter).map((field) => ({
          field,
          in: 'query',
          messages: [
            `selects fewer than ${FILTER_DREMPEL} persons together with the other filters`,
          ],
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
  private bekend(gevraagd: string | undefined): { bekendOp: string; bekendTot: string } {
    const nu = this.now();
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
}
