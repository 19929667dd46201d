import assert from "node:assert/strict";
import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { k8sDir } from "./paths.js";

const bin = "/usr/lib/rabbitmq/bin";
const installed = fs.existsSync(path.join(bin, "rabbitmq-server"));
const freePort = () => new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});

// A throwaway node booted with the StatefulSet's rabbitmq.conf and definitions folder (peers replaced by itself,
// ports moved aside): proves the configuration keys are valid and that the definitions really load.
describe("RabbitMQ configuration on a real node", { skip: installed ? false : "rabbitmq-server is not installed (scripts/test.sh installs it)" }, () => {
  it("boots with rabbitmq.conf, loads the topology and the users from the definitions folder, creates no guest", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "k8shop-rabbit-"));
    const node = `infracheck${process.pid}@localhost`;
    const [amqp, dist, management, prometheus] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const definitions = path.join(dir, "definitions");
    fs.mkdirSync(definitions);
    fs.copyFileSync(path.join(k8sDir, "base/rabbitmq/topology.json"), path.join(definitions, "10-topology.json"));
    const password = crypto.randomBytes(12).toString("hex");
    fs.writeFileSync(path.join(definitions, "20-users.json"), JSON.stringify({
      users: [{ name: "k8shop", password, tags: [] }],
      permissions: [{ user: "k8shop", vhost: "/", configure: ".*", write: ".*", read: ".*" }],
    }));
    const conf = fs.readFileSync(path.join(k8sDir, "base/rabbitmq/rabbitmq.conf"), "utf8")
      .replace(/^cluster_formation\.classic_config\.nodes\.\d+ = .*$/gm, "")
      .replace(/^load_definitions = .*$/m, `load_definitions = ${definitions}`)
      .replace(/^disk_free_limit\.absolute = .*$/m, "disk_free_limit.absolute = 1MB")
      // With fewer nodes online than this hint a node skips queues and bindings (the last of the three imports them).
      .replace(/^cluster_formation\.target_cluster_size_hint = .*$/m, "cluster_formation.target_cluster_size_hint = 1")
      + `\ncluster_formation.classic_config.nodes.1 = ${node}\nlisteners.tcp.default = ${amqp}\n`
      + `management.tcp.port = ${management}\nprometheus.tcp.port = ${prometheus}\nlog.console = false\nlog.file.level = info\n`;
    fs.writeFileSync(path.join(dir, "rabbitmq.conf"), conf);
    fs.copyFileSync(path.join(k8sDir, "base/rabbitmq/enabled_plugins"), path.join(dir, "enabled_plugins"));
    const env = {
      ...process.env, HOME: dir, RABBITMQ_NODENAME: node, RABBITMQ_CONFIG_FILE: path.join(dir, "rabbitmq.conf"),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, "enabled_plugins"), RABBITMQ_MNESIA_BASE: path.join(dir, "data"),
      RABBITMQ_LOG_BASE: path.join(dir, "log"), RABBITMQ_PID_FILE: path.join(dir, "pid"), RABBITMQ_DIST_PORT: String(dist),
    };
    const options: ExecFileSyncOptions = { env, encoding: "utf8", timeout: 90_000 };
    const ctl = (...args: string[]) => String(execFileSync(path.join(bin, "rabbitmqctl"), ["-n", node, "-q", ...args], options));
    execFileSync(path.join(bin, "rabbitmq-server"), ["-detached"], options);
    try {
      ctl("wait", "--timeout", "60", path.join(dir, "pid"));
      assert.match(ctl("list_exchanges", "name", "type"), /^orders\s+topic$/m);
      assert.match(ctl("list_queues", "name", "type"), /^notification-service\s+quorum$/m);
      assert.match(ctl("list_queues", "name", "arguments"), /notification-service\s.*x-delivery-limit",5/);
      assert.equal((ctl("list_bindings", "source_name", "destination_name").match(/^orders\s+notification-service$/gm) ?? []).length, 7);
      assert.doesNotMatch(ctl("list_users"), /guest/);
      assert.match(ctl("authenticate_user", "k8shop", password), /Success/);
    } finally {
      try { ctl("stop", path.join(dir, "pid")); } catch { /* already down */ }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
