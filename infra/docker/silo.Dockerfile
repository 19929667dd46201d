# syntax=docker/dockerfile:1
# The Orleans silo (with its co-hosted gateway endpoints and the dashboard). Build from the repository root:
#   docker build -f infra/docker/silo.Dockerfile -t k8shop/silo:TAG .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Silo/K8Shop.Silo.csproj -c Release -o /app -p:UseAppHost=false -p:K8ShopSkipStorefront=true

# Chiseled: no shell, no package manager, runs as the non-root user "app" (uid 1654). The storefront is not built
# into the silo here: in Kubernetes nginx serves it (storefront.Dockerfile).
FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
USER 1654
# HTTP (REST, dashboard, health), gRPC, silo-to-silo, Orleans gateway (clients).
EXPOSE 8080 50051 11111 30000
# Access tokens required unless a deployment says Auth__Mode=open (the original's clients only).
ENV DOTNET_gcServer=1 \
    K8Shop__Profile=cluster \
    Auth__Mode=required
ENTRYPOINT ["dotnet", "K8Shop.Silo.dll"]
