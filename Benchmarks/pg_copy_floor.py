#!/usr/bin/env python3
"""What `COPY` would save the PostgreSQL server over the import's writes, measured on the rows an import wrote.

    PGHOST=… PGPORT=… PGUSER=postgres PGDATABASE=… python3 Benchmarks/pg_copy_floor.py SCHEMA [--tables entity,deliverable,link]

SCHEMA is a workspace an import has filled (`realise import … --db 'postgres://…?schema=SCHEMA'`). For each table, its
rows are cut into chunks of 500 (an import's chunk), and two loops on the server write them into an empty copy of the
table (`LIKE … INCLUDING ALL`: the same indexes, defaults and checks), each in one transaction:

- *unnest*: per chunk, `INSERT INTO t (…) SELECT * FROM unnest($1::text[], …)` with the chunk's arrays bound — the
  statement the import sends for rows new to the workspace (the arrays are read from a table stored uncompressed,
  standing in for the bound arrays the server receives);
- *copy*: per chunk, `COPY t (…) FROM 'file'` of the same rows in COPY's text format — what a `COPY` path would send.

Both loops are `EXECUTE`d statements, parsed and planned per chunk as the import's are. The figure is the backend's
CPU time (utime + stime from /proc/PID/stat, so the server must run on this machine), the median of the runs, the two
loops taking turns. It needs a superuser (COPY reads the server's files) and psql on PATH. Nothing in SCHEMA changes;
the scratch tables (`x_*`) are dropped at the end.
"""
import argparse
import os
import subprocess
import tempfile
import time

CHUNK = 500
# A session reading its statements from standard input: quiet, unaligned, tuples only, stopping at the first error.
PSQL = ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"]


def in_schema(schema):
    """The statements that start a session in `schema` (the import's own: no JIT, no notices)."""
    return f"SET search_path TO {schema}; SET jit = off; SET client_min_messages TO warning;\n"


def psql(sql, schema=None):
    """Runs `sql` in a new session and returns its output."""
    done = subprocess.run(PSQL, input=(in_schema(schema) if schema else "") + sql, check=True, capture_output=True,
                          text=True)
    return done.stdout.strip()


def backend_cpu(sql, schema):
    """Runs `sql` in a new session and gives the session's backend CPU seconds when it ended."""
    script = "SELECT pg_backend_pid();\n\\o /dev/null\n" + in_schema(schema) + sql
    proc = subprocess.Popen(PSQL, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    proc.stdin.write(script)
    proc.stdin.close()
    pid = int(proc.stdout.readline())
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = 0.0
    while proc.poll() is None:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / ticks
        except (FileNotFoundError, ProcessLookupError):
            pass
        time.sleep(0.005)
    if proc.returncode != 0:
        raise SystemExit(f"psql failed ({proc.returncode})")
    return cpu


def loops(schema, table, folder):
    """The two loops' SQL for `table`, after cutting its rows into chunks (arrays in x_chunks, files in `folder`)."""
    described = psql(f"SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = "
                     f"'{schema}' AND table_name = '{table}' AND is_identity = 'NO' ORDER BY ordinal_position")
    names, types = zip(*(line.split(":") for line in described.splitlines()))
    columns = ", ".join(names)
    count = int(psql(f"SELECT count(*) FROM {table}", schema))
    chunks = (count + CHUNK - 1) // CHUNK
    numbered = f"SELECT {columns}, (row_number() OVER () - 1) / {CHUNK} AS k FROM {table}"
    arrays = ", ".join(f"array_agg({name}) AS a{i}" for i, name in enumerate(names))
    storage = "; ".join(f"ALTER TABLE x_chunks ALTER COLUMN a{i} SET STORAGE EXTERNAL" for i in range(len(names)))
    psql(f"DROP TABLE IF EXISTS x_chunks; CREATE TABLE x_chunks AS SELECT k, {arrays} FROM ({numbered}) s GROUP BY k "
         f"WITH NO DATA; {storage}; INSERT INTO x_chunks SELECT k, {arrays} FROM ({numbered}) s GROUP BY k;", schema)
    path = os.path.join(folder, table)
    psql(f"DO $$ BEGIN FOR k IN 0..{chunks - 1} LOOP EXECUTE format('COPY (SELECT {columns} FROM ({numbered}) s "
         f"WHERE k = %s) TO %L', k, '{path}_' || k); END LOOP; END $$;", schema)
    casts = ", ".join(f"${i + 1}::{'text' if kind in ('text', 'character varying') else kind}[]"
                      for i, kind in enumerate(types))
    bound = ", ".join(f"c.a{i}" for i in range(len(names)))
    fresh = f"DROP TABLE IF EXISTS x_{table}; CREATE TABLE x_{table} (LIKE {table} INCLUDING ALL);\n"
    unnest = fresh + (f"BEGIN; DO $$ DECLARE c record; BEGIN FOR c IN SELECT * FROM x_chunks ORDER BY k LOOP EXECUTE "
                      f"'INSERT INTO x_{table} ({columns}) SELECT * FROM unnest({casts})' USING {bound}; END LOOP; "
                      f"END $$; COMMIT;\n")
    copy = fresh + (f"BEGIN; DO $$ BEGIN FOR k IN 0..{chunks - 1} LOOP EXECUTE format('COPY x_{table} ({columns}) "
                    f"FROM %L', '{path}_' || k); END LOOP; END $$; COMMIT;\n")
    return count, chunks, unnest, copy


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema")
    parser.add_argument("--tables", default="entity,deliverable,link")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    median = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    totals = [0.0, 0.0]
    print("| table | rows | chunks | unnest (backend CPU) | copy (backend CPU) | copy ÷ unnest |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="realise-copy-floor-") as folder:
        os.chmod(folder, 0o777)  # the server writes and reads the chunks' files
        try:
            for table in args.tables.split(","):
                count, chunks, unnest, copy = loops(args.schema, table, folder)
                taken = ([], [])
                for _ in range(args.runs):
                    taken[0].append(backend_cpu(unnest, args.schema))
                    taken[1].append(backend_cpu(copy, args.schema))
                u, c = median(taken[0]), median(taken[1])
                totals[0] += u
                totals[1] += c
                print(f"| `{table}` | {count:,} | {chunks} | {u:.2f} s | {c:.2f} s | {c / u:.2f} |", flush=True)
        finally:
            tables = ", ".join(f"x_{t}" for t in args.tables.split(","))
            psql(f"DROP TABLE IF EXISTS x_chunks, {tables};", args.schema)
    print(f"| all | | | {totals[0]:.2f} s | {totals[1]:.2f} s | {totals[1] / totals[0]:.2f} |")


if __name__ == "__main__":
    main()
