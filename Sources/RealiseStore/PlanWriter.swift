import Foundation
import GRDB
import RealiseModel

/// Writes one imported file into the workspace inside the caller's transaction: an import run, upserts by
/// id, revisions for changed baselines and targets, and withdrawal of what the file no longer holds.
struct PlanWriter {
    let db: Database
    let now: Date
    /// Metrics the workspace had before this import: new baselines or targets on them are revisions.
    let existingMetrics: Set<String>

    init(db: Database, now: Date, existingMetrics: Set<String>) {
        self.db = db
        self.now = now
        self.existingMetrics = existingMetrics
    }

    private var timestamp: String { ISO8601DateFormatter().string(from: now) }

    /// Writes `file`; returns how many things were withdrawn and how many revisions were recorded.
    mutating func write(_ file: ImportedFile) throws -> (withdrawn: Int, revisions: Int) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(sql: """
            INSERT INTO import_run (path, format, sha256, imported_at, counts, warnings) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [file.path, file.format, file.sha256, timestamp,
                             String(decoding: try encoder.encode(file.plan.counts), as: UTF8.self),
                             String(decoding: try encoder.encode(file.warnings), as: UTF8.self)])
        let run = db.lastInsertedRowID
        let plan = file.plan
        // What this file (each member of a group) stated last time; it now states only what follows.
        let (inParts, parts) = PlanWriter.among(file.parts)
        let previous = try Row.fetchAll(db, sql: "SELECT kind, ref_id FROM claim WHERE source_path \(inParts)", arguments: parts)
            .map { (kind: $0["kind"] as String, id: $0["ref_id"] as Int64) }
        try db.execute(sql: "DELETE FROM claim WHERE source_path \(inParts)", arguments: parts)

        for item in plan.programmes { try upsertEntity(item, name: item.name, details: []) }
        for item in plan.organisations { try upsertEntity(item, name: item.name, details: []) }
        for item in plan.objectives {
            try upsertEntity(item, name: item.statement, details: [("parent", item.parent), ("horizon", item.horizon?.description)])
        }
        for item in plan.benefits {
            try upsertEntity(item, name: item.description, details: [
                ("kind", item.kind.rawValue), ("class", item.benefitClass?.rawValue), ("confidence", item.confidence?.rawValue),
                ("realisation_start", item.realisationStart?.description), ("realisation_end", item.realisationEnd?.description),
                ("observable_outcome", item.observableOutcome), ("attribution", item.attribution), ("measurement", item.measurement),
            ])
        }
        for item in plan.deliverables {
            try upsertEntity(item, name: item.name, details: [
                ("kind", item.kind.rawValue), ("parent", item.parent),
                ("planned_start", item.plannedStart?.description), ("planned_finish", item.plannedFinish?.description),
                ("baseline_start", item.baselineStart?.description), ("baseline_finish", item.baselineFinish?.description),
                ("forecast_finish", item.forecastFinish?.description), ("actual_start", item.actualStart?.description),
                ("actual_finish", item.actualFinish?.description), ("percent_complete", item.percentComplete),
                ("status", item.status), ("delivery_confidence", item.deliveryConfidence?.rawValue),
            ])
        }
        for item in plan.metrics {
            try upsertEntity(item, name: item.name, details: [
                ("unit", item.unit), ("direction", item.direction.rawValue), ("measure_type", item.measureType.rawValue),
                ("frequency", item.frequency?.rawValue), ("data_source", item.dataSource),
            ])
        }

        var revisions = 0
        for value in plan.values {
            // Only baselines and targets keep history: a measurement needs no look at what it replaces.
            if value.kind != .measurement {
                let old = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT value, text, withdrawn_run FROM metric_value WHERE metric_id = ? AND kind = ? AND date = ?
                    """), arguments: [value.metric, value.kind.rawValue, value.date.description])
                let oldValue: Double? = old?["value"], oldText: String? = old?["text"]
                let wasActive = old != nil && (old?["withdrawn_run"] as Int64?) == nil
                let differs = !wasActive || oldValue != value.value || oldText != value.text
                if differs && (old != nil || existingMetrics.contains(value.metric)) {
                    try recordRevision(value.metric, value.kind, value.date, old: wasActive ? (oldValue, oldText) : (nil, nil),
                                       new: (value.value, value.text), run: run)
                    revisions += 1
                }
            }
            let id = try PlanWriter.upsert(db, value)
            try claim("value", id, value.source)
        }
        var linkKeys = Set<String>()
        for link in plan.links where linkKeys.insert(link.key).inserted {
            let id = try PlanWriter.upsertReturningID(db, sql: """
                INSERT INTO link (kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(kind, from_id, to_id) DO UPDATE SET dependency_type = excluded.dependency_type,
                  lag_days = excluded.lag_days, share = excluded.share, source_path = excluded.source_path,
                  source_line = excluded.source_line, source_format = excluded.source_format, withdrawn_run = NULL
                """, arguments: [link.kind.rawValue, link.from, link.to, link.dependencyType?.rawValue, link.lagDays,
                                 link.share, link.source.path, link.source.line, link.source.format],
                lookup: "SELECT id FROM link WHERE kind = ? AND from_id = ? AND to_id = ?",
                key: [link.kind.rawValue, link.from, link.to])
            if let id { try claim("link", id, link.source) }
        }
        let (withdrawn, withdrawnRevisions) = try withdrawMissing(from: file, run: run, previous: previous)
        return (withdrawn, revisions + withdrawnRevisions)
    }

    private func upsertEntity<E: Entity>(_ entity: E, name: String, details: [(String, (any DatabaseValueConvertible)?)]) throws {
        let table = E.type.rawValue
        if let oldType = try String.fetchOne(db.cachedStatement(sql: "SELECT type FROM entity WHERE id = ?"), arguments: [entity.id]),
           oldType != table {
            try db.execute(sql: "DELETE FROM \(oldType) WHERE id = ?", arguments: [entity.id])
        }
        let source = entity.source
        try db.cachedStatement(sql: """
            INSERT INTO entity (id, type, name, programme, owner, organisation, notes, source_path, source_line, source_column,
                                source_format, source_ref)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, programme = excluded.programme,
              owner = excluded.owner, organisation = excluded.organisation, notes = excluded.notes,
              source_path = excluded.source_path, source_line = excluded.source_line, source_column = excluded.source_column,
              source_format = excluded.source_format, source_ref = excluded.source_ref, withdrawn_run = NULL
            """).execute(arguments: [entity.id, table, name, entity.programme, entity.owner, entity.organisation, entity.notes,
                                     source.path, source.line, source.column, source.format, source.identifier])
        let columns = ["id"] + details.map(\.0)
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        var arguments: StatementArguments = [entity.id]
        for (_, value) in details { arguments += [value] }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            .execute(arguments: arguments)
    }

    private func claim(_ kind: String, _ id: Int64, _ source: SourceRef) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO claim (kind, ref_id, source_path, source_line) VALUES (?, ?, ?, ?)")
            .execute(arguments: [kind, id, source.path, source.line])
    }

    /// Inserts or replaces a metric's value for its kind and day; returns its row id.
    @discardableResult
    static func upsert(_ db: Database, _ value: MetricValue) throws -> Int64 {
        try upsertReturningID(db, sql: """
            INSERT INTO metric_value (metric_id, kind, date, value, text, note, data_source, confidence,
                                      source_path, source_line, source_format)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(metric_id, kind, date) DO UPDATE SET value = excluded.value, text = excluded.text,
              note = excluded.note, data_source = excluded.data_source, confidence = excluded.confidence,
              source_path = excluded.source_path, source_line = excluded.source_line,
              source_format = excluded.source_format, withdrawn_run = NULL
            """, arguments: [value.metric, value.kind.rawValue, value.date.description, value.value, value.text,
                             value.note, value.dataSource, value.confidence?.rawValue, value.source.path,
                             value.source.line, value.source.format],
            lookup: "SELECT id FROM metric_value WHERE metric_id = ? AND kind = ? AND date = ?",
            key: [value.metric, value.kind.rawValue, value.date.description]) ?? 0
    }

    /// Runs an `INSERT … ON CONFLICT DO UPDATE` and returns the row's id: the new row id when it inserted,
    /// else the id `lookup` finds by the conflicting key. This is `RETURNING id` without its cost (SQLite
    /// buffers RETURNING rows in a temporary table on every execution, about half again the statement's time).
    /// An insert always sets the last inserted row id to the new row's (autoincrement) id and the update path
    /// never changes it; were an insert to repeat the previous id, the look-up still finds the right row.
    private static func upsertReturningID(_ db: Database, sql: String, arguments: StatementArguments, lookup: String,
                                          key: StatementArguments) throws -> Int64? {
        let before = db.lastInsertedRowID
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        let after = db.lastInsertedRowID
        if after != before { return after }
        return try Int64.fetchOne(db.cachedStatement(sql: lookup), arguments: key)
    }

    private func recordRevision(_ metric: String, _ kind: MetricValue.Kind, _ date: Day, old: (Double?, String?),
                                new: (Double?, String?), run: Int64) throws {
        try db.execute(sql: """
            INSERT INTO revision (metric_id, kind, date, old_value, old_text, new_value, new_text, import_run_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [metric, kind.rawValue, date.description, old.0, old.1, new.0, new.1, run, timestamp])
    }

    /// `IN (?, …)` for the paths of a file's parts, with the paths as arguments.
    static func among(_ paths: [String]) -> (sql: String, arguments: StatementArguments) {
        ("IN (" + Array(repeating: "?", count: paths.count).joined(separator: ", ") + ")", StatementArguments(paths))
    }

    /// Marks withdrawn every entity this file (any member of a group) held and no longer has, and every value and link it stated
    /// before that no file states any more (one still stated by another file stays, credited to that file).
    private func withdrawMissing(from file: ImportedFile, run: Int64, previous: [(kind: String, id: Int64)]) throws -> (Int, Int) {
        let ids = Set(file.plan.entityIndex.map(\.id))
        let (inParts, parts) = PlanWriter.among(file.parts)
        var withdrawn = 0, revisions = 0
        for id in try String.fetchAll(db, sql: "SELECT id FROM entity WHERE source_path \(inParts) AND withdrawn_run IS NULL",
                                      arguments: parts) where !ids.contains(id) {
            try db.execute(sql: "UPDATE entity SET withdrawn_run = ? WHERE id = ?", arguments: [run, id])
            withdrawn += 1
        }
        for (kind, id) in previous {
            let table = kind == "link" ? "link" : "metric_value"
            if let other = try Row.fetchOne(db, sql: "SELECT source_path, source_line FROM claim WHERE kind = ? AND ref_id = ? LIMIT 1",
                                            arguments: [kind, id]) {
                if !file.parts.contains(other["source_path"] as String) {
                    var arguments: StatementArguments = [other["source_path"] as String, other["source_line"] as Int, id]
                    arguments += parts
                    try db.execute(sql: "UPDATE \(table) SET source_path = ?, source_line = ? WHERE id = ? AND source_path \(inParts)",
                                   arguments: arguments)
                }
                continue
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ? AND withdrawn_run IS NULL AND source_format != 'manual'",
                                             arguments: [id]) else { continue }
            try db.execute(sql: "UPDATE \(table) SET withdrawn_run = ? WHERE id = ?", arguments: [run, id])
            withdrawn += 1
            if kind == "value", let valueKind = MetricValue.Kind(rawValue: row["kind"]), valueKind != .measurement,
               let day = Day(iso: row["date"] as String) {
                try recordRevision(row["metric_id"], valueKind, day, old: (row["value"], row["text"]), new: (nil, nil), run: run)
                revisions += 1
            }
        }
        return (withdrawn, revisions)
    }
}
