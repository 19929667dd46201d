# syntax=docker/dockerfile:1
# The React storefront, built with Vite and served by unprivileged nginx, which also routes /api/* to the
# gateway Services. Build from the repository root:
#   docker build -f infra/docker/storefront.Dockerfile -t k8shop/storefront:TAG .
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28.0-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /web
COPY client-web/package.json client-web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY client-web/ ./
RUN npm run build

# nginx-unprivileged listens on 8080, keeps its pid and temp files under /tmp and stops gracefully on SIGQUIT.
FROM ${NGINX_IMAGE}
COPY infra/docker/storefront/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /web/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
