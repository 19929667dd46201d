#!/usr/bin/env python3
"""CPU used per process tree over a window, for the benchmarks, and what it comes to per operation.

usage: cpu_share.py measure --after SECONDS --window SECONDS --out FILE LABEL=PID...
       cpu_share.py per-op FILE RATE        milliseconds of one core per operation at RATE operations/s, per process
       cpu_share.py ceiling FILE RATE TPS   the rate, and the ratio to TPS, that the processes other than the silo
                                            allow at their cost per operation, were the silo free

measure sleeps --after seconds, then measures for --window seconds. A label's figure covers its process and every
descendant (PostgreSQL's backends, RabbitMQ's Erlang helpers): their user + system time from /proc, plus the time of
children that ended and were reaped in the window (the parent's cutime/cstime). The machine's busy time comes from
/proc/stat, and whatever it holds beyond the labels is reported as "rest" (the kernel's own threads, other tenants of
the machine). It writes JSON: {"window_s", "cores", "machine_busy_cores", "processes": {label: cores}, "rest_cores"};
a label whose process is gone by the end is left out.
"""
import argparse
import json
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def stats():
    """pid -> (ppid, own ticks, reaped children's ticks) for every process now alive."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        # The command name sits in parentheses and may hold spaces; the fields after it are fixed.
        fields = raw[raw.rindex(")") + 2:].split()
        ppid, utime, stime, cutime, cstime = int(fields[1]), int(fields[11]), int(fields[12]), int(fields[13]), int(fields[14])
        table[int(entry)] = (ppid, utime + stime, cutime + cstime)
    return table


def tree_ticks(table, root):
    """Ticks of root and its live descendants, plus what root and they reaped; None if root is gone."""
    if root not in table:
        return None
    children = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        _, own, reaped = table[pid]
        total += own + reaped
        todo.extend(children.get(pid, []))
    return total


def machine_busy():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values[:8]) - idle  # user nice system idle iowait irq softirq steal


def measure(args):
    roots = {}
    for item in args.processes:
        label, _, pid = item.partition("=")
        if not pid.isdigit():
            sys.exit(f"cpu_share.py: expected LABEL=PID, got {item!r}")
        roots[label] = int(pid)

    time.sleep(args.after)
    start_table, start_busy, started = stats(), machine_busy(), time.monotonic()
    time.sleep(args.window)
    end_table, end_busy, window = stats(), machine_busy(), time.monotonic() - started

    processes = {}
    for label, pid in roots.items():
        before, after = tree_ticks(start_table, pid), tree_ticks(end_table, pid)
        if before is not None and after is not None:
            processes[label] = round((after - before) / TICKS / window, 3)
    busy = (end_busy - start_busy) / TICKS / window
    report = {
        "window_s": round(window, 1),
        "cores": os.cpu_count(),
        "machine_busy_cores": round(busy, 3),
        "processes": processes,
        "rest_cores": round(max(busy - sum(processes.values()), 0), 3),
    }
    with open(args.out, "w") as f:
        json.dump(report, f, indent=2)


def per_op(args):
    with open(args.file) as f:
        r = json.load(f)
    parts = [f"{label} {cores * 1000 / args.rate:.1f} ms" for label, cores in sorted(r["processes"].items(), key=lambda p: -p[1])]
    parts.append(f"rest {r['rest_cores'] * 1000 / args.rate:.1f} ms")
    print(", ".join(parts) + f"; {r['machine_busy_cores']:.2f} of {r['cores']} cores busy")


def ceiling(args):
    with open(args.file) as f:
        r = json.load(f)
    others = sum(cores for label, cores in r["processes"].items() if label != "silo") / args.rate
    print(f"ceiling with a silo that cost nothing: the other processes' {others * 1000:.1f} ms of CPU per checkout allow "
          f"{r['cores'] / others:.0f} checkouts/s on {r['cores']} cores, a ratio of at most {r['cores'] / others / args.tps:.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    m = commands.add_parser("measure")
    m.add_argument("--after", type=float, default=0)
    m.add_argument("--window", type=float, required=True)
    m.add_argument("--out", required=True)
    m.add_argument("processes", nargs="+", metavar="LABEL=PID")
    m.set_defaults(run=measure)
    p = commands.add_parser("per-op")
    p.add_argument("file")
    p.add_argument("rate", type=float)
    p.set_defaults(run=per_op)
    c = commands.add_parser("ceiling")
    c.add_argument("file")
    c.add_argument("rate", type=float)
    c.add_argument("tps", type=float)
    c.set_defaults(run=ceiling)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
