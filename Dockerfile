# One image for every service; SERVICE picks which one runs (gateway, delegations, host-matching,
# logistics, notifications). The container runs the service's migrations, then the service.
#   docker build --build-arg SERVICE=delegations -t twinning-delegations .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node tools/scripts/build.js && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ARG SERVICE=gateway
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
CMD ["sh", "-c", "node --enable-source-maps dist/apps/$SERVICE/src/database/migrate.js && exec node --enable-source-maps dist/apps/$SERVICE/src/main.js"]
