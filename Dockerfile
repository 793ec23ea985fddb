# Build with dev dependencies, then ship only the compiled app and production modules.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 13 carries prebuilt binaries, but npm still runs node-gyp's configure step for it
# (python3), and it compiles from source (make, g++) where no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The native module installed above (prebuilt, or compiled) runs here because both stages share one base image.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# Ready, not merely alive: the stores answer and the read models are caught up (docs/monitoring.md).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
