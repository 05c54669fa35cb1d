# One image for both the web app and the worker (docker-compose.yml picks the command).
# Node 22, a supported LTS (Aula runs on ^20.18.1 || ^22 || >=24: package.json `engines`).
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# `next build` loads the Payload config, which refuses to start in production without these;
# the real values come from the environment at run time.
RUN PAYLOAD_SECRET=build-only-not-a-secret-0123456789 DATABASE_URI=postgres://build:build@127.0.0.1:5432/build npm run build

# The image that runs: production dependencies only (no jest, playwright, s3rver, autocannon or
# embedded PostgreSQL binaries; tests/int/production-dependencies.int.spec.ts checks that nothing
# the app, the worker or the migrations load needs them), the build output and the sources tsx runs.
FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 MEDIA_DIR=/app/media
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/payload.config.ts /app/next.config.mjs /app/tsconfig.json ./
COPY --from=build /app/src ./src
COPY --from=build /app/.next ./.next
RUN rm -rf .next/cache && mkdir -p /app/media && chown -R node:node /app/media /app/.next
USER node
EXPOSE 3000
# Migrations run once, before the server takes traffic. The worker service runs `npm run worker`.
CMD ["sh", "-c", "npm run migrate && npm run start"]
