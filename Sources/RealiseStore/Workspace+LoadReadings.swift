import GRDB
import RealiseModel

extension Workspace {
    /// The plan as `loadPlan(asOf:programme:)` (or, without a day, `loadPlan(programme:)`) gives it, but without its
    /// values, and those values as the gap rules read them: `MetricReadings(plan.values)` of the whole plan.
    ///
    /// For a report that shows no value itself: the values are most of a large workspace, and a reading is 16 bytes
    /// where a `MetricValue` is 168 and five strings (the 1 300 000 values of a 100 000-benefit register: 21 MB
    /// instead of 218 MB and their strings). In a SQLite file they are read on a second connection, on another core,
    /// while the entities are read (`SnapshotSideRead`): the two take about as long.
    public func loadPlanReadings(asOf day: Day? = nil, programme: String? = nil) throws(StoreError) -> (plan: Plan, readings: MetricReadings) {
        try read { db in
            let side = try sideReadings(db)
            if let day, try !Workspace.runsInForce(after: day, db).isEmpty {
                // A past plan is the current one with later states undone value by value: read whole.
                var plan = try loadPlan(asOf: day, programme: programme)
                let readings = MetricReadings(plan.values)
                plan.values = []
                return (plan, readings)
            }
            let loaded = try loadPlan(programme: programme, includingProgramme: false, values: .readings(beside: side))
            return (loaded.plan, loaded.readings ?? MetricReadings([]))
        }
    }

    /// Every metric's readings (`ReadingRows`) read on another connection of a SQLite file's pool, in the state `db`'s
    /// transaction sees; nil elsewhere (PostgreSQL, a workspace in memory) or when that transaction has read already.
    private func sideReadings(_ db: any SQLConnection) throws -> SnapshotSideRead<ReadingRows>? {
        guard case .sqlite(let writer) = backend, let pool = writer as? DatabasePool, let connection = db as? SQLiteConnection else {
            return nil
        }
        return try SnapshotSideRead.start(pool, beside: connection.db) { side in
            try Workspace.readingsInTableOrder(SQLiteConnection(side), active: nil)
        }
    }

    /// The active values of the `active` metrics (of every metric when nil) as readings, in the order `loadValues`
    /// gives the values.
    func loadReadings(_ db: any SQLConnection, active: Set<String>?) throws -> MetricReadings {
        if db.dialect == .sqlite, let rows = try Workspace.readingsInTableOrder(db, active: active) { return rows.keeping(active) }
        var slots: [String: Int32] = [:], ids: [String] = [], slotOf: [Int32] = [], readings: [MetricReadings.Reading] = []
        var metric = "", slot: Int32 = 0, isActive = false, started = false
        try db.each(Workspace.readingsQuery(orderBy: " ORDER BY metric_id, date, kind"), []) { row in
            if !started || !row.text(0, equals: metric) {
                metric = row.string(0)
                isActive = active?.contains(metric) ?? true
                started = true
                if isActive, let known = slots[metric] {
                    slot = known
                } else if isActive {
                    slot = Int32(ids.count)
                    slots[metric] = slot
                    ids.append(metric)
                }
            }
            guard isActive, let kind: MetricValue.Kind = row.word(1), let date = row.day(2) else { return true }
            slotOf.append(slot)
            readings.append(MetricReadings.Reading(date: date, value: row.double(3), kind: kind))
            return true
        }
        return MetricReadings(ids: ids, slots: slotOf, readings: readings)
    }

    /// The readings of the active values of the `active` metrics (every metric's when nil), read in the table's order and
    /// put in the order of `ORDER BY metric_id, date, kind` (as `valuesInTableOrder` puts the values), or nil when one
    /// cannot be placed exactly.
    static func readingsInTableOrder(_ db: any SQLConnection, active: Set<String>?) throws -> ReadingRows? {
        let capacity = try Workspace.rowCountBound(db, table: "metric_value")
        var readings: [MetricReadings.Reading] = []
        readings.reserveCapacity(capacity)
        guard let order = try Workspace.scanInTableOrder(db, Workspace.readingsQuery(orderBy: ""), active: active,
                                                         capacity: capacity, { row, _, kind, date in
            readings.append(MetricReadings.Reading(date: date, value: row.double(3), kind: kind))
            return true
        }) else { return nil }
        let placed = order.order(), slots = order.slotsAdded
        return ReadingRows(ids: order.metricIds, slots: placed.map { slots[$0] }, readings: placed.map { readings[$0] })
    }

    /// What the rules read of the active values, in `orderBy`'s order (the table's when empty).
    private static func readingsQuery(orderBy: String) -> String {
        "SELECT metric_id, kind, date, value FROM metric_value WHERE withdrawn_run IS NULL\(orderBy)"
    }
}
