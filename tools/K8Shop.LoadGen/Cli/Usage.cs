namespace K8Shop.LoadGen.Cli;

/// <summary>The help text, printed for --help and after every argument error.</summary>
public static class Usage
{
    public const string Text = """
        usage: k8shop-loadgen [options]

        Drives the K8Shop gateway's inventory API (reserve, release, commit) or its checkout (cart, orders),
        reports throughput, latency percentiles and errors, then checks per SKU that the server's stock agrees
        with what the client did. An operation is one fresh order: a reserve and, when granted, maybe its
        release or commit; in checkout, one fresh shopper's cart adds and order.

        scenario
          --scenario NAME     hot-sku (every client on one SKU), mixed (Zipf-skewed SKUs) or checkout
                              (1-3 cart adds, then POST /orders); default hot-sku
          --sku SKU           hot-sku: the SKU; checkout: the hottest SKU; default BOOK-001
          --skus N            mixed: SKUs BOOK-001..BOOK-N; checkout: N SKUs, the hot one first; default 150
          --skew S            mixed, checkout: Zipf exponent, P(rank k) ~ 1/k^S, 0 = uniform; default 1.1
          --seed N            seed for every random choice; default 42
          --release-ratio P   share of granted reservations released; default 0.2
          --commit-ratio P    share of the rest committed, the others stay reserved; default 0.3
          --repeat-ratio P    share of granted reservations whose reserve is sent again (checkout: of
                              answered orders sent again, same key), which must return the same; default 0
          --ttl SECONDS       ttl_seconds sent with each reserve; keep it longer than the run, since an
                              expiry would break the end-of-run check; default 3600
          --decline-ratio P   checkout: share of orders paid with a declining token; default 0
          --order-retries N   checkout: resends of an order (same Idempotency-Key) after 429, 5xx or a
                              timeout, waiting Retry-After or 50 ms doubling; default 3
          --verify-sample N   checkout: settled orders read back, replayed and their payments checked
                              after the load (a uniform sample); default 1000

        load (one of)
          --clients N         closed loop: N clients, each starting its next operation when the
                              previous one ends; default 16
          --rate R            open loop: R operations started per second on a fixed schedule, latency
                              counted from each operation's scheduled start
          --max-in-flight N   open loop: operations in flight at most; one due while all are busy is
                              dropped and counted; default 1000

        length (one of)
          --duration D        measured time, such as 500ms, 30s, 2m; default 30s
          --operations N      measured operations
          --warmup D          run first, left out of the figures (not out of the checks); default 5s

        target
          --url URL           the gateway; default http://127.0.0.1:8080
          --timeout D         per request; default 10s
          --setup-stock N     PUT each SKU's stock to N first (needs an admin client); without it the
                              current state is the baseline

        identity (OAuth 2.0 clients of the shop's identity provider; secrets are never printed)
          --auth MODE         required (default): every load request carries a token, as the gateway
                              requires; open: none (a gateway with Auth__Mode=open)
          --client-id ID      the tool's client, or K8SHOP_CLIENT_ID: its client-credentials token
          --client-secret S   moves stock (role machine or admin); for checkout it must be loadgen,
                              whose password grant signs the shoppers in. The secret: also
                              K8SHOP_CLIENT_SECRET (kept out of ps)
          --admin-client-id ID, --admin-client-secret S
                              the client that sets stock (role admin: operator), or
                              K8SHOP_ADMIN_CLIENT_ID and K8SHOP_ADMIN_CLIENT_SECRET; default --client-id
          --token-url URL     the token endpoint; default URL/connect/token (sign-up is on its origin)
          --shoppers N        checkout, --auth required: shopper accounts created before the load
                              (sign-up page), each used by one checkout at a time; default clients
                              (or --max-in-flight, at most 256) plus a quarter

        events (checkout; the shop's events on RabbitMQ, read by an exclusive queue of the tool's own)
          --events-amqp URI   watch the exchange: amqp://user:password@host:5672/vhost; reports events/s
                              by routing key, the delay from occurred_at to receipt (goal p99 < 1 s),
                              events per confirmed checkout (3) and duplicates, and checks them
          --events-exchange X the topic exchange; default orders
          --events-management URL
                              RabbitMQ management API (http://127.0.0.1:15672), with the AMQP URI's
                              credentials unless it has its own: queue depths every 5 s, checked
                              for growth (more ready at the end than 20 s in)
          --events-queues P   queues to sample, comma-separated, * = any characters; default
                              notification-service,orders.*
          --events-drain D    wait at most this for events after the load; default 15s

        faults (the gateway's fault switches, GET/PUT /admin/faults; admin or machine token)
          --chaos             during the measured load, turn each fault on (errors and outcomes at
                              probability 0.5, latencies 300 ms), wait, turn it off, wait, next one;
                              needs the admin client; whatever it turned on is turned off at the end
                              (also on Ctrl-C or an error), before the invariant checks
          --chaos-on D        how long each fault stays on, whole seconds; default 20s
          --chaos-off D       how long every fault stays off after each one (and before the first);
                              default 10s
          --chaos-faults L    fault names, comma-separated, played in that order; default every fault
                              the gateway lists
                              Without --chaos the tool still polls GET /admin/faults once a second
                              when it has a token, and records which faults were on each second.

        output
          --json PATH         also write the report as JSON (with the per-second series and faults)
          --html PATH         an HTML report with charts; default next to --json (same name, .html)
          -h, --help          this text

        Exit codes: 0 every invariant holds, 1 an invariant failed, 2 bad arguments, 3 setup failed.

        """;
}
