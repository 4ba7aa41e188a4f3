#!/usr/bin/env python3
"""Realise's benchmark: generates the inputs, times Realise against its references side by side, and writes
the results into BENCHMARKS.md (between the `results:begin` / `results:end` markers).

Run it through Benchmarks/run.sh, which installs the tools, builds Realise in release and compiles the
SAX2 reference first. Standard library only.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench")
DATA = os.path.join(SCRATCH, "data")
WORK = os.path.join(SCRATCH, "work")
GENERATOR = os.path.join(ROOT, "Benchmarks", "generate.py")
REALISE = os.path.join(ROOT, ".build", "release", "realise")
SAX2 = os.path.join(SCRATCH, "sax2count")
FLOOR = os.path.join(SCRATCH, "sqlite_floor")
VENV_PY = os.path.join(SCRATCH, "venv", "bin", "python")
AS_OF = "2025-06-30"

FULL = dict(tasks=100_000, small_tasks=25_000, activities=20_000, reg_benefits=100_000, reg_measurements=10,
            gaps_small=10_000, gaps_large=40_000)
QUICK = dict(tasks=10_000, small_tasks=2_500, activities=2_000, reg_benefits=10_000, reg_measurements=10,
             gaps_small=1_000, gaps_large=4_000)


class Failed(Exception):
    pass


def log(message):
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def sha(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read())
    return digest.hexdigest()[:16]


def generate(name, args, outputs):
    """Runs the generator unless its outputs exist for these arguments and this generator version."""
    stamp = os.path.join(DATA, name + ".stamp")
    key = sha(GENERATOR) + " " + " ".join(args)
    if os.path.exists(stamp) and open(stamp).read() == key and all(os.path.exists(o) for o in outputs):
        return
    log(f"generating {name}")
    subprocess.run([sys.executable, GENERATOR] + args, check=True)
    with open(stamp, "w") as f:
        f.write(key)


def run_timed(cmd, stdout_path=None):
    """One run under /usr/bin/time -v: (wall seconds, cpu seconds, peak RSS in MiB, stdout text)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if stdout_path:
        out.close()
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = "\n".join(line for line in err.splitlines() if not line.startswith("\t"))[-1500:]
        raise Failed(f"{' '.join(cmd)} exited {proc.returncode}:\n{tail}")

    def field(label):
        match = re.search(re.escape(label) + r":\s*([\d.]+)", err)
        return float(match.group(1)) if match else 0.0

    cpu = field("User time (seconds)") + field("System time (seconds)")
    rss = field("Maximum resident set size (kbytes)") / 1024
    text = "" if stdout_path else proc.stdout.decode("utf-8", "replace")
    return wall, cpu, rss, text


class Row:
    """One row of a table: a command run under /usr/bin/time (after `setup`, when given), or `once`, a function that
    times one run itself and gives (wall, cpu, rss, text)."""

    def __init__(self, label, cmd=None, setup=None, stdout_path=None, once=None, importer=False):
        self.label, self.cmd, self.setup, self.stdout_path, self.once = label, cmd, setup, stdout_path, once
        # An import, which may meet a plan no importer of this build reads (an older build's row).
        self.importer = importer
        self.extra = {}

    def run(self):
        if self.once:
            return self.once(self)
        if self.setup:
            self.setup()
        return run_timed(self.cmd, self.stdout_path)


def in_turns(rows, runs):
    """Times each row `runs` times, the rows taking turns within each round (A B C, A B C, …), and gives each row's
    medians. Rows timed one after the other (A A A, B B B) compared badly here: this machine's speed drifts by half
    within minutes, and two such runs gave 1.41× and 1.02× for one pair of builds. Taking turns, a row and its
    reference meet the same machine."""
    taken = [{"walls": [], "cpus": [], "rsss": [], "text": ""} for _ in rows]
    missing = {}
    for i in range(runs):
        for n, row in enumerate(rows):
            if n in missing:
                continue
            try:
                wall, cpu, rss, text = row.run()
            except Failed as error:
                detail = str(error).splitlines()[-1]
                if row.importer and any(marker.lower() in str(error).lower() for marker in NOT_MERGED):
                    log(f"  {row.label}: importer not yet merged ({detail[:160]})")
                    missing[n] = {"label": row.label, "missing": "importer not yet merged", "detail": detail[:300]}
                    continue
                raise
            record = taken[n]
            record["walls"].append(wall)
            record["cpus"].append(cpu)
            record["rsss"].append(rss)
            record["text"] = text
            log(f"  {row.label} run {i + 1}/{runs}: {wall:.2f} s wall, {cpu:.2f} s cpu"
                + (f", {rss:.0f} MiB" if rss is not None else ""))
    results = []
    for n, (row, record) in enumerate(zip(rows, taken)):
        if n in missing:
            results.append(missing[n])
            continue
        rss = None if None in record["rsss"] else statistics.median(record["rsss"])
        results.append({"label": row.label, "wall": statistics.median(record["walls"]),
                        "cpu": statistics.median(record["cpus"]), "rss": rss, "walls": record["walls"], "runs": runs,
                        "output": record["text"].strip()[-300:], **row.extra})
    return results


