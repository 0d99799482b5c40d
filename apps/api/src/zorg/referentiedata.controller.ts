import { Body, Controller, Get, HttpCode, Inject, Param, Put, Query } from '@nestjs/common';
import { ReferentiedataCommand, kalenderdatum } from '@app/domain';
import { BevolkingJaar, ZorgQueries } from '@app/projections';
import { Written } from '../common/http-results';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '@app/access';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ReadYourWrites } from '../common/read-your-writes';
import { CLOCK, Clock } from '../infrastructure/tokens';
import { ConsistencyQuery } from '../common/dto';
import {
  AanbiederParams,
  AanbiederVersieDto,
  BevolkingDto,
  BevolkingParams,
  PeildatumQuery,
  ProductVersieDto,
  ProductcodeParams,
} from './dto/zorg.dto';
import { ZorgCommands } from './zorg.commands';

/**
 * Reference data kept by functioneel beheer: products and providers, versioned by the date a
 * version applies from, and the population figures per year and district that policy indicators
 * divide by. Everyone who records or reads care may look products and providers up; the
 * population is for beheer and beleid. No personal data.
 */
@ApiTags('referentiedata')
@ApiBearerAuth()
@Controller('referentiedata')
export class ReferentiedataController {
  constructor(
    private readonly commands: ZorgCommands,
    private readonly zorg: ZorgQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Put('producten/:productcode')
  @HttpCode(200)
  @Roles('beheer')
  @ApiOperation({
    summary: 'Set a version of a product, valid from a date after the latest version',
    description:
      'Role beheer. A product is under a law (`wettelijkKader`, Jeugdwet by default); only a ' +
      'Jeugdwet product has an iJW category, a product under another law (Wmo, ' +
      'Participatiewet, schuldhulpverlening) is classified by its law alone.',
  })
  @ApiOkResponse({ description: 'Recorded' })
  @ApiUnprocessableEntityResponse({
    description:
      'Not after the latest version, a woonvorm on a non-residential product, or a category on a product outside the Jeugdwet',
  })
  setProduct(
    @Param() { productcode }: ProductcodeParams,
    @Body() body: ProductVersieDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.write(
      { productcode },
      {
        type: 'SetProductVersion',
        productcode,
        geldigVanaf: body.geldigVanaf,
        gegevens: {
          wettelijkKader: body.wettelijkKader ?? 'jeugdwet',
          categorie: body.categorie ?? null,
          omschrijving: body.omschrijving,
          woonvorm: body.woonvorm ?? null,
          maxDuurMaanden: body.maxDuurMaanden ?? null,
          cbsHulpvorm: body.cbsHulpvorm ?? null,
        },
      },
      context,
    );
  }

  @Put('aanbieders/:aanbiederId')
  @HttpCode(200)
  @Roles('beheer')
  @ApiOperation({
    summary: 'Set a version of a provider, valid from a date after the latest version',
  })
  @ApiOkResponse({ description: 'Recorded' })
  setAanbieder(
    @Param() { aanbiederId }: AanbiederParams,
    @Body() body: AanbiederVersieDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const command = {
      type: 'SetAanbiederVersion' as const,
      aanbiederId,
      naam: body.naam,
      geldigVanaf: body.geldigVanaf,
    };
    return this.write({ aanbiederId }, command, context);
  }

  @Put('bevolking/:jaar')
  @HttpCode(200)
  @Roles('beheer')
  @ApiOperation({
    summary: 'Set the youths aged 0-17 on 31 December of a year: in total and/or per district',
    description:
      'Role beheer. Give the whole municipality (`totaal`), the districts (`wijken`), or both; ' +
      'without `totaal` the whole is the sum of the districts, with it the districts may cover ' +
      'part of it. Replaces the figures of that year when it was set before (a correction: the ' +
      'latest wins).',
  })
  @ApiOkResponse({ description: 'Recorded (position null when the figures were the same)' })
  @ApiUnprocessableEntityResponse({
    description:
      'Neither a total nor a district, a district named twice, or districts adding up to more than the total',
  })
  async setBevolking(
    @Param() { jaar }: BevolkingParams,
    @Body() body: BevolkingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const wijken = (body.wijken ?? []).map(({ wijk, aantal }) => ({ wijk, aantal }));
    const command = { type: 'SetBevolking' as const, jaar, wijken, totaal: body.totaal ?? null };
    return this.write({ jaar }, command, context);
  }

  private async write(
    ids: Record<string, string | number>,
    command: ReferentiedataCommand,
    context: RequestCommandContext,
  ): Promise<Written> {
    return new Written(ids, await this.commands.referentiedata(command, context));
  }

  @Get('producten')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ApiOperation({ summary: 'The products as valid on a date' })
  @ApiOkResponse({ description: 'One version per product' })
  async producten(@Query() { peildatum, minPosition }: PeildatumQuery) {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.producten(peildatum ?? this.today()) };
  }

  @Get('aanbieders')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ApiOperation({ summary: 'The providers as valid on a date' })
  @ApiOkResponse({ description: 'One version per provider' })
  async aanbieders(@Query() { peildatum, minPosition }: PeildatumQuery) {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.aanbieders(peildatum ?? this.today()) };
  }

  @Get('bevolking')
  @Roles('beheer', 'beleid')
  @ApiOperation({
    summary: 'The youths aged 0-17 on 31 December, per year: per district and in total',
  })
  @ApiOkResponse({ description: 'Every year set, in order, with its districts and total' })
  async bevolking(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: BevolkingJaar[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.bevolking() };
  }

  private today(): string {
    return kalenderdatum(this.now());
  }
}
