import { kalenderdatum } from '@app/domain';
import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ZorgQueries } from '@app/projections';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/access';
import { CommandMeta, Ids, RequestCommandContext } from '../common/command-context';
import { Versioned, Written } from '../common/http-results';
import { ConsistencyQuery } from '../common/dto';
import { CurrentReader, PersonalDataReads, Reader } from '../common/personal-data-reads';
import { ReadRoute } from '../common/read-route';
import { MAY_ONLY_READ, WriteRoute } from '../common/write-route';
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
import { ZorgdossierResponse } from './dto/zorg.responses';
import { ZorgCommandBody, ZorgCommands } from './zorg.commands';

/**
 * A person's care: assignments, care start/stop (JW305/JW307) and corrections, extension requests
 * and decisions, residential stays and exits, perspective conversations, care after 18.
 * Recorded by the contact person of a family the person belongs to; others get 404.
 */
@ApiTags('zorg')
@Roles('contactpersoon')
@ApiNotFoundResponse({
  description: 'No such person (or record), or you do not work with their family',
})
@Controller('personen/:persoonId')
export class ZorgController {
  constructor(
    private readonly commands: ZorgCommands,
    private readonly ids: Ids,
    private readonly zorg: ZorgQueries,
    private readonly reads: PersonalDataReads,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Get('zorg')
  @ReadRoute({
    summary: "A person's care, with when the perspective conversation is due",
    description:
      'For whoever works with a family the person belongs to now (reads too); one dossier ' +
      'per person, whatever family they are in. ETag once something was recorded. Through a ' +
      'member recognised by BSN and not yet confirmed by another family of the person, only ' +
      'what was recorded since, with its version counted over that (as for a new person).',
    type: ZorgdossierResponse,
    answer: 'Assignments, extensions, stays, conversations, care after 18',
    etag: true,
    personalData: true,
  })
  async dossier(
    @Param() { persoonId }: PersoonIdParams,
    @Query() { minPosition }: ConsistencyQuery,
    @CurrentReader() reader: Reader,
  ) {
    const today = kalenderdatum(this.now());
    const dossier = await this.reads.ofPerson(reader, persoonId, 'zorg', minPosition, (vanaf) =>
      this.zorg.dossier(persoonId, today, vanaf),
    );
    return new Versioned(dossier, dossier.revision);
  }

  @Post('toewijzingen')
  @WriteRoute({
    summary: 'Register an assignment (product and provider from reference data)',
    description:
      'The product and provider must be known on begindatum: the assignment copies the ' +
      "product's category, whether it is residential, its maximum duration and the provider's " +
      'name as valid on that day, so a later version of them changes nothing.',
    status: 201,
    ids: ['persoonId', 'toewijzingId'],
    answer: 'Registered; toewijzingId names it',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Product or provider unknown on begindatum, einddatum before begindatum, or begindatum ' +
        'before the birth date',
    },
  })
  registerToewijzing(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: ToewijzingDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const toewijzingId = this.ids.newId(context, 'toewijzing', persoonId);
    return this.send(
      persoonId,
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
      context,
      { toewijzingId },
    );
  }

