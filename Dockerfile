# syntax=docker/dockerfile:1.7
# newsgraph server: multi-stage, runs as the unprivileged `node` user.
# Build: docker build -t newsgraph .   Run: see docker-compose.yml (Postgres 16 + Redis + server).

ARG NODE_VERSION=20-bookworm-slim

FROM node:${NODE_VERSION} AS deps
WORKDIR /app
RUN npm install -g pnpm@10.34.9
# manifests first: the install layer is reused until a dependency changes
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# the dependency patches pnpm applies as it installs (pnpm-workspace.yaml patchedDependencies)
COPY patches/ patches/
COPY packages/db/package.json packages/db/
COPY packages/ingest/package.json packages/ingest/
COPY packages/server/package.json packages/server/
COPY packages/sdk/package.json packages/sdk/
COPY tests/package.json tests/
COPY examples/provenance-cli/package.json examples/provenance-cli/
COPY packages/explorer/package.json packages/explorer/
RUN pnpm install --frozen-lockfile

FROM deps AS build
COPY . .
# the server runs its TypeScript through tsx (a runtime dependency); deploy copies the server package
# with its production dependencies and the workspace packages it uses (db with its migrations, ingest, sdk)
RUN pnpm --filter @newsgraph/server deploy --prod --legacy /out
# the explorer page the server shows at / (static files; without them / redirects to GraphiQL)
RUN node packages/explorer/scripts/ensure-built.mjs --force

FROM node:${NODE_VERSION} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    NEWSGRAPH_DATA_DIR=/data \
    NEWSGRAPH_EXPLORER_DIR=/app/explorer
WORKDIR /app
COPY --from=build --chown=node:node /out ./
COPY --from=build --chown=node:node /app/packages/explorer/dist ./explorer
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec form: node is PID 1 and gets SIGTERM itself; the server drains in-flight requests and exits 0
CMD ["node", "--import", "tsx", "src/cli/main.ts", "serve"]
