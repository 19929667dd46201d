variable "region" {
  description = "AWS region for everything."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "k8shop"
}

variable "vpc_cidr" {
  description = "VPC address range; infra/k8s/overlays/aws/network-policies.yaml allows the datastores in it."
  type        = string
  default     = "10.0.0.0/16"
}

variable "admin_cidr_blocks" {
  description = "Networks allowed to reach the public EKS API endpoint (for example your office's /32). No default: never the whole internet."
  type        = list(string)

  validation {
    condition     = length(var.admin_cidr_blocks) > 0 && !contains(var.admin_cidr_blocks, "0.0.0.0/0")
    error_message = "admin_cidr_blocks must name at least one network, and not 0.0.0.0/0."
  }
}

variable "kubernetes_version" {
  description = "EKS version (1.30 or later: the manifests use the native preStop sleep)."
  type        = string
  default     = "1.33"
}

variable "node_instance_types" {
  description = "Instance types of the managed node groups (one group per availability zone)."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "nodes_per_zone" {
  description = "Minimum, desired and maximum nodes of each zone's node group."
  type = object({
    min     = number
    desired = number
    max     = number
  })
  default = {
    min     = 1
    desired = 2
    max     = 5
  }
}

variable "db_instance_class" {
  description = "RDS PostgreSQL instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "db_allocated_storage" {
  description = "RDS storage in GiB at creation; autoscaling goes up to four times this."
  type        = number
  default     = 50
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.m6g.large"
}

variable "inventory_table_name" {
  description = "DynamoDB table of the inventory grains; the silo's DynamoDB__TableName (default k8shop-inventory)."
  type        = string
  default     = "k8shop-inventory"
}

variable "identity_provider" {
  description = "Who issues shoppers' and operators' access tokens: \"k8shop\" (the identity Deployment in the cluster) or \"cognito\" (an Amazon Cognito user pool and app client made here; outputs gateway_auth_authority and gateway_auth_audience go into the aws overlay's gateway-auth.yaml)."
  type        = string
  default     = "k8shop"

  validation {
    condition     = contains(["k8shop", "cognito"], var.identity_provider)
    error_message = "identity_provider must be \"k8shop\" or \"cognito\"."
  }
}

variable "shop_origin" {
  description = "The shop's public origin without a trailing slash (https://shop.example.com): the overlay's __SHOP_ORIGIN__, and with Cognito the app client's callback and sign-out URLs."
  type        = string
  default     = "https://shop.example.com"

  validation {
    condition     = can(regex("^https?://[^/]+$", var.shop_origin))
    error_message = "shop_origin must be a scheme and host, without a path or trailing slash."
  }
}
