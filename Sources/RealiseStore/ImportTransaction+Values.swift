import RealiseModel

/// Writing a chunk's values (see `write(_:file:)`): one look-up of the rows they may replace, then a
/// few statements over many rows.
extension ImportTransaction {
    /// A value or link as the workspace holds it, by the key it is stated with.
    struct StoredRow {
        let id: Int64
        let value: Double?
        let text: String?
        let seen: Int64?
        let withdrawn: Int64?
        let source: SourceRef
        /// A value's note, data source and confidence (a link's share is kept as `share`), and the run that made the
        /// row's current state: what history keeps when the row changes.
        var note: String?, dataSource: String?, confidence: String?, share: Double?, versionRun: Int64?
    }

    /// Sends the look-up of the stored values `part` may replace (see `PendingRows`).
    func valueLookup(_ part: ArraySlice<MetricValue>) -> PendingRows {
        let dialect = db.dialect
        return statement("value-lookup", [.text, .text, .text]) { rows in
            """
            SELECT v.metric_id, v.kind, v.date, v.id, v.value, v.text, v.seen_batch, v.withdrawn_run, v.source_path,
                   v.source_line, v.source_format, v.note, v.data_source, v.confidence, v.version_run
            FROM \(dialect.probe(rows, "metric_value", as: "v", on: "v.metric_id = k.column1 AND v.kind = k.column2 AND v.date = k.column3"))
            """
        }.ahead(keys(part), on: db)
    }

    /// Upserts values (each metric, kind and day once). A second, different value of the same metric, kind and day in
    /// this import is a problem; the same value again is only claimed.
    func writeValues(_ part: ArraySlice<MetricValue>, looked: PendingRows? = nil) throws {
        var stored: [ValueKey: StoredRow] = [:]
        try (looked ?? valueLookup(part)).each { row in
            guard let kind: MetricValue.Kind = row.word(1), let day = row.day(2) else { return }
            stored[ValueKey(metric: row.string(0), kind: kind, day: day)] = StoredRow(row, from: 3, details: 11)
        }
        var rows = SQLRows(width: 13)
        var claims = Claims()
        for value in part {
            let kind = value.kind.rawValue
            var versionRun: Int64? = run
            if let old = stored[ValueKey(value)] {
                if old.seen == batch {
                    if old.value != value.value || old.text != value.text {
                        report(Plan.conflictingValueProblem(value, other: old.source))
                    }
                    claims.both("value", old, asStored(value.source), batch: batch)
                    continue
                }
                // Only baselines and targets keep revisions: a measurement needs no look at what it replaces.
                let wasActive = old.withdrawn == nil, changed = old.value != value.value || old.text != value.text
                if value.kind != .measurement, !wasActive || changed {
                    revise(value, old: wasActive ? (old.value, old.text) : (nil, nil))
                }
                if wasActive { claims.both("value", old, asStored(value.source), batch: batch) }
                if wasActive, !changed { versionRun = old.versionRun }
                if wasActive, changed { try keepReplaced(value: value, old: old) }
            } else if value.kind != .measurement, metricExistedBefore(value.metric) {
                revise(value, old: (nil, nil))
            }
            for text in [value.metric, kind, value.date.description] { rows.append(text) }
            rows.append(value.value)
            for text in [value.text, value.note, value.dataSource, value.confidence?.rawValue] { rows.append(text) }
            rows.append(storedPath(value.source.path))
            rows.append(value.source.line)
            rows.append(value.source.format)
            rows.append(batch)
            rows.append(versionRun)
        }
        try flushRevisions()
        try flushHistory()
        try statement("value-upsert", [.text, .text, .text, .real, .text, .text, .text, .text, .text, .integer, .text, .integer,
                                          .integer]) { rows in
            """
            INSERT INTO metric_value (metric_id, kind, date, value, text, note, data_source, confidence,
                                      source_path, source_line, source_format, seen_batch, version_run)
            \(rows)
            ON CONFLICT (metric_id, kind, date) DO UPDATE SET value = excluded.value, text = excluded.text, note = excluded.note,
              data_source = excluded.data_source, confidence = excluded.confidence, source_path = excluded.source_path,
              source_line = excluded.source_line, source_format = excluded.source_format, seen_batch = excluded.seen_batch,
              version_run = excluded.version_run, withdrawn_run = NULL
            """
        }.send(rows, on: db)
        try write(claims)
    }

    /// Keeps the stored state of a value this import changes.
    private func keepReplaced(value: MetricValue, old: StoredRow) throws {
        var state = value
        (state.value, state.text, state.note, state.dataSource, state.confidence) = (old.value, old.text, old.note, old.dataSource,
                                                                                   old.confidence.flatMap(Confidence.init(rawValue:)))
        state.source = old.source
        keep("value", subject: value.metric, item: value.historyItem, content: try EntityStates.json(state),
             from: old.versionRun, to: run)
    }

