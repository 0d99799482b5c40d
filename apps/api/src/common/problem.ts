import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotAllowed, NotFound, RuleViolation, TooManyRequests } from '@app/domain';
import { ConflictError, GegevensVerwijderdError } from '@app/event-store';

/** One invalid input: `field` names it (a body path like `leden[0].geboortedatum`, a header, a query). */
export interface FieldError {
  field: string;
  in: 'body' | 'query' | 'header' | 'path';
  messages: string[];
}

/** RFC 9457 problem details, as every error of this API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  currentRevision?: number | null;
  /** On a failed readiness check (GET /health): the state of each check. */
  checks?: Record<string, unknown>;
  correlationId?: string;
}

export const PROBLEM_TYPE_BASE = 'https://gezinsplan.example/problems/';

/** An HttpException that already knows its problem body. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Omit<Problem, 'type'> & { type: string }) {
    super(problem, problem.status);
  }
}

export function invalidInput(errors: FieldError[]): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_TYPE_BASE}invalid-input`,
    title: 'Invalid input',
    status: HttpStatus.BAD_REQUEST,
    detail: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
    errors,
  });
}

/** 422 for a request whose fields are well-formed but may not be answered, naming those fields. */
export function refusedInput(detail: string, errors: FieldError[]): ProblemException {
  return new ProblemException({ ...problemFor(422, detail), errors });
}

const TITLES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Not allowed for this role'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  410: ['gone', 'Data erased'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['rule-violation', 'Refused by a business rule'],
  428: ['precondition-required', 'If-Match required'],
  429: ['too-many-requests', 'Too many requests'],
  503: ['unavailable', 'Service unavailable'],
};

export function problemFor(status: number, detail: string): Problem {
  const [slug, title] = TITLES[status] ?? ['error', HttpStatus[status] ?? 'Error'];
  return { type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, detail };
}

/** Turns every error into application/problem+json; unknown errors become a 500 without details. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(error);
    problem.instance = request.originalUrl;
    if (request.id) problem.correlationId = String(request.id);
    if (error instanceof TooManyRequests) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    if (problem.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    sendProblem(response, problem);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ProblemException) return { ...error.problem };
    if (error instanceof RuleViolation) {
      const { message, field } = error;
      const problem = problemFor(422, message);
      return field ? { ...problem, errors: [{ field, in: 'body', messages: [message] }] } : problem;
    }
    if (error instanceof NotFound) return problemFor(404, error.message);
    if (error instanceof GegevensVerwijderdError) {
      return problemFor(410, 'De gegevens van dit dossier zijn verwijderd; er komt niets bij.');
    }
    if (error instanceof NotAllowed) return problemFor(403, error.message);
    if (error instanceof TooManyRequests) return problemFor(429, error.message);
    if (error instanceof ConflictError) {
      const detail =
        error.kind === 'busy'
          ? 'Others changed this at the same moment, again and again; nothing was written. ' +
            'Send it again.'
          : 'Someone changed this after the version you sent in If-Match; nothing was written. ' +
            'Read it again (its ETag is the current version' +
            (error.currentRevision === null ? '' : ', as is currentRevision here') +
            ') and send your change based on that version.';
      return { ...problemFor(409, detail), currentRevision: error.currentRevision };
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      if (isHealthReport(body)) {
        // Terminus answers a failed readiness check this way: keep which check failed.
        return { ...problemFor(error.getStatus(), 'Not ready: see checks.'), checks: body };
      }
      const message =
        typeof body === 'string'
          ? body
          : typeof body === 'object' && body !== null && 'message' in body
            ? String(body.message)
            : error.message;
      return problemFor(error.getStatus(), message);
    }
    return problemFor(500, 'An unexpected error occurred; it has been logged.');
  }
}

function isHealthReport(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && 'status' in body && 'details' in body;
}

export function sendProblem(response: Response, problem: Problem): void {
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
