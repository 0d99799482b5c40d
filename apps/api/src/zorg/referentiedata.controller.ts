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
    description:
      `${NEW_VERSION} A product is under a law (\`wettelijkKader\`, Jeugdwet by default); only a ` +
      'Jeugdwet product has an iJW category, a product under another law (Wmo, ' +
      'Participatiewet, schuldhulpverlening) is classified by its law alone. Only a residential ' +
      'product (category 43 or 44, or 90002) has a woonvorm.',
    status: 200,
    ids: ['productcode'],
    refusals: {
      422:
        'Not after the latest version, a woonvorm on a non-residential product, or a category ' +
        'on a product outside the Jeugdwet',
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
    summary: 'Set the youths aged 0-17 on 31 December of a year: in total and/or per district',
    description:
      'Give the whole municipality (`totaal`), the districts (`wijken`), or both; without ' +
      '`totaal` the whole is the sum of the districts, with it the districts may cover part of ' +
      'it. Replaces the figures of that year when it was set before (a correction: the latest ' +
      'wins); the same figures again write nothing.',
    status: 200,
    ids: ['jaar'],
    answer: 'Recorded (position null when the figures were the same)',
    refusals: {
      422:
        'Neither a total nor a district, a district named twice (case does not count) or one ' +
        'without a name, or districts adding up to more than the total',
    },
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
