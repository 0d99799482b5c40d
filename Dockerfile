# The API image. Two stages: the first installs everything and compiles, the second carries only what
# runs. Used by docker-compose.yml and docker-compose.cluster.yml; see docs/operations/eventstoredb.md.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary fits: it needs python3, make and g++.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so that a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Only what the build needs: no local node_modules, data or dist from the build context.
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

# Same base as the build stage, so the native better-sqlite3 module matches.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  PORT=3000 \
  DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read models (and, with EVENT_STORE=sqlite, the event log) live here; the app runs unprivileged.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
