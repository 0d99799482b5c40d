import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ReferentiedataCommand, kalenderdatum } from '@app/domain';
import { ZorgQueries } from '@app/projections';
import { Written } from '../common/http-results';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { WriteRoute } from '../common/write-route';
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
import { Aanbieder, BevolkingJaar, Product } from './dto/zorg.responses';
import { ZorgCommands } from './zorg.commands';

/** A product's or provider's history is never rewritten; a PUT is the whole new version. */
const NEW_VERSION =
  'A version applies from geldigVanaf, after the latest version of the same one: history is ' +
  'never rewritten. Each PUT is a whole version (a field left out is empty in it).';

/**
 * Reference data kept by functioneel beheer: products and providers, versioned by the date a
 * version applies from, and the population figures per year and district that policy indicators
 * divide by. Everyone who records or reads care may look products and providers up; the
 * population is for beheer and beleid. No personal data. They are one stream (`referentiedata`):
 * If-Match on these writes is its version.
 */
@ApiTags('referentiedata')
@Controller('referentiedata')
export class ReferentiedataController {
  constructor(
    private readonly commands: ZorgCommands,
    private readonly zorg: ZorgQueries,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Put('producten/:productcode')
  @Roles('beheer')
  @WriteRoute({
    summary: 'Set a version of a product, valid from a date after the latest version',
    description: `${NEW_VERSION} Only a residential product (category 43 or 44, or 90002) has a woonvorm.`,
    status: 200,
    ids: ['productcode'],
    refusals: {
      422: 'Not after the latest version, or a woonvorm on a non-residential product',
    },
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
          categorie: body.categorie,
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
  @Roles('beheer')
  @WriteRoute({
    summary: 'Set a version of a provider, valid from a date after the latest version',
    description: NEW_VERSION,
    status: 200,
    ids: ['aanbiederId'],
    refusals: { 422: 'Not after the latest version' },
  })
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
  @Roles('beheer')
  @WriteRoute({
    summary: 'Set the youths aged 0-17 on 31 December of a year, per district',
    description:
      'Replaces the figures of that year when it was set before (a correction: the latest ' +
      'wins); the same figures again write nothing.',
    status: 200,
    ids: ['jaar'],
    answer: 'Recorded (position null when the figures were the same)',
    refusals: { 422: 'A district named twice (case does not count), or one without a name' },
  })
  async setBevolking(
    @Param() { jaar }: BevolkingParams,
    @Body() body: BevolkingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<Written> {
    const wijken = body.wijken.map(({ wijk, aantal }) => ({ wijk, aantal }));
    return this.write({ jaar }, { type: 'SetBevolking', jaar, wijken }, context);
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
  @ReadRoute({
    summary: 'The products as valid on a date',
    description: 'The version of each product valid on peildatum (today when left out).',
    type: { items: Product },
    answer: 'One version per product, by product code',
  })
  async producten(@Query() { peildatum, minPosition }: PeildatumQuery) {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.producten(peildatum ?? this.today()) };
  }

  @Get('aanbieders')
  @Roles('beheer', 'contactpersoon', 'beleid')
  @ReadRoute({
    summary: 'The providers as valid on a date',
    description: 'The version of each provider valid on peildatum (today when left out).',
    type: { items: Aanbieder },
    answer: 'One version per provider, by name',
  })
  async aanbieders(@Query() { peildatum, minPosition }: PeildatumQuery) {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.aanbieders(peildatum ?? this.today()) };
  }

  @Get('bevolking')
  @Roles('beheer', 'beleid')
  @ReadRoute({
    summary: 'The youths aged 0-17 on 31 December, per year: per district and in total',
    type: { items: BevolkingJaar },
    answer: 'Every year set, in order, with its districts (by name) and total',
  })
  async bevolking(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: BevolkingJaar[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.zorg.bevolking() };
  }

  private today(): string {
    return kalenderdatum(this.now());
  }
}
