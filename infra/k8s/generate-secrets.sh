#!/usr/bin/env bash
# Creates the Secrets the manifests reference, from random values (and, on AWS, from Terraform's outputs and
# AWS Secrets Manager), straight into the cluster: no secret value is ever written to a file in the repository.
#
#   infra/k8s/generate-secrets.sh local    # before: kubectl apply -k infra/k8s/overlays/local
#   infra/k8s/generate-secrets.sh aws      # needs aws, jq, curl, terraform state in infra/terraform
#
# All of them are made together or not at all: when every one exists the script changes nothing; when only some
# exist it stops (delete them with "kubectl -n bookstore delete secret ..." to start again, knowing that data
# stores keep the passwords they were first given).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

NS=bookstore
MODE="${1:-}"
[[ $MODE == local || $MODE == aws ]] || { echo "usage: $0 local|aws" >&2; exit 2; }

SECRETS=(silo-secrets gateway-secrets rabbitmq-erlang-cookie rabbitmq-users)
[[ $MODE == local ]] && SECRETS+=(postgres-credentials redis-auth)

# Letters and digits only (safe in connection strings and URLs); no pipe is cut short, so pipefail stays quiet.
random() {
  local n=${1:-32} s=""
  while ((${#s} < n)); do s+=$(head -c 64 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9'); done
  printf '%s' "${s:0:n}"
}
exists() { kubectl -n "$NS" get secret "$1" >/dev/null 2>&1; }

present=() missing=()
for s in "${SECRETS[@]}"; do
  if exists "$s"; then present+=("$s"); else missing+=("$s"); fi
done
if ((${#missing[@]} == 0)); then
  echo "all Secrets exist in namespace $NS (${SECRETS[*]}); nothing to do"
  exit 0
fi
if ((${#present[@]} > 0)); then
  echo "some Secrets exist (${present[*]}) and some do not (${missing[*]}); delete the existing ones first" >&2
  exit 1
fi

kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"
create() { kubectl -n "$NS" create secret generic "$@" >/dev/null && echo "created secret $1"; }

rabbit_password=$(random 32)
rabbit_admin_password=$(random 32)
admin_key=$(random 40)

# Users for the broker's definitions: the application (AMQP) and an administrator for the management UI.
create rabbitmq-users --from-literal=20-users.json="$(cat <<JSON
{
  "users": [
    {"name": "k8shop", "password": "$rabbit_password", "tags": []},
    {"name": "admin", "password": "$rabbit_admin_password", "tags": ["administrator"]}
  ],
  "permissions": [
    {"user": "k8shop", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"},
    {"user": "admin", "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}
  ]
}
JSON
)"
create rabbitmq-erlang-cookie --from-literal=cookie="$(random 64)"
rabbit_url="amqp://k8shop:$rabbit_password@rabbitmq:5672/"

if [[ $MODE == local ]]; then
  pg_password=$(random 32)
  redis_password=$(random 32)
  create postgres-credentials --from-literal=POSTGRES_USER=k8shop --from-literal=POSTGRES_DB=k8shop \
    --from-literal=POSTGRES_PASSWORD="$pg_password"
  create redis-auth --from-literal=password="$redis_password"
  postgres="Host=postgres;Port=5432;Database=k8shop;Username=k8shop;Password=$pg_password"
  redis="redis:6379,password=$redis_password,abortConnect=false"
else
  tf() { terraform -chdir=../terraform output -raw "$1"; }
  region=$(tf region)
  db_secret=$(aws --region "$region" secretsmanager get-secret-value --secret-id "$(tf rds_master_secret_arn)" \
    --query SecretString --output text)
  redis_token=$(aws --region "$region" secretsmanager get-secret-value --secret-id "$(tf redis_auth_secret_arn)" \
    --query SecretString --output text)
  postgres="Host=$(tf rds_address);Port=5432;Database=$(tf rds_database);Username=$(jq -r .username <<<"$db_secret");Password=$(jq -r .password <<<"$db_secret");SSL Mode=VerifyFull;Root Certificate=/etc/ssl/rds/global-bundle.pem"
  redis="$(tf redis_primary_endpoint):6379,ssl=true,password=$redis_token,abortConnect=false"
  # Public CA bundle (not a secret), so Npgsql can verify the RDS server certificate.
  curl -fsSL https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem -o /tmp/rds-global-bundle.pem
  kubectl -n "$NS" create configmap rds-ca-bundle --from-file=global-bundle.pem=/tmp/rds-global-bundle.pem \
    --dry-run=client -o yaml | kubectl apply -f -
  rm -f /tmp/rds-global-bundle.pem
fi

smtp=()
[[ -n ${SMTP_USERNAME:-} ]] && smtp+=(--from-literal=Smtp__UserName="$SMTP_USERNAME")
[[ -n ${SMTP_PASSWORD:-} ]] && smtp+=(--from-literal=Smtp__Password="$SMTP_PASSWORD")
create silo-secrets \
  --from-literal=ConnectionStrings__Postgres="$postgres" \
  --from-literal=ConnectionStrings__Redis="$redis" \
  --from-literal=ConnectionStrings__RabbitMQ="$rabbit_url" \
  --from-literal=Admin__ApiKey="$admin_key" "${smtp[@]}"
create gateway-secrets \
  --from-literal=ConnectionStrings__Postgres="$postgres" \
  --from-literal=Admin__ApiKey="$admin_key"

echo "the admin key: kubectl -n $NS get secret gateway-secrets -o jsonpath='{.data.Admin__ApiKey}' | base64 -d"
echo "RabbitMQ management (user admin): kubectl -n $NS get secret rabbitmq-users -o jsonpath='{.data.20-users\\.json}' | base64 -d"
