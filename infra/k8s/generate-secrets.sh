#!/usr/bin/env bash
# Creates the Secrets the manifests reference, from random values (and, on AWS, from Terraform's outputs and
# AWS Secrets Manager), straight into the cluster: no secret value is ever written to a file in the repository.
#
#   infra/k8s/generate-secrets.sh local    # before: kubectl apply -k infra/k8s/overlays/local
#   infra/k8s/generate-secrets.sh aws      # needs aws, jq, curl, terraform state in infra/terraform
#
# Needs openssl (the identity provider's RSA keys). K8SHOP_ADMIN_EMAIL names the first administrator
# (default admin@k8shop.example); the password is random and printed how to read. SMTP_USERNAME and SMTP_PASSWORD,
# when set, go to the silos and the identity provider (SES on AWS).
#
# All of them are made together or not at all: when every one exists the script changes nothing; when only some
# exist it stops (delete them with "kubectl -n bookstore delete secret ..." to start again, knowing that data
# stores keep the passwords they were first given).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

NS=bookstore
MODE="${1:-}"
[[ $MODE == local || $MODE == aws ]] || { echo "usage: $0 local|aws" >&2; exit 2; }

SECRETS=(silo-secrets gateway-secrets gateway-data-protection identity-secrets db-roles rabbitmq-erlang-cookie rabbitmq-users)
[[ $MODE == local ]] && SECRETS+=(postgres-credentials redis-auth)

