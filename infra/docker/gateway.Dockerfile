# syntax=docker/dockerfile:1
# The standalone gateway (an Orleans client serving the REST and gRPC contracts). Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t k8shop/gateway:TAG .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401-noble
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/Gateways/K8Shop.Gateway/K8Shop.Gateway.csproj -c Release -o /app -p:UseAppHost=false

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
USER 1654
EXPOSE 8080 8000 50051
# Access tokens required unless a deployment says Auth__Mode=open (the original's clients only).
ENV Auth__Mode=required
ENTRYPOINT ["dotnet", "K8Shop.Gateway.dll"]
