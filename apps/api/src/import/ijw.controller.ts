import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/access';
import { IjwImport } from '@app/ijw';
import { TeKoppelenQueries } from '@app/projections';
import { CommandMeta, RequestCommandContext } from '../common/command-context';
import { ConsistencyQuery } from '../common/dto';
import { ReadRoute } from '../common/read-route';
import { ReadYourWrites } from '../common/read-your-writes';
import { IjwImportResponse, KoppelingResponse, TeKoppelenItem } from './dto/import.responses';

export class IjwBerichtDto {
  @ApiPropertyOptional({ description: 'A name for the message in the answer (e.g. its file name)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bron?: string;

  @ApiProperty({ description: 'The message: one iJw or iWmo 3.x XML document' })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  xml!: string;
}

export class IjwImportDto {
  @ApiProperty({ type: [IjwBerichtDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IjwBerichtDto)
  berichten!: IjwBerichtDto[];
}

export class BerichtIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  berichtId!: string;
}

export class KoppelingDto {
  @ApiProperty({ description: 'The person the message is about' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  persoonId!: string;
}

/** The messages of an iJw/iWmo exchange, for an integration (`koppeling`). */
@ApiTags('import')
@Controller('import')
export class IjwController {
  constructor(
    private readonly importer: IjwImport,
    private readonly teKoppelen: TeKoppelenQueries,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post('ijw')
  @HttpCode(200)
  @Roles('koppeling')
  @ApiOperation({
    summary: 'Import iJw and iWmo messages (JW301/305/307/315/317, WMO301/305/307/315/317)',
    description:
      'Each message is read as XML, checked against the structure of its ' +
      "message type and the standard's rules (StatusAanlevering 1 or 3: a delivery or the " +
      'deletion of an earlier one, found by its logical key), its client matched by BSN, and ' +
      "its facts written to the person's care dossier in one append. Each message gets an " +
      'outcome: `accepted`, `duplicate` (read before, or its facts are there: nothing written) ' +
      'or `refused` with the reason and the element (`pad`): a refused message writes nothing. ' +
      'A client whose BSN matches nobody waits on the worklist "te koppelen" (`teKoppelen`). ' +
      'Malformed XML is a refusal of that message, never an error of the request.',
  })
  @ApiOkResponse({ description: 'One outcome per message, in order', type: IjwImportResponse })
  @ApiBadRequestResponse({ description: 'No messages, more than 100, or not XML text' })
  @ApiConflictResponse({
    description: "Other writes to a client's dossier kept coming first, however often retried",
  })
  async importeer(
    @Body() body: IjwImportDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<IjwImportResponse> {
    const uitkomsten = await this.importer.importeer(
      body.berichten.map((b, i) => ({ bron: b.bron ?? `bericht ${i + 1}`, xml: b.xml })),
      { principal: context.principal, correlationId: context.correlationId },
    );
    return { uitkomsten };
  }

  @Get('ijw/te-koppelen')
  @Roles('contactpersoon')
  @ReadRoute({
    summary: 'The worklist "te koppelen": messages whose client matched nobody',
    description:
      'Each message with the BSN, name and birth date it gives, so a contact person can ' +
      'register the family or link the message to a person they know.',
    type: { items: TeKoppelenItem },
    answer: 'Oldest first',
  })
  async lijst(@Query() { minPosition }: ConsistencyQuery): Promise<{ items: TeKoppelenItem[] }> {
    await this.readYourWrites.waitFor(minPosition);
    return { items: this.teKoppelen.lijst() };
  }

  @Post('ijw/te-koppelen/:berichtId/koppeling')
  @HttpCode(200)
  @Roles('contactpersoon')
  @ApiOperation({
    summary: 'Link a waiting message to a person, and apply its facts',
    description:
      'The contact person who writes a family of the person (others: 404). A person known ' +
      "by another BSN is refused (422). The message's facts are then written to the person's " +
      'care dossier as an import would; `toegepast` is that outcome (a refusal keeps the link).',
  })
  @ApiOkResponse({ description: 'Linked; the outcome of applying it', type: KoppelingResponse })
  @ApiBadRequestResponse({ description: 'Invalid path or body; `errors` names each field' })
  @ApiNotFoundResponse({ description: 'No such waiting message, or not your person' })
  @ApiConflictResponse({ description: 'Linked by someone else at the same moment' })
  @ApiUnprocessableEntityResponse({ description: 'Already linked, or another BSN' })
  async koppel(
    @Param() { berichtId }: BerichtIdParams,
    @Body() { persoonId }: KoppelingDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<KoppelingResponse> {
    const { position, toegepast } = await this.importer.koppel(
      berichtId,
      persoonId,
      this.teKoppelen.bsnVanPersoon(persoonId),
      { principal: context.principal, correlationId: context.correlationId },
    );
    return { berichtId, position: position?.toString() ?? null, toegepast };
  }
}
