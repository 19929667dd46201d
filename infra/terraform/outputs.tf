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
