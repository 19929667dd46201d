import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "@cdktf/hcl2json";
import { parseAllDocuments } from "yaml";
import { repoDir, terraformDir } from "./paths.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
const tfFiles = fs.readdirSync(terraformDir).filter((f) => f.endsWith(".tf"));
let config: Any = {};
/** One resource's (first) block, from the merged JSON of every .tf file. */
const resource = (type: string, name: string) => {
  const blocks = config.resource?.[type]?.[name];
  assert.ok(blocks, `resource ${type}.${name} not found`);
  return blocks[0];
};
const block = (b: Any, name: string) => (Array.isArray(b[name]) ? b[name][0] : b[name]) ?? {};

describe("Terraform", () => {
  before(async () => {
    for (const file of tfFiles) {
      const json = (await parse(file, fs.readFileSync(path.join(terraformDir, file), "utf8"))) as Any;
      for (const [section, value] of Object.entries(json)) {
        if (section === "locals") { config.locals = [...(config.locals ?? []), ...(value as Any[])]; continue; }
        config[section] ??= {};
        for (const [type, entries] of Object.entries(value as Any)) {
          if (section === "resource" || section === "data") config[section][type] = { ...config[section][type], ...(entries as Any) };
          else config[section][type] = entries;
        }
      }
    }
  });

  it("parses: every .tf file is valid HCL", async () => {
    assert.ok(tfFiles.length >= 8);
    for (const file of tfFiles) await parse(file, fs.readFileSync(path.join(terraformDir, file), "utf8"));
    await assert.rejects(parse("broken.tf", 'resource "x" "y" {\n  a =\n}\n'), "the parser accepts broken HCL");
  });

  it("is formatted as terraform fmt writes it (when a terraform binary is on the PATH)", (t) => {
    try {
      execFileSync("terraform", ["fmt", "-check", "-diff", "-no-color", terraformDir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      if (err.code === "ENOENT") return t.skip("no terraform binary; HCL parsing above still runs");
      assert.fail(`terraform fmt would change:\n${err.stdout}`);
    }
  });

  it("pins the providers and the community modules", () => {
    const required = config.terraform[0].required_providers[0];
    for (const p of ["aws", "random"]) assert.match(required[p].version, /\d+\.\d+/);
    for (const [name, blocks] of Object.entries(config.module as Any))
      assert.match((blocks as Any[])[0].version, /^\d+\.\d+\.\d+$/, `module ${name} version not pinned exactly`);
  });

  it("spans three availability zones with a NAT gateway in each", () => {
    const vpc = config.module.vpc[0];
    assert.match(config.locals.find((l: Any) => l.azs).azs, /slice\(.*, 0, 3\)/);
    for (const subnets of ["public_subnets", "private_subnets", "database_subnets", "elasticache_subnets"])
      assert.match(String(vpc[subnets]), /range\(3\)/, `${subnets} not one per zone`);
    assert.equal(vpc.one_nat_gateway_per_az, true);
    assert.equal(vpc.single_nat_gateway, false);
  });

  it("lays out subnets that do not overlap, inside the VPC range the aws overlay's NetworkPolicies allow", () => {
    const vpcCidr: string = config.variable.vpc_cidr[0].default;
    const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
    const [base, bits] = [toInt(vpcCidr.split("/")[0]), Number(vpcCidr.split("/")[1])];
    // cidrsubnet(var.vpc_cidr, newbits, netnum) as Terraform computes it, for the "for i in range(3)" lists.
    const ranges: { name: string; start: number; size: number }[] = [];
    for (const list of ["public_subnets", "private_subnets", "database_subnets", "elasticache_subnets"]) {
      const m = String(config.module.vpc[0][list]).match(/cidrsubnet\(var\.vpc_cidr, (\d+), (?:(\d+) \+ )?i\)/);
      assert.ok(m, `${list} is not cidrsubnet(var.vpc_cidr, n, k + i)`);
      const size = 2 ** (32 - bits - Number(m[1]));
      for (let i = 0; i < 3; i++) ranges.push({ name: `${list}[${i}]`, start: base + (Number(m[2] ?? 0) + i) * size, size });
    }
    for (const r of ranges) assert.ok(r.start + r.size <= base + 2 ** (32 - bits), `${r.name} leaves the VPC`);
    for (const a of ranges) for (const b of ranges)
      if (a !== b) assert.ok(a.start + a.size <= b.start || b.start + b.size <= a.start, `${a.name} overlaps ${b.name}`);
    const overlay = fs.readFileSync(path.join(repoDir, "infra/k8s/overlays/aws/network-policies.yaml"), "utf8");
    const cidrs = [...overlay.matchAll(/cidr: (\S+)/g)].map((m) => m[1]);
    assert.ok(cidrs.length > 0 && cidrs.every((c) => c === vpcCidr), `overlay CIDRs ${cidrs} differ from vpc_cidr ${vpcCidr}`);
  });

  it("runs EKS with a managed node group in each zone and an API endpoint open only to admin networks", () => {
    const eks = config.module.eks[0];
    assert.match(String(eks.eks_managed_node_groups), /for i, az in local\.azs/);
    assert.match(String(eks.eks_managed_node_groups), /private_subnets\[i\]/);
    assert.equal(eks.cluster_endpoint_public_access_cidrs, "${var.admin_cidr_blocks}");
    assert.equal(config.variable.admin_cidr_blocks[0].default, undefined, "admin_cidr_blocks has a default");
    assert.match(JSON.stringify(eks.cluster_addons), /enableNetworkPolicy/, "the VPC CNI does not enforce NetworkPolicies");
  });

  it("runs RDS PostgreSQL Multi-AZ, encrypted, private, with the password managed in Secrets Manager", () => {
    const db = resource("aws_db_instance", "postgres");
    assert.equal(db.engine, "postgres");
    assert.equal(db.multi_az, true);
    assert.equal(db.storage_encrypted, true);
    assert.equal(db.publicly_accessible, false);
    assert.equal(db.manage_master_user_password, true);
    assert.equal(db.password, undefined);
    assert.equal(db.deletion_protection, true);
    assert.ok(db.backup_retention_period >= 7);
    const params = block(resource("aws_db_parameter_group", "postgres"), "parameter");
    assert.deepEqual([params.name, params.value], ["rds.force_ssl", "1"]);
  });

  it("runs ElastiCache Redis over three zones with TLS, encryption at rest and a generated AUTH token kept in Secrets Manager", () => {
    const redis = resource("aws_elasticache_replication_group", "redis");
    assert.equal(redis.transit_encryption_enabled, true);
    assert.equal(redis.at_rest_encryption_enabled, true);
    assert.equal(redis.automatic_failover_enabled, true);
    assert.equal(redis.multi_az_enabled, true);
    assert.ok(redis.num_cache_clusters >= 3);
    assert.equal(redis.preferred_cache_cluster_azs, "${local.azs}", "nodes not placed one per zone");
    assert.equal(redis.auth_token, "${random_password.redis_auth.result}");
    assert.equal(resource("aws_secretsmanager_secret_version", "redis_auth").secret_string, "${random_password.redis_auth.result}");
    assert.ok(resource("random_password", "redis_auth").length >= 32);
  });

  it("creates the inventory table the silo's grain storage expects: on demand, point-in-time recovery, encrypted", () => {
    const table = resource("aws_dynamodb_table", "inventory");
    assert.equal(config.variable.inventory_table_name[0].default, "k8shop-inventory");
    assert.equal(table.billing_mode, "PAY_PER_REQUEST");
    assert.equal(block(table, "point_in_time_recovery").enabled, true);
    assert.equal(block(table, "server_side_encryption").enabled, true);
    // Key names and types as src/Orleans.Persistence.DynamoDB creates and checks them.
    const item = fs.readFileSync(path.join(repoDir, "src/Orleans.Persistence.DynamoDB/Storage/GrainStateItem.cs"), "utf8");
    const constant = (name: string) => item.match(new RegExp(`const string ${name} = "([^"]+)"`))?.[1];
    assert.equal(table.hash_key, constant("GrainKey"));
    assert.equal(table.range_key, constant("StateName"));
    assert.deepEqual(table.attribute.map((a: Any) => [a.name, a.type]).sort(), [[constant("GrainKey"), "S"], [constant("StateName"), "S"]].sort());
  });

  it("has an ECR repository per image with immutable tags and scan on push", () => {
    const repo = resource("aws_ecr_repository", "image");
    assert.match(String(repo.for_each), /local\.images/);
    assert.deepEqual(config.locals.find((l: Any) => l.images).images, ["silo", "gateway", "storefront", "identity"]);
    // One repository per Dockerfile.
    const dockerfiles = fs.readdirSync(path.join(repoDir, "infra/docker")).filter((f) => f.endsWith(".Dockerfile")).map((f) => f.replace(".Dockerfile", ""));
    for (const image of config.locals.find((l: Any) => l.images).images) assert.ok(dockerfiles.includes(image), `no ${image}.Dockerfile`);
    assert.equal(repo.image_tag_mutability, "IMMUTABLE");
    assert.equal(block(repo, "image_scanning_configuration").scan_on_push, true);
  });

  it("gives the silo ServiceAccount an IRSA role limited to the item calls on the inventory table", () => {
    const trust = config.data.aws_iam_policy_document.irsa[0];
    assert.equal(trust.for_each.silo, "system:serviceaccount:bookstore:silo");
    const policy = block(config.data.aws_iam_policy_document.silo_dynamodb[0], "statement");
    assert.deepEqual([...policy.actions].sort(), ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"]);
    assert.deepEqual(policy.resources, ["${aws_dynamodb_table.inventory.arn}"]);
  });

  it("can make an Amazon Cognito user pool and app clients instead of the identity Deployment, only when asked", () => {
    const choice = config.variable.identity_provider[0];
    assert.equal(choice.default, "k8shop");
    assert.match(JSON.stringify(choice.validation), /contains\(\[\\"k8shop\\", \\"cognito\\"\], var\.identity_provider\)/);
    const cognito = config.locals.find((l: Any) => l.cognito !== undefined);
    assert.equal(cognito.cognito, '${var.identity_provider == "cognito"}');
    for (const [type, name] of [["aws_cognito_user_pool", "shop"], ["aws_cognito_user_pool_domain", "shop"], ["aws_cognito_resource_server", "api"],
      ["aws_cognito_user_pool_client", "storefront"], ["aws_cognito_user_pool_client", "operator"], ["aws_cognito_user_group", "admin"]])
      assert.equal(resource(type, name).count, "${local.cognito ? 1 : 0}", `${type}.${name} is made whatever identity_provider says`);
    const pool = resource("aws_cognito_user_pool", "shop");
    assert.deepEqual(pool.username_attributes, ["email"]);
    assert.equal(pool.deletion_protection, "ACTIVE");
    assert.ok(block(pool, "password_policy").minimum_length >= 8);
    // The storefront: a public client with the code flow (PKCE is the client's), callbacks on the shop's origin.
    const storefront = resource("aws_cognito_user_pool_client", "storefront");
    assert.equal(storefront.generate_secret, false);
    assert.deepEqual(storefront.allowed_oauth_flows, ["code"]);
    assert.deepEqual(storefront.callback_urls, ["${var.shop_origin}/auth/callback", "${var.shop_origin}/auth/silent"]);
    assert.deepEqual(storefront.logout_urls, ["${var.shop_origin}/"]);
    assert.ok(storefront.allowed_oauth_scopes.includes("${local.api_identifier}/api"));
    // Operators: client credentials only, with a generated secret that stays in Cognito.
    const operator = resource("aws_cognito_user_pool_client", "operator");
    assert.equal(operator.generate_secret, true);
    assert.deepEqual(operator.allowed_oauth_flows, ["client_credentials"]);
    assert.equal(resource("aws_cognito_resource_server", "api").identifier, "${local.api_identifier}");
  });

  it("wires the gateways' authority and audience: Cognito's issuer and client, or the aws overlay's in-cluster values", () => {
    const authority: string = config.output.gateway_auth_authority[0].value;
    const audience: string = config.output.gateway_auth_audience[0].value;
    const branches = (expr: string) => expr.match(/^\$\{local\.cognito \? (.+) : (.+)\}$/)?.slice(1) ?? [];
    const [cognitoAuthority, clusterAuthority] = branches(authority);
    const [cognitoAudience, clusterAudience] = branches(audience);
    assert.equal(cognitoAuthority, '"https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.shop[0].id}"');
    assert.equal(cognitoAudience, "aws_cognito_user_pool_client.storefront[0].id");
    const apiIdentifier = config.locals.find((l: Any) => l.api_identifier).api_identifier;
    assert.equal(clusterAudience, "local.api_identifier");
    // The overlay's gateway-auth.yaml holds the values these outputs give without Cognito (what its comment says to replace).
    const overlay = parseAllDocuments(fs.readFileSync(path.join(repoDir, "infra/k8s/overlays/aws/gateway-auth.yaml"), "utf8")).map((d) => d.toJS());
    assert.deepEqual(overlay.map((o) => o.metadata.name).sort(), ["gateway-config", "silo-config"]);
    for (const o of overlay) {
      assert.equal(`"${o.data.Auth__Authority}"`, clusterAuthority, `${o.metadata.name}: Auth__Authority`);
      assert.equal(o.data.Auth__Audience, apiIdentifier, `${o.metadata.name}: Auth__Audience`);
      assert.equal(o.data.Auth__Mode, "required");
    }
    const comment = fs.readFileSync(path.join(repoDir, "infra/k8s/overlays/aws/gateway-auth.yaml"), "utf8");
    for (const name of ["gateway_auth_authority", "gateway_auth_audience"]) assert.ok(comment.includes(`output -raw ${name}`), `gateway-auth.yaml does not say how to use ${name}`);
  });

  it("keeps the identity provider's keys in a Secrets Manager secret whose value Terraform never holds", () => {
    const secret = resource("aws_secretsmanager_secret", "identity_keys");
    assert.equal(secret.name, "${var.name}/identity-keys");
    assert.equal(config.resource.aws_secretsmanager_secret_version?.identity_keys, undefined, "the keys would be in Terraform state");
    assert.equal(config.resource.tls_private_key, undefined, "a private key made by Terraform lives in its state");
    assert.equal(config.output.identity_keys_secret_arn[0].value, "${aws_secretsmanager_secret.identity_keys.arn}");
    const script = fs.readFileSync(path.join(repoDir, "infra/k8s/generate-secrets.sh"), "utf8");
    assert.match(script, /tf identity_keys_secret_arn/);
  });

  it("keeps remote state in an example backend with encryption and locking, and no state or key material in the repository", () => {
    const example = fs.readFileSync(path.join(terraformDir, "backend.tf.example"), "utf8");
    assert.match(example, /backend "s3"/);
    assert.match(example, /encrypt\s*=\s*true/);
    assert.match(example, /dynamodb_table\s*=/);
    const tracked = execFileSync("git", ["ls-files"], { cwd: repoDir, encoding: "utf8" }).split("\n");
    const forbidden = tracked.filter((f) => /\.(pem|key|pfx|p12|tfstate|tfvars)$|\.tfstate\.|(^|\/)\.env$|id_rsa/.test(f));
    assert.deepEqual(forbidden, []);
  });

  it("writes no literal secret in any Terraform file", () => {
    for (const file of fs.readdirSync(terraformDir).filter((f) => /\.(tf|example)$/.test(f))) {
      const text = fs.readFileSync(path.join(terraformDir, file), "utf8");
      assert.doesNotMatch(text, /\b(password|secret_key|access_key|auth_token|token)\s*=\s*"[^"$]/i, `${file}: literal secret`);
      assert.doesNotMatch(text, /AKIA[0-9A-Z]{16}|BEGIN [A-Z ]*PRIVATE KEY/, `${file}: key material`);
    }
    for (const v of Object.values(config.variable as Any))
      assert.equal((v as Any[])[0].sensitive, undefined, "a sensitive input variable: secrets are generated in AWS, not passed in");
  });
});
