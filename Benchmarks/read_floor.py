#!/usr/bin/env python3
"""SQLite alone reading what a gap report reads from a workspace: the floor under `realise gaps`' load.

Usage: python3 Benchmarks/read_floor.py WORKSPACE.sqlite

Runs each query the report's load runs (each entity table joined to `entity`, the links, the values as readings) in
the sqlite3 shell, touching every column (the length of a text, whether a number is NULL), 3 times, and prints the
median of each and their sum. Standard library and the sqlite3 shell only.
"""
import sqlite3, subprocess, sys, re
ws = sys.argv[1]
db = sqlite3.connect(ws)
def cols(t): return [r[1] for r in db.execute(f"PRAGMA table_info({t})")]
entity = "e.id, e.name, e.programme, e.owner, e.organisation, e.notes, e.source_path, e.source_line, e.source_column, e.source_format, e.source_ref".split(", ")
queries = []
for t in ["programme", "organisation", "objective", "benefit", "deliverable", "metric"]:
    columns = entity + [f"t.{c}" for c in cols(t) if c != "id"]
    queries.append((t, f"SELECT {', '.join(columns)} FROM {t} t CROSS JOIN entity e ON e.id = t.id WHERE e.withdrawn_run IS NULL"))
queries.append(("link", "SELECT kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format, id FROM link WHERE withdrawn_run IS NULL"))
queries.append(("values", "SELECT metric_id, kind, date, value FROM metric_value WHERE withdrawn_run IS NULL"))
script = ".timer on\n"
for name, q in queries:
    n = len(q.split(" FROM ")[0].split(","))
    names = [c.strip().split(".")[-1] for c in q.split(" FROM ")[0][len("SELECT "):].split(",")]
    numeric = {"source_line", "source_column", "value", "lag_days", "share", "id", "percent_complete"}
    outer = " + ".join(f"(c{i} IS NULL)" if names[i] in numeric else f"ifnull(length(c{i}),0)" for i in range(n))
    cs = ", ".join(f"c{i}" for i in range(n))
    script += f"WITH q({cs}) AS ({q}) SELECT '{name}', count(*), sum({outer}) FROM q;\n"
out = subprocess.run(["sqlite3", ws], input=script * 3, capture_output=True, text=True).stdout
times = {}
name = None
for line in out.splitlines():
    if line.startswith("Run Time"):
        times.setdefault(name, []).append(float(re.search(r"real ([0-9.]+)", line).group(1)))
    else:
        name = line.split("|")[0]
total = 0
for k, v in times.items():
    m = sorted(v)[len(v) // 2]; total += m
    print(f"{k:12s} {m:.3f} s")
print(f"{'total':12s} {total:.3f} s")
