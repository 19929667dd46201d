#!/usr/bin/env bash
# Writes the gateway's live OpenAPI document to client-web/openapi.json (the storefront's client is generated from it),
# then regenerates the client's types and type-checks the storefront against them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
K8SHOP_UPDATE_OPENAPI=1 dotnet test tests/K8Shop.ContractTests --nologo \
  --filter "FullyQualifiedName~OpenApiDocumentTests.OpenApiDocument_IsTheOneTheStorefrontClientIsGeneratedFrom"
cd client-web
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run --silent generate && npx tsc --noEmit && echo "client-web/openapi.json updated; the storefront type-checks against it."
