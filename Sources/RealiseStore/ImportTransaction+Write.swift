import RealiseModel

/// Writing a chunk: upserts by id (or by metric, kind and day; or by link kind and ends), a claim for each
/// value and link, revisions for changed baselines and targets.
extension ImportTransaction {
    func write(_ chunk: Plan, file: ImportedFile) throws {
        for item in chunk.programmes { try upsertEntity(item, EntityTables.programme) }
        for item in chunk.organisations { try upsertEntity(item, EntityTables.organisation) }
        for item in chunk.objectives {
            try upsertEntity(item, EntityTables.objective)
            expect(item.parent, [.objective], at: item.source, "parent objective")
        }
        for item in chunk.benefits { try upsertEntity(item, EntityTables.benefit) }
        for item in chunk.deliverables {
            try upsertEntity(item, EntityTables.deliverable)
            expect(item.parent, [.deliverable], at: item.source, "parent deliverable")
        }
        for item in chunk.metrics { try upsertEntity(item, EntityTables.metric) }
        for value in chunk.values { try write(value) }
        for link in chunk.links { try write(link) }
    }

    /// Inserts or updates an entity and its row of its type's table, unless its id is taken: by an entity
    /// this import already wrote, or by one the workspace holds from a file this import does not read.
    private func upsertEntity<E: Entity>(_ entity: E, _ description: EntityTable<E>) throws {
        let table = description.name
        let source = entity.source
        let entityArguments: SQLArguments = [
            entity.id, table, entity[keyPath: description.title], entity.programme, entity.owner, entity.organisation,
            entity.notes, source.path, source.line, source.column, source.format,
            source.identifier, batch, batch,
        ]
        let arguments: SQLArguments = [entity.id] + description.values(entity)
        if optimistic, try insertIfNew("""
            INSERT INTO entity (id, type, name, programme, owner, organisation, notes, source_path, source_line, source_column,
                                source_format, source_ref, seen_batch, created_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """, entityArguments) {
            try db.send(typeInsert(description), arguments)
            remember(entity.id, E.type)
            return
        }
        if let row = try db.fetchOne("SELECT type, source_path, source_line, seen_batch, withdrawn_run FROM entity WHERE id = ?",
                                     [entity.id]) {
            let path: String = row["source_path"], line: Int = row["source_line"]
            let existing = SourceRef(path: path, line: line, format: "")
            if (row["seen_batch"] as Int64?) == batch {
                report(Plan.duplicateIdProblem(entity.id, at: source, first: existing))
                return
            }
            let oldType: String = row["type"]
            if (row["withdrawn_run"] as Int64?) == nil, !batchPaths.contains(path) {
                report(Plan.existingIdProblem(entity.id, at: source, existing: (EntityType(rawValue: oldType) ?? .objective, existing)))
                return
            }
            if oldType != table { try db.send("DELETE FROM \(oldType) WHERE id = ?", [entity.id]) }
        }
        try db.send("""
            INSERT INTO entity (id, type, name, programme, owner, organisation, notes, source_path, source_line, source_column,
                                source_format, source_ref, seen_batch, created_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, programme = excluded.programme,
              owner = excluded.owner, organisation = excluded.organisation, notes = excluded.notes,
              source_path = excluded.source_path, source_line = excluded.source_line, source_column = excluded.source_column,
              source_format = excluded.source_format, source_ref = excluded.source_ref, seen_batch = excluded.seen_batch,
              withdrawn_run = NULL
            """, entityArguments)
        try db.send(typeInsert(description), arguments)
        remember(entity.id, E.type)
    }

    /// `INSERT INTO <table> (id, <columns>) VALUES (?, …) ON CONFLICT (id) DO UPDATE SET <columns> = …` (the row
    /// replaced), built once per table and import.
    private func typeInsert<E>(_ description: EntityTable<E>) -> String {
        let table = description.name
        if let sql = typeInserts[table] { return sql }
        let columns = description.columns.map(\.name)
        let all = ["id"] + columns
        let update = columns.isEmpty ? "NOTHING" : "UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: all.count).joined(separator: ", ")))"
            + " ON CONFLICT (id) DO \(update)"
        typeInserts[table] = sql
        return sql
    }

