import Foundation
import RealiseModel

/// Keeping what an import replaces or withdraws: each entity, value or link state that stops being current is
/// written to `history` as JSON, with the run that made it (`version_run`) and the run that ended it, so that the
/// plan as it stood on a past day can be loaded (`Workspace.loadPlan(asOf:)`). A restatement that changes nothing
/// keeps the row's run and writes no history.
extension ImportTransaction {
    /// An entity as the workspace holds it, looked up before a chunk's entities are written.
    struct StoredEntity {
        let type: String
        let path: String
        let line: Int
        let seen: Int64?
        let withdrawn: Int64?
        /// The fingerprint of its content; nil for an entity written before fingerprints were kept.
        let hash: Int64?
        let versionRun: Int64?
    }

    /// Sets each write's `version_run`: the stored one when its content is unchanged, this run otherwise; and keeps
    /// the replaced state of each changed entity. Called before the writes replace anything.
    func keepReplacedStates(of writes: [EntityWrite], existing: [String: StoredEntity]) throws {
        var toLoad: [EntityType: [Int]] = [:]
        for index in writes.indices {
            guard let old = existing[writes[index].id], old.withdrawn == nil else { continue }
            if old.hash == writes[index].hash {
                entityRows.set(writes[index].row * Self.entityWidth + 15, old.versionRun)
            } else if let type = EntityType(rawValue: old.type) {
                toLoad[type, default: []].append(index)
            }
        }
        for (type, indexes) in toLoad.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let states = try EntityStates.load(type, ids: indexes.map { writes[$0].id }, db: db)
            for index in indexes {
                let id = writes[index].id
                guard let old = existing[id], let state = states[id] else { continue }
                // Written before fingerprints were kept: unchanged when the stored entity's fingerprint matches.
                if old.hash == nil, state.hash == writes[index].hash {
                    entityRows.set(writes[index].row * Self.entityWidth + 15, old.versionRun)
                    continue
                }
                keep(type.rawValue, subject: id, item: id, content: state.json, from: old.versionRun, to: run)
            }
        }
        try flushHistory()
    }

    /// Keeps the current state of every entity of `paths` that `run` is about to withdraw (those this import did not
    /// state).
    func keepWithdrawnEntities(inParts: String, _ parts: SQLArguments, run: Int64) throws {
        var byType: [EntityType: [(id: String, from: Int64?)]] = [:]
        try _ = db.each("""
            SELECT id, type, version_run FROM entity
            WHERE source_path \(inParts) AND withdrawn_run IS NULL AND seen_batch IS DISTINCT FROM ? ORDER BY id
            """, parts + [batch]) { row in
            if let type = EntityType(rawValue: row.string(1)) { byType[type, default: []].append((row.string(0), row.optionalInt64(2))) }
            return true
        }
        for (type, entities) in byType.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let states = try EntityStates.load(type, ids: entities.map(\.id), db: db)
            for entity in entities {
                guard let state = states[entity.id] else { continue }
                keep(type.rawValue, subject: entity.id, item: entity.id, content: state.json, from: entity.from, to: run)
            }
        }
        try flushHistory()
    }

    /// Keeps the current state of the values or links (`table`) matching `condition`, which `run` is about to withdraw.
    func keepWithdrawnRows(of table: String, where condition: String, _ arguments: SQLArguments, run: Int64) throws {
        let columns = table == "link"
            ? "kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format, version_run"
            : "metric_id, kind, date, value, text, note, data_source, confidence, source_path, source_line, source_format, version_run"
        try _ = db.each("SELECT \(columns) FROM \(table) WHERE \(condition) ORDER BY id", arguments) { row in
            if table == "link" {
                guard let link = Link(stored: row) else { return true }
                keep("link", subject: link.from, item: link.historyItem, content: try EntityStates.json(link),
                     from: row.optionalInt64(9), to: run)
            } else {
                guard let value = MetricValue(stored: row) else { return true }
                keep("value", subject: value.metric, item: value.historyItem,
                     content: try EntityStates.json(value), from: row.optionalInt64(11), to: run)
            }
            return true
        }
        try flushHistory()
    }

    /// Notes one state that stopped being current, for `flushHistory()`.
    func keep(_ kind: String, subject: String, item: String, content: String, from: Int64?, to: Int64) {
        pendingHistory.append(kind)
        pendingHistory.append(subject)
        pendingHistory.append(item)
        pendingHistory.append(content)
        pendingHistory.append(from)
        pendingHistory.append(to)
    }

    /// Writes the states noted, in the order they were noted.
    func flushHistory() throws {
        guard !pendingHistory.isEmpty else { return }
        try statement("history-insert", [.text, .text, .text, .text, .integer, .integer]) { rows in
            "INSERT INTO history (kind, subject, item, content, from_run, to_run) \(rows)"
        }.send(pendingHistory, on: db)
        pendingHistory.removeAll()
    }
}

extension Link {
    /// How a link is named in history: its kind and ends.
    var historyItem: String { "\(kind.rawValue) \(from) \(to)" }

    /// The link of a row selecting kind, from, to, dependency type, lag, share, source path, line and format.
    init?(stored row: StatementRow) {
        guard let kind: Link.Kind = row.word(0) else { return nil }
        self.init(kind: kind, from: row.string(1), to: row.string(2), dependencyType: row.word(3), lagDays: row.double(4),
                  share: row.double(5), source: SourceRef(path: row.string(6), line: row.int(7), format: row.string(8)))
    }
}

extension MetricValue {
    /// How a value is named in history: its kind and day.
    var historyItem: String { "\(kind.rawValue) \(date)" }

    /// The value of a row selecting metric, kind, date, value, text, note, data source, confidence, source path, line
    /// and format.
    init?(stored row: StatementRow) {
        guard let kind: MetricValue.Kind = row.word(1), let date = row.day(2) else { return nil }
        self.init(metric: row.string(0), kind: kind, date: date, value: row.double(3), text: row.optionalString(4),
                  note: row.optionalString(5), dataSource: row.optionalString(6), confidence: row.word(7),
                  source: SourceRef(path: row.string(8), line: row.int(9), format: row.string(10)))
    }
}
