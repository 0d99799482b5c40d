import { NotFound, PERSOON_NIET_GEVONDEN, kalenderdatum } from '@app/domain';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ToegangQueries, ZorgQueries } from '@app/projections';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/access';
import {
  CommandMeta,
  CorrelationId,
  RequestCommandContext,
  newId,
} from '../common/command-context';
import { Versioned, Written } from '../common/http-results';
import { ConsistencyQuery } from '../common/dto';
import { IDEMPOTENCY_KEY_HEADER, IF_MATCH_HEADER } from '../common/headers';
import { PersonalDataReads } from '../common/personal-data-reads';
import { CLOCK, Clock } from '../infrastructure/tokens';
import {
  AanvraagParams,
  CorrectieDto,
  DatumDto,
  PerspectiefgesprekDto,
  PersoonIdParams,
  ToewijzingDto,
  ToewijzingParams,
  UitstroomDto,
  UitstroomperspectiefDto,
  VerblijfDto,
  VerblijfParams,
  VerlengdeJeugdhulpBesluitDto,
  VerlengdeJeugdhulpDto,
  VerlengingBesluitDto,
  VerlengingDto,
  VerlengingParams,
  WoonvormDto,
  ZorgStopDto,
} from './dto/zorg.dto';
import { ZorgCommandBody, ZorgCommands } from './zorg.commands';

/**
 * A person's care: assignments, care start/stop (JW305/JW307) and corrections, extension requests
 * and decisions, residential stays and exits, perspective conversations, care after 18.
 * Recorded by the contact person of a family the person belongs to; others get 404.
 */
@ApiTags('zorg')
@ApiBearerAuth()
@Roles('contactpersoon')
@ApiNotFoundResponse({
  description: 'No such person (or record), or you do not work with their family',
})
@ApiUnprocessableEntityResponse({ description: 'A rule refused it; the reason is in `detail`' })
@Controller('personen/:persoonId')
export class ZorgController {
  constructor(
    private readonly commands: ZorgCommands,
    private readonly zorg: ZorgQueries,
    private readonly toegang: ToegangQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('zorg')
  @ApiOperation({ summary: "A person's care, with when the perspective conversation is due" })
  @ApiOkResponse({
    description:
      'Assignments, extensions, stays, conversations, care after 18; ETag is the dossier version',
  })
  async dossier(
    @Param() { persoonId }: PersoonIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const today = kalenderdatum(this.now());
    const dossier = await this.reads.withFamilies(
      { principal, correlationId },
      'zorg',
      minPosition,
      () => {
        // Need-to-know first (404 for strangers); the read is logged under each of the person's families.
        const { toegang } = this.toegang.totPersoon(persoonId, principal.userId);
        if (toegang === 'geen') throw new NotFound(PERSOON_NIET_GEVONDEN);
        const gezinIds = this.toegang.gezinnenVanPersoon(persoonId);
        return { result: this.zorg.dossier(persoonId, today), gezinIds };
      },
    );
    return new Versioned(dossier, dossier.revision);
  }

  @Post('toewijzingen')
  @ApiOperation({ summary: 'Register an assignment (product and provider from reference data)' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Registered; the body names it (toewijzingId)' })
  registerToewijzing(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: ToewijzingDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const toewijzingId = newId(context, 'toewijzing', persoonId);
    return this.send(
      persoonId,
      context,
      { toewijzingId },
      {
        type: 'RegisterToewijzing',
        toewijzingId,
        wettelijkKader: body.wettelijkKader,
        productcode: body.productcode,
        product: null,
        aanbiederId: body.aanbiederId,
        aanbieder: null,
        verwijzer: { type: body.verwijzer.type, naam: body.verwijzer.naam ?? null },
        toewijzingsnummer: body.toewijzingsnummer,
        begindatum: body.begindatum,
        einddatum: body.einddatum,
        omvang: body.omvang ? { ...body.omvang } : null,
      },
    );
  }

  @Post('toewijzingen/:toewijzingId/zorgstart')
  @ApiOperation({ summary: 'Care started (JW305)' })
  @ApiCreatedResponse({ description: 'Recorded' })
  start(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() { datum }: DatumDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, context, {}, { type: 'StartZorg', toewijzingId, datum });
  }

  @Post('toewijzingen/:toewijzingId/zorgstop')
  @ApiOperation({ summary: 'Care stopped (JW307), with the iJW reason' })
  @ApiCreatedResponse({ description: 'Recorded' })
  stop(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() { datum, reden }: ZorgStopDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, context, {}, { type: 'StopZorg', toewijzingId, datum, reden });
  }

  @Post('toewijzingen/:toewijzingId/correcties')
  @ApiOperation({ summary: 'Correct (or delete, with datum null) a recorded start or stop' })
  @ApiCreatedResponse({ description: 'Recorded' })
  correct(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() body: CorrectieDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const command: ZorgCommandBody =
      body.soort === 'start'
        ? { type: 'CorrectZorgStart', toewijzingId, datum: body.datum, reden: body.toelichting }
        : {
            type: 'CorrectZorgStop',
            toewijzingId,
            stop: body.datum === null ? null : { datum: body.datum, reden: body.redenEinde! },
            reden: body.toelichting,
          };
    return this.send(persoonId, context, {}, command);
  }

  @Post('toewijzingen/:toewijzingId/verlengingen')
  @ApiOperation({
    summary: 'An extension request; one made after the assignment ended is marked late',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Recorded; the body names it (verlengingId)' })
  requestVerlenging(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() body: VerlengingDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const verlengingId = newId(context, 'verlenging', persoonId);
    return this.send(
      persoonId,
      context,
      { verlengingId },
      {
        type: 'RequestVerlenging',
        verlengingId,
        toewijzingId,
        aangevraagdOp: body.aangevraagdOp,
        aanvrager: body.aanvrager,
        reden: body.reden,
        gevraagdTot: body.gevraagdTot,
      },
    );
  }

  @Post('verlengingen/:verlengingId/besluit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Decide an extension: granted (a new assignment continues the old) or refused ("nee, tenzij")',
  })
  @ApiOkResponse({ description: 'Decided; a grant names the new assignment (toewijzingId)' })
  decideVerlenging(
    @Param() { persoonId, verlengingId }: VerlengingParams,
    @Body() body: VerlengingBesluitDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const toewijzingId = newId(context, 'toewijzing', verlengingId);
    const extra: Record<string, string> = body.besluit === 'toegekend' ? { toewijzingId } : {};
    return this.send(persoonId, context, extra, {
      type: 'DecideVerlenging',
      verlengingId,
      besluit: body.besluit,
      besluitdatum: body.besluitdatum,
      toelichting: body.toelichting ?? null,
      alternatieven: body.alternatieven ?? [],
      nieuweToewijzing: {
        toewijzingId,
        toewijzingsnummer: body.toewijzingsnummer ?? `${verlengingId.slice(0, 8)}-V`,
      },
    });
  }

  @Post('verblijven')
  @ApiOperation({ summary: 'A residential stay starts' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Recorded; the body names it (verblijfId)' })
  startVerblijf(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: VerblijfDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const verblijfId = newId(context, 'verblijf', persoonId);
    return this.send(
      persoonId,
      context,
      { verblijfId },
      {
        type: 'StartVerblijf',
        verblijfId,
        toewijzingId: body.toewijzingId ?? null,
        woonvorm: body.woonvorm,
        startdatum: body.startdatum,
        indicatieEinddatum: body.indicatieEinddatum,
        uitstroomperspectief: body.uitstroomperspectief ?? null,
      },
    );
  }

  @Post('verblijven/:verblijfId/woonvorm')
  @ApiOperation({ summary: 'Change the form of residence (step-down or step-up)' })
  @ApiCreatedResponse({ description: 'Recorded' })
  changeWoonvorm(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, naar }: WoonvormDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, context, {}, { type: 'ChangeWoonvorm', verblijfId, datum, naar });
  }

  @Post('verblijven/:verblijfId/uitstroomperspectief')
  @ApiOperation({ summary: 'Record the exit perspective of a stay' })
  @ApiCreatedResponse({ description: 'Recorded' })
  uitstroomperspectief(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, perspectief }: UitstroomperspectiefDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(
      persoonId,
      context,
      {},
      { type: 'SetUitstroomperspectief', verblijfId, datum, perspectief },
    );
  }

  @Post('verblijven/:verblijfId/uitstroom')
  @ApiOperation({ summary: 'The stay ends: date, destination, follow-up help arranged or not' })
  @ApiCreatedResponse({ description: 'Recorded' })
  uitstroom(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, bestemming, vervolghulp }: UitstroomDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(
      persoonId,
      context,
      {},
      { type: 'EndVerblijf', verblijfId, datum, bestemming, vervolghulp },
    );
  }