    /// `source` with the path it is stored under.
    func asStored(_ source: SourceRef) -> SourceRef {
        var stored = source
        stored.path = storedPath(source.path)
        return stored
    }

    /// Whether the metric was in the workspace before this import (its new baselines and targets are then
    /// revisions; a new metric's first ones are not). Known for every metric a chunk's values name: `write(_:file:)`
    /// wrote or looked up each before its values; an id that is no metric is a problem already reported.
    private func metricExistedBefore(_ id: String) -> Bool {
        metricCreatedHere[id].map { !$0 } ?? false
    }

    /// Notes a revision of a baseline or target, written with the part's other revisions (`flushRevisions`).
    private func revise(_ value: MetricValue, old: (Double?, String?)) {
        for text in [value.metric, value.kind.rawValue, value.date.description] { pendingRevisions.append(text) }
        pendingRevisions.append(old.0)
        pendingRevisions.append(old.1)
        pendingRevisions.append(value.value)
        pendingRevisions.append(value.text)
        pendingRevisions.append(run)
        pendingRevisions.append(timestamp)
        revisions += 1
    }

    /// Writes the revisions noted, in the order they were noted.
    private func flushRevisions() throws {
        guard !pendingRevisions.isEmpty else { return }
        try statement("revision-insert", [.text, .text, .text, .real, .text, .real, .text, .integer, .text]) { rows in
            """
            INSERT INTO revision (metric_id, kind, date, old_value, old_text, new_value, new_text, import_run_id, recorded_at)
            \(rows)
            """
        }.send(pendingRevisions, on: db)
        pendingRevisions.removeAll()
    }

    func write(_ claims: Claims) throws {
        guard !claims.rows.isEmpty else { return }
        try statement("claim-upsert", [.text, .integer, .text, .integer, .integer]) { rows in
            """
            INSERT INTO claim (kind, ref_id, source_path, source_line, seen_batch) \(rows)
            ON CONFLICT (kind, ref_id, source_path) DO UPDATE SET source_line = excluded.source_line, seen_batch = excluded.seen_batch
            """
        }.send(claims.sorted, on: db)
    }

    /// The claims of one part: a value or link that another file (or this one, earlier in the import) already
    /// states is stated by both, and both are recorded, so that it stays while either still states it. A value or
    /// link stated by one file only needs no claim: it is the file's by its own `source_path` (see
    /// `withdrawMissing(from:)`). Each claim once (one statement may not upsert a row twice on PostgreSQL).
    struct Claims {
        struct Key: Hashable { let kind: String, id: Int64, path: String }
        var rows: [Key: (order: Int, line: Int, seen: Int64?)] = [:]

        /// The claims as rows of `claim`, in the order they were made.
        var sorted: SQLRows {
            var made = SQLRows(width: 5)
            for (key, claim) in rows.sorted(by: { $0.value.order < $1.value.order }) {
                made.append(key.kind)
                made.append(key.id)
                made.append(key.path)
                made.append(claim.line)
                made.append(claim.seen)
            }
            return made
        }

        mutating func both(_ kind: String, _ stored: StoredRow, _ source: SourceRef, batch: Int64) {
            guard stored.source.path != source.path, stored.source.format != SourceRef.manualFormat else { return }
            add(Key(kind: kind, id: stored.id, path: stored.source.path), line: stored.source.line, seen: stored.seen)
            add(Key(kind: kind, id: stored.id, path: source.path), line: source.line, seen: batch)
        }

        private mutating func add(_ key: Key, line: Int, seen: Int64?) {
            rows[key] = (rows[key]?.order ?? rows.count, line, seen)
        }
    }
}

extension ImportTransaction.StoredRow {
    /// The row's columns from `start`: id, value, text, seen batch, withdrawing run, source path, line and format.
    init(_ row: StatementRow, from start: Int32) {
        self.init(id: row.int64(start), value: row.double(start + 1), text: row.optionalString(start + 2),
                  seen: row.optionalInt64(start + 3), withdrawn: row.optionalInt64(start + 4),
                  source: SourceRef(path: row.string(start + 5), line: row.int(start + 6), format: row.string(start + 7)))
    }

    /// As `init(_:from:)`, with the note, data source, confidence (or share) and version run from `details`.
    init(_ row: StatementRow, from start: Int32, details: Int32) {
        self.init(row, from: start)
        note = row.optionalString(details)
        dataSource = row.optionalString(details + 1)
        (confidence, share) = (row.optionalString(details + 2), row.double(details + 2))
        versionRun = row.optionalInt64(details + 3)
    }
}

extension ImportTransaction {
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

extension ImportTransaction {
    /// The values' keys as rows of metric, kind and day.
    func keys(_ part: ArraySlice<MetricValue>) -> SQLRows {
        var keys = SQLRows(width: 3)
        for value in part {
            keys.append(value.metric)
            keys.append(value.kind.rawValue)
            keys.append(value.date.description)
        }
        return keys
    }
}