def measure(label, cmd, runs, setup=None, stdout_path=None):
    """One row on its own (see `in_turns`)."""
    return in_turns([Row(label, cmd, setup, stdout_path)], runs)[0]


def with_before(rows, runs):
    """The first row, timed in turns with the build before's (the second row, when given), which it carries as
    `before` unless its own importer is missing."""
    row, *before = in_turns(rows, runs)
    if before and "missing" not in row:
        row["before"] = before[0]
    return row


def fresh_copy(seed, target):
    def setup():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
        if seed:
            shutil.copyfile(seed, target)
            os.chmod(target, 0o600)
    return setup


def realise(*args, binary=None):
    return [binary or REALISE] + list(args)


def seed_workspace(path, files, binary=None):
    """A workspace holding `files` (built once, untimed, by `binary` — a baseline build needs its own, as a
    workspace of a newer schema is refused by an older Realise), reused as the start of timed imports."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    subprocess.run(realise("import", "--db", path, "--format", "json", *files, binary=binary), check=True,
                   stdout=subprocess.DEVNULL)
    # Fold the WAL into the main file so a plain copy is the whole workspace.
    subprocess.run(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                    "c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()", path], check=True)


NOT_MERGED = ("not a plan Realise can read", "no importer for")


def import_row(label, path, seed, db, binary=None):
    """Realise importing `path` into a fresh copy of `seed` (or an empty workspace)."""
    return Row(label, realise("import", path, "--db", db, "--format", "json", binary=binary), fresh_copy(seed, db),
               importer=True)


def floor_row(written):
    """SQLite alone inserting the rows an import wrote into `written` (`Benchmarks/sqlite_floor.c`), into an empty
    database of the same schema: the floor under the import's writing thread. It reads what the row before it in
    its round wrote."""
    target = os.path.join(WORK, "floor.sqlite")

    def once(row):
        source = sqlite3.connect(written)
        schema = [sql for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
        source.close()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
        made = sqlite3.connect(target)
        made.executescript(";\n".join(schema) + ";")
        made.close()
        figures = json.loads(subprocess.run([FLOOR, written, target], check=True, capture_output=True, text=True).stdout)
        row.label = f"SQLite alone, the {figures['rows']:,} rows written"
        return figures["wall"], figures["cpu"], None, ""

    row = Row("SQLite alone", once=once)
    row.extra = {"floor": True}
    return row


def instructions(cmd, setup=None):
    """Instructions executed by `cmd` (callgrind's `I refs`): comparable across runs however busy the machine is."""
    if setup:
        setup()
    # Debian's valgrind cannot read the DWARF 5 Swift writes; a copy without debug info runs the same code.
    binary = cmd[0]
    if binary == REALISE:
        binary = os.path.join(SCRATCH, "realise-nodebug")
        subprocess.run(["objcopy", "--strip-debug", REALISE, binary], check=True)
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary] + cmd[1:],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    match = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or not match:
        raise Failed(f"callgrind of {' '.join(cmd)} failed:\n{proc.stderr[-800:]}")
    count = int(match.group(1).replace(",", ""))
    log(f"  {os.path.basename(cmd[0])} {cmd[1] if len(cmd) > 1 else ''}: {count:,} instructions")
    return count


