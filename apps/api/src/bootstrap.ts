import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { describeRoles } from '@app/access';
import type { AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { MAX_JSON_DEPTH, TooDeeplyNested, nestsDeeperThan } from './common/json-depth';
import { problemFor, sendProblem } from './common/problem';
import { createValidationPipe } from './common/validation';
import type { Clock } from './infrastructure/tokens';
import { noStoreForApi, securityHeaders, serveWebApp } from './web/static';

export const API_PREFIX = 'api/v1';

/** Builds the configured application; main.ts listens, e2e tests use it with a temp DATA_DIR. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), {
    bodyParser: false,
    bufferLogs: true,
    // Throw on a wiring error instead of exiting, so tests and main.ts report it.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Our ETag is the stream version; Express's body hashes would be mistaken for one.
  app.set('etag', false);
  // First, so every answer has them, problems of a bad body included: no X-Powered-By, nosniff,
  // HSTS, no referrer, and the web app's content security policy (the Swagger UI needs no more).
  app.use(securityHeaders(config));
  noStoreForApi(app);
  app.use(
    express.json({
      limit: '256kb',
      // Before parsing: a body nested thousands deep would overflow the validation's stack.
      verify: (_req, _res, body) => {
        if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw new TooDeeplyNested();
      },
    }),
    bodyParserProblems,
  );
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      { path: 'health/live', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  if (!serveWebApp(app, config)) {
    app
      .get(Logger)
      .warn(`No web app in ${config.webDir} (npm run build builds it): serving the API only.`);
  }

  const document = describeRoles(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Gezinsplan API')
        .setDescription(
          '1 gezin, 1 plan, 1 contactpersoon: case coordination for youth care. Errors are ' +
            'RFC 9457 problem+json. Writes answer with ETag (the stream version) and X-Log-Position.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    swaggerOptions: { showExtensions: true },
  });
  return app;
}

/**
 * Malformed JSON, oversized and too deeply nested bodies fail before Nest sees them: answer them
 * as problems too.
 */
function bodyParserProblems(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const { status, type } = error as { status?: number; type?: string };
  const detail =
    type === 'entity.too.deep'
      ? (error as TooDeeplyNested).message
      : status === 413
        ? 'The request body is too large (at most 256 kB).'
        : 'The request body is not valid JSON.';
  sendProblem(res, {
    ...problemFor(status === 413 ? 413 : 400, detail),
    instance: req.originalUrl,
  });
}
