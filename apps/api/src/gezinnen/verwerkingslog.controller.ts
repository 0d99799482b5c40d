import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { VerwerkingslogQueries } from '@app/projections';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { VerwerkingslogResponse } from './dto/gezin.responses';

/**
 * For functioneel beheer answering a family's AVG art. 15 request: who read its data, when, what.
 * It shows no case content, only the log.
 */
@ApiTags('verwerkingslog')
@Roles('beheer')
@Controller('verwerkingslog')
export class VerwerkingslogController {
  constructor(
    private readonly verwerkingslog: VerwerkingslogQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':gezinId')
  @ReadRoute({
    summary: "Who read this family's data, when, and what",
    description:
      'Every read through the API that showed the family’s data (the family, its timeline, ' +
      'plan, contact persons, a member’s care, a worklist that named it, a consultation with a ' +
      'confirmed link), and every BSN lookup that found one of its members. No case content.',
    type: VerwerkingslogResponse,
    answer: 'Oldest first; empty for an unknown family',
  })
  async get(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
  ): Promise<VerwerkingslogResponse> {
    await this.readYourWrites.waitFor(minPosition);
    return { gezinId, inzages: this.verwerkingslog.inzages(gezinId) };
  }
}