  @Post('toewijzingen/:toewijzingId/zorgstart')
  @WriteRoute({
    summary: 'Care started (JW305)',
    status: 201,
    ids: ['persoonId'],
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Started already (correct the start instead), outside the assignment (begindatum to ' +
        'einddatum), in the future, or before the birth date',
    },
  })
  start(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() { datum }: DatumDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, { type: 'StartZorg', toewijzingId, datum }, context);
  }

  @Post('toewijzingen/:toewijzingId/zorgstop')
  @WriteRoute({
    summary: 'Care stopped (JW307), with the iJW reason',
    status: 201,
    ids: ['persoonId'],
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Not started, stopped already, before the start, after the end date of the assignment ' +
        '(an extension is a new assignment), or in the future',
    },
  })
  stop(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() { datum, reden }: ZorgStopDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, { type: 'StopZorg', toewijzingId, datum, reden }, context);
  }

  @Post('toewijzingen/:toewijzingId/correcties')
  @WriteRoute({
    summary: 'Correct (or delete, with datum null) a recorded start or stop',
    description:
      'A corrected date follows the rules of a start or stop; a corrected stop needs redenEinde.',
    status: 201,
    ids: ['persoonId'],
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Nothing to correct (no start, or no stop), a start deleted while a stop exists, a ' +
        'start after the stop, or a date the rules of a start or stop refuse',
    },
  })
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
    return this.send(persoonId, command, context);
  }

  @Post('toewijzingen/:toewijzingId/verlengingen')
  @WriteRoute({
    summary: 'An extension request; one made after the assignment ended is marked late',
    description: 'A request made after the assignment ended is accepted, marked telaat.',
    status: 201,
    ids: ['persoonId', 'verlengingId'],
    answer: 'Recorded; verlengingId names it',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'gevraagdTot not after the end date of the assignment, another request for it ' +
        'undecided, or aangevraagdOp in the future or before the birth date',
    },
  })
  requestVerlenging(
    @Param() { persoonId, toewijzingId }: ToewijzingParams,
    @Body() body: VerlengingDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const verlengingId = this.ids.newId(context, 'verlenging', persoonId);
    return this.send(
      persoonId,
      {
        type: 'RequestVerlenging',
        verlengingId,
        toewijzingId,
        aangevraagdOp: body.aangevraagdOp,
        aanvrager: body.aanvrager,
        reden: body.reden,
        gevraagdTot: body.gevraagdTot,
      },
      context,
      { verlengingId },
    );
  }

  @Post('verlengingen/:verlengingId/besluit')
  @WriteRoute({
    summary:
      'Decide an extension: granted (a new assignment continues the old) or refused ("nee, tenzij")',
    description:
      'A grant is a new assignment of the same product, provider, law, referrer and volume, ' +
      'from the day after the old one ends until gevraagdTot, linked by verlengingVan; its ' +
      'toewijzingsnummer is, when left out, the first 8 characters of the extension id and -V. ' +
      'A refusal needs its "nee, tenzij" explanation (toelichting), with the alternatives offered.',
    status: 200,
    ids: ['persoonId', 'toewijzingId?'],
    answer: 'Decided; a grant names the new assignment (toewijzingId)',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Decided already, a decision dated before the request or in the future, or a refusal ' +
        'without toelichting',
    },
  })
  decideVerlenging(
    @Param() { persoonId, verlengingId }: VerlengingParams,
    @Body() body: VerlengingBesluitDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const toewijzingId = this.ids.newId(context, 'toewijzing', verlengingId);
    const extra: Record<string, string> = body.besluit === 'toegekend' ? { toewijzingId } : {};
    return this.send(
      persoonId,
      {
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
      },
      context,
      extra,
    );
  }

  @Post('verblijven')
  @WriteRoute({
    summary: 'A residential stay starts',
    description: 'One stay at a time; with toewijzingId, a residential assignment.',
    status: 201,
    ids: ['persoonId', 'verblijfId'],
    answer: 'Recorded; verblijfId names it',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'A stay still open, an assignment that is not residential (category 43/44 or 90002), ' +
        'indicatieEinddatum before startdatum, or a start in the future or before the birth date',
    },
  })
  startVerblijf(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: VerblijfDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const verblijfId = this.ids.newId(context, 'verblijf', persoonId);
    return this.send(
      persoonId,
      {
        type: 'StartVerblijf',
        verblijfId,
        toewijzingId: body.toewijzingId ?? null,
        woonvorm: body.woonvorm,
        startdatum: body.startdatum,
        indicatieEinddatum: body.indicatieEinddatum,
        uitstroomperspectief: body.uitstroomperspectief ?? null,
      },
      context,
      { verblijfId },
    );
  }

  @Post('verblijven/:verblijfId/woonvorm')
  @WriteRoute({
    summary: 'Change the form of residence (step-down or step-up)',
    description:
      'From the heaviest to the lightest: gesloten, behandeld-wonen, gezinshuis, pleegzorg, ' +
      'begeleid-wonen, kamertraining; a move down the list is a step-down (afschaling).',
    status: 201,
    ids: ['persoonId'],
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'The stay ended, the same form again, or a date before its start or last change, or in ' +
        'the future',
    },
  })
  changeWoonvorm(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, naar }: WoonvormDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    return this.send(persoonId, { type: 'ChangeWoonvorm', verblijfId, datum, naar }, context);
  }

  @Post('verblijven/:verblijfId/uitstroomperspectief')
  @WriteRoute({
    summary: 'Record the exit perspective of a stay',
    status: 201,
    ids: ['persoonId'],
    refusals: { 403: MAY_ONLY_READ, 422: 'The stay ended' },
  })
  uitstroomperspectief(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, perspectief }: UitstroomperspectiefDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const command = { type: 'SetUitstroomperspectief' as const, verblijfId, datum, perspectief };
    return this.send(persoonId, command, context);
  }

  @Post('verblijven/:verblijfId/uitstroom')
  @WriteRoute({
    summary: 'The stay ends: date, destination, follow-up help arranged or not',
    status: 201,
    ids: ['persoonId'],
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'The stay ended already, or a date before its start or its last change of form, or in ' +
        'the future',
    },
  })
  uitstroom(
    @Param() { persoonId, verblijfId }: VerblijfParams,
    @Body() { datum, bestemming, vervolghulp }: UitstroomDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const command = { type: 'EndVerblijf' as const, verblijfId, datum, bestemming, vervolghulp };
    return this.send(persoonId, command, context);
  }

  @Post('perspectiefgesprekken')
  @WriteRoute({
    summary: 'A perspective conversation was held (due at 16.5, or at intake after it)',
    description: 'Held by you: your name (from the token) is recorded.',
    status: 201,
    ids: ['persoonId', 'gesprekId'],
    answer: 'Recorded; gesprekId names it',
    refusals: { 403: MAY_ONLY_READ, 422: 'A date in the future or before the birth date' },
  })
  perspectiefgesprek(
    @Param() { persoonId }: PersoonIdParams,
    @Body() body: PerspectiefgesprekDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const gesprekId = this.ids.newId(context, 'gesprek', persoonId);
    const command: ZorgCommandBody = {
      type: 'RecordPerspectiefgesprek',
      gesprekId,
      datum: body.datum,
      door: context.principal.name,
      perspectief: body.perspectief,
      behoeften: body.behoeften,
      zorgNa18Verwacht: body.zorgNa18Verwacht,
    };
    return this.send(persoonId, command, context, { gesprekId });
  }

  @Post('verlengde-jeugdhulp')
  @WriteRoute({
    summary: 'Request care after 18 (verlengde jeugdhulp)',
    status: 201,
    ids: ['persoonId', 'aanvraagId'],
    answer: 'Recorded; aanvraagId names it',
    refusals: {
      403: MAY_ONLY_READ,
      422: 'Requested already, or a date in the future or before the birth date',
    },
  })
  requestVerlengdeJeugdhulp(
    @Param() { persoonId }: PersoonIdParams,
    @Body() { datum, reden }: VerlengdeJeugdhulpDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const aanvraagId = this.ids.newId(context, 'verlengde-jeugdhulp', persoonId);
    const command = { type: 'RequestVerlengdeJeugdhulp' as const, aanvraagId, datum, reden };
    return this.send(persoonId, command, context, { aanvraagId });
  }

  @Post('verlengde-jeugdhulp/:aanvraagId/besluit')
  @WriteRoute({
    summary: 'Decide a request for care after 18',
    status: 200,
    ids: ['persoonId'],
    answer: 'Decided',
    refusals: {
      403: MAY_ONLY_READ,
      422:
        'Decided already, a decision dated before the request or in the future, or a refusal ' +
        'without toelichting',
    },
  })
  decideVerlengdeJeugdhulp(
    @Param() { persoonId, aanvraagId }: AanvraagParams,
    @Body() body: VerlengdeJeugdhulpBesluitDto,
    @CommandMeta() context: RequestCommandContext,
  ) {
    const command: ZorgCommandBody = {
      type: 'DecideVerlengdeJeugdhulp',
      aanvraagId,
      datum: body.datum,
      besluit: body.besluit,
      toelichting: body.toelichting ?? null,
    };
    return this.send(persoonId, command, context);
  }

  private async send(
    persoonId: string,
    command: ZorgCommandBody,
    context: RequestCommandContext,
    ids: Record<string, string> = {},
  ): Promise<Written> {
    const result = await this.commands.dossier(persoonId, command, context);
    return new Written({ persoonId, ...ids }, result);
  }
}
