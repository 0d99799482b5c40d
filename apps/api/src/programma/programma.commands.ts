import { Injectable } from '@nestjs/common';
import {
  PROGRAMMA_2025_2028,
  PROGRAMMA_STREAM,
  PROGRAMMA_THEMAS,
  ProgrammaCommand,
  ProgrammaState,
  programmaDecider,
} from '@app/domain';
import { CommandContext, CommandResult, DeciderStore } from '@app/event-store';

/**
 * The writes of the programme (one stream, `programma`): knoppen, themes, the stoplight. Also the
 * seed of the published programme, used by `npm run cli -- programma seed` and the demo.
 */
@Injectable()
export class ProgrammaCommands {
  constructor(private readonly deciders: DeciderStore) {}

  handle(
    command: ProgrammaCommand,
    context: CommandContext,
  ): Promise<CommandResult<ProgrammaState>> {
    return this.deciders.handle(PROGRAMMA_STREAM, programmaDecider, command, context);
  }

  /**
   * Sets the knoppen (with their actions) and the themes of the programme 2025-2028 that are not
   * there yet, through the command path; what application management changed stays as it is.
   * Returns how many of each it set.
   */
  async seed(context: CommandContext): Promise<{ knoppen: number; themas: number }> {
    const { state } = await this.deciders.load(PROGRAMMA_STREAM, programmaDecider);
    const knoppen = PROGRAMMA_2025_2028.filter((k) => !state.knoppen[k.knop]);
    const themas = PROGRAMMA_THEMAS.filter((t) => !state.themas[t.themaId]);
    for (const knop of knoppen) await this.handle({ type: 'SetKnop', ...knop }, context);
    for (const thema of themas) await this.handle({ type: 'SetThema', ...thema }, context);
    return { knoppen: knoppen.length, themas: themas.length };
  }
}
