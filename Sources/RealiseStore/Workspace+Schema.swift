import GRDB

extension Workspace {
    /// The schema, as named migrations, in order: written once, in SQLite's SQL, and run on PostgreSQL in its
    /// dialect (`SQLDialect.schema`). A released migration is never edited: add a new one.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1-workspace", """
                CREATE TABLE import_run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    path TEXT NOT NULL, format TEXT NOT NULL, sha256 TEXT NOT NULL,
                    imported_at TEXT NOT NULL, counts TEXT NOT NULL, warnings TEXT NOT NULL);
                CREATE INDEX import_run_path ON import_run(path);

                -- Every entity's identity, shared fields and provenance; ids are unique across types.
                CREATE TABLE entity (
                    id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
                    programme TEXT, owner TEXT, organisation TEXT, notes TEXT,
                    source_path TEXT NOT NULL, source_line INTEGER NOT NULL, source_column INTEGER NOT NULL,
                    source_format TEXT NOT NULL, source_ref TEXT,
                    withdrawn_run INTEGER REFERENCES import_run(id));
                CREATE INDEX entity_source ON entity(source_path);

                CREATE TABLE programme (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE);
                CREATE TABLE organisation (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE);
                CREATE TABLE objective (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    parent TEXT REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED, horizon TEXT);
                CREATE TABLE benefit (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, class TEXT, confidence TEXT,
                    realisation_start TEXT, realisation_end TEXT,
                    observable_outcome TEXT, attribution TEXT, measurement TEXT);
                CREATE TABLE deliverable (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, parent TEXT REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
                    planned_start TEXT, planned_finish TEXT, baseline_start TEXT, baseline_finish TEXT,
                    forecast_finish TEXT, actual_start TEXT, actual_finish TEXT,
                    percent_complete REAL, status TEXT, delivery_confidence TEXT);
                CREATE TABLE metric (
                    id TEXT PRIMARY KEY NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    unit TEXT, direction TEXT NOT NULL, measure_type TEXT NOT NULL, frequency TEXT, data_source TEXT);

                -- Baselines, targets and measurements: one value per metric, kind and day.
                CREATE TABLE metric_value (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    metric_id TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
                    kind TEXT NOT NULL, date TEXT NOT NULL, value REAL, text TEXT, note TEXT,
                    data_source TEXT, confidence TEXT,
                    source_path TEXT NOT NULL, source_line INTEGER NOT NULL, source_format TEXT NOT NULL,
                    withdrawn_run INTEGER REFERENCES import_run(id),
                    UNIQUE (metric_id, kind, date));
                CREATE INDEX metric_value_source ON metric_value(source_path);

                CREATE TABLE link (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
                    from_id TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
                    to_id TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
                    dependency_type TEXT, lag_days REAL, share REAL,
                    source_path TEXT NOT NULL, source_line INTEGER NOT NULL, source_format TEXT NOT NULL,
                    withdrawn_run INTEGER REFERENCES import_run(id),
                    UNIQUE (kind, from_id, to_id));
                CREATE INDEX link_source ON link(source_path);
                CREATE INDEX link_to ON link(to_id);

                -- Which files state each link and value: a link or value stated by two files stays while
                -- either still states it.
                CREATE TABLE claim (
                    kind TEXT NOT NULL, ref_id INTEGER NOT NULL,
                    source_path TEXT NOT NULL, source_line INTEGER NOT NULL,
                    PRIMARY KEY (kind, ref_id, source_path));
                CREATE INDEX claim_source ON claim(source_path);

                -- History of baseline and target values: every change, with the run that made it.
                CREATE TABLE revision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    metric_id TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL,
                    old_value REAL, old_text TEXT, new_value REAL, new_text TEXT,
                    import_run_id INTEGER REFERENCES import_run(id), recorded_at TEXT NOT NULL);
                CREATE INDEX revision_metric ON revision(metric_id);
                """),
        ("v2-reviews", """
                -- Periodic outcome reviews of a benefit, metric, objective or programme.
                CREATE TABLE review_schedule (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    subject_id TEXT NOT NULL REFERENCES entity(id),
                    cadence TEXT NOT NULL, start TEXT NOT NULL, reviewer TEXT, created_at TEXT NOT NULL);
                CREATE INDEX review_schedule_subject ON review_schedule(subject_id);

                -- Reviews held, with their RAG status; measurements taken at one point back to it.
                CREATE TABLE review (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    subject_id TEXT NOT NULL REFERENCES entity(id),
                    date TEXT NOT NULL, rag TEXT NOT NULL, reviewer TEXT, note TEXT, recorded_at TEXT NOT NULL);
                CREATE INDEX review_subject ON review(subject_id, date);
                ALTER TABLE metric_value ADD COLUMN review_id INTEGER REFERENCES review(id);
                """),
        ("v3-import-batches", """
                -- The import (its first run's id) that last stated each row, so one streamed import can tell a
                -- second statement of an id from the first and withdraw what its files no longer state; and the
                -- import that created an entity, so a metric's first baselines are not taken for revisions.
                ALTER TABLE entity ADD COLUMN seen_batch INTEGER;
                ALTER TABLE entity ADD COLUMN created_batch INTEGER;
                ALTER TABLE metric_value ADD COLUMN seen_batch INTEGER;
                ALTER TABLE link ADD COLUMN seen_batch INTEGER;
                ALTER TABLE claim ADD COLUMN seen_batch INTEGER;
                """),
        ("v4-reference-indexes", """
                -- Every column that references an entity is indexed. SQLite checks deferred foreign keys from the
                -- parent side too: while an import has a reference still waiting for its entity, each entity
                -- inserted looks for the rows referring to it, and without these indexes that look is a scan of
                -- the whole table per entity (an import into a large workspace took minutes).
                CREATE INDEX link_from ON link(from_id);
                CREATE INDEX deliverable_parent ON deliverable(parent);
                CREATE INDEX objective_parent ON objective(parent);
                """),
        ("v5-change-log", """
                -- Who changed what, and when: one row per write (an import run, a measurement, a review, a schedule
                -- added or removed), written in the same transaction as the change.
                CREATE TABLE change_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, summary TEXT NOT NULL);
                CREATE INDEX change_log_at ON change_log(at);
                """),
        ("v6-actions", """
                -- Actions agreed on a finding (target `rule:ID`) or an entity (target `ID`): owner, due day, what was
                -- agreed, and when and by whom each was opened and closed.
                CREATE TABLE action_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    target TEXT NOT NULL, subject_id TEXT NOT NULL REFERENCES entity(id), rule TEXT,
                    owner TEXT NOT NULL, due TEXT NOT NULL,
                    opened_on TEXT NOT NULL, opened_by TEXT NOT NULL, opened_note TEXT, opened_at TEXT NOT NULL,
                    closed_on TEXT, closed_by TEXT, closed_note TEXT, closed_at TEXT);
                CREATE INDEX action_item_subject ON action_item(subject_id);
                """),
        ("v7-source-versions", """
                -- A source is named by its path under the folder imported (import_run.path); where it was read from is
                -- kept here. Each run also keeps who imported it, the day the file says its version was made, and the
                -- sources it took over as their new version (names, one per line).
                ALTER TABLE import_run ADD COLUMN location TEXT;
                ALTER TABLE import_run ADD COLUMN actor TEXT;
                ALTER TABLE import_run ADD COLUMN version_date TEXT;
                ALTER TABLE import_run ADD COLUMN supersedes TEXT;
                """),
        ("v8-history", """
                -- The plan as it stood on a past day. Each entity, link and value keeps the run that made its current
                -- state (version_run), and each entity a fingerprint of its content (content_hash), so that restating
                -- it unchanged writes nothing. A state replaced or withdrawn is kept in history (as JSON), with the run
                -- that made it and the run that ended it. A run's states are in force from its in_force day; NULL for
                -- a source's first version, which is taken to have stood from the beginning.
                ALTER TABLE entity ADD COLUMN content_hash INTEGER;
                ALTER TABLE entity ADD COLUMN version_run INTEGER;
                ALTER TABLE link ADD COLUMN version_run INTEGER;
                ALTER TABLE metric_value ADD COLUMN version_run INTEGER;
                ALTER TABLE import_run ADD COLUMN in_force TEXT;
                CREATE TABLE history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL, subject TEXT NOT NULL, item TEXT NOT NULL, content TEXT NOT NULL,
                    from_run INTEGER REFERENCES import_run(id), to_run INTEGER NOT NULL REFERENCES import_run(id));
                CREATE INDEX history_subject ON history(subject);
                CREATE INDEX history_to ON history(to_run);
                CREATE INDEX history_from ON history(from_run);
                """),
        ("v9-import-checks", """
                -- On PostgreSQL only (see `postgresMigrations`): SQLite keeps its foreign keys, which it checks at a
                -- fraction of the cost.
                """),
        ("v10-accounts", """
                -- The people who sign in to a shared workspace: a lower-case name, the name the plans know them by (an
                -- entity's owner), a role, a bcrypt password hash (none: API tokens only), and the secret in the address
                -- of their review calendar.
                CREATE TABLE account (
                    name TEXT PRIMARY KEY NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT,
                    calendar_secret TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);

                -- Sign-in sessions and API tokens, kept as the SHA-256 (hex) of the token: the token itself is never
                -- stored, so a copy of the database signs no one in. A session carries its CSRF token.
                CREATE TABLE access_token (
                    token_hash TEXT PRIMARY KEY NOT NULL,
                    account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('session', 'api')), csrf TEXT,
                    created_at TEXT NOT NULL, expires_at TEXT);
                CREATE INDEX access_token_account ON access_token(account);

                -- Failed sign-ins, by the name tried (an account or not, so that the answer does not tell which), for
                -- limiting how fast passwords can be guessed.
                CREATE TABLE login_failure (account TEXT NOT NULL, at TEXT NOT NULL);
                CREATE INDEX login_failure_account ON login_failure(account, at);
                """),
    ]

    /// What a migration does on PostgreSQL only, after its common SQL.
    ///
    /// `v9-import-checks` drops the foreign keys from the rows an import writes (each type's row, a parent, a link's
    /// ends, a value's metric) to `entity`: PostgreSQL checks each with a trigger query per row, a third of the server's
    /// work in a large import. They guarded nothing the import does not: it checks every reference it reads before it
    /// commits, entities are never deleted (only marked withdrawn), and a value typed in names a metric looked up first.
    /// At its end, an import on PostgreSQL checks the references it wrote set-based once more
    /// (`ImportTransaction.brokenReferences()`), so a broken reference is never committed.
    static let postgresMigrations: [String: [String]] = [
        "v9-import-checks": [
            "ALTER TABLE programme DROP CONSTRAINT IF EXISTS programme_id_fkey",
            "ALTER TABLE organisation DROP CONSTRAINT IF EXISTS organisation_id_fkey",
            "ALTER TABLE objective DROP CONSTRAINT IF EXISTS objective_id_fkey",
            "ALTER TABLE objective DROP CONSTRAINT IF EXISTS objective_parent_fkey",
            "ALTER TABLE benefit DROP CONSTRAINT IF EXISTS benefit_id_fkey",
            "ALTER TABLE deliverable DROP CONSTRAINT IF EXISTS deliverable_id_fkey",
            "ALTER TABLE deliverable DROP CONSTRAINT IF EXISTS deliverable_parent_fkey",
            "ALTER TABLE metric DROP CONSTRAINT IF EXISTS metric_id_fkey",
            "ALTER TABLE metric_value DROP CONSTRAINT IF EXISTS metric_value_metric_id_fkey",
            "ALTER TABLE link DROP CONSTRAINT IF EXISTS link_from_id_fkey",
            "ALTER TABLE link DROP CONSTRAINT IF EXISTS link_to_id_fkey",
        ],
    ]

    /// The migrations as GRDB applies them to a SQLite workspace (recorded in its `grdb_migrations` table).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, sql) in migrations {
            migrator.registerMigration(identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
