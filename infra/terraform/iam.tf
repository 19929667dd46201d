# IAM roles for service accounts: a pod gets AWS credentials only through its Kubernetes ServiceAccount.
locals {
  oidc_issuer = replace(module.eks.cluster_oidc_issuer_url, "https://", "")
}

data "aws_iam_policy_document" "irsa" {
  for_each = {
    silo           = "system:serviceaccount:bookstore:silo"
    ebs_csi        = "system:serviceaccount:kube-system:ebs-csi-controller-sa"
    otel_collector = "system:serviceaccount:bookstore:otel-collector"
  }

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [module.eks.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = [each.value]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# Silos: the single-item calls the inventory grain storage makes on its one table, and nothing else
# (the table is created here, so no CreateTable).
resource "aws_iam_role" "silo" {
  name               = "${var.name}-silo"
  assume_role_policy = data.aws_iam_policy_document.irsa["silo"].json
}

data "aws_iam_policy_document" "silo_dynamodb" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable"]
    resources = [aws_dynamodb_table.inventory.arn]
  }
}

resource "aws_iam_role_policy" "silo_dynamodb" {
  name   = "inventory-table"
  role   = aws_iam_role.silo.id
  policy = data.aws_iam_policy_document.silo_dynamodb.json
}

# The EBS CSI driver, for the RabbitMQ StatefulSet's volumes.
resource "aws_iam_role" "ebs_csi" {
  name               = "${var.name}-ebs-csi"
  assume_role_policy = data.aws_iam_policy_document.irsa["ebs_csi"].json
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  role       = aws_iam_role.ebs_csi.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

# The AWS Load Balancer Controller (the storefront's NLB), with the policy the IAM community module keeps current.
module "lb_controller_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name                              = "${var.name}-aws-load-balancer-controller"
  attach_load_balancer_controller_policy = true

  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}
