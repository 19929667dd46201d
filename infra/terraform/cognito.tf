# Accounts on Amazon Cognito instead of the identity Deployment (var.identity_provider = "cognito"): a user pool
# (e-mail as the user name, the same password rules and lockout as ASP.NET Core Identity's defaults), a resource
# server whose identifier is the gateways' audience, the storefront's public app client (authorization code with
# PKCE, refresh tokens revocable) and a confidential client for operators' scripts (client credentials). Gateways need
# only outputs gateway_auth_authority and gateway_auth_audience. Cognito's access tokens name the app client in
# client_id rather than aud and the user's groups in cognito:groups: the gateway must accept those claims for
# audience and role before this mode serves shoppers (README, "Accounts on Amazon Cognito"). With "k8shop" nothing here is created and the
# outputs are the identity Deployment's in-cluster values.
data "aws_caller_identity" "current" {}

locals {
  cognito = var.identity_provider == "cognito"
  # The API scope the gateways' audience stands for; access tokens carry it as "k8shop-api/api".
  api_identifier = "k8shop-api"
}

resource "aws_cognito_user_pool" "shop" {
  count = local.cognito ? 1 : 0

  name                     = "${var.name}-shoppers"
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = "ACTIVE"
  mfa_configuration        = "OPTIONAL"

  password_policy {
    minimum_length                   = 8
    require_lowercase                = false
    require_uppercase                = false
    require_numbers                  = false
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  software_token_mfa_configuration {
    enabled = true
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

# Members of group "admin" get the shop's admin pages (the gateway's admin policy reads the group claim).
resource "aws_cognito_user_group" "admin" {
  count = local.cognito ? 1 : 0

  name         = "admin"
  user_pool_id = aws_cognito_user_pool.shop[0].id
  description  = "K8Shop administrators"
}

resource "aws_cognito_user_pool_domain" "shop" {
  count = local.cognito ? 1 : 0

  domain       = "${var.name}-${data.aws_caller_identity.current.account_id}"
  user_pool_id = aws_cognito_user_pool.shop[0].id
}

resource "aws_cognito_resource_server" "api" {
  count = local.cognito ? 1 : 0

  identifier   = local.api_identifier
  name         = "K8Shop API"
  user_pool_id = aws_cognito_user_pool.shop[0].id

  scope {
    scope_name        = "api"
    scope_description = "The shop's REST and gRPC API through the gateways"
  }

  scope {
    scope_name        = "admin"
    scope_description = "Administration by machine clients (operators' scripts, the fault drill)"
  }
}

# The storefront: a public client (no secret) with the authorization code flow and PKCE, as in the cluster.
resource "aws_cognito_user_pool_client" "storefront" {
  count = local.cognito ? 1 : 0

  name         = "${var.name}-storefront"
  user_pool_id = aws_cognito_user_pool.shop[0].id

  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "profile", "${local.api_identifier}/api"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = ["${var.shop_origin}/auth/callback", "${var.shop_origin}/auth/silent"]
  logout_urls                          = ["${var.shop_origin}/"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"]
  access_token_validity                = 5
  id_token_validity                    = 5
  refresh_token_validity               = 14

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  depends_on = [aws_cognito_resource_server.api]
}

# Operators' scripts: client credentials; its secret stays in Cognito (aws cognito-idp describe-user-pool-client).
resource "aws_cognito_user_pool_client" "operator" {
  count = local.cognito ? 1 : 0

  name         = "${var.name}-operator"
  user_pool_id = aws_cognito_user_pool.shop[0].id

  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["${local.api_identifier}/admin"]
  supported_identity_providers         = ["COGNITO"]
  access_token_validity                = 5

  token_validity_units {
    access_token = "minutes"
  }

  depends_on = [aws_cognito_resource_server.api]
}

# The identity Deployment's signing and encryption keys (PEM RSA, JSON signing_key/encryption_key): this is only the
# secret; generate-secrets.sh aws puts its first value, so no private key passes through Terraform state.
resource "aws_secretsmanager_secret" "identity_keys" {
  name                    = "${var.name}/identity-keys"
  description             = "Signing and encryption keys of the ${var.name} identity provider"
  recovery_window_in_days = 7
}
