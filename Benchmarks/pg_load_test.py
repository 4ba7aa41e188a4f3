#!/usr/bin/env python3
"""Realise's shared-workspace load test on PostgreSQL (issue #11): run by Benchmarks/pg-load-test.sh, never by `swift test`.

Eight people use one PostgreSQL workspace at once for a minute: two PMO analysts each re-import their own programme
over and over (a register CSV set, and an IATI activity file: different programmes, distinct ids), four benefit owners
record measurements (`measure`) and reviews with a measurement (`review record … --measure`), and two board members
read the reports (`gaps --format json`, `export --format realise-xml`, `list metrics --format json`). Each client is
a thread running the real `realise` binary, one command at a time, so every command is a separate process with its
own connection, as it would be on eight desks.

What must hold, each printed as PASS/FAIL (exit 1 when any fails):
- no command failed: every exit code is 0 (`gaps` without --fail-on exits 0 whatever it finds; an import that waits
  for the other one says so on stderr and still succeeds);
- no write was lost: every measurement a client recorded — each on its own (metric, day), so each can be counted —
  is in the workspace at the end with its value, counted against the clients' own logs, and each importer's last
  round is what the workspace holds;
- every read was consistent: each export is well-formed XML and each `gaps`/`list` answer loads as JSON; in each
  snapshot a writer's measurements form a prefix of what it wrote (it writes one after another, so a snapshot that
  shows measurement N+1 must show N), every write that finished before the read began is in it, nothing that began
  after the read ended is, and every value is the one written; an importer's round, which changes an entity's text
  and a metric's values in one import, shows as one round or the other in the export, never half of each;
- the change log has one entry per successful write (a measurement, a review, each file an import read), by actor,
  in each writer's order, with its value, day and time;
- two people recording the same metric on the same day (after the run: 8 clients at once on one metric and day, ten
  days over): the later one wins — the workspace holds the value of the day's newest change-log entry — and the
  earlier values stay in the history, each entry naming the value it replaced.

    Benchmarks/pg-load-test.sh                 # 60 s
    Benchmarks/pg-load-test.sh --quick         # 15 s with smaller programmes: a check of the script itself
"""

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "Benchmarks", "generate.py")
BIN = os.environ.get("REALISE_BIN") or os.path.join(ROOT, ".build", "release", "realise")
SCRATCH = os.path.join(ROOT, ".build-bench", "pg-load")
AS_OF = "2025-06-30"
# Day 1 of the writers' measurements and of importer A's round measurements: later than any day the generated files
# use (their values end before 2033), so no client's (metric, day) meets another's or a file's.
WRITER_EPOCH = dt.date(2040, 1, 1)
ROUND_EPOCH = dt.date(2035, 1, 1)
# Importer B's round shows in its marker metric's baseline value.
BASELINE_BASE = 100000
# A command that hangs becomes a failure (killed after COMMAND_TIMEOUT; an import gives up waiting for the other one
# with exit 75 after IMPORT_WAIT) instead of a test that never ends.
COMMAND_TIMEOUT = 600
IMPORT_WAIT = 300

results = []        # (name, passed, detail)
commands = []       # one dict per command a client ran (list.append is atomic under the GIL)
started_at = time.monotonic()


def log(message):
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def check(name, passed, detail=""):
    results.append((name, bool(passed), detail))
    print(f"{'PASS' if passed else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""), flush=True)


def redacted(text):
    """Text with the password of any postgres:// URL in it starred out: nothing this script prints or keeps holds it."""
    return re.sub(r"(postgres(?:ql)?://[^:/@\s]*):[^@\s]*@", r"\1:***@", text)


def with_schema(url, schema):
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class Realise:
    """Runs the binary against the workspace; records every command with its client, kind and timings."""

    def __init__(self, url):
        self.url = url
        self.env = {k: v for k, v in os.environ.items() if k not in ("REALISE_DB", "REALISE_ACTOR")}
        self.env["NO_COLOR"] = "1"

    def run(self, client, kind, args, actor, record=True):
        command = [BIN] + args + ["--db", self.url, "--actor", actor]
        wall = time.time()
        start = time.monotonic()
        try:
            proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env,
                                  timeout=COMMAND_TIMEOUT)
            status, out, err = proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as timeout:
            status, out, err = -1, timeout.stdout or b"", f"timed out after {COMMAND_TIMEOUT} s"
        end = time.monotonic()
        entry = {"client": client, "kind": kind, "args": args, "start": start - started_at, "end": end - started_at,
                 "wall": (wall, wall + (end - start)),
                 "status": status, "stderr": redacted(err)[-2000:]}
        if record:
            commands.append(entry)
        if status != 0:
            log(f"{client}: `realise {' '.join(args)[:120]}` exited {status}: {redacted(err).strip()[-400:]}")
        return entry, out


# ------------------------------------------------------------------------------------------------ the programmes

def generate(args):
    subprocess.run([sys.executable, GENERATOR] + args, check=True)


