#!/usr/bin/env python3
"""lsp_edits.py: how fast `startklar lsp` re-judges a unit after an edit, and
whether its memory stays bounded over many edits.
Usage: bench/lsp_edits.py [BUILD_DIR] [EDITS] [RSS_EDITS]  (defaults: build, 1000, 10000)

Opens the two documents of examples/bup-vaxjo (plan and onboarding), then
sends EDITS full-text changes of the plan, each one character typed at the
end of a comment and, every other edit, an owner removed or put back (a
finding appears and goes). Each edit is timed from sending didChange to the
answer of a request queued behind it: the server has re-judged the whole
unit (both documents: load, 62 rules, judge) and published both documents'
diagnostics. Prints the median, 95th percentile and worst, and the server's
own CPU time per edit (utime + stime: what a busy machine does not inflate
as much as wall time); then RSS_EDITS
more edits, printing the server's RSS (VmRSS) along the way and its peak
(VmHWM). Figures are read, never asserted (docs/performance.md)."""
import os
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "cli"))
import lsp_client  # noqa: E402

build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve()
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rss_edits = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
unit = HERE.parent / "examples" / "bup-vaxjo"
plan, onb = unit / "plan.yaml", unit / "onboarding.yaml"
text = plan.read_text()
OWNER = "    owner: Projektledare Sofia Lund\n"
assert OWNER in text


def status(pid, field):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB
    return 0


c = lsp_client.Client([str(build / "startklar"), "lsp"])
c.request("initialize", {"rootUri": unit.as_uri(), "capabilities": {},
                         "initializationOptions": {"asOf": "2027-04-10"}})
c.notify("initialized", {})
for p in (plan, onb):
    c.notify("textDocument/didOpen", {"textDocument": {"uri": p.as_uri(), "languageId": "yaml", "version": 1,
                                                       "text": p.read_text()}})
version = 1


def edit(n):
    global version
    version += 1
    body = text if n % 2 == 0 else text.replace(OWNER, "", 1)
    body += "# " + "x" * (n % 80) + "\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": plan.as_uri(), "version": version},
                                        "contentChanges": [{"text": body}]})
    c.request("textDocument/hover", {"textDocument": {"uri": plan.as_uri()},
                                     "position": {"line": 0, "character": 0}})
    c.notifications.clear()


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


edit(0)
cpu0 = cpu_seconds(c.proc.pid)
times = []
for n in range(edits):
    t0 = time.perf_counter()
    edit(n)
    times.append((time.perf_counter() - t0) * 1000)
cpu = cpu_seconds(c.proc.pid) - cpu0
times.sort()
print("re-judging one unit (2 documents open) after an edit, %d edits:" % edits)
print("  median %.2f ms   p95 %.2f ms   worst %.2f ms   (the server's own CPU: %.2f ms an edit)" % (
    statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1], cpu * 1000 / edits))

pid = c.proc.pid
marks = {rss_edits // 10, rss_edits // 2, rss_edits}
rss = []
for n in range(1, rss_edits + 1):
    edit(n)
    if n in marks:
        rss.append((n, status(pid, "VmRSS")))
print("server RSS over %d more edits: %s;  peak (VmHWM) %.1f MB" % (
    rss_edits, ", ".join("%.1f MB after %d" % (kb / 1024, n) for n, kb in rss), status(pid, "VmHWM") / 1024))
c.request("shutdown")
c.notify("exit")
c.proc.wait()
