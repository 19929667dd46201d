# syntax=docker/dockerfile:1
# The identity provider (OpenIddict and ASP.NET Core Identity, src/Identity/K8Shop.IdentityServer): sign-up and sign-in
# pages, discovery, JWKS and tokens. Keys, client secrets and the connection string come from the environment (the
# Secret identity-secrets on Kubernetes), never from the image. Build from the repository root:
#   docker build -f infra/docker/identity.Dockerfile -t k8shop/identity:TAG .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Identity/K8Shop.IdentityServer/K8Shop.IdentityServer.csproj -c Release -o /app -p:UseAppHost=false

# Chiseled: no shell, no package manager, runs as the non-root user "app" (uid 1654).
FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
USER 1654
EXPOSE 8080
# The cluster's settings: PostgreSQL store, no development keys, listening on all interfaces.
ENV Identity__Store=postgres \
    Identity__DevelopmentKeys=false \
    Kestrel__Endpoints__Http__Url=http://0.0.0.0:8080 \
    Auth__Mode=required
ENTRYPOINT ["dotnet", "K8Shop.IdentityServer.dll"]