class RegisterProgramme:
    """Programme A: a register CSV set (objectives, deliverables, benefits, values), re-imported as its folder.

    Round r rewrites BEN-000001's description to end "(round r)" and adds a measurement of MET-000001-1 on day r after
    ROUND_EPOCH with value r: two files, two tables (entities and values), one import transaction.
    """
    marker_entity, marker_metric = "BEN-000001", "MET-000001-1"

    def __init__(self, folder, benefits, weeks):
        self.folder = folder
        source = folder + ".generated"
        if not os.path.isdir(source):
            generate(["register", "--benefits", str(benefits), "--weekly", "--measurements-per-metric", str(weeks),
                      "--as-of", AS_OF, "--out-dir", source])
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(source, folder)
        with open(os.path.join(folder, "benefits.csv"), encoding="utf-8") as f:
            self.benefits = f.read().splitlines(keepends=True)
        with open(os.path.join(folder, "values.csv"), encoding="utf-8") as f:
            self.values = f.read()
        # The generator writes descriptions of plain words (no quotes or commas): the second cell ends at a comma.
        row = next(i for i, line in enumerate(self.benefits) if line.startswith(self.marker_entity + ","))
        self.marker_row = row
        self.write_round(0)

    def files(self):
        return [self.folder]

    def write_round(self, r):
        lines = list(self.benefits)
        ident, description, rest = lines[self.marker_row].split(",", 2)
        lines[self.marker_row] = f"{ident},{description} (round {r}),{rest}"
        with open(os.path.join(self.folder, "benefits.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("".join(lines))
        extra = "".join(f"{self.marker_metric},measurement,{ROUND_EPOCH + dt.timedelta(days=k)},{k},Load round {k},\n"
                        for k in range(1, r + 1))
        with open(os.path.join(self.folder, "values.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(self.values + extra)

    files_per_round = 2


class IATIProgramme:
    """Programme B: an IATI activity file, re-imported as the same file.

    Round r puts "(round r)" in the first activity's title and sets its first indicator's baseline to
    BASELINE_BASE + r: one file, two tables (the deliverable's name, the metric's baseline), one import transaction.
    """

    def __init__(self, path, activities):
        self.path = path
        source = path + ".generated"
        if not os.path.exists(source):
            generate(["iati", "--activities", str(activities), "--out", source])
        with open(source, encoding="utf-8") as f:
            text = f.read()
        self.marker_entity = re.search(r"<iati-identifier>([^<]+)</iati-identifier>", text).group(1)
        self.marker_metric = f"{self.marker_entity}#R1#I1"
        first = text.index("<iati-activity")
        title = text.index(" <title><narrative>", first) + len(" <title><narrative>")
        baseline = re.compile(r'(<baseline [^>]*value=")[^"]*(")').search(text, first)
        self.template = (text[:title] + "(round {ROUND}) " + text[title:baseline.start()]
                         + baseline.group(1) + "{BASELINE}" + baseline.group(2) + text[baseline.end():])
        self.write_round(0)

    def files(self):
        return [self.path]

    def write_round(self, r):
        with open(self.path, "w", encoding="utf-8", newline="") as f:
            f.write(self.template.replace("{ROUND}", str(r), 1).replace("{BASELINE}", str(BASELINE_BASE + r), 1))

    files_per_round = 1


# ------------------------------------------------------------------------------------------------ the clients

class Importer:
    """Re-imports its own programme, round after round, each round a real change."""

    def __init__(self, name, programme, realise, deadline, committed):
        self.name, self.programme, self.realise, self.deadline = name, programme, realise, deadline
        self.actor = f"load-{name}"
        self.committed = list(committed)   # (round, end time) of each successful import, the setup's included
        self.before = len(committed)
        self.files_read = 0      # files each successful import reported as imported (not unchanged)
        self.waited = 0          # imports that said they were waiting for the other one
        self.bad_status = []     # imports whose summary did not read exactly the files the round changed

    def __call__(self):
        done = self.committed[-1][0] if self.committed else 0
        while time.monotonic() < self.deadline:
            attempt = done + 1
            self.programme.write_round(attempt)
            entry, out = self.realise.run(self.name, f"import {self.name[-1]}", ["import", "--wait", str(IMPORT_WAIT)]
                                          + self.programme.files(), self.actor)
            if "waiting for another import" in entry["stderr"]:
                self.waited += 1
            if entry["status"] != 0:
                # Nothing written: the next attempt writes the same round again.
                continue
            statuses = re.findall(r"^.* \([\w-]+\): (imported|unchanged|checked)", out.decode("utf-8", "replace"), re.M)
            read = sum(1 for s in statuses if s != "unchanged")
            if read != self.programme.files_per_round:
                self.bad_status.append((attempt, statuses))
            self.files_read += read
            done = attempt
            self.committed.append((attempt, entry["end"]))
            entry["round"] = attempt


class Writer:
    """A benefit owner: measurement after measurement, every fourth one taken at a review, each on its own day."""

    def __init__(self, index, metrics, realise, deadline):
        self.index, self.metrics, self.realise, self.deadline = index, metrics, realise, deadline
        self.name = f"writer-{index + 1}"
        self.actor = f"load-{self.name}"
        self.written = {}        # n -> (metric, day, value, kind, start, end, status)
        self.wall = {}           # n -> (wall-clock start, end): the change log's times are the machine's clock

    def plan(self, n):
        """What write n is: its metric, day and value (the checks recompute it from a snapshot's (metric, day))."""
        return (self.metrics[(n - 1) % len(self.metrics)], WRITER_EPOCH + dt.timedelta(days=n - 1),
                (self.index + 1) * 100000 + n + 0.25)

    def __call__(self):
        n = 0
        rags = ("green", "amber", "red")
        while time.monotonic() < self.deadline:
            n += 1
            metric, day, value = self.plan(n)
            if n % 4 == 0:
                kind = "review"
                args = ["review", "record", metric, "--rag", rags[n % 3], "--date", str(day), "--reviewer", self.name,
                        "--note", f"load test review {n}", "--measure", f"{metric}={value:.2f}"]
            else:
                kind = "measure"
                args = ["measure", metric, f"{value:.2f}", "--date", str(day), "--source", "load test",
                        "--note", f"{self.name} #{n}"]
            entry, _ = self.realise.run(self.name, kind, args, self.actor)
            self.written[n] = (metric, str(day), value, kind, entry["start"], entry["end"], entry["status"])
            self.wall[n] = entry["wall"]


class Reader:
    """A board member: the gap report, the export and the metrics listing in turn; each answer is kept for the checks."""

    KINDS = ("gaps", "export", "list metrics")

    def __init__(self, index, realise, deadline, extract):
        self.index, self.realise, self.deadline, self.extract = index, realise, deadline, extract
        self.name = f"reader-{index + 1}"
        self.actor = f"load-{self.name}"
        self.snapshots = []      # what each successful read showed of the writers and importers
        self.malformed = []      # (kind, problem)

    def __call__(self):
        turn = self.index
        while time.monotonic() < self.deadline:
            kind = self.KINDS[turn % len(self.KINDS)]
            turn += 1
            args = {"gaps": ["gaps", "--format", "json", "--as-of", AS_OF],
                    "export": ["export", "--format", "realise-xml"],
                    "list metrics": ["list", "metrics", "--format", "json"]}[kind]
            entry, out = self.realise.run(self.name, kind, args, self.actor)
            if entry["status"] != 0:
                continue
            try:
                seen = self.extract(kind, out)
            except Exception as problem:   # noqa: BLE001 — any parse failure is an inconsistent read
                self.malformed.append((kind, f"{type(problem).__name__}: {str(problem)[:300]}"))
                continue
            if seen is not None:
                seen.update(kind=kind, start=entry["start"], end=entry["end"], reader=self.name)
                self.snapshots.append(seen)


# ------------------------------------------------------------------------------------------------ reading answers

def number(text):
    """A value as the export writes it: a number, or the text of a qualitative value ("Yes" in IATI feeds)."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class Extractor:
    """Turns a reader's answer into what it shows of the clients' writes: {writer: {n: value}}, importer rounds."""

    def __init__(self, writer_of_metric, programme_a, programme_b):
        self.writer_of_metric = writer_of_metric
        self.a, self.b = programme_a, programme_b

    def writer_value(self, seen, metric, day, value):
        writer = self.writer_of_metric.get(metric)
        if writer is None:
            return
        date = dt.date.fromisoformat(day)
        if date < WRITER_EPOCH:
            return
        n = (date - WRITER_EPOCH).days + 1
        seen["writers"].setdefault(writer, {})[n] = (metric, value)

    def __call__(self, kind, out):
        if kind == "gaps":
            report = json.loads(out)
            if report.get("asOf") != AS_OF:
                raise ValueError(f"asOf {report.get('asOf')!r}")
            if sum(report["summary"].values()) != len(report["findings"]):
                raise ValueError(f"summary {report['summary']} does not add up to {len(report['findings'])} findings")
            return None
        seen = {"writers": {}, "a_rounds": set(), "a_text": None, "b_baseline": None, "b_text": None}
        if kind == "list metrics":
            for metric in json.loads(out):
                for value in metric.get("values", []):
                    self.values(seen, metric["id"], value["kind"], value["date"], value.get("value"))
            return seen
        root = ET.fromstring(out)
        for element in root.iter():
            ident = element.get("id")
            if ident is None:
                continue
            if ident in (self.a.marker_entity, self.b.marker_entity):
                text = " ".join(element.itertext())
                rounds = re.findall(r"\(round (\d+)\)", text)
                key = "a_text" if ident == self.a.marker_entity else "b_text"
                seen[key] = int(rounds[0]) if len(rounds) == 1 else ("?", rounds)
            if element.tag.rsplit("}", 1)[-1] == "metric":
                for child in element:
                    self.values(seen, ident, child.tag.rsplit("}", 1)[-1], child.get("date"), number(child.get("value")))
        # A measurement taken at a review is exported once, under its review (dated by it), not among its metric's values.
        for review in root.iter():
            if review.tag.rsplit("}", 1)[-1] != "review":
                continue
            for child in review:
                if child.tag.rsplit("}", 1)[-1] == "measurement":
                    self.values(seen, child.get("metric"), "measurement", review.get("date"), number(child.get("value")))
        return seen

    def values(self, seen, metric, kind, day, value):
        if metric == self.a.marker_metric and kind == "measurement" and day >= str(ROUND_EPOCH) and day < str(WRITER_EPOCH):
            seen["a_rounds"].add((dt.date.fromisoformat(day) - ROUND_EPOCH).days)
        elif metric == self.b.marker_metric and kind == "baseline":
            seen["b_baseline"] = None if value is None else round(value) - BASELINE_BASE
        elif kind == "measurement":
            self.writer_value(seen, metric, day, value)


# ------------------------------------------------------------------------------------------------ figures

def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, help="how long the clients run (default 60; 15 with --quick)")
    parser.add_argument("--quick", action="store_true", help="smaller programmes and 15 s: a check of the script itself")
    parser.add_argument("--benefits", type=int, help="programme A: register benefits, one weekly metric each (default 200)")
    parser.add_argument("--weeks", type=int, help="programme A: weekly measurements per metric (default 12)")
    parser.add_argument("--activities", type=int, help="programme B: IATI activities (default 200)")
    parser.add_argument("--metrics-per-writer", type=int, default=8)
    parser.add_argument("--same-day-rounds", type=int, default=10,
                        help="after the run, days on which 8 clients measure one metric at once (0: none)")
    options = parser.parse_args()
    seconds = options.seconds or (15 if options.quick else 60)
    benefits = options.benefits or (100 if options.quick else 200)
    weeks = options.weeks or 12
    activities = options.activities or (80 if options.quick else 200)

    base_url = os.environ.get("REALISE_LOAD_POSTGRES")
    if not base_url:
        sys.exit("error: set REALISE_LOAD_POSTGRES to a postgres:// URL (Benchmarks/pg-load-test.sh starts a server when it is unset)")
    if not os.access(BIN, os.X_OK):
        sys.exit(f"error: no realise binary at {BIN} (build it, or set REALISE_BIN)")
    # One fresh schema per run: a workspace nobody else has touched.
    schema = f"load_{dt.datetime.now():%Y%m%d_%H%M%S}_{os.getpid()}"
    url = with_schema(base_url, schema)
    realise = Realise(url)

    data = os.path.join(SCRATCH, "data")
    os.makedirs(data, exist_ok=True)
    log(f"programme A: register of {benefits} benefits, {weeks} weekly measurements each; "
        f"programme B: {activities} IATI activities")
    a = RegisterProgramme(os.path.join(data, f"programme-a-{benefits}-{weeks}"), benefits, weeks)
    b = IATIProgramme(os.path.join(data, f"programme-b-{activities}.xml"), activities)

    # -------------------------------------------------------------------------------------------- the workspace
    print(f"\nShared workspace load test: {redacted(url)}, 8 clients for {seconds:g} s\n", flush=True)
    setup = "load-setup"
    for label, args in (("init", ["init"]), ("import programme A", ["import"] + a.files()),
                        ("import programme B", ["import"] + b.files())):
        entry, _ = realise.run("setup", label, args, setup, record=False)
        if entry["status"] != 0:
            check(f"setup: `realise {' '.join(args)}`", False, f"exit {entry['status']}: {entry['stderr'][-500:]}")
            return 1
    entry, out = realise.run("setup", "list metrics", ["list", "metrics", "--format", "json"], setup, record=False)
    if entry["status"] != 0:
        check("setup: `realise list metrics`", False, f"exit {entry['status']}: {entry['stderr'][-500:]}")
        return 1
    metric_ids = [m["id"] for m in json.loads(out)]
    register_metrics = [m for m in metric_ids if re.match(r"^MET-\d{6}-\d+$", m) and m != a.marker_metric]
    iati_metrics = [m for m in metric_ids if "#R" in m and m != b.marker_metric]
    k = options.metrics_per_writer
    if len(register_metrics) < 2 * k or len(iati_metrics) < 2 * k:
        check("setup: enough metrics for the writers", False, f"{len(register_metrics)} register, {len(iati_metrics)} IATI")
        return 1
    # Two writers on each programme's metrics, each with metrics of its own, so that each (metric, day) is one write.
    assigned = [register_metrics[:k], register_metrics[k:2 * k], iati_metrics[:k], iati_metrics[k:2 * k]]
    log(f"workspace ready: {len(metric_ids)} metrics; the writers measure {', '.join(m[0] for m in assigned)}, …")

    # -------------------------------------------------------------------------------------------- alone
    # Each command once (reads and writes three times) with nothing else running: what contention costs is the
    # difference. Round 1 of each programme is imported here; the importers go on from round 2. The measurements
    # go to a metric no writer uses, by the setup's actor (left out of the change-log check).
    alone = defaultdict(list)
    alone_failed = []
    setup_rounds = {}
    for name, programme in (("A", a), ("B", b)):
        programme.write_round(1)
        entry, _ = realise.run("alone", f"import {name}", ["import"] + programme.files(), setup, record=False)
        alone[f"import {name}"].append(entry["end"] - entry["start"])
        if entry["status"] != 0:
            alone_failed.append(entry)
        setup_rounds[name] = [(1, entry["end"])] if entry["status"] == 0 else []
    spare = register_metrics[2 * k]
    for n in range(1, 4):
        day = str(WRITER_EPOCH - dt.timedelta(days=n))
        for kind, args in (("measure", ["measure", spare, str(n), "--date", day]),
                           ("review", ["review", "record", spare, "--rag", "green", "--date", day,
                                       "--measure", f"{spare}={n}"]),
                           ("gaps", ["gaps", "--format", "json", "--as-of", AS_OF]),
                           ("export", ["export", "--format", "realise-xml"]),
                           ("list metrics", ["list", "metrics", "--format", "json"])):
            entry, _ = realise.run("alone", kind, args, setup, record=False)
            alone[kind].append(entry["end"] - entry["start"])
            if entry["status"] != 0:
                alone_failed.append(entry)
    log("alone: " + ", ".join(f"{kind} {sorted(times)[len(times) // 2]:.2f} s" for kind, times in alone.items()))

    # -------------------------------------------------------------------------------------------- the run
    deadline = time.monotonic() + seconds
    importers = [Importer("importer-A", a, realise, deadline, setup_rounds["A"]),
                 Importer("importer-B", b, realise, deadline, setup_rounds["B"])]
    writers = [Writer(i, metrics, realise, deadline) for i, metrics in enumerate(assigned)]
    writer_of_metric = {metric: w.index for w in writers for metric in w.metrics}
    extract = Extractor(writer_of_metric, a, b)
    readers = [Reader(i, realise, deadline, extract) for i in range(2)]
    clients = importers + writers + readers
    crashed = []   # a client that stopped on an exception in this script: its figures would be silently short

    def guarded(client):
        try:
            client()
        except Exception as problem:   # noqa: BLE001
            crashed.append(f"{client.name}: {type(problem).__name__}: {problem}")

    threads = [threading.Thread(target=guarded, args=(client,), name=client.name, daemon=True) for client in clients]
    load_before = os.getloadavg()
    run_start = time.monotonic()
    log(f"8 clients running for {seconds:g} s")
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - run_start
    load_after = os.getloadavg()
    log(f"clients done after {elapsed:.1f} s; checking")

    # -------------------------------------------------------------------------------------------- no failed command
    print()
    check("every client ran to the end", not crashed, "; ".join(crashed[:3]))
    check("every command succeeds alone, before the run", not alone_failed,
          "; ".join(f"{' '.join(c['args'][:3])} exit {c['status']}: {c['stderr'].strip()[-200:]}" for c in alone_failed[:3]))
    failed = [c for c in commands if c["status"] != 0]
    check("no failed command: every exit code 0", not failed,
          f"{len(commands)} commands" if not failed else
          "; ".join(f"{c['client']} {c['kind']} exit {c['status']}: {c['stderr'].strip()[-200:]}" for c in failed[:5]))
    for client in importers:
        check(f"{client.name}: each import read exactly the files its round changed", not client.bad_status,
              f"{len(client.committed)} rounds" if not client.bad_status else f"{client.bad_status[:3]}")
    check("the run did real work: each importer finished ≥ 1 round, each writer ≥ 10 writes, each reader ≥ 3 reads",
          all(len(i.committed) - i.before >= 1 for i in importers)
          and all(sum(1 for w in wr.written.values() if w[6] == 0) >= 10 for wr in writers)
          and all(sum(1 for c in commands if c["client"] == r.name and c["status"] == 0) >= 3 for r in readers),
          f"rounds {[len(i.committed) - i.before for i in importers]}, writes {[len(w.written) for w in writers]}")

    # -------------------------------------------------------------------------------------------- no lost write
    ok = {w.index: {n: rec for n, rec in w.written.items() if rec[6] == 0} for w in writers}
    final_entry, final_out = realise.run("final", "list metrics", ["list", "metrics", "--format", "json"], setup, record=False)
    final = extract("list metrics", final_out)
    expected_total = sum(len(v) for v in ok.values())
    present, wrong, missing = 0, [], []
    for w in writers:
        seen = final["writers"].get(w.index, {})
        for n, (metric, day, value, *_rest) in ok[w.index].items():
            got = seen.get(n)
            if got is None:
                missing.append(f"{w.name} #{n} {metric} {day}")
            elif got[0] != metric or got[1] is None or abs(got[1] - value) > 1e-6:
                wrong.append(f"{w.name} #{n}: {got} instead of {metric} = {value}")
            else:
                present += 1
    extra = [(w, n) for w, seen in final["writers"].items() for n in seen if n not in ok.get(w, {})]
    check("no lost write: every measurement recorded is in the workspace with its value (counted)",
          present == expected_total and not wrong and not missing,
          f"{present} of {expected_total} present" + (f"; missing {missing[:5]}" if missing else "")
          + (f"; wrong {wrong[:3]}" if wrong else ""))
    check("no phantom write: the workspace holds no writer measurement that did not succeed", not extra,
          f"unexpected {extra[:5]}" if extra else "")
    export_entry, export_out = realise.run("final", "export", ["export", "--format", "realise-xml"], setup, record=False)
    final_export = extract("export", export_out)
    for client, text, values in ((importers[0], final_export["a_text"], max(final_export["a_rounds"], default=0)),
                                 (importers[1], final_export["b_text"], final_export["b_baseline"])):
        last = client.committed[-1][0] if client.committed else 0
        check(f"no lost import: {client.name}'s last round ({last}) is what the workspace holds",
              text == last and values == last, f"the export shows round {text} in the text, {values} in the values")
    check("no lost import: importer-A's round measurements are all there",
          final["a_rounds"] == set(range(1, len(importers[0].committed) + 1)),
          f"{len(final['a_rounds'])} of {len(importers[0].committed)}")

    # -------------------------------------------------------------------------------------------- consistent reads
    malformed = [(r.name, kind, problem) for r in readers for kind, problem in r.malformed]
    reads = sum(1 for c in commands if c["client"].startswith("reader") and c["status"] == 0)
    check("every read parses: exports well-formed XML, gaps and list JSON", not malformed,
          f"{reads} reads" if not malformed else f"{malformed[:3]}")
    problems = defaultdict(list)
    snapshots = [s for r in readers for s in r.snapshots]
    for s in snapshots:
        where = f"{s['reader']} {s['kind']} at {s['start']:.2f} s"
        for w in writers:
            seen = s["writers"].get(w.index, {})
            mine = ok[w.index]
            numbers = sorted(seen)
            top = numbers[-1] if numbers else 0
            holes = [n for n in mine if n <= top and n not in seen]
            if holes:
                problems["prefix"].append(f"{where}: {w.name} #{top} without #{holes[:3]}")
            stale = [n for n, rec in mine.items() if rec[5] < s["start"] and n not in seen]
            if stale:
                problems["stale"].append(f"{where}: {w.name} #{stale[:3]} finished before the read began, not shown")
            future = [n for n in seen if n not in w.written or w.written[n][4] > s["end"]]
            if future:
                problems["future"].append(f"{where}: {w.name} #{future[:3]} shown, not (yet) written")
            bad = [n for n, (metric, value) in seen.items()
                   if n in w.written and (metric != w.written[n][0] or value is None or abs(value - w.written[n][2]) > 1e-6)]
            if bad:
                problems["value"].append(f"{where}: {w.name} #{bad[:3]} with another metric or value")
        for client, key in ((importers[0], "a"), (importers[1], "b")):
            if key == "a":
                rounds = s["a_rounds"]
                top = max(rounds, default=0)
                if rounds != set(range(1, top + 1)):
                    problems["import prefix"].append(f"{where}: importer-A rounds {sorted(rounds)[:10]}… not a prefix")
                if s["kind"] == "export" and s["a_text"] != top:
                    problems["import atomic"].append(f"{where}: {a.marker_entity} says round {s['a_text']}, "
                                                     f"{a.marker_metric} holds rounds up to {top}")
            else:
                top = s["b_baseline"]
                if s["kind"] == "export" and s["b_text"] != top:
                    problems["import atomic"].append(f"{where}: {b.marker_entity} says round {s['b_text']}, "
                                                     f"{b.marker_metric}'s baseline is round {top}")
            done_before = max((r for r, end in client.committed if end < s["start"]), default=0)
            last = max((r for r, _ in client.committed), default=0)
            if top is None or top < done_before:
                problems["import stale"].append(f"{where}: {client.name} round {top}, round {done_before} was done before")
            elif top > last:
                problems["import future"].append(f"{where}: {client.name} round {top}, never imported")
    check(f"every snapshot shows each writer's measurements as a prefix ({len(snapshots)} snapshots)",
          not problems["prefix"], "; ".join(problems["prefix"][:3]))
    check("every snapshot shows every write that finished before the read began", not problems["stale"],
          "; ".join(problems["stale"][:3]))
    check("no snapshot shows a write that had not begun by the time the read ended", not problems["future"],
          "; ".join(problems["future"][:3]))
    check("every value a snapshot shows is the one written", not problems["value"], "; ".join(problems["value"][:3]))
    check("every snapshot shows an import round whole (entity text and values of the same round), as a prefix",
          not (problems["import prefix"] or problems["import atomic"] or problems["import future"]),
          "; ".join((problems["import prefix"] + problems["import atomic"] + problems["import future"])[:3]))
    check("every snapshot shows every import that finished before the read began", not problems["import stale"],
          "; ".join(problems["import stale"][:3]))

    # -------------------------------------------------------------------------------------------- the change log
    log_entry, log_out = realise.run("final", "log", ["log", "--format", "json"], setup, record=False)
    changes = json.loads(log_out) if log_entry["status"] == 0 else []
    by_actor = Counter((c["actor"], c["action"]) for c in changes)
    expected = Counter()
    for w in writers:
        for metric, day, value, kind, *_rest in ok[w.index].values():
            expected[(w.actor, kind)] += 1
    for client in importers:
        expected[(client.actor, "import")] += client.files_read
    actual = Counter({key: count for key, count in by_actor.items() if key[0] != setup})
    diff = {f"{actor} {action}": (expected[(actor, action)], actual[(actor, action)])
            for actor, action in set(expected) | set(actual) if expected[(actor, action)] != actual[(actor, action)]}
    check("the change log has one entry per successful write, by actor and action (readers none)",
          log_entry["status"] == 0 and not diff,
          f"{sum(actual.values())} entries" if not diff else f"expected, logged: {diff}")
    subjects = Counter((c["actor"], c["subject"]) for c in changes if c["action"] in ("measure", "review") and c["actor"] != setup)
    want_subjects = Counter((w.actor, rec[0]) for w in writers for rec in ok[w.index].values())
    check("the change log names the metric of every measurement and review", subjects == want_subjects,
          "" if subjects == want_subjects else f"{len(subjects - want_subjects)} unexpected, {len(want_subjects - subjects)} missing")

    # Each writer's entries, oldest first (the log's ids), are its writes in order: the metric, the value and the day
    # in the summary, the time within the command's run (the log keeps whole seconds).
    disorder = []
    for w in writers:
        mine = sorted((c for c in changes if c["actor"] == w.actor), key=lambda c: c["id"])
        for change, (n, rec) in zip(mine, sorted(ok[w.index].items())):
            metric, day, value, kind = rec[:4]
            at = dt.datetime.fromisoformat(change["at"].replace("Z", "+00:00")).timestamp()
            start, end = w.wall[n]
            if (change["subject"], change["action"]) != (metric, kind) or f"{metric} = {value:.2f}" not in change["summary"] \
                    or day not in change["summary"] or not (math.floor(start) - 1 <= at <= end + 1):
                disorder.append(f"{w.name} #{n} ({kind} {metric} = {value:.2f} on {day}): {change}")
                break
    check("the change log lists each writer's changes in order, with the value, the day and the time of each",
          not disorder, "; ".join(disorder[:2]))

    # -------------------------------------------------------------------------------------------- same metric, same day
    # Issue #11: two people recording the same metric on the same day — the later one wins and the earlier value stays
    # in the history. After the run, eight clients measure one metric (no one else's) on one day at once, day after
    # day. Then the workspace must hold, for each day, the value of the day's newest change-log entry (the log lists
    # changes newest first: the later one is the newest entry); every value recorded must have its entry; and each
    # entry's "(was X)" must name the value of the entry before it (README: the log keeps the value it replaced).
    contested = register_metrics[2 * k + 1]
    contest = []     # (day, client, value, status)
    for r in range(options.same_day_rounds):
        day = str(dt.date(2045, 1, 1) + dt.timedelta(days=r))
        outcome = []

        def measure(i, day=day, r=r, outcome=outcome):
            value = 500000 + 100 * r + i + 0.5
            entry, _ = realise.run(f"sameday-{i + 1}", "measure (same day)", ["measure", contested, f"{value:.2f}", "--date", day],
                                   f"load-sameday-{i + 1}", record=False)
            outcome.append((day, i, value, entry["status"], entry["stderr"]))

        burst = [threading.Thread(target=measure, args=(i,)) for i in range(8)]
        for thread in burst:
            thread.start()
        for thread in burst:
            thread.join()
        contest.extend(outcome)
    if contest:
        _, out = realise.run("final", "list metrics", ["list", "metrics", "--format", "json"], setup, record=False)
        held = {v["date"]: v.get("value") for m in json.loads(out) if m["id"] == contested
                for v in m.get("values", []) if v["kind"] == "measurement"}
        _, out = realise.run("final", "log", ["log", "--format", "json"], setup, record=False)
        entries = defaultdict(list)   # day -> [(id, value, was)], oldest first
        pattern = re.compile(rf"^{re.escape(contested)} = (\S+) on (\S+)(?: \(was (\S+)\))?$")
        for change in sorted(json.loads(out), key=lambda c: c["id"]):
            match = pattern.match(change["summary"]) if change["action"] == "measure" else None
            if match:
                entries[match.group(2)].append((change["id"], float(match.group(1)),
                                                float(match.group(3)) if match.group(3) else None))
        days = sorted({day for day, *_ in contest})
        same_failed = [f"{day} client {i + 1} exit {status}: {err.strip()[-200:]}" for day, i, _, status, err in contest if status]
        unlogged = [f"{day}: {value}" for day, _, value, status, _ in contest
                    if not status and all(abs(v - value) > 1e-6 for _, v, _ in entries[day])]
        check(f"same metric, same day ({len(days)} days × 8 clients at once on {contested}): every command succeeds "
              "and every value recorded has its change-log entry", not same_failed and not unlogged,
              "; ".join((same_failed + unlogged)[:3]))
        lost = [f"{day}: the workspace holds {held.get(day)}, the newest entry says {entries[day][-1][1] if entries[day] else None}"
                for day in days if not entries[day] or held.get(day) is None or abs(held[day] - entries[day][-1][1]) > 1e-6]
        check("same metric, same day: the workspace holds the value of the day's newest change-log entry (the later "
              "one wins)", not lost, f"{len(lost)} of {len(days)} days; " + "; ".join(lost[:3]) if lost else "")
        chain = [(day, later) for day in days for earlier, later in zip(entries[day], entries[day][1:])]
        wrong = [f"{day}: entry {later[0]} = {later[1]} says (was {later[2]}), the entry before set {earlier[1]}"
                 for day in days for earlier, later in zip(entries[day], entries[day][1:])
                 if later[2] is None or abs(later[2] - earlier[1]) > 1e-6]
        check("same metric, same day: each change-log entry names the value it replaced (\"was X\" = the entry before)",
              not wrong, f"{len(wrong)} of {len(chain)} replacements; " + "; ".join(wrong[:2]) if wrong else f"{len(chain)} replacements")

    # -------------------------------------------------------------------------------------------- figures
    kinds = ["import A", "import B", "measure", "review", "gaps", "export", "list metrics"]
    labels = {"import A": "`import` programme A (register folder; 2 of 4 files changed)",
              "import B": "`import` programme B (IATI file)", "measure": "`measure`",
              "review": "`review record … --measure`", "gaps": "`gaps --format json`",
              "export": "`export --format realise-xml`", "list metrics": "`list metrics --format json`"}
    print(f"\nRun: {elapsed:.1f} s, 8 clients, {len(commands)} commands, {len(commands) / elapsed:.1f} commands/s; "
          f"{platform.machine()}, {os.cpu_count()} CPUs; load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after ({' '.join(f'{x:.2f}' for x in load_after)}).")
    print(f"Programme A: register, {benefits} benefits × {weeks} weekly measurements; "
          f"programme B: {activities} IATI activities.\n")
    print("| command | clients | run | failed | median | p95 | max | per second | alone (median) |\n"
          "|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind in kinds:
        runs = [c for c in commands if c["kind"] == kind]
        if not runs:
            continue
        latency = [c["end"] - c["start"] for c in runs]
        who = sorted({c["client"].rsplit("-", 1)[0] for c in runs})
        print(f"| {labels[kind]} | {', '.join(who)}s | {len(runs)} | {sum(c['status'] != 0 for c in runs)} | "
              f"{percentile(latency, 50):.2f} s | {percentile(latency, 95):.2f} s | {max(latency):.2f} s | "
              f"{len(runs) / elapsed:.2f} | {percentile(alone[kind], 50):.2f} s |")
    print("\n| clients | commands | failed | per second |\n|---|---:|---:|---:|")
    for group, prefix in (("2 importers", "importer"), ("4 writers", "writer"), ("2 readers", "reader")):
        runs = [c for c in commands if c["client"].startswith(prefix)]
        print(f"| {group} | {len(runs)} | {sum(c['status'] != 0 for c in runs)} | {len(runs) / elapsed:.2f} |")
    waits = sum(i.waited for i in importers)
    imports = [c for c in commands if c["kind"].startswith("import")]
    # An import that said it was waiting got the lock about when the other import that ended meanwhile exited (its
    # commit released the lock just before): the time before that is the wait, the rest the import's own work.
    waited, worked = [], []
    for c in imports:
        if "waiting for another import" not in c["stderr"]:
            worked.append(c["end"] - c["start"])
            continue
        got = max((o["end"] for o in imports if o is not c and c["start"] < o["end"] < c["end"]), default=c["start"])
        waited.append(got - c["start"])
        worked.append(c["end"] - got)
    if imports:
        print(f"\nImports: {len(imports)}, {waits} of them waited for the other one (\"waiting for another import…\"), "
              f"median {percentile(waited or [0], 50):.2f} s, max {max(waited or [0]):.2f} s; the import itself after the "
              f"wait: median {percentile(worked, 50):.2f} s, max {max(worked):.2f} s.")
    print(f"Measurements counted at the end: {present} of {expected_total}. Snapshots checked: {len(snapshots)} "
          f"(+ {sum(1 for c in commands if c['kind'] == 'gaps' and c['status'] == 0)} gap reports parsed). "
          f"Change-log entries: {len(changes)}.")

    failures = [name for name, passed, _ in results if not passed]
    print(f"\n{len(results) - len(failures)} checks passed, {len(failures)} failed. Workspace schema: {schema} "
          f"(kept, for inspection); every command, check and written value in {os.path.relpath(SCRATCH, ROOT)}/.")
    # Every value each writer recorded, one CSV per writer, to compare with the workspace by hand.
    for w in writers:
        with open(os.path.join(SCRATCH, f"{w.name}.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("n,metric,date,value,command,start_s,end_s,exit\n")
            for n, (metric, day, value, kind, start, end, status) in sorted(w.written.items()):
                f.write(f"{n},{metric},{day},{value:.2f},{kind},{start:.3f},{end:.3f},{status}\n")
    with open(os.path.join(SCRATCH, "results.json"), "w") as f:
        json.dump({"schema": schema, "seconds": elapsed, "checks": results, "commands": commands,
                   "writers": {w.name: {n: rec for n, rec in w.written.items()} for w in writers},
                   "importers": {i.name: i.committed for i in importers}, "changeLog": changes}, f, indent=1, default=str)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
