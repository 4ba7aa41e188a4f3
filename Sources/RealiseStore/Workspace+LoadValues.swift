import RealiseModel

extension Workspace {
    /// Appends the active values of the `active` metrics (of every metric when nil) to `plan`, ordered by metric id,
    /// stored date and kind.
    func loadValues(_ db: any SQLConnection, into plan: inout Plan, active: Set<String>?, shared: inout SharedStrings) throws {
        // Values are the bulk of a large workspace (a million measurements and more). They are read in the
        // table's order and put in order here (`ValueOrder`), which costs less than SQLite's sort of the rows;
        // through that sort when a row is one `ValueOrder` cannot place exactly.
        // At most as many as the largest row id (one look-up; counting them would read them all).
        let count = try Workspace.rowCountBound(db, table: "metric_value")
        if db.dialect == .sqlite, let values = try valuesInTableOrder(db, active: active, shared: &shared, capacity: count) {
            if plan.values.isEmpty { plan.values = values } else { plan.values += values }
            return
        }
        plan.values.reserveCapacity(plan.values.count + count)
        // The id, and whether its metric is active, are worked out once per metric.
        var metric = "", isActive = false, started = false
        try db.each(Workspace.valuesQuery(orderBy: " ORDER BY metric_id, date, kind"), []) { row in
            if !started || !row.text(0, equals: metric) {
                metric = row.string(0)
                isActive = active?.contains(metric) ?? true
                started = true
            }
            guard isActive, let kind: MetricValue.Kind = row.word(1), let date = row.day(2) else { return true }
            plan.values.append(Workspace.value(row, metric: metric, kind: kind, date: date, shared: &shared))
            return true
        }
    }

    /// The values in the order of `ORDER BY metric_id, date, kind`, or nil when one cannot be placed exactly.
    private func valuesInTableOrder(_ db: any SQLConnection, active: Set<String>?, shared: inout SharedStrings,
                                    capacity: Int) throws -> [MetricValue]? {
        let values = ScannedValues(capacity: capacity)
        let order = try Workspace.scanInTableOrder(db, Workspace.valuesQuery(orderBy: ""), active: active, capacity: capacity) {
            row, metric, kind, date in values.append(Workspace.value(row, metric: metric, kind: kind, date: date, shared: &shared))
        }
        return order.map { values.moveOut(in: $0.order()) }
    }

    /// Reads `query`'s rows (metric id, kind and date first) in the table's order and hands each active one (each one
    /// when `active` is nil) to `take`, with its metric (the id as `order` keeps it), kind and day, noting where it goes
    /// in the order of `ORDER BY metric_id, date, kind`. Nil when a row cannot be placed exactly (see `ValueOrder`) or
    /// `take` refuses it.
    static func scanInTableOrder(_ db: any SQLConnection, _ query: String, active: Set<String>?, capacity: Int,
                                 _ take: (StatementRow, String, MetricValue.Kind, Day) -> Bool) throws -> ValueOrder? {
        var order = ValueOrder(capacity: capacity)
        // Rows of one metric mostly come together: its id, slot and activity are worked out once per run.
        var metric = "", slot: Int32 = 0, isActive = false, started = false
        let complete = try db.each(query, []) { row in
            if !started || !row.text(0, equals: metric) {
                metric = row.string(0)
                isActive = active?.contains(metric) ?? true
                started = true
                guard !isActive || ValueOrder.accepts(metric: metric) else { return false }
                if isActive { (slot, metric) = order.slot(of: metric) }
            }
            guard isActive, let kind: MetricValue.Kind = row.word(1), let date = row.day(2) else { return true }
            guard ValueOrder.accepts(dateLength: row.bytes(2)?.count ?? 0), take(row, metric, kind, date) else { return false }
            order.add(slot: slot, day: date, kind: kind)
            return true
        }
        return complete ? order : nil
    }

    /// The active values, in `orderBy`'s order (the table's when empty).
    private static func valuesQuery(orderBy: String) -> String {
        """
        SELECT metric_id, kind, date, value, text, note, data_source, confidence, source_path, source_line, source_format
        FROM metric_value WHERE withdrawn_run IS NULL\(orderBy)
        """
    }

    /// The value in the current row of `valuesQuery`.
    private static func value(_ row: StatementRow, metric: String, kind: MetricValue.Kind, date: Day,
                              shared: inout SharedStrings) -> MetricValue {
        MetricValue(metric: metric, kind: kind, date: date, value: row.double(3), text: row.optionalString(4),
                    note: row.optionalString(5), dataSource: row.optionalString(6), confidence: row.word(7),
                    source: SourceRef(path: shared.string(row, 8), line: row.int(9), format: shared.string(row, 10)))
    }
}

extension Plan {
    /// Every entity's id.
    var entityIds: Set<String> {
        var ids = Set<String>(minimumCapacity: entityCount)
        for id in programmes.lazy.map(\.id) { ids.insert(id) }
        for id in organisations.lazy.map(\.id) { ids.insert(id) }
        for id in objectives.lazy.map(\.id) { ids.insert(id) }
        for id in benefits.lazy.map(\.id) { ids.insert(id) }
        for id in deliverables.lazy.map(\.id) { ids.insert(id) }
        for id in metrics.lazy.map(\.id) { ids.insert(id) }
        return ids
    }
}
