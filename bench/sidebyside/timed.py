#!/usr/bin/env python3
"""timed.py - run a command-line checker N times: wall time, peak memory, findings.

Usage:
  timed.py --runs N --count SUBSTRING --log FILE --out result.json [--cwd DIR] [--timeout S] -- COMMAND ARGS...

Each run: wall-clock seconds (time.perf_counter around the process), user+sys CPU seconds (less
sensitive than wall time to other tenants of a shared machine), its peak resident memory
(ru_maxrss from wait4, the process and the children it waited for, like /usr/bin/time -v's
"Maximum resident set size"), its exit code, and how many lines of its output (stdout and
stderr, kept in --log, the last run's) contain SUBSTRING, e.g. the rule's name. Exit codes
are recorded, not judged: checkers exit 1 when they report findings. Stdlib only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--count", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cwd")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if not cmd:
        ap.error("no command")

    runs = []
    for _ in range(a.runs):
        load = os.getloadavg()[0]
        with open(a.log, "wb") as log:
            t0 = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=a.cwd)
            deadline = t0 + a.timeout
            while True:
                pid, status, usage = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    p.kill()
                    pid, status, usage = os.wait4(p.pid, 0)
                    break
                time.sleep(0.005)
            wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        with open(a.log, "rb") as log:
            found = sum(1 for line in log if a.count.encode() in line)
        cpu = usage.ru_utime + usage.ru_stime
        runs.append({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "max_rss_kb": usage.ru_maxrss, "exit": p.returncode,
                     "findings": found, "loadavg_1min_before": load, "timed_out": wall >= a.timeout})
        print(f"  {os.path.basename(cmd[-1])}: {wall:.2f} s (user+sys {cpu:.2f} s), {usage.ru_maxrss // 1024} MB, exit {p.returncode}, "
              f"{found} lines with {a.count!r}", file=sys.stderr)

    walls = [r["wall_s"] for r in runs]
    cpus = [r["cpu_s"] for r in runs]
    result = {"command": cmd, "runs": runs,
              "wall_s": {"median": statistics.median(walls), "min": min(walls), "max": max(walls)},
              "cpu_s": {"median": statistics.median(cpus), "min": min(cpus), "max": max(cpus)},
              "max_rss_kb": max(r["max_rss_kb"] for r in runs), "findings": runs[-1]["findings"],
              "ok": all(r["exit"] in (0, 1) and not r["timed_out"] for r in runs)}
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
