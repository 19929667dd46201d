data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

# Three zones, each with a public, a private (nodes), a database and a cache subnet, and a NAT gateway of its own
# so one zone's outage does not cut the others off.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.21.0"

  name = "${var.name}-vpc"
  cidr = var.vpc_cidr
  azs  = local.azs

  # With the default /16: public 10.0.0-2.0/24, private (pods and nodes) 10.0.16.0/20 to 10.0.48.0/20,
  # database 10.0.200-202.0/24, cache 10.0.210-212.0/24; none overlaps (infra/tests checks).
  public_subnets      = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, i)]
  private_subnets     = [for i in range(3) : cidrsubnet(var.vpc_cidr, 4, 1 + i)]
  database_subnets    = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 200 + i)]
  elasticache_subnets = [for i in range(3) : cidrsubnet(var.vpc_cidr, 8, 210 + i)]

  create_database_subnet_group    = true
  create_elasticache_subnet_group = true

  enable_nat_gateway     = true
  single_nat_gateway     = false
  one_nat_gateway_per_az = true
  enable_dns_hostnames   = true
  enable_dns_support     = true

  public_subnet_tags = {
    "kubernetes.io/role/elb" = 1
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = 1
  }
}

# DynamoDB through a gateway endpoint: traffic stays on the AWS network and costs no NAT.
resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = module.vpc.vpc_id
  service_name      = "com.amazonaws.${var.region}.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = module.vpc.private_route_table_ids
}
