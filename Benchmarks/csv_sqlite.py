"""The analyst's reference for the register import: Python's csv + sqlite3 loading each CSV of a register
set into a table of its own (one column per header, all text, one transaction), with no validation, no
links and no history - what someone would script instead of using Realise.

    python3 Benchmarks/csv_sqlite.py OUT.sqlite FILE.csv...
"""
import csv
import os
import re
import sqlite3
import sys

out, files = sys.argv[1], sys.argv[2:]
if os.path.exists(out):
    os.remove(out)
db = sqlite3.connect(out)
db.execute("PRAGMA journal_mode=WAL")
rows = 0
with db:
    for path in files:
        table = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            header = [re.sub(r"\W", "_", h.strip().lower()) for h in next(reader)]
            db.execute(f'CREATE TABLE "{table}" ({", ".join(f"{h!r} TEXT" for h in header)})')
            insert = f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(header))})'
            before = db.total_changes
            db.executemany(insert, reader)
            rows += db.total_changes - before
db.close()
print(f"{rows} rows")