  @Post('perspectiefgesprekken')
  @ApiOperation({
    summary: 'A perspective conversation was held (due at 16.5, or at intake after it)',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Recorded; the body names it (gesprekId)' })
  perspectiefgesprek(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: PerspectiefgesprekDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const gesprekId = newId(context, 'gesprek', persoonId);
    return this.send(
      persoonId,
      context,
      { gesprekId },
      {
        type: 'RecordPerspectiefgesprek',
        gesprekId,
        datum: body.datum,
        door: context.principal.name,
        perspectief: body.perspectief,
        behoeften: body.behoeften,
        zorgNa18Verwacht: body.zorgNa18Verwacht,
      },
    );
  }

  @Post('verlengde-jeugdhulp')
  @ApiOperation({ summary: 'Request care after 18 (verlengde jeugdhulp)' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ description: 'Recorded; the body names it (aanvraagId)' })
  requestVerlengdeJeugdhulp(
    @Param() { persoonId }: PersoonIdParams,
    @Body() { datum, reden }: VerlengdeJeugdhulpDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const aanvraagId = newId(context, 'verlengde-jeugdhulp', persoonId);
    return this.send(
      persoonId,
      context,
      { aanvraagId },
      { type: 'RequestVerlengdeJeugdhulp', aanvraagId, datum, reden },
    );
  }

  @Post('verlengde-jeugdhulp/:aanvraagId/besluit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide a request for care after 18' })
  @ApiOkResponse({ description: 'Decided' })
  decideVerlengdeJeugdhulp(
    @Param() { persoonId, aanvraagId }: AanvraagParams,
    @Body() body: VerlengdeJeugdhulpBesluitDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(
      persoonId,
      context,
      {},
      {
        type: 'DecideVerlengdeJeugdhulp',
        aanvraagId,
        datum: body.datum,
        besluit: body.besluit,
        toelichting: body.toelichting ?? null,
      },
    );
  }

  private async send(
    persoonId: string,
    context: RequestCommandContext,
    ids: Record<string, string>,
    command: ZorgCommandBody,
  ): Promise<Written> {
    const result = await this.commands.dossier(persoonId, command, context);
    return new Written({ persoonId, ...ids }, result);
  }
}
