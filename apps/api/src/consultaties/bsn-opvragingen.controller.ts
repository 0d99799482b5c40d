import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { BsnOpvragingenQueries } from '@app/projections';
import { checkPeriode } from '../common/cijfers';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { BsnOpvragingenQuery } from './dto/consultatie.dto';
import { BsnOpvragingenResponse } from './dto/consultatie.responses';

/**
 * For application management: how often each practice user looked up a BSN, to spot misuse. It
 * names users and practices, never a BSN, a person or whether one was found.
 */
@ApiTags('beheer')
@Roles('beheer')
@Controller('beheer')
export class BsnOpvragingenController {
  constructor(
    private readonly bsnOpvragingen: BsnOpvragingenQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('bsn-opvragingen')
  @ReadRoute({
    summary: 'BSN lookups per user and practice in a period',
    description:
      'Every BSN a JPH or GP user sent with consent in an accepted request (logging or ' +
      'correcting a consultation), known or not, counts once; a refused request, a lookup ' +
      'refused by the hourly limit (429) or a retry with the same Idempotency-Key does not. ' +
      'Days in UTC, van and tot included. Names users and practices, never a BSN, a person or ' +
      'whether one was found.',
    type: BsnOpvragingenResponse,
    answer: 'Per user and practice: the number, the first and the last; most lookups first',
  })
  async list(
    @Query() { van, tot, minPosition }: BsnOpvragingenQuery,
  ): Promise<BsnOpvragingenResponse> {
    checkPeriode(van, tot);
    await this.readYourWrites.waitFor(minPosition);
    const gebruikers = this.bsnOpvragingen.perGebruiker(van, tot);
    return { van, tot, totaal: gebruikers.reduce((som, g) => som + g.aantal, 0), gebruikers };
  }
}