def count_instructions(want):
    q = QUICK
    rows = []
    if want("mspdi"):
        plan = os.path.join(DATA, f"mspdi-{q['tasks']}.xml")
        benefits = os.path.join(DATA, f"mspdi-{q['tasks']}-benefits.csv")
        generate(f"mspdi-{q['tasks']}", ["mspdi", "--tasks", str(q["tasks"]), "--out", plan, "--benefits-csv", benefits],
                 [plan, benefits])
        seed = os.path.join(WORK, f"seed-mspdi-{q['tasks']}.sqlite")
        seed_workspace(seed, [benefits])
        db = os.path.join(WORK, "counted.sqlite")
        rows.append({"what": f"MSPDI, {q['tasks']:,} tasks", "reference": "libxml2 SAX2",
                     "realise": instructions(realise("import", plan, "--db", db, "--format", "json"), fresh_copy(seed, db)),
                     "count": instructions([SAX2, plan])})
    if want("iati"):
        iati = os.path.join(DATA, f"iati-{q['activities']}.xml")
        generate(f"iati-{q['activities']}", ["iati", "--activities", str(q["activities"]), "--out", iati], [iati])
        db = os.path.join(WORK, "counted.sqlite")
        rows.append({"what": f"IATI, {q['activities']:,} activities", "reference": "libxml2 SAX2",
                     "realise": instructions(realise("import", iati, "--db", db, "--format", "json"), fresh_copy(None, db)),
                     "count": instructions([SAX2, iati])})
    if want("register"):
        folder = os.path.join(DATA, f"register-{q['reg_benefits']}")
        generate(os.path.basename(folder), ["register", "--benefits", str(q["reg_benefits"]), "--measurements-per-metric",
                                            str(q["reg_measurements"]), "--out-dir", folder], [os.path.join(folder, "values.csv")])
        files = [os.path.join(folder, n) for n in ("objectives.csv", "deliverables.csv", "benefits.csv", "values.csv")]
        db = os.path.join(WORK, "counted.sqlite")
        analyst = os.path.join(WORK, "analyst-counted.sqlite")
        rows.append({"what": f"register CSV, {q['reg_benefits'] * q['reg_measurements']:,} measurements",
                     "reference": "Python csv + sqlite3",
                     "realise": instructions(realise("import", "--db", db, "--format", "json", *files), fresh_copy(None, db)),
                     "count": instructions(["python3", os.path.join(ROOT, "Benchmarks", "csv_sqlite.py"), analyst] + files,
                                           fresh_copy(None, analyst))})
    return {"rows": rows}


