# Read by infra/k8s/generate-secrets.sh aws and the README's deployment steps.
output "region" {
  value = var.region
}

output "cluster_name" {
  value = module.eks.cluster_name
}

output "vpc_id" {
  value = module.vpc.vpc_id
}

output "rds_address" {
  value = aws_db_instance.postgres.address
}

output "rds_database" {
  value = aws_db_instance.postgres.db_name
}

output "rds_master_secret_arn" {
  description = "Secrets Manager secret (JSON username/password) of the RDS master user, managed by RDS."
  value       = aws_db_instance.postgres.master_user_secret[0].secret_arn
}

output "redis_primary_endpoint" {
  value = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "redis_auth_secret_arn" {
  value = aws_secretsmanager_secret.redis_auth.arn
}

output "dynamodb_table" {
  value = aws_dynamodb_table.inventory.name
}

output "ecr_repositories" {
  value = { for k, r in aws_ecr_repository.image : k => r.repository_url }
}

output "silo_role_arn" {
  description = "For the eks.amazonaws.com/role-arn annotation in infra/k8s/overlays/aws/silo-serviceaccount.yaml."
  value       = aws_iam_role.silo.arn
}

output "lb_controller_role_arn" {
  description = "For the aws-load-balancer-controller Helm release's serviceAccount annotation."
  value       = module.lb_controller_irsa.iam_role_arn
}

output "identity_keys_secret_arn" {
  description = "Secrets Manager secret of the identity provider's signing and encryption keys, filled by generate-secrets.sh aws."
  value       = aws_secretsmanager_secret.identity_keys.arn
}

# Auth__Authority and Auth__Audience of gateways and silos (infra/k8s/overlays/aws/gateway-auth.yaml): the identity
# Deployment in the namespace, or the Cognito user pool's issuer and the API's resource server identifier.
output "gateway_auth_authority" {
  value = local.cognito ? "https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.shop[0].id}" : "http://identity:8080/"
}

output "gateway_auth_audience" {
  value = local.cognito ? aws_cognito_user_pool_client.storefront[0].id : local.api_identifier
}

output "cognito_hosted_ui" {
  description = "With Cognito: the hosted sign-in domain the storefront's OIDC client is sent to (null otherwise)."
  value       = local.cognito ? "https://${aws_cognito_user_pool_domain.shop[0].domain}.auth.${var.region}.amazonaws.com" : null
}

output "cognito_storefront_client_id" {
  value = local.cognito ? aws_cognito_user_pool_client.storefront[0].id : null
}

output "cognito_operator_client_id" {
  value = local.cognito ? aws_cognito_user_pool_client.operator[0].id : null
}

output "otel_collector_role_arn" {
  description = "For the eks.amazonaws.com/role-arn annotation in infra/k8s/overlays/aws/otel-collector.yaml."
  value       = aws_iam_role.otel_collector.arn
}

output "amp_workspace_id" {
  description = "Where __AMP_WORKSPACE_ID__ stands in infra/k8s/overlays/aws/otel-collector-config.yaml."
  value       = aws_prometheus_workspace.shop.id
}

output "amp_query_url" {
  description = "The workspace's Prometheus-compatible endpoint, the data source for Grafana (SigV4, service aps)."
  value       = aws_prometheus_workspace.shop.prometheus_endpoint
}
