import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { VerwerkingslogQueries } from '@app/projections';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { ReadYourWrites } from '../common/read-your-writes';

/**
 * For functioneel beheer answering a family's AVG art. 15 request: who read its data, when, what.
 * It shows no case content, only the log.
 */
@ApiTags('verwerkingslog')
@ApiBearerAuth()
@Roles('beheer')
@Controller('verwerkingslog')
export class VerwerkingslogController {
  constructor(
    private readonly verwerkingslog: VerwerkingslogQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':gezinId')
  @ApiOperation({ summary: "Who read this family's data, when, and what" })
  @ApiOkResponse({ description: 'Oldest first; empty for an unknown family' })
  async get(@Param() { gezinId }: GezinIdParams, @Query() { minPosition }: ConsistencyQuery) {
    await this.readYourWrites.waitFor(minPosition);
    return { gezinId, inzages: this.verwerkingslog.inzages(gezinId) };
  }
}
