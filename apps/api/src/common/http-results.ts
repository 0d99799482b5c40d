import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map } from 'rxjs';
import { stringify } from 'csv-stringify/sync';
import type { Tabel } from '@app/statistics';

/**
 * What a route returns when its answer carries HTTP headers besides a JSON body. Controllers return
 * these; `HttpResults`, the one interceptor, writes the headers. No controller and no command
 * handler touches the express response.
 */

/** The stream version of a write or a read, as an ETag: `"3"`. */
export const etag = (revision: number): string => `"${revision}"`;

/**
 * A write's answer: the ids the client needs, the stream's new version (ETag, to send back in
 * If-Match) and where its events landed in the log (X-Log-Position, to pass as ?minPosition= on
 * the next read); for something new, its address (Location).
 */
export class Written {
  constructor(
    readonly ids: Record<string, WrittenId>,
    readonly result: { revision: number; position: bigint | string | null },
    readonly location?: string,
  ) {}
}

/** A read of something with a version: the body, and the version as its ETag. */
export class Versioned<T> {
  constructor(
    readonly body: T,
    /** -1 (nothing written yet) sends no ETag. */
    readonly revision: number,
  ) {}
}

/**
 * A figures table as a CSV download (RFC 4180, CRLF), its definition version in a header. Cells a
 * spreadsheet would run as a formula are neutralised; an empty cell is withheld or empty. See
 * `toCsv`.
 */
export class CsvFile {
  constructor(
    readonly bestandsnaam: string,
    readonly definitieVersie: string,
    readonly tabel: Tabel,
  ) {}
}

/**
 * An id in a write's answer: one id, or the ids of the things written with it (e.g. the members
 * of a new family, each `{ persoonId, rol }`, in the order they were sent).
 */
export type WrittenId = string | number | readonly Record<string, string>[];

/** The body of every write. */
export type WriteBody = Record<string, WrittenId | null> & {
  revision: number;
  position: string | null;
};

@Injectable()
export class HttpResults implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((result: unknown) => this.write(response, result)));
  }

  private write(response: Response, result: unknown): unknown {
    if (result instanceof Written) {
      const { revision, position } = result.result;
      if (result.location) response.location(result.location);
      response.setHeader('ETag', etag(revision));
      const logPosition = position === null ? null : position.toString();
      if (logPosition !== null) response.setHeader('X-Log-Position', logPosition);
      return { ...result.ids, revision, position: logPosition } satisfies WriteBody;
    }
    if (result instanceof Versioned) {
      if (result.revision >= 0) response.setHeader('ETag', etag(result.revision));
      return result.body;
    }
    if (result instanceof CsvFile) {
      response.type('text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="${result.bestandsnaam}.csv"`,
      );
      response.setHeader('X-Definitie-Versie', result.definitieVersie);
      return toCsv(result.tabel);
    }
    return result;
  }
}

/** A line break inside a cell, followed by what a spreadsheet would start a formula with. */
const FORMULA_AFTER_LINE_BREAK = /(\r\n|\r|\n)(?=[=+\-@\t\r])/g;

/**
 * A table as RFC 4180 CSV with CRLF line ends. A cell that holds a line break (CR or LF) is
 * quoted, so it stays one cell; a cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
 * gets a leading `'` (csv-stringify's `escape_formulas`), and so does every line in a cell that
 * starts like one after a line break: some spreadsheets read each line of a cell on its own.
 * Names and reasons in the tables are typed by users.
 */
export function toCsv(tabel: Tabel): string {
  return stringify([tabel.kolommen, ...tabel.rijen], {
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n]/,
    cast: { string: (value) => value.replace(FORMULA_AFTER_LINE_BREAK, "$1'") },
  });
}
