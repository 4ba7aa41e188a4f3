import Foundation
import RealiseModel

extension Workspace {
    /// Every active (not withdrawn) entity, link and value, in the order their plans gave them.
    /// - Parameters:
    ///   - programme: only entities of this programme, and the links and values between them (its id in any case
    ///     when only one programme matches).
    ///   - includingProgramme: with `programme`, the programme entity itself too (an export names it).
    /// - Throws: `.invalidValue` when no entity belongs to `programme`.
    public func loadPlan(programme typed: String? = nil, includingProgramme: Bool = false) throws(StoreError) -> Plan {
        try loadPlan(programme: typed, includingProgramme: includingProgramme, values: .whole).plan
    }

    /// How `loadPlan` reads the values: whole into `Plan.values`, or as readings only (`MetricReadings`), taken from a
    /// read on another connection in the same state when there is one.
    enum ValueLoad {
        case whole
        case readings(beside: SnapshotSideRead<ReadingRows>?)
    }

    /// The plan as `loadPlan(programme:includingProgramme:)` describes it; with `.readings`, its values are left out of
    /// the plan and given as readings instead.
    func loadPlan(programme typed: String?, includingProgramme: Bool,
                  values: ValueLoad) throws(StoreError) -> (plan: Plan, readings: MetricReadings?) {
        try read { db in
            let programme = try typed.map { try Workspace.resolveProgramme(db, $0) }
            var plan = Plan()
            var shared = SharedStrings()
            let filter = programme == nil ? "" : includingProgramme ? " AND (e.programme = ? OR (e.id = ? AND e.type = 'programme'))" : " AND e.programme = ?"
            let arguments: SQLArguments = programme.map { includingProgramme ? [$0, $0] : [$0] } ?? []
            // Rows are read by position (`StatementRow`, straight from SQLite's buffers): a workspace can hold
            // millions of values, and naming columns or going through `DatabaseValue` costs more than SQLite's own
            // reading.
            // Entities and links are stored in the order their files gave them, which is the order asked for:
            // they are read unsorted and only sorted by SQLite when a row turns out of order (`SourceOrder`).
            // `table`'s largest row id bounds the count: room for them is made at once.
            func rows<T>(_ sql: String, orderBy: String, _ order: SourceOrder, _ arguments: SQLArguments = [],
                         table: String, _ make: (StatementRow) throws -> T?) throws -> [T] {
                let capacity = try Workspace.rowCountBound(db, table: table)
                func read(sorted: Bool) throws -> [T]? {
                    var order = order, made: [T] = []
                    made.reserveCapacity(capacity)
                    let complete = try db.each(sorted ? sql + orderBy : sql, arguments) { row in
                        guard sorted || order.follows(row) else { return false }
                        if let item = try make(row) { made.append(item) }
                        return true
                    }
                    return complete ? made : nil
                }
                // PostgreSQL keeps no insertion order (an updated row moves): it is asked to sort.
                if db.dialect == .postgres { return try read(sorted: true) ?? [] }
                return try read(sorted: false) ?? read(sorted: true) ?? []
            }
            // Each entity table's rows: the entity's columns (`EntityRow`), then the table's own as its description
            // lists them (`EntityTables`). The table's rows lead (CROSS JOIN keeps them outermost): a table with few
            // rows costs a few look-ups instead of a pass over every entity.
            func entities<E>(_ table: EntityTable<E>) throws -> [E] {
                try rows("""
                    SELECT \(EntityRow.columns)\(table.columns.map { ", t.\($0.name)" }.joined()) FROM \(table.name) t
                    \(db.dialect.orderedJoin) entity e ON e.id = t.id WHERE e.withdrawn_run IS NULL\(filter)
                    """, orderBy: " ORDER BY e.source_path, e.source_line, e.id", EntityRow.order, arguments, table: table.name) { row in
                    table.make(row, &shared)
                }
            }

            plan.programmes = try entities(EntityTables.programme)
            plan.organisations = try entities(EntityTables.organisation)
            plan.objectives = try entities(EntityTables.objective)
            plan.benefits = try entities(EntityTables.benefit)
            plan.deliverables = try entities(EntityTables.deliverable)
            plan.metrics = try entities(EntityTables.metric)
            let active = try Workspace.activeIds(db, of: plan, narrowed: programme != nil)
            // Links before values: values read on another connection (`SnapshotSideRead`) take longer than the
            // entities, and are waited for last.
            plan.links = try rows("""
                SELECT kind, from_id, to_id, dependency_type, lag_days, share, source_path, source_line, source_format, id
                FROM link WHERE withdrawn_run IS NULL
                """, orderBy: " ORDER BY source_path, source_line, id", SourceOrder(path: 6, line: 7, tie: .integer(9)), table: "link") { row in
                let from = row.string(1), to = row.string(2)
                guard active.map({ $0.contains(from) && $0.contains(to) }) ?? true, let kind: Link.Kind = row.word(0) else { return nil }
                return Link(kind: kind, from: from, to: to, dependencyType: row.word(3), lagDays: row.double(4), share: row.double(5),
                            source: SourceRef(path: shared.string(row, 6), line: row.int(7), format: shared.string(row, 8)))
            }
            var readings: MetricReadings?
            switch values {
            case .whole: try loadValues(db, into: &plan, active: active, shared: &shared)
            case .readings(let side): readings = try side?.join()?.keeping(active) ?? loadReadings(db, active: active)
            }
            return (plan, readings)
        }
    }

