# EKS with one managed node group per zone (the silos' zone spread needs nodes in each), secrets encrypted with
# KMS, the API endpoint public only to admin_cidr_blocks, and the VPC CNI enforcing NetworkPolicies.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.36.0"

  cluster_name    = "${var.name}-eks"
  cluster_version = var.kubernetes_version

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  cluster_endpoint_private_access      = true
  cluster_endpoint_public_access       = true
  cluster_endpoint_public_access_cidrs = var.admin_cidr_blocks

  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni = {
      before_compute = true
      configuration_values = jsonencode({
        enableNetworkPolicy = "true"
      })
    }
    aws-ebs-csi-driver = {
      service_account_role_arn = aws_iam_role.ebs_csi.arn
    }
  }

  eks_managed_node_groups = {
    for i, az in local.azs : "general-${az}" => {
      subnet_ids     = [module.vpc.private_subnets[i]]
      instance_types = var.node_instance_types
      min_size       = var.nodes_per_zone.min
      desired_size   = var.nodes_per_zone.desired
      max_size       = var.nodes_per_zone.max
      labels = {
        "k8shop/pool" = "general"
      }
      block_device_mappings = {
        root = {
          device_name = "/dev/xvda"
          ebs = {
            volume_size = 50
            volume_type = "gp3"
            encrypted   = true
          }
        }
      }
      metadata_options = {
        http_tokens                 = "required"
        http_put_response_hop_limit = 1
      }
    }
  }
}
