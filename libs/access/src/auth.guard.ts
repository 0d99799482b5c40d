import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { Principal, Role } from './roles';
import { InvalidTokenError, TokenVerifier } from './tokens';

type AuthenticatedRequest = Request & { principal?: Principal };

/** The one answer to every refused token, whatever the reason. */
export const INVALID_TOKEN =
  'The bearer token is not valid (signature, issuer, audience, expiry or lifetime).';

/** 401 without a valid bearer token, 403 when none of the token's roles may call the route. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // Startup refuses routes without a declaration; this is the second lock on that door.
    if (!allowed || allowed.length === 0)
      throw new ForbiddenException('This route declares no roles.');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match)
      throw new UnauthorizedException('A bearer token is required (Authorization: Bearer ...).');
    try {
      request.principal = await this.verifier.verify(match[1]!);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        // The reason is for the operator (LOG_LEVEL=debug); the client learns only that it failed.
        this.logger.debug(`bearer token refused: ${error.message}`);
        throw new UnauthorizedException(INVALID_TOKEN);
      }
      throw error;
    }
    const actingRole = request.principal.roles.find((role) => allowed.includes(role));
    if (!actingRole) {
      throw new ForbiddenException(`This route is for the role(s): ${allowed.join(', ')}.`);
    }
    // The role under which this request acts; recorded as the actor of the events it causes.
    request.principal = { ...request.principal, actingRole };
    return true;
  }
}

/** The verified caller of a route that declares roles. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new UnauthorizedException('A bearer token is required.');
    return principal;
  },
);
