# One image for every Copydesk service; the command picks the service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/cli/package.json tools/cli/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/tools tools
COPY --from=build /app/package.json package.json
USER node
# e.g. `node -r ./tools/register-paths.js dist/services/ingest/src/main.js`
CMD ["node", "tools/cli/copydesk.js", "help"]