    /// The ids of `plan`'s entities, which its links and values must name to be loaded; nil when `plan` holds every
    /// stored entity (none withdrawn, `narrowed` by no programme). Every link and value names a stored entity (foreign
    /// keys), so then each would pass: a large workspace's load spares building the set and a look-up per link end
    /// and per metric, a tenth of its time.
    static func activeIds(_ db: any SQLConnection, of plan: Plan, narrowed: Bool) throws -> Set<String>? {
        if !narrowed, try db.value("SELECT count(*) FROM entity", as: Int.self) == plan.entityCount { return nil }
        return plan.entityIds
    }

    /// At least as many rows as `table` holds, cheaply, to make room for them at once: SQLite's largest row id (one
    /// look-up); nothing on PostgreSQL, whose rows are all at hand when the first is read.
    static func rowCountBound(_ db: any SQLConnection, table: String) throws -> Int {
        guard db.dialect == .sqlite else { return 0 }
        return try db.value("SELECT max(rowid) FROM \(table)", as: Int.self) ?? 0
    }

    /// Every import run, oldest first.
    public func importRuns() throws(StoreError) -> [ImportRunSummary] {
        try read { db in
            let decoder = JSONDecoder()
            return try db.fetchAll("SELECT * FROM import_run ORDER BY id").map { row in
                let counts = try decoder.decode(ImportCounts.self, from: Data((row["counts"] as String).utf8))
                let warnings = try decoder.decode([Diagnostic].self, from: Data((row["warnings"] as String).utf8))
                var run = ImportRunSummary(id: row["id"], path: row["path"], format: row["format"], sha256: row["sha256"],
                                           importedAt: row["imported_at"], counts: counts, warnings: warnings.count)
                run.location = row["location"]
                run.actor = row["actor"]
                run.versionDate = (row["version_date"] as String?).flatMap { Day(iso: $0) }
                run.supersedes = (row["supersedes"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? []
                return run
            }
        }
    }

    /// The history of baseline and target changes, optionally for one metric, oldest first.
    public func revisions(metric: String? = nil) throws(StoreError) -> [ValueRevision] {
        try read { db in
            // A revision is dated by its version's day in force where it has one (the day the plan changed), else by
            // the day it was recorded.
            try db.fetchAll("""
                SELECT r.*, i.in_force FROM revision r LEFT JOIN import_run i ON i.id = r.import_run_id
                WHERE (CAST(? AS TEXT) IS NULL OR r.metric_id = ?) ORDER BY r.id
                """, [metric, metric]).compactMap { row in
                guard let kind = MetricValue.Kind(rawValue: row["kind"] as String), let date = Day(iso: row["date"] as String) else { return nil }
                let recorded = (row["in_force"] as String?) ?? String((row["recorded_at"] as String).prefix(10))
                return ValueRevision(metric: row["metric_id"], kind: kind, date: date, oldValue: row["old_value"],
                                     newValue: row["new_value"], recordedOn: Day(iso: recorded), importRun: row["import_run_id"])
            }
        }
    }
}
