# syntax=docker/dockerfile:1
# dynalite (the DynamoDB API on LevelDB) for the local overlay only; AWS uses DynamoDB itself.
#   docker build -f infra/docker/dynalite.Dockerfile -t k8shop/dynalite:4.0.0 .
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /opt/dynalite
RUN npm install --no-audit --no-fund --omit=dev dynalite@4.0.0

FROM ${NODE_IMAGE}
COPY --from=build /opt/dynalite /opt/dynalite
USER 1000
EXPOSE 8000
ENTRYPOINT ["node", "/opt/dynalite/node_modules/dynalite/cli.js", "--host", "0.0.0.0", "--port", "8000", "--path", "/data", \
            "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]
