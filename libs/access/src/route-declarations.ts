import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Refuses to start when a route declares neither @Roles(...) nor @Public(). */
@Injectable()
export class RouteDeclarationCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as () => unknown;
        if (this.reflector.get(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, instance.constructor];
        const declared =
          this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true ||
          (this.reflector.getAllAndOverride<unknown[]>(ROLES_KEY, targets)?.length ?? 0) > 0;
        if (!declared) undeclared.push(`${instance.constructor.name}.${method}`);
      }
    }
    if (undeclared.length > 0) {
      throw new Error(`Routes without @Roles(...) or @Public(): ${undeclared.join(', ')}`);
    }
  }
}