# Letters and digits only (safe in connection strings and URLs); no pipe is cut short, so pipefail stays quiet.
random() {
  local n=${1:-32} s=""
  while ((${#s} < n)); do s+=$(head -c 64 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9'); done
  printf '%s' "${s:0:n}"
}
exists() { kubectl -n "$NS" get secret "$1" >/dev/null 2>&1; }
rsa_key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 2>/dev/null; }
# One ASP.NET Core Data Protection key (the format its XmlKeyManager writes): every gateway pod reads it from the
# Secret gateway-data-protection, so a guest cookie one pod issued is read by every other. No pod makes keys; to
# rotate, add a newer key file to the Secret and keep this one until the cookies it protects have expired.
data_protection_key() {
  local id=$1 now expires
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  expires=$(date -u -d '+5 years' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v+5y +%Y-%m-%dT%H:%M:%SZ)
  cat <<XML
<?xml version="1.0" encoding="utf-8"?>
<key id="$id" version="1">
  <creationDate>$now</creationDate>
  <activationDate>$now</activationDate>
  <expirationDate>$expires</expirationDate>
  <descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection">
    <descriptor>
      <encryption algorithm="AES_256_CBC" />
      <validation algorithm="HMACSHA256" />
      <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">
        <value>$(head -c 64 /dev/urandom | base64 | tr -d '\n')</value>
      </masterKey>
    </descriptor>
  </descriptor>
</key>
XML
}
uuid() { local h; h=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'); printf '%s-%s-4%s-a%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" "${h:17:3}" "${h:20:12}"; }

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
operator_secret=$(random 40)
loadgen_secret=$(random 40)
admin_email=${K8SHOP_ADMIN_EMAIL:-admin@k8shop.example}
admin_password=$(random 24)
gateway_db_password=$(random 32)
identity_db_password=$(random 32)

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
  db_host=postgres db_name=k8shop db_user=k8shop db_password=$pg_password db_tls="" pg_tls=()
  redis="redis:6379,password=$redis_password,abortConnect=false"
  signing_key=$(rsa_key)
  encryption_key=$(rsa_key)
else
  tf() { terraform -chdir=../terraform output -raw "$1"; }
  region=$(tf region)
  db_secret=$(aws --region "$region" secretsmanager get-secret-value --secret-id "$(tf rds_master_secret_arn)" \
    --query SecretString --output text)
  redis_token=$(aws --region "$region" secretsmanager get-secret-value --secret-id "$(tf redis_auth_secret_arn)" \
    --query SecretString --output text)
  db_host=$(tf rds_address) db_name=$(tf rds_database)
  db_user=$(jq -r .username <<<"$db_secret") db_password=$(jq -r .password <<<"$db_secret")
  db_tls=";SSL Mode=VerifyFull;Root Certificate=/etc/ssl/rds/global-bundle.pem"
  pg_tls=(--from-literal=PGSSLMODE=verify-full --from-literal=PGSSLROOTCERT=/etc/ssl/rds/global-bundle.pem)
  redis="$(tf redis_primary_endpoint):6379,ssl=true,password=$redis_token,abortConnect=false"
  # The identity provider's keys live in Secrets Manager (terraform makes the empty secret), so a new cluster keeps
  # signing with the keys whose tokens and codes are in flight; they are made here the first time only.
  keys_arn=$(tf identity_keys_secret_arn)
  if ! keys=$(aws --region "$region" secretsmanager get-secret-value --secret-id "$keys_arn" --query SecretString --output text 2>/dev/null) || [[ -z $keys ]]; then
    keys=$(jq -n --arg s "$(rsa_key)" --arg e "$(rsa_key)" '{signing_key: $s, encryption_key: $e}')
    aws --region "$region" secretsmanager put-secret-value --secret-id "$keys_arn" --secret-string "$keys" >/dev/null
  fi
  signing_key=$(jq -r .signing_key <<<"$keys")
  encryption_key=$(jq -r .encryption_key <<<"$keys")
  # Public CA bundle (not a secret), so Npgsql can verify the RDS server certificate.
  curl -fsSL https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem -o /tmp/rds-global-bundle.pem
  kubectl -n "$NS" create configmap rds-ca-bundle --from-file=global-bundle.pem=/tmp/rds-global-bundle.pem \
    --dry-run=client -o yaml | kubectl apply -f -
  rm -f /tmp/rds-global-bundle.pem
fi

# The silos own the schema (migrations) and keep the administrator's connection; every other component has a role
# of its own that the db-roles Job makes: gateways read the membership table, the identity provider its schema.
postgres="Host=$db_host;Port=5432;Database=$db_name;Username=$db_user;Password=$db_password$db_tls"
gateway_postgres="Host=$db_host;Port=5432;Database=$db_name;Username=k8shop_gateway;Password=$gateway_db_password$db_tls"
identity_postgres="Host=$db_host;Port=5432;Database=$db_name;Username=k8shop_identity;Password=$identity_db_password;Search Path=identity$db_tls"

smtp=()
[[ -n ${SMTP_USERNAME:-} ]] && smtp+=(--from-literal=Smtp__UserName="$SMTP_USERNAME")
[[ -n ${SMTP_PASSWORD:-} ]] && smtp+=(--from-literal=Smtp__Password="$SMTP_PASSWORD")
create silo-secrets \
  --from-literal=ConnectionStrings__Postgres="$postgres" \
  --from-literal=ConnectionStrings__Redis="$redis" \
  --from-literal=ConnectionStrings__RabbitMQ="$rabbit_url" "${smtp[@]}"
create db-roles \
  --from-literal=PGHOST="$db_host" --from-literal=PGPORT=5432 --from-literal=PGDATABASE="$db_name" \
  --from-literal=PGUSER="$db_user" --from-literal=PGPASSWORD="$db_password" "${pg_tls[@]}" \
  --from-literal=GATEWAY_DB_PASSWORD="$gateway_db_password" \
  --from-literal=IDENTITY_DB_PASSWORD="$identity_db_password"
create gateway-secrets \
  --from-literal=ConnectionStrings__Postgres="$gateway_postgres"
key_id=$(uuid)
create gateway-data-protection --from-literal="key-$key_id.xml=$(data_protection_key "$key_id")"
create identity-secrets \
  --from-literal=ConnectionStrings__Identity="$identity_postgres" \
  --from-literal=Identity__SigningKey="$signing_key" \
  --from-literal=Identity__EncryptionKey="$encryption_key" \
  --from-literal=Identity__OperatorClient__Secret="$operator_secret" \
  --from-literal=Identity__LoadGenClient__Secret="$loadgen_secret" \
  --from-literal=Identity__Admin__Email="$admin_email" \
  --from-literal=Identity__Admin__Password="$admin_password" "${smtp[@]}"

echo "first administrator $admin_email, password: kubectl -n $NS get secret identity-secrets -o jsonpath='{.data.Identity__Admin__Password}' | base64 -d"
echo "operator client (client credentials, admin role): client_id operator, secret: kubectl -n $NS get secret identity-secrets -o jsonpath='{.data.Identity__OperatorClient__Secret}' | base64 -d"
echo "RabbitMQ management (user admin): kubectl -n $NS get secret rabbitmq-users -o jsonpath='{.data.20-users\\.json}' | base64 -d"