    /// Writes a value (a second, different value of the same metric, kind and day in this import is a
    /// problem; the same value again is only claimed) and checks its metric.
    private func write(_ value: MetricValue) throws {
        expect(value.metric, [.metric], at: value.source, "metric")
        let key: SQLArguments = [value.metric, value.kind.rawValue, value.date.description]
        let insert = key + [value.value, value.text, value.note, value.dataSource, value.confidence?.rawValue,
                            value.source.path, value.source.line, value.source.format, batch]
        let insertSQL = """
            INSERT INTO metric_value (metric_id, kind, date, value, text, note, data_source, confidence,
                                      source_path, source_line, source_format, seen_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        if optimistic, try insertIfNew(insertSQL + " ON CONFLICT DO NOTHING", insert) {
            if value.kind != .measurement, try metricExistedBefore(value.metric) {
                try recordRevision(value.metric, value.kind, value.date, old: (nil, nil), new: (value.value, value.text))
            }
            return
        }
        let existing = try db.fetchOne("""
            SELECT id, value, text, withdrawn_run, seen_batch, source_path, source_line, source_format
            FROM metric_value WHERE metric_id = ? AND kind = ? AND date = ?
            """, key)
        guard let existing else {
            if value.kind != .measurement, try metricExistedBefore(value.metric) {
                try recordRevision(value.metric, value.kind, value.date, old: (nil, nil), new: (value.value, value.text))
            }
            try db.send(insertSQL, insert)
            return
        }
        let id: Int64 = existing["id"]
        let oldValue: Double? = existing["value"], oldText: String? = existing["text"]
        if (existing["seen_batch"] as Int64?) == batch {
            if oldValue != value.value || oldText != value.text {
                report(Plan.conflictingValueProblem(value, other: SourceRef(path: existing["source_path"], line: existing["source_line"], format: "")))
            }
            try claimBoth("value", id, existing, value.source)
            return
        }
        // Only baselines and targets keep history: a measurement needs no look at what it replaces.
        let wasActive = (existing["withdrawn_run"] as Int64?) == nil
        if value.kind != .measurement, !wasActive || oldValue != value.value || oldText != value.text {
            try recordRevision(value.metric, value.kind, value.date, old: wasActive ? (oldValue, oldText) : (nil, nil),
                               new: (value.value, value.text))
        }
        if wasActive { try claimBoth("value", id, existing, value.source) }
        try db.send("""
            UPDATE metric_value SET value = ?, text = ?, note = ?, data_source = ?, confidence = ?, source_path = ?,
              source_line = ?, source_format = ?, seen_batch = ?, withdrawn_run = NULL
            WHERE id = ?
            """, [value.value, value.text, value.note, value.dataSource, value.confidence?.rawValue,
                                     value.source.path, value.source.line, value.source.format, batch, id])
    }

    private func write(_ link: Link) throws {
        expectLink(link)
        let key: SQLArguments = [link.kind.rawValue, link.from, link.to]
        let fields: SQLArguments = [link.dependencyType?.rawValue, link.lagDays, link.share, link.source.path,
                                          link.source.line, link.source.format, batch]
        let insertSQL = """
            INSERT INTO link (kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format,
                              seen_batch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        if optimistic, try insertIfNew(insertSQL + " ON CONFLICT DO NOTHING", key + fields) { return }
        let existing = try db.fetchOne("""
            SELECT id, withdrawn_run, seen_batch, source_path, source_line, source_format FROM link
            WHERE kind = ? AND from_id = ? AND to_id = ?
            """, key)
        guard let existing else {
            try db.send(insertSQL, key + fields)
            return
        }
        let id: Int64 = existing["id"]
        if (existing["seen_batch"] as Int64?) == batch {
            try claimBoth("link", id, existing, link.source)
            return
        }
        if (existing["withdrawn_run"] as Int64?) == nil { try claimBoth("link", id, existing, link.source) }
        try db.send("""
            UPDATE link SET dependency_type = ?, lag_days = ?, share = ?, source_path = ?, source_line = ?, source_format = ?,
              seen_batch = ?, withdrawn_run = NULL
            WHERE id = ?
            """, fields + [id])
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING`; false, with nothing written, when a row with its key exists
    /// already. A file imported for the first time (`optimistic`) mostly adds rows, so trying the insert first
    /// saves the look-up that a re-import needs for every row.
    private func insertIfNew(_ sql: String, _ arguments: SQLArguments) throws -> Bool {
        try db.execute(sql, arguments) > 0
    }

    /// A value or link that another file (or this one, earlier in the import) already states is stated by
    /// both: both are recorded as claims, so that it stays while either still states it. A value or link
    /// stated by one file only needs no claim: it is the file's by its own `source_path` (see
    /// `withdrawMissing(from:)`).
    private func claimBoth(_ kind: String, _ id: Int64, _ existing: SQLRow, _ source: SourceRef) throws {
        let path: String = existing["source_path"]
        guard path != source.path, (existing["source_format"] as String) != "manual" else { return }
        let sql = """
            INSERT INTO claim (kind, ref_id, source_path, source_line, seen_batch) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (kind, ref_id, source_path) DO UPDATE SET source_line = excluded.source_line, seen_batch = excluded.seen_batch
            """
        try db.send(sql, [kind, id, path, existing["source_line"] as Int, existing["seen_batch"] as Int64?])
        try db.send(sql, [kind, id, source.path, source.line, batch])
    }

    /// Whether the metric was in the workspace before this import (its new baselines and targets are then
    /// revisions; a new metric's first ones are not).
    private func metricExistedBefore(_ id: String) throws -> Bool {
        guard let row = try db.fetchOne("SELECT created_batch FROM entity WHERE id = ?", [id]) else { return false }
        return (row["created_batch"] as Int64?) != batch
    }

    func recordRevision(_ metric: String, _ kind: MetricValue.Kind, _ date: Day, old: (Double?, String?), new: (Double?, String?)) throws {
        try db.send("""
            INSERT INTO revision (metric_id, kind, date, old_value, old_text, new_value, new_text, import_run_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [metric, kind.rawValue, date.description, old.0, old.1, new.0, new.1, run, timestamp])
        revisions += 1
    }

    /// Inserts or replaces a metric's value for its kind and day, typed in by a person (`measure`, a
    /// review): not part of any import, so not marked with a batch. Atomic on either backend: of two people
    /// recording the same metric on the same day at once, the later one's value stays.
    /// - Returns: the row's id.
    @discardableResult
    static func upsertTypedIn(_ db: any SQLConnection, _ value: MetricValue) throws -> Int64 {
        try db.insert("""
            INSERT INTO metric_value (metric_id, kind, date, value, text, note, data_source, confidence,
                                      source_path, source_line, source_format)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(metric_id, kind, date) DO UPDATE SET value = excluded.value, text = excluded.text,
              note = excluded.note, data_source = excluded.data_source, confidence = excluded.confidence,
              source_path = excluded.source_path, source_line = excluded.source_line,
              source_format = excluded.source_format, seen_batch = NULL, withdrawn_run = NULL
            RETURNING id
            """, [value.metric, value.kind.rawValue, value.date.description, value.value, value.text,
                  value.note, value.dataSource, value.confidence?.rawValue, value.source.path,
                  value.source.line, value.source.format])
    }
}
