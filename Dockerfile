# One image for both the web app and the worker (docker-compose.yml picks the command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# `next build` loads the Payload config, which refuses to start in production without these;
# the real values come from the environment at run time.
RUN PAYLOAD_SECRET=build-only DATABASE_URI=postgres://build:build@127.0.0.1:5432/build npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 MEDIA_DIR=/app/media
COPY --from=build /app ./
RUN mkdir -p /app/media && chown -R node:node /app/media /app/.next
USER node
EXPOSE 3000
# Migrations run once, before the server takes traffic.
CMD ["sh", "-c", "npm run migrate && npm run start"]
