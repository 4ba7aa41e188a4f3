/*
 * The floor under an import's writes: how long SQLite alone takes to insert the rows an import wrote.
 *
 *   sqlite_floor SOURCE.sqlite TARGET.sqlite [fk|none]
 *
 * SOURCE is a workspace after an import; TARGET an empty database of the same schema (`sqlite3 SOURCE .schema`).
 * Every row of the tables an import writes (its runs, entities, their types' tables, links, values, claims,
 * revisions, history) is first read from SOURCE into memory, then inserted into TARGET with one prepared
 * single-row INSERT per table, bound with sqlite3_bind_value and stepped, in one transaction, with the import's
 * page cache. Only that insert loop and the commit are timed (CLOCK_PROCESS_CPUTIME_ID and wall), so the figure is
 * SQLite's own cost of the rows, with no parsing, no validation and no binding from another language.
 * "fk" turns foreign keys on, as a workspace has them; "none" reads the rows and inserts nothing (the reading
 * alone, to subtract from an instruction count of the whole run).
 *
 * Built by Benchmarks/run.sh: cc -O2 -o .build-bench/sqlite_floor Benchmarks/sqlite_floor.c -lsqlite3
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char *tables[] = {"import_run", "entity", "programme", "organisation", "objective", "benefit", "deliverable", "metric",
                               "link", "metric_value", "claim", "revision", "history", NULL};

typedef struct {
    const char *table;
    int columns;
    long rows;
    sqlite3_value **values; /* rows * columns */
} TableRows;

static double user_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void check(int code, sqlite3 *db, const char *what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static TableRows load(sqlite3 *db, const char *table) {
    TableRows rows = {table, 0, 0, NULL};
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", table);
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) return rows; /* no such table */
    rows.columns = sqlite3_column_count(statement);
    long capacity = 1024;
    rows.values = malloc(sizeof(sqlite3_value *) * capacity * rows.columns);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        if (rows.rows == capacity) {
            capacity *= 2;
            rows.values = realloc(rows.values, sizeof(sqlite3_value *) * capacity * rows.columns);
        }
        for (int column = 0; column < rows.columns; column++)
            rows.values[rows.rows * rows.columns + column] = sqlite3_value_dup(sqlite3_column_value(statement, column));
        rows.rows++;
    }
    sqlite3_finalize(statement);
    return rows;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: sqlite_floor SOURCE.sqlite TARGET.sqlite [fk|none]\n");
        return 2;
    }
    sqlite3 *source, *target;
    check(sqlite3_open_v2(argv[1], &source, SQLITE_OPEN_READONLY, NULL), NULL, argv[1]);
    check(sqlite3_open(argv[2], &target), target, argv[2]);
    int fk = argc > 3 && strcmp(argv[3], "fk") == 0;
    int none = argc > 3 && strcmp(argv[3], "none") == 0;
    char pragmas[256];
    snprintf(pragmas, sizeof pragmas, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; "
             "PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = %s", fk ? "ON" : "OFF");
    check(sqlite3_exec(target, pragmas, NULL, NULL, NULL), target, "pragmas");

    TableRows loaded[16];
    int count = 0;
    long total = 0;
    for (int i = 0; tables[i]; i++) {
        loaded[count] = load(source, tables[i]);
        if (loaded[count].columns > 0) total += loaded[count++].rows;
    }

    double cpu = seconds(CLOCK_PROCESS_CPUTIME_ID), wall = seconds(CLOCK_MONOTONIC), user = user_seconds();
    check(sqlite3_exec(target, "BEGIN IMMEDIATE", NULL, NULL, NULL), target, "begin");
    for (int t = 0; t < (none ? 0 : count); t++) {
        TableRows *rows = &loaded[t];
        char sql[1024];
        int at = snprintf(sql, sizeof sql, "INSERT INTO \"%s\" VALUES (", rows->table);
        for (int c = 0; c < rows->columns; c++) at += snprintf(sql + at, sizeof sql - at, c ? ", ?" : "?");
        snprintf(sql + at, sizeof sql - at, ")");
        sqlite3_stmt *insert;
        check(sqlite3_prepare_v2(target, sql, -1, &insert, NULL), target, sql);
        for (long r = 0; r < rows->rows; r++) {
            for (int c = 0; c < rows->columns; c++) sqlite3_bind_value(insert, c + 1, rows->values[r * rows->columns + c]);
            check(sqlite3_step(insert), target, rows->table);
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
    }
    check(sqlite3_exec(target, "COMMIT", NULL, NULL, NULL), target, "commit");
    cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    wall = seconds(CLOCK_MONOTONIC) - wall;
    user = user_seconds() - user;
    printf("{\"rows\": %ld, \"cpu\": %.3f, \"user\": %.3f, \"wall\": %.3f, \"foreign_keys\": %s}\n", total, cpu, user, wall,
           fk ? "true" : "false");
    sqlite3_close(target);
    sqlite3_close(source);
    return 0;
}
