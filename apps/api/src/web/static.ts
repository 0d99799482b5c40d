import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';

/** Paths that belong to the API, never to the web app. */
const API_PATH = /^\/(api|health)(\/|$)/;

/**
 * Serves the built web app (`npm run build` writes it to WEB_DIR) at `/`: its files, and
 * index.html for every other GET that is not an API path, so the app's own paths can be opened
 * and reloaded. Returns false when there is no build (the API then runs alone).
 */
export function serveWebApp(app: INestApplication, config: AppConfig): boolean {
  const index = join(config.webDir, 'index.html');
  if (!existsSync(index)) return false;
  app.use(
    express.static(config.webDir, {
      index: false,
      setHeaders: (res, path) => {
        // Vite puts a content hash in every asset's name: it never changes under that name.
        res.setHeader(
          'Cache-Control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-store',
        );
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) return next();
    // Not kept either: a page restored from the back/forward cache after logout would show data.
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index);
  });
  return true;
}

/**
 * Personal data must not stay in the browser after logout: API answers are never stored in its
 * HTTP cache (they would outlive the session on disk).
 */
export function noStoreForApi(app: INestApplication): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (API_PATH.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}

/**
 * helmet's security headers on every answer (no X-Powered-By, nosniff, HSTS, no referrer, no
 * framing), with the web app's content security policy: only the app's own scripts; styles inline
 * too (the charts write theirs into the SVG); in `oidc` mode connections and forms to the issuer.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const self = "'self'";
  const identityProvider =
    config.auth.mode === 'oidc' && config.auth.issuer ? [new URL(config.auth.issuer).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: [self],
        scriptSrc: [self],
        styleSrc: [self, "'unsafe-inline'"],
        imgSrc: [self, 'data:'],
        connectSrc: [self, ...identityProvider],
        formAction: [self, ...identityProvider],
        frameAncestors: ["'none'"],
        baseUri: [self],
        objectSrc: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}
