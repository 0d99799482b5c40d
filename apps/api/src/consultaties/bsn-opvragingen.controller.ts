import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { BsnOpvragingenQueries, BsnOpvragingenVanGebruiker } from '@app/projections';
import { checkPeriode } from '../common/cijfers';
import { ReadYourWrites } from '../common/read-your-writes';
import { BsnOpvragingenQuery } from './dto/consultatie.dto';

/**
 * For application management: how often each practice user looked up a BSN, to spot misuse. It
 * names users and practices, never a BSN, a person or whether one was found.
 */
@ApiTags('beheer')
@ApiBearerAuth()
@Roles('beheer')
@Controller('beheer')
export class BsnOpvragingenController {
  constructor(
    private readonly bsnOpvragingen: BsnOpvragingenQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('bsn-opvragingen')
  @ApiOperation({
    summary: 'BSN lookups per user and practice in a period',
    description:
      'Every BSN a JPH or GP user sent with consent, known or not, counts once; a lookup ' +
      'refused by the hourly limit (429) does not. Days in UTC, van and tot included; most ' +
      'lookups first.',
  })
  @ApiOkResponse({ description: 'Per user and practice: the number, the first and the last' })
  async list(@Query() { van, tot, minPosition }: BsnOpvragingenQuery): Promise<{
    van: string;
    tot: string;
    totaal: number;
    gebruikers: BsnOpvragingenVanGebruiker[];
  }> {
    checkPeriode(van, tot);
    await this.readYourWrites.waitFor(minPosition);
    const gebruikers = this.bsnOpvragingen.perGebruiker(van, tot);
    return { van, tot, totaal: gebruikers.reduce((som, g) => som + g.aantal, 0), gebruikers };
  }
}
