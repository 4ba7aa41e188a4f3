import Foundation
import GRDB
import RealiseModel

extension Workspace {
    /// Every active (not withdrawn) entity, link and value, in the order their plans gave them.
    /// - Parameter programme: only entities of this programme, and the links and values between them.
    public func loadPlan(programme: String? = nil) throws(StoreError) -> Plan {
        try read { db in
            var plan = Plan()
            let filter = programme == nil ? "" : " AND e.programme = :programme"
            let arguments: StatementArguments = programme.map { ["programme": $0] } ?? [:]
            // Rows are read through cursors with each column's position looked up once per query: naming a
            // column on every row (`row["id"]`) costs a case-insensitive search per value.
            func each(_ sql: String, _ arguments: StatementArguments = [:], _ body: (ColumnReader) throws -> Void) throws {
                let statement = try db.makeStatement(sql: sql)
                let cursor = try Row.fetchCursor(statement, arguments: arguments)
                var reader = ColumnReader(columns: statement.columnNames)
                while let row = try cursor.next() {
                    reader.row = row
                    try body(reader)
                }
            }
            func rows(_ table: String, _ body: (ColumnReader) throws -> Void) throws {
                try each("""
                    SELECT e.*, t.* FROM entity e JOIN \(table) t ON t.id = e.id
                    WHERE e.withdrawn_run IS NULL\(filter) ORDER BY e.source_path, e.source_line, e.id
                    """, arguments, body)
            }
            func source(_ row: ColumnReader) -> SourceRef {
                SourceRef(path: row["source_path"], line: row["source_line"], column: row["source_column"],
                          format: row["source_format"], identifier: row["source_ref"])
            }
            func day(_ row: ColumnReader, _ column: String) -> Day? { (row[column] as String?).flatMap(Workspace.day) }
            func word<T: KebabCaseEnum>(_ row: ColumnReader, _ column: String) -> T? { (row[column] as String?).flatMap { T(rawValue: $0) } }

            try rows("programme") { row in
                plan.programmes.append(Programme(id: row["id"], name: row["name"], organisation: row["organisation"],
                                                 owner: row["owner"], notes: row["notes"], source: source(row)))
            }
            try rows("organisation") { row in
                plan.organisations.append(Organisation(id: row["id"], name: row["name"], programme: row["programme"],
                                                       notes: row["notes"], source: source(row)))
            }
            try rows("objective") { row in
                plan.objectives.append(Objective(id: row["id"], statement: row["name"], parent: row["parent"],
                    horizon: day(row, "horizon"), programme: row["programme"], owner: row["owner"],
                    organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            try rows("benefit") { row in
                plan.benefits.append(Benefit(id: row["id"], description: row["name"], kind: word(row, "kind") ?? .benefit,
                    benefitClass: word(row, "class"), confidence: word(row, "confidence"),
                    realisationStart: day(row, "realisation_start"), realisationEnd: day(row, "realisation_end"),
                    observableOutcome: row["observable_outcome"], attribution: row["attribution"], measurement: row["measurement"],
                    programme: row["programme"], owner: row["owner"], organisation: row["organisation"],
                    notes: row["notes"], source: source(row)))
            }
            try rows("deliverable") { row in
                plan.deliverables.append(Deliverable(id: row["id"], name: row["name"], kind: word(row, "kind") ?? .task,
                    parent: row["parent"], plannedStart: day(row, "planned_start"), plannedFinish: day(row, "planned_finish"),
                    baselineStart: day(row, "baseline_start"), baselineFinish: day(row, "baseline_finish"),
                    forecastFinish: day(row, "forecast_finish"), actualStart: day(row, "actual_start"),
                    actualFinish: day(row, "actual_finish"), percentComplete: row["percent_complete"], status: row["status"],
                    deliveryConfidence: word(row, "delivery_confidence"), programme: row["programme"], owner: row["owner"],
                    organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            try rows("metric") { row in
                plan.metrics.append(Metric(id: row["id"], name: row["name"], unit: row["unit"],
                    direction: word(row, "direction") ?? .increase, measureType: word(row, "measure_type") ?? .number,
                    frequency: word(row, "frequency"), dataSource: row["data_source"], programme: row["programme"],
                    owner: row["owner"], organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            let active = Set(plan.entityIndex.map(\.id))
            // Values are the bulk of a large workspace: their columns are read by position, and the strings most
            // values share (paths, formats) are kept once.
            var shared = SharedStrings()
            let values = try db.makeStatement(sql: """
                SELECT metric_id, kind, date, value, text, note, data_source, confidence, source_path, source_line, source_format
                FROM metric_value WHERE withdrawn_run IS NULL ORDER BY metric_id, date, kind
                """)
            let valueRows = try Row.fetchCursor(values)
            while let row = try valueRows.next() {
                let metric: String = row[0]
                guard active.contains(metric) else { continue }
                guard let kind = (row[1] as String?).flatMap(MetricValue.Kind.init(rawValue:)),
                      let date = (row[2] as String?).flatMap(Workspace.day) else { continue }
                plan.values.append(MetricValue(metric: metric, kind: kind, date: date, value: row[3],
                    text: row[4], note: row[5], dataSource: row[6], confidence: (row[7] as String?).flatMap(Confidence.init(rawValue:)),
                    source: SourceRef(path: shared[row[8]], line: row[9], format: shared[row[10]])))
            }
            try each("SELECT * FROM link WHERE withdrawn_run IS NULL ORDER BY source_path, source_line, id") { row in
                let from: String = row["from_id"], to: String = row["to_id"]
                guard active.contains(from) && active.contains(to), let kind: Link.Kind = word(row, "kind") else { return }
                plan.links.append(Link(kind: kind, from: from, to: to,
                    dependencyType: word(row, "dependency_type"), lagDays: row["lag_days"], share: row["share"],
                    source: SourceRef(path: shared[row["source_path"]], line: row["source_line"], format: shared[row["source_format"]])))
            }
            return plan
        }
    }

    /// A stored day (`YYYY-MM-DD`).
    static func day(_ text: String) -> Day? { Day(iso: text) }

    /// Every import run, oldest first.
    public func importRuns() throws(StoreError) -> [ImportRunSummary] {
        try read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(db, sql: "SELECT * FROM import_run ORDER BY id").map { row in
                let counts = try decoder.decode(ImportCounts.self, from: Data((row["counts"] as String).utf8))
                let warnings = try decoder.decode([Diagnostic].self, from: Data((row["warnings"] as String).utf8))
                return ImportRunSummary(id: row["id"], path: row["path"], format: row["format"], sha256: row["sha256"],
                                 importedAt: row["imported_at"], counts: counts, warnings: warnings.count)
            }
        }
    }

    /// The history of baseline and target changes, optionally for one metric, oldest first.
    public func revisions(metric: String? = nil) throws(StoreError) -> [ValueRevision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM revision WHERE (? IS NULL OR metric_id = ?) ORDER BY id",
                             arguments: [metric, metric]).compactMap { row in
                guard let kind = MetricValue.Kind(rawValue: row["kind"]), let date = Day(iso: row["date"] as String) else { return nil }
                return ValueRevision(metric: row["metric_id"], kind: kind, date: date, oldValue: row["old_value"],
                                     newValue: row["new_value"], recordedOn: Day(iso: (row["recorded_at"] as String).prefix(10)),
                                     importRun: row["import_run_id"])
            }
        }
    }
}

/// A row read by column name, with each name's position found once for the statement (the first column of
/// that name, as `Row`'s own subscript finds it).
struct ColumnReader {
    private let positions: [String: Int]
    var row = Row()

    init(columns: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in columns.enumerated() where positions[name.lowercased()] == nil { positions[name.lowercased()] = index }
        self.positions = positions
    }

    /// The column's value. The types a plan is read as are decoded straight from SQLite (the type tests fold
    /// away in the specialised code); any other goes through `DatabaseValue`.
    subscript<Value: DatabaseValueConvertible>(_ column: String) -> Value {
        let index = positions[column]!
        if Value.self == String.self { return (row[index] as String) as! Value }
        if Value.self == String?.self { return (row[index] as String?) as! Value }
        if Value.self == Int.self { return (row[index] as Int) as! Value }
        if Value.self == Double?.self { return (row[index] as Double?) as! Value }
        return row[index]
    }
}

/// Strings read many times over (source paths and formats), kept once so equal values share storage.
struct SharedStrings {
    private var seen: [String: String] = [:]

    subscript(_ text: String) -> String {
        mutating get {
            if let known = seen[text] { return known }
            seen[text] = text
            return text
        }
    }
}
