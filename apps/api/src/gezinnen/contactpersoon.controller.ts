import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { GezinnenQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery, GezinIdParams } from '../common/dto';
import { Written } from '../common/http-results';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { MAY_ONLY_READ, WriteRoute } from '../common/write-route';
import { AssignContactpersoonDto, EndContactpersoonDto, HandOverDto } from './dto/gezin.dto';
import { ContactpersonenResponse } from './dto/gezin.responses';
import { GezinCommandBody, GezinCommands } from './gezin.commands';

/**
 * One family, one contact person: assign, hand over (one event: from, to, date, reason), end.
 * The registrant or a team lead assigns the first; the contact person or a team lead hands over.
 */
@ApiTags('contactpersoon')
@Roles('contactpersoon')
@ApiNotFoundResponse({ description: 'No such family, or you do not work with it' })
@Controller('gezinnen/:gezinId')
export class ContactpersoonController {
  constructor(
    private readonly commands: GezinCommands,
    private readonly gezinnen: GezinnenQueries,
    private readonly reads: PersonalDataReads,
  ) {}

  @Post('contactpersoon')
  @WriteRoute({
    summary: 'Assign the contact person of a family that has none',
    description:
      'One family, one contact person: refused with 422 while one is active. Its registrant ' +
      '(before the first contact person) or a team lead of any family assigns; the registrant ' +
      'then keeps read access only.',
    status: 200,
    ids: ['gezinId'],
    answer: 'Assigned',
    refusals: { 403: MAY_ONLY_READ, 422: 'The family already has a contact person' },
  })
  assign(
    @Param() { gezinId }: GezinIdParams,
    @Body() { vanaf, ...contactpersoon }: AssignContactpersoonDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = { type: 'AssignContactpersoon' as const, contactpersoon, vanaf };
    return this.send(gezinId, command, context);
  }

  @Post('overdrachten')
  @WriteRoute({
    summary: 'Hand the family over to another contact person',
    description:
      'The contact person, or a team lead of any family. One event: from, to, date, reason; ' +
      'the one handing over keeps read access.',
    status: 200,
    ids: ['gezinId'],
    answer: 'Handed over; you keep read access',
    refusals: {
      403: MAY_ONLY_READ,
      422: 'No contact person, the same one, or a date before the current one started',
    },
  })
  handOver(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: HandOverDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const { userId, naam, organisatie } = body.naar;
    const command = {
      type: 'HandOverContactpersoon' as const,
      naar: { userId, naam, organisatie },
      per: body.per,
      reden: body.reden,
    };
    return this.send(gezinId, command, context);
  }

  @Post('contactpersoon/einde')
  @WriteRoute({
    summary: 'End the contact person without a successor (e.g. help finished)',
    description:
      'The contact person, or a team lead of any family. Nobody writes the family until a ' +
      'team lead assigns a new one.',
    status: 200,
    ids: ['gezinId'],
    answer: 'Ended; the family shows on the team leads’ list zonder-contactpersoon',
    refusals: { 403: MAY_ONLY_READ, 422: 'No contact person, or a date before they started' },
  })
  end(
    @Param() { gezinId }: GezinIdParams,
    @Body() body: EndContactpersoonDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const command = { type: 'EndContactpersoon' as const, per: body.per, reden: body.reden };
    return this.send(gezinId, command, context);
  }

  @Get('contactpersonen')
  @ReadRoute({
    summary: 'Every contact person the family had, with dates and reasons',
    type: ContactpersonenResponse,
    answer: 'In order, the first first',
    personalData: true,
  })
  async history(
    @Param() { gezinId }: GezinIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ): Promise<ContactpersonenResponse> {
    const contactpersonen = await this.reads.ofFamily(
      reader,
      gezinId,
      'contactpersonen',
      minPosition,
      () => this.gezinnen.contactpersonen(gezinId),
    );
    return { gezinId, contactpersonen };
  }

  private async send(
    gezinId: string,
    command: GezinCommandBody,
    context: RequestCommandContext,
  ): Promise<Written> {
    return new Written({ gezinId }, await this.commands.gezin(gezinId, command, context));
  }
}
