import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Roles } from '@app/access';
import { BerichtUitkomst, IjwImport } from '@app/ijw';
import { CommandMeta, RequestCommandContext } from '../common/command-context';

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

/** The messages of an iJw/iWmo exchange, for an integration (`koppeling`). */
@ApiTags('import')
@ApiBearerAuth()
@Controller('import')
export class IjwController {
  constructor(private readonly importer: IjwImport) {}

  @Post('ijw')
  @HttpCode(200)
  @Roles('koppeling')
  @ApiOperation({
    summary: 'Import iJw and iWmo messages (JW301/305/307/315/317, WMO301/305/307/315/317)',
    description:
      'Role `koppeling`. Each message is read as XML, checked against the structure of its ' +
      "message type and the standard's rules (StatusAanlevering 1 or 3: a delivery or the " +
      'deletion of an earlier one, found by its logical key), its client matched by BSN, and ' +
      "its facts written to the person's care dossier in one append. Each message gets an " +
      'outcome: `accepted`, `duplicate` (read before, or its facts are there: nothing written) ' +
      'or `refused` with the reason and the element (`pad`): a refused message writes nothing. ' +
      'A client whose BSN matches nobody waits on the worklist "te koppelen" (`teKoppelen`). ' +
      'Malformed XML is a refusal of that message, never an error of the request.',
  })
  @ApiOkResponse({ description: 'One outcome per message, in order' })
  @ApiBadRequestResponse({ description: 'No messages, more than 100, or not XML text' })
  @ApiForbiddenResponse({ description: 'Not the role `koppeling`' })
  async importeer(
    @Body() body: IjwImportDto,
    @CommandMeta() context: RequestCommandContext,
  ): Promise<{ uitkomsten: BerichtUitkomst[] }> {
    const uitkomsten = await this.importer.importeer(
      body.berichten.map((b, i) => ({ bron: b.bron ?? `bericht ${i + 1}`, xml: b.xml })),
      { principal: context.principal, correlationId: context.correlationId },
    );
    return { uitkomsten };
  }
}
