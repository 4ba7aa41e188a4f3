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
            func rows(_ table: String) throws -> [Row] {
                try Row.fetchAll(db, sql: """
                    SELECT e.*, t.* FROM entity e JOIN \(table) t ON t.id = e.id
                    WHERE e.withdrawn_run IS NULL\(filter) ORDER BY e.source_path, e.source_line, e.id
                    """, arguments: arguments)
            }
            func source(_ row: Row) -> SourceRef {
                SourceRef(path: row["source_path"], line: row["source_line"], column: row["source_column"],
                          format: row["source_format"], identifier: row["source_ref"])
            }
            func day(_ row: Row, _ column: String) -> Day? { (row[column] as String?).flatMap { Day(iso: $0) } }
            func word<T: KebabCaseEnum>(_ row: Row, _ column: String) -> T? { (row[column] as String?).flatMap { T(rawValue: $0) } }

            for row in try rows("programme") {
                plan.programmes.append(Programme(id: row["id"], name: row["name"], organisation: row["organisation"],
                                                 owner: row["owner"], notes: row["notes"], source: source(row)))
            }
            for row in try rows("organisation") {
                plan.organisations.append(Organisation(id: row["id"], name: row["name"], programme: row["programme"],
                                                       notes: row["notes"], source: source(row)))
            }
            for row in try rows("objective") {
                plan.objectives.append(Objective(id: row["id"], statement: row["name"], parent: row["parent"],
                    horizon: day(row, "horizon"), programme: row["programme"], owner: row["owner"],
                    organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            for row in try rows("benefit") {
                plan.benefits.append(Benefit(id: row["id"], description: row["name"], kind: word(row, "kind") ?? .benefit,
                    benefitClass: word(row, "class"), confidence: word(row, "confidence"),
                    realisationStart: day(row, "realisation_start"), realisationEnd: day(row, "realisation_end"),
                    observableOutcome: row["observable_outcome"], attribution: row["attribution"], measurement: row["measurement"],
                    programme: row["programme"], owner: row["owner"], organisation: row["organisation"],
                    notes: row["notes"], source: source(row)))
            }
            for row in try rows("deliverable") {
                plan.deliverables.append(Deliverable(id: row["id"], name: row["name"], kind: word(row, "kind") ?? .task,
                    parent: row["parent"], plannedStart: day(row, "planned_start"), plannedFinish: day(row, "planned_finish"),
                    baselineStart: day(row, "baseline_start"), baselineFinish: day(row, "baseline_finish"),
                    forecastFinish: day(row, "forecast_finish"), actualStart: day(row, "actual_start"),
                    actualFinish: day(row, "actual_finish"), percentComplete: row["percent_complete"], status: row["status"],
                    deliveryConfidence: word(row, "delivery_confidence"), programme: row["programme"], owner: row["owner"],
                    organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            for row in try rows("metric") {
                plan.metrics.append(Metric(id: row["id"], name: row["name"], unit: row["unit"],
                    direction: word(row, "direction") ?? .increase, measureType: word(row, "measure_type") ?? .number,
                    frequency: word(row, "frequency"), dataSource: row["data_source"], programme: row["programme"],
                    owner: row["owner"], organisation: row["organisation"], notes: row["notes"], source: source(row)))
            }
            let active = Set(plan.entityIndex.map(\.id))
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM metric_value WHERE withdrawn_run IS NULL ORDER BY metric_id, date, kind
                """) where active.contains(row["metric_id"]) {
                guard let kind: MetricValue.Kind = word(row, "kind"), let date = day(row, "date") else { continue }
                plan.values.append(MetricValue(metric: row["metric_id"], kind: kind, date: date, value: row["value"],
                    text: row["text"], note: row["note"], dataSource: row["data_source"], confidence: word(row, "confidence"),
                    source: SourceRef(path: row["source_path"], line: row["source_line"], format: row["source_format"])))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM link WHERE withdrawn_run IS NULL ORDER BY source_path, source_line, id
                """) where active.contains(row["from_id"]) && active.contains(row["to_id"]) {
                guard let kind: Link.Kind = word(row, "kind") else { continue }
                plan.links.append(Link(kind: kind, from: row["from_id"], to: row["to_id"],
                    dependencyType: word(row, "dependency_type"), lagDays: row["lag_days"], share: row["share"],
                    source: SourceRef(path: row["source_path"], line: row["source_line"], format: row["source_format"])))
            }
            return plan
        }
    }

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