def machine():
    def cmd(args):
        try:
            return subprocess.run(args, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "(missing)"
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    xmllint = subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()
    mpxj = cmd([VENV_PY, "-c", "import importlib.metadata as m; print(m.version('mpxj'), m.version('JPype1'))"])
    return {
        "nproc": cmd(["nproc"]), "cpu": cpu, "free": cmd(["free", "-h"]),
        "swift": cmd(["swift", "--version"]).splitlines()[0] if cmd(["swift", "--version"]) else "",
        "kernel": platform.release(), "python": platform.python_version(),
        "sqlite": cmd(["python3", "-c", "import sqlite3; print(sqlite3.sqlite_version)"]),
        "java": java[0] if java else "", "xmllint": xmllint[0] if xmllint else "",
        "mpxj": mpxj, "load": open("/proc/loadavg").read().split()[:3],
        "commit": cmd(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def postgres_version(url):
    """The server's version, from `psql` when it is installed (the benchmark does not need it)."""
    try:
        out = subprocess.run(["psql", url.split("?")[0], "-Atc", "SHOW server_version"], capture_output=True, text=True,
                             timeout=20)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def mb(path):
    return os.path.getsize(path) / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small inputs, for iterating")
    parser.add_argument("--runs", type=int, default=0, help="runs per measurement (default 3, 1 with --quick)")
    parser.add_argument("--only", default="", help="comma list of sections: mspdi,iati,register,xlsx,gaps,memory,postgres")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions (callgrind) of each import and its reference, on the --quick inputs")
    parser.add_argument("--baseline", help="also time this realise binary (e.g. a build before an optimisation) "
                                           "on every Realise row, side by side")
    parser.add_argument("--render-only", action="store_true",
                        help="rewrite BENCHMARKS.md from the last run's .build-bench/results.json, measuring nothing")
    args = parser.parse_args()
    if args.render_only:
        with open(os.path.join(SCRATCH, "results.json")) as f:
            write_benchmarks_md(render(json.load(f)))
        return
    sizes = QUICK if args.quick else FULL
    runs = args.runs or (1 if args.quick else 3)
    only = set(filter(None, args.only.split(",")))
    want = lambda section: not only or section in only  # noqa: E731
    os.makedirs(DATA, exist_ok=True)
    os.makedirs(WORK, exist_ok=True)
    started = time.perf_counter()
    results = {"sizes": sizes, "runs": runs, "quick": args.quick, "machine": machine(), "sections": {},
               "baseline": args.baseline}
    base = args.baseline
    BEFORE = " (before optimisation)"

    # ---- inputs
    t = sizes["tasks"]
    plan = os.path.join(DATA, f"mspdi-{t}.xml")
    plan_benefits = os.path.join(DATA, f"mspdi-{t}-benefits.csv")
    small = os.path.join(DATA, f"mspdi-{sizes['small_tasks']}.xml")
    small_benefits = os.path.join(DATA, f"mspdi-{sizes['small_tasks']}-benefits.csv")
    iati = os.path.join(DATA, f"iati-{sizes['activities']}.xml")
    register = os.path.join(DATA, f"register-{sizes['reg_benefits']}")
    if want("mspdi") or want("memory"):
        generate(f"mspdi-{t}", ["mspdi", "--tasks", str(t), "--out", plan, "--benefits-csv", plan_benefits],
                 [plan, plan_benefits])
    if want("memory"):
        generate(f"mspdi-{sizes['small_tasks']}", ["mspdi", "--tasks", str(sizes["small_tasks"]), "--out", small,
                                                   "--benefits-csv", small_benefits], [small, small_benefits])
    if want("iati"):
        generate(f"iati-{sizes['activities']}", ["iati", "--activities", str(sizes["activities"]), "--out", iati], [iati])
    if want("register") or want("xlsx"):
        generate(os.path.basename(register), ["register", "--benefits", str(sizes["reg_benefits"]),
                                              "--measurements-per-metric", str(sizes["reg_measurements"]),
                                              "--out-dir", register], [os.path.join(register, "values.csv")])
    gap_sets = {}
    if want("gaps"):
        for n in (sizes["gaps_small"], sizes["gaps_large"]):
            folder = os.path.join(DATA, f"gaps-{n}")
            generate(f"gaps-{n}", ["register", "--benefits", str(n), "--metrics-per-benefit", "3",
                                   "--measurements-per-metric", "3", "--out-dir", folder],
                     [os.path.join(folder, "values.csv")])
            gap_sets[n] = folder
    db = os.path.join(WORK, "fresh.sqlite")

    # ---- MSPDI
    if want("mspdi"):
        log(f"MSPDI {t} tasks ({mb(plan):.1f} MB)")
        seed = os.path.join(WORK, f"seed-mspdi-{t}.sqlite")
        seed_workspace(seed, [plan_benefits])
        rows = [import_row("Realise import", plan, seed, db), floor_row(db)]
        if base:
            seed_workspace(seed + ".base", [plan_benefits], base)
            rows.append(import_row("Realise import" + BEFORE, plan, seed + ".base", db, base))
        rows += [Row("libxml2 SAX2, empty callbacks", [SAX2, plan]),
                 Row("xmllint --stream --noout", ["xmllint", "--stream", "--noout", plan]),
                 Row("MPXJ UniversalProjectReader", [VENV_PY, os.path.join(ROOT, "Benchmarks", "mpxj_count.py"), plan])]
        rows = in_turns(rows, runs)
        results["sections"]["mspdi"] = {"input": f"MSPDI plan, {t:,} tasks, {mb(plan):.1f} MB", "rows": rows}

    # ---- IATI
    if want("iati"):
        log(f"IATI {sizes['activities']} activities ({mb(iati):.1f} MB)")
        rows = [import_row("Realise import", iati, None, db), floor_row(db)]
        if base:
            rows.append(import_row("Realise import" + BEFORE, iati, None, db, base))
        rows += [Row("libxml2 SAX2, empty callbacks", [SAX2, iati]),
                 Row("xmllint --stream --noout", ["xmllint", "--stream", "--noout", iati])]
        rows = in_turns(rows, runs)
        results["sections"]["iati"] = {"input": f"IATI 2.03 activities, {sizes['activities']:,} activities, {mb(iati):.1f} MB",
                                       "rows": rows}

    # ---- register CSV
    if want("register"):
        files = [os.path.join(register, name) for name in ("objectives.csv", "deliverables.csv", "benefits.csv", "values.csv")]
        total = sum(mb(f) for f in files)
        log(f"register CSV set ({total:.1f} MB)")
        kept = os.path.join(WORK, f"register-{sizes['reg_benefits']}.sqlite")
        rows = [Row("Realise import", realise("import", "--db", db, "--format", "json", *files), fresh_copy(None, db)),
                floor_row(db),
                Row("Python csv + sqlite3", ["python3", os.path.join(ROOT, "Benchmarks", "csv_sqlite.py"),
                                             os.path.join(WORK, "analyst.sqlite")] + files)]
        if base:
            # The build before takes its turn first in each round, so that `db`, kept below, is the current build's.
            rows.insert(0, Row("Realise import" + BEFORE, realise("import", "--db", db, "--format", "json", *files,
                                                                   binary=base), fresh_copy(None, db)))
        rows = in_turns(rows, runs)
        if base:
            rows.insert(2, rows.pop(0))  # shown after the floor, as in the other tables
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(kept + suffix):
                os.remove(kept + suffix)
            if os.path.exists(db + suffix):
                shutil.copyfile(db + suffix, kept + suffix)
        gaps_rows = [Row("Realise gaps --format json", realise("gaps", "--db", kept, "--format", "json", "--as-of", AS_OF),
                         stdout_path=os.devnull)]
        if base:
            seed_workspace(kept + ".base", files, base)
            gaps_rows.append(Row("Realise gaps" + BEFORE, realise("gaps", "--db", kept + ".base", "--format", "json",
                                                                  "--as-of", AS_OF, binary=base), stdout_path=os.devnull))
        gaps = with_before(gaps_rows, runs)
        results["sections"]["register"] = {
            "input": f"register CSV set: {sizes['reg_benefits']:,} benefits, {sizes['reg_benefits'] * sizes['reg_measurements']:,} "
                     f"measurements, {total:.1f} MB in 4 files", "rows": rows, "gaps": gaps}

    # ---- instructions: callgrind over each import and its reference, on the small inputs (a full-size run under
    # callgrind takes many minutes); instruction counts stay comparable however busy the machine is.
    if args.instructions:
        results["sections"]["instructions"] = count_instructions(want)

    # ---- workbooks: the register set as a workbook against the same data as CSV, and the gap report as one
    if want("xlsx"):
        files = [os.path.join(register, name) for name in ("objectives.csv", "deliverables.csv", "benefits.csv", "values.csv")]
        seed = os.path.join(WORK, f"xlsx-seed-{sizes['reg_benefits']}.sqlite")
        log("workbook: the register set imported, then exported as a register workbook")
        seed_workspace(seed, files)
        book = os.path.join(WORK, f"register-{sizes['reg_benefits']}.xlsx")
        export = measure("Realise export --format xlsx", realise("export", "--db", seed, "--format", "xlsx", "--output", book), runs)
        rows = in_turns([Row("Realise import, workbook", realise("import", "--db", db, "--format", "json", book),
                             fresh_copy(None, db)),
                         Row("Realise import, same data as CSV", realise("import", "--db", db, "--format", "json", *files),
                             fresh_copy(None, db))], runs)
        gaps = measure("Realise gaps --format xlsx", realise("gaps", "--db", seed, "--format", "xlsx", "--as-of", AS_OF,
                                                             "--output", os.path.join(WORK, "gaps.xlsx")), runs)
        results["sections"]["xlsx"] = {
            "input": f"register workbook: {sizes['reg_benefits']:,} benefits, {sizes['reg_benefits'] * sizes['reg_measurements']:,} "
                     f"measurements, {mb(book):.1f} MB (the register CSV set, {sum(mb(f) for f in files):.1f} MB, imported "
                     f"and exported with `export --format xlsx`)", "rows": rows, "export": export, "gaps": gaps}

    # ---- gaps scaling
    if want("gaps"):
        rows = []
        for n, folder in gap_sets.items():
            ws = os.path.join(WORK, f"gaps-{n}.sqlite")
            files = [os.path.join(folder, name) for name in
                     ("objectives.csv", "deliverables.csv", "benefits.csv", "metrics.csv", "values.csv")]
            log(f"gaps workspace {n} benefits")
            seed_workspace(ws, files)
            timed = [Row(f"gaps, {n:,} benefits", realise("gaps", "--db", ws, "--format", "json", "--as-of", AS_OF),
                         stdout_path=os.devnull)]
            if base:
                seed_workspace(ws + ".base", files, base)
                timed.append(Row(f"gaps, {n:,} benefits" + BEFORE,
                                 realise("gaps", "--db", ws + ".base", "--format", "json", "--as-of", AS_OF, binary=base),
                                 stdout_path=os.devnull))
            row = with_before(timed, runs)
            row["benefits"] = n
            row["measurements"] = n * 9
            rows.append(row)
        results["sections"]["gaps"] = {"rows": rows}

    # ---- the same plan into PostgreSQL and into SQLite (only when a server is named)
    if want("postgres"):
        url = os.environ.get("REALISE_BENCH_POSTGRES")
        if not url:
            log("postgres: skipped (set REALISE_BENCH_POSTGRES to a postgres:// URL of a server to time imports into it)")
        else:
            if not want("mspdi"):
                generate(f"mspdi-{t}", ["mspdi", "--tasks", str(t), "--out", plan, "--benefits-csv", plan_benefits],
                         [plan, plan_benefits])
            log(f"PostgreSQL against SQLite, MSPDI {t} tasks")
            seed = os.path.join(WORK, f"seed-mspdi-{t}.sqlite")
            seed_workspace(seed, [plan_benefits])
            # The server's workspace starts as a copy of the same seed, with the register imported.
            to_server = lambda: subprocess.run(realise("copy", seed, url, "--replace"), check=True,  # noqa: E731
                                               stdout=subprocess.DEVNULL)
            rows = in_turns([import_row("Realise import into SQLite", plan, seed, db),
                             Row("Realise import into PostgreSQL", realise("import", plan, "--db", url, "--format", "json"),
                                 to_server),
                             Row("libxml2 SAX2, empty callbacks", [SAX2, plan])], runs)
            results["sections"]["postgres"] = {"input": f"MSPDI plan, {t:,} tasks, {mb(plan):.1f} MB", "rows": rows,
                                               "server": postgres_version(url)}

    # ---- memory flatness
    if want("memory"):
        rows = []
        for tasks, path, benefits in ((sizes["small_tasks"], small, small_benefits), (t, plan, plan_benefits)):
            seed = os.path.join(WORK, f"seed-mspdi-{tasks}.sqlite")
            seed_workspace(seed, [benefits])
            timed = [import_row(f"Realise import, {tasks:,} tasks ({mb(path):.0f} MB)", path, seed, db)]
            if base:
                seed_workspace(seed + ".base", [benefits], base)
                timed.append(import_row("before", path, seed + ".base", db, base))
            rows.append(with_before(timed, runs))
        rows.append(measure(f"libxml2 SAX2, {t:,} tasks", [SAX2, plan], 1))
        results["sections"]["memory"] = {"rows": rows}

    results["elapsed"] = time.perf_counter() - started
    with open(os.path.join(SCRATCH, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    text = render(results)
    with open(os.path.join(SCRATCH, "results.md"), "w") as f:
        f.write(text)
    print(text)
    if not args.no_write and not args.quick and not only:
        write_benchmarks_md(text)
    log(f"done in {results['elapsed']:.0f} s")


def fmt_s(x):
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def ratio(a, b):
    return f"{a / b:.2f}×" if b > 0 else "–"


def render(results):
    m = results["machine"]
    lines = [f"Measured {m['date']} at commit `{m['commit']}`, {results['runs']} runs each (median), "
             f"{'QUICK sizes, ' if results['quick'] else ''}whole run {results['elapsed'] / 60:.1f} min. "
             f"Load average at the start: {' '.join(m['load'])}.", ""]
    lines += ["| machine | |", "|---|---|", f"| CPU | {m['cpu']}, `nproc` = {m['nproc']} |",
              f"| memory (`free -h`) | {m['free'].splitlines()[1].split()[1] if len(m['free'].splitlines()) > 1 else ''} total |",
              f"| Swift | {m['swift']} |", f"| kernel | {m['kernel']} |",
              f"| references | {m['xmllint']}; {m['java']}; MPXJ / JPype1 {m['mpxj']}; Python {m['python']}, SQLite {m['sqlite']} |",
              ""]
    lines += ["```", "$ free -h", m["free"], "```", ""]
    s = results["sections"]

    def xml_table(section, against_mpxj, target=None):
        rows = section["rows"]
        base = rows[0]
        out = [f"**{section['input']}**", "",
               "| what | wall (median) | CPU user+sys | peak RSS | Realise ÷ this (wall) | Realise ÷ this (CPU) |",
               "|---|---:|---:|---:|---:|---:|"]
        for row in rows:
            if "missing" in row:
                out.append(f"| {row['label']} | **{row['missing']}** | – | – | – | – |")
                continue
            rss = "–" if row.get("rss") is None else f"{row['rss']:.0f} MiB"
            if row is base:
                out.append(f"| **{row['label']}** | **{fmt_s(row['wall'])}** | {fmt_s(row['cpu'])} | {rss} | – | – |")
            elif "missing" in base or row["label"].endswith("(before optimisation)"):
                out.append(f"| {row['label']} | {fmt_s(row['wall'])} | {fmt_s(row['cpu'])} | {rss} | – | – |")
            else:
                out.append(f"| {row['label']} | {fmt_s(row['wall'])} | {fmt_s(row['cpu'])} | {rss} | "
                           f"{ratio(base['wall'], row['wall'])} | {ratio(base['cpu'], row['cpu'])} |")
        if "missing" not in base:
            by = {r["label"]: r for r in rows if "missing" not in r}
            sax = by.get("libxml2 SAX2, empty callbacks")
            mpxj = by.get("MPXJ UniversalProjectReader")
            targets = []
            floor = next((r for r in rows if r.get("floor")), None)
            if floor and sax:
                targets.append(f"SQLite alone ÷ bare SAX2 = **{floor['wall'] / sax['wall']:.1f}×** wall ({floor['cpu'] / sax['cpu']:.1f}× CPU): "
                               f"the floor under the writing thread")
            if sax:
                targets.append(f"Realise ÷ bare SAX2 = **{base['wall'] / sax['wall']:.1f}×** wall "
                               f"({base['cpu'] / sax['cpu']:.1f}× CPU); the target is at most {target}×")
            if mpxj:
                targets.append(f"MPXJ ÷ Realise = **{mpxj['wall'] / base['wall']:.1f}×** wall "
                               f"({mpxj['cpu'] / base['cpu']:.1f}× CPU); the target is at least 10×")
            if targets:
                out += ["", "; ".join(targets) + "."]
        return out + [""]

    if "mspdi" in s:
        lines += xml_table(s["mspdi"], True, 3)
    if "iati" in s:
        lines += xml_table(s["iati"], False, 4)
    if "register" in s:
        lines += xml_table(s["register"], False)
        g = s["register"]["gaps"]
        lines += [f"Gap report over that workspace (`realise gaps --format json`): **{fmt_s(g['wall'])}** wall, "
                  f"{fmt_s(g['cpu'])} CPU, {g['rss']:.0f} MiB peak."
                  + (f" Before optimisation: {fmt_s(g['before']['wall'])} wall, {fmt_s(g['before']['cpu'])} CPU, "
                     f"{g['before']['rss']:.0f} MiB." if "before" in g else ""), ""]
    if "xlsx" in s:
        x = s["xlsx"]
        book, csv = x["rows"]
        lines += [f"**{x['input']}**", "", "| what | wall (median) | CPU user+sys | peak RSS |", "|---|---:|---:|---:|"]
        for row in x["rows"] + [x["export"], x["gaps"]]:
            lines.append(f"| {row['label']} | {fmt_s(row['wall'])} | {fmt_s(row['cpu'])} | {row['rss']:.0f} MiB |")
        lines += ["", f"Workbook ÷ CSV = **{book['wall'] / csv['wall']:.2f}×** wall ({book['cpu'] / csv['cpu']:.2f}× CPU, "
                      f"{ratio(book['rss'], csv['rss'])} the peak memory); the target is at most 2×.", ""]
    if "gaps" in s:
        rows = s["gaps"]["rows"]
        lines += ["**Gap report scaling** (`realise gaps --db … --format json > /dev/null`; 3 metrics per benefit, "
                  "3 measurements per metric, plus a baseline and two targets per metric)", "",
                  "| workspace | wall (median) | CPU user+sys | peak RSS | per 1 000 benefits |", "|---|---:|---:|---:|---:|"]
        for row in rows:
            lines.append(f"| {row['benefits']:,} benefits, {row['measurements']:,} measurements | {fmt_s(row['wall'])} | "
                         f"{fmt_s(row['cpu'])} | {row['rss']:.0f} MiB | {row['wall'] / row['benefits'] * 1000 * 1000:.0f} ms |")
            if "before" in row:
                b = row["before"]
                lines.append(f"| {row['benefits']:,} benefits, before optimisation | {fmt_s(b['wall'])} | "
                             f"{fmt_s(b['cpu'])} | {b['rss']:.0f} MiB | {b['wall'] / row['benefits'] * 1000 * 1000:.0f} ms |")
        if len(rows) == 2:
            a, b = rows
            lines += ["", f"{b['benefits'] // a['benefits']}× the benefits took {ratio(b['wall'], a['wall'])} the time "
                          f"({ratio(b['cpu'], a['cpu'])} CPU) and {ratio(b['rss'], a['rss'])} the memory (linear would be "
                          f"{b['benefits'] / a['benefits']:.2f}×)."]
        lines.append("")
    if "postgres" in s:
        p = s["postgres"]
        lite, server, sax = p["rows"]
        lines += [f"**Into PostgreSQL against into SQLite** ({p['input']}, into a workspace holding its register; "
                  f"PostgreSQL {p['server']} on this machine, loopback TCP)", "",
                  "| what | wall (median) | CPU user+sys (client) | peak RSS |", "|---|---:|---:|---:|"]
        for row in p["rows"]:
            lines.append(f"| {row['label']} | {fmt_s(row['wall'])} | {fmt_s(row['cpu'])} | {row['rss']:.0f} MiB |")
        lines += ["", f"PostgreSQL ÷ SQLite = **{server['wall'] / lite['wall']:.2f}×** wall; the target is at most 2×. "
                      f"SQLite ÷ bare SAX2 = {lite['wall'] / sax['wall']:.1f}×, PostgreSQL ÷ bare SAX2 = "
                      f"{server['wall'] / sax['wall']:.1f}× (wall).", ""]
    if "memory" in s:
        rows = s["memory"]["rows"]
        lines += ["**Memory flatness** (MSPDI import, peak RSS from `/usr/bin/time -v`)", "",
                  "| run | wall (median) | peak RSS |", "|---|---:|---:|"]
        for row in rows:
            if "missing" in row:
                lines.append(f"| {row['label']} | **{row['missing']}** | – |")
            else:
                lines.append(f"| {row['label']} | {fmt_s(row['wall'])} | {row['rss']:.0f} MiB |")
                if "before" in row and "missing" not in row["before"]:
                    lines.append(f"| … before optimisation | {fmt_s(row['before']['wall'])} | {row['before']['rss']:.0f} MiB |")
        imports = [r for r in rows[:2] if "missing" not in r]
        if len(imports) == 2:
            lines += ["", f"4× the tasks: {ratio(imports[1]['rss'], imports[0]['rss'])} the peak memory."]
        lines.append("")
    if "instructions" in s:
        lines += ["**Instructions** (callgrind `I refs`, the small inputs of `--quick`; the whole process, both threads)", "",
                  "| import | Realise | reference | reference's | Realise ÷ reference |", "|---|---:|---|---:|---:|"]
        for row in s["instructions"]["rows"]:
            lines.append(f"| {row['what']} | {row['realise'] / 1e9:.2f} G | {row['reference']} | {row['count'] / 1e9:.2f} G | "
                         f"{row['realise'] / row['count']:.2f}× |")
        lines.append("")
    if results.get("baseline"):
        lines += optimisation_table(s)
    return "\n".join(lines)


def optimisation_table(s):
    pairs = []
    for key, name in (("mspdi", "MSPDI import"), ("iati", "IATI import"), ("register", "register CSV import")):
        if key in s:
            rows = s[key]["rows"]
            before = next((r for r in rows if r["label"].endswith("(before optimisation)") and "missing" not in r), None)
            if before and "missing" not in rows[0]:
                pairs.append((name, before, rows[0]))
    if "register" in s and "before" in s["register"]["gaps"]:
        pairs.append(("gap report, register workspace", s["register"]["gaps"]["before"], s["register"]["gaps"]))
    for row in s.get("gaps", {}).get("rows", []):
        if "before" in row:
            pairs.append((f"gap report, {row['benefits']:,} benefits", row["before"], row))
    if not pairs:
        return []
    out = ["**Before and after the optimisations** (same run, same inputs; *before* is the build of the merge "
           "commit without them)", "", "| workload | before (wall) | after (wall) | speed-up | before CPU | after CPU | "
           "before RSS | after RSS |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, b, a in pairs:
        out.append(f"| {name} | {fmt_s(b['wall'])} | **{fmt_s(a['wall'])}** | {b['wall'] / a['wall']:.2f}× | "
                   f"{fmt_s(b['cpu'])} | {fmt_s(a['cpu'])} | {b['rss']:.0f} MiB | {a['rss']:.0f} MiB |")
    return out + [""]


def write_benchmarks_md(text):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    begin, end = "<!-- results:begin (written by Benchmarks/run.sh) -->", "<!-- results:end -->"
    content = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n"
    block = f"{begin}\n{text}\n{end}"
    if begin in content and end in content:
        content = content[:content.index(begin)] + block + content[content.index(end) + len(end):]
    else:
        content += "\n" + block + "\n"
    with open(path, "w") as f:
        f.write(content)
    log(f"wrote {path}")


if __name__ == "__main__":
    try:
        main()
    except Failed as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        sys.exit(1)
