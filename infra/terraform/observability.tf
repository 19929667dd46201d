# Telemetry on AWS: the ADOT collector (infra/k8s/overlays/aws/otel-collector*.yaml) sends traces to X-Ray, logs to
# CloudWatch Logs and metrics to this Amazon Managed Service for Prometheus workspace, which evaluates the same alert
# rules as every other Prometheus (infra/observability/prometheus/k8shop-alerts.rules.yml, the one source).
resource "aws_prometheus_workspace" "shop" {
  alias = var.name
}

resource "aws_prometheus_rule_group_namespace" "alerts" {
  name         = "k8shop-alerts"
  workspace_id = aws_prometheus_workspace.shop.id
  data         = file("${path.module}/../observability/prometheus/k8shop-alerts.rules.yml")
}

resource "aws_cloudwatch_log_group" "shop" {
  name              = "/k8shop/bookstore"
  retention_in_days = 30
}

# The collector's IRSA role: write traces, its log group and remote write to the workspace, nothing else.
resource "aws_iam_role" "otel_collector" {
  name               = "${var.name}-otel-collector"
  assume_role_policy = data.aws_iam_policy_document.irsa["otel_collector"].json
}

resource "aws_iam_role_policy_attachment" "otel_collector_xray" {
  role       = aws_iam_role.otel_collector.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"
}

data "aws_iam_policy_document" "otel_collector" {
  statement {
    actions   = ["aps:RemoteWrite"]
    resources = [aws_prometheus_workspace.shop.arn]
  }

  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.shop.arn}:*"]
  }
}

resource "aws_iam_role_policy" "otel_collector" {
  name   = "telemetry"
  role   = aws_iam_role.otel_collector.id
  policy = data.aws_iam_policy_document.otel_collector.json
}
