#!/usr/bin/env bash
# What a different schema would save: SQLite alone inserting the rows an import wrote (Benchmarks/sqlite_floor.c),
# into today's schema and into variants of it, counted in instructions (callgrind), which noise does not move.
#
#   Benchmarks/floor_variants.sh WORKSPACE.sqlite
#
# WORKSPACE is a workspace after an import (a small one: every variant runs under callgrind, about 50 times slower
# than natively; a 20 000-task plan takes a minute a variant). The variants:
#   as stored        today's schema, foreign keys on, as a workspace has them
#   no foreign keys  the same, foreign keys off (checked after the import instead of per row)
#   no reference indexes  without link_from, link_to, deliverable_parent, objective_parent (which exist for the
#                    foreign keys' checks from the parent side)
#   no secondary indexes  without every index but the primary and unique keys
#   integer sources  source_path stored as a small integer (a source id) and source_format empty
#   + WITHOUT ROWID  integer sources, and the entity tables clustered on their text ids
# Needs valgrind, sqlite3, bc and a C compiler. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
source_db=${1:?usage: Benchmarks/floor_variants.sh WORKSPACE.sqlite}
for tool in valgrind sqlite3 cc bc; do command -v $tool >/dev/null || { echo "floor_variants: needs $tool" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/floor" Benchmarks/sqlite_floor.c -lsqlite3

sqlite3 "$source_db" .schema | grep -v sqlite_sequence > "$work/as-stored.sql"
secondary='entity_source|link_source|link_to|link_from|deliverable_parent|objective_parent|metric_value_source|claim_source'
secondary+='|revision_metric|history_subject|history_to|history_from'
sed -E '/CREATE INDEX (link_from|link_to|deliverable_parent|objective_parent) /d' "$work/as-stored.sql" > "$work/no-ref.sql"
sed -E "/CREATE INDEX ($secondary) /d" "$work/as-stored.sql" > "$work/no-secondary.sql"
sed -E 's/source_path TEXT NOT NULL/source_path INTEGER NOT NULL/g' "$work/as-stored.sql" > "$work/integer.sql"
python3 - "$work/integer.sql" "$work/without-rowid.sql" <<'EOF'
import re, sys
statements = open(sys.argv[1]).read().split(';')
keyed = {'entity', 'programme', 'organisation', 'objective', 'benefit', 'deliverable', 'metric'}
out = [s.rstrip() + ' WITHOUT ROWID' if (m := re.match(r'\s*CREATE TABLE (\w+)', s)) and m.group(1) in keyed else s
       for s in statements]
open(sys.argv[2], 'w').write(';'.join(out))
EOF
# The rows with integer sources: a copy of the workspace whose source paths are one short number.
cp "$source_db" "$work/integer-rows.sqlite"
sqlite3 "$work/integer-rows.sqlite" "UPDATE entity SET source_path = '1', source_format = '';
    UPDATE link SET source_path = '1', source_format = ''; UPDATE metric_value SET source_path = '1', source_format = '';"

count() { # schema rows fk|none
    rm -f "$work/target.sqlite"*
    sqlite3 "$work/target.sqlite" < "$work/$1.sql"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/floor" "$2" "$work/target.sqlite" "$3" 2>&1 \
        | sed -n 's/.*I *refs: *//p' | tr -d ,
}
reading=$(count as-stored "$source_db" none)
row() { # label schema rows fk
    local total
    total=$(count "$2" "$3" "$4")
    printf '| %s | %d M | %+.0f %% |\n' "$1" $(( (total - reading) / 1000000 )) \
        "$(echo "scale=4; ($total - $reading) / ($as_stored - $reading) * 100 - 100" | bc)"
}
rows=$(sqlite3 "$source_db" "SELECT (SELECT count(*) FROM entity) + (SELECT count(*) FROM link) + (SELECT count(*) FROM metric_value)")
as_stored=$(count as-stored "$source_db" fk)
echo "Inserting $rows entity, link and value rows (and their types' rows); instructions of the inserts alone (callgrind,"
echo "the whole run less the $(( reading / 1000000 )) M of reading the rows into memory):"
echo
echo "| schema | inserts | against today's |"
echo "|---|---:|---:|"
echo "| as stored (foreign keys on) | $(( (as_stored - reading) / 1000000 )) M | |"
row "no foreign keys" as-stored "$source_db" nofk
row "no reference indexes, no foreign keys" no-ref "$source_db" nofk
row "no secondary indexes, no foreign keys" no-secondary "$source_db" nofk
row "integer sources" integer "$work/integer-rows.sqlite" fk
row "integer sources + WITHOUT ROWID" without-rowid "$work/integer-rows.sqlite" fk
