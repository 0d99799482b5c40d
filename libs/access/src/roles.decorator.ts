import { SetMetadata, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
  OpenAPIObject,
} from '@nestjs/swagger';
import { Role } from './roles';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';

/** The OpenAPI extension that names the roles of an operation (`x-roles: ["beheer"]`). */
export const ROLES_EXTENSION = 'x-roles';
const PUBLIC_EXTENSION = 'x-public';

/**
 * The roles that may call this route. Every route has this or @Public(); startup checks it. The
 * OpenAPI document states them too (`x-roles`, and a first line of the description, see
 * `describeRoles`), so what the guard enforces and what the document says cannot drift apart.
 * On a controller it holds for every route without @Roles(...) of its own.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension(ROLES_EXTENSION, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No bearer token, or not a valid one' }),
    ApiForbiddenResponse({ description: 'None of your roles may call this route' }),
  );

/** A route anyone may call without a token (health, the API description). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * Writes the roles of every operation as the first line of its description, where Swagger UI
 * shows it under the summary: "**Roles:** `jph`, `huisarts`." (or "no token needed").
 */
export function describeRoles(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      const extensions = operation as { [ROLES_EXTENSION]?: Role[]; [PUBLIC_EXTENSION]?: true };
      const roles = extensions[ROLES_EXTENSION];
      const line = roles
        ? `**Roles:** ${roles.map((role) => `\`${role}\``).join(', ')}.`
        : extensions[PUBLIC_EXTENSION]
          ? '**Roles:** none; no token needed.'
          : null;
      if (line === null) continue;
      operation.description = operation.description ? `${line}\n\n${operation.description}` : line;
    }
  }
  return document;
}
