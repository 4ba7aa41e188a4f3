import GRDB
import RealiseModel

extension Workspace {
    /// Appends the active values of the `active` metrics to `plan`, ordered by metric, date and kind.
    func loadValues(_ db: Database, into plan: inout Plan, active: Set<String>, shared: inout SharedStrings) throws {
        // Values are the bulk of a large workspace (a million measurements and more).
        plan.values.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_value WHERE withdrawn_run IS NULL") ?? 0)
        let statement = try db.makeStatement(sql: """
            SELECT metric_id, kind, date, value, text, note, data_source, confidence, source_path, source_line, source_format
            FROM metric_value WHERE withdrawn_run IS NULL ORDER BY metric_id, date, kind
            """)
        let cursor = try Row.fetchCursor(statement)
        let row = StatementRow(statement)
        // They come metric by metric: the id, and whether its metric is active, are worked out once per metric.
        var metric = "", isActive = false, started = false
        while try cursor.next() != nil {
            if !started || !row.text(0, equals: metric) {
                metric = row.string(0)
                isActive = active.contains(metric)
                started = true
            }
            guard isActive, let kind: MetricValue.Kind = row.word(1), let date = row.day(2) else { continue }
            plan.values.append(MetricValue(metric: metric, kind: kind, date: date, value: row.double(3),
                text: row.optionalString(4), note: row.optionalString(5), dataSource: row.optionalString(6),
                confidence: row.word(7), source: SourceRef(path: shared.string(row, 8), line: row.int(9), format: shared.string(row, 10))))
        }
    }
}

extension Plan {
    /// Every entity's id.
    var entityIds: Set<String> {
        var ids = Set<String>(minimumCapacity: programmes.count + organisations.count + objectives.count + benefits.count
                                  + deliverables.count + metrics.count)
        for id in programmes.lazy.map(\.id) { ids.insert(id) }
        for id in organisations.lazy.map(\.id) { ids.insert(id) }
        for id in objectives.lazy.map(\.id) { ids.insert(id) }
        for id in benefits.lazy.map(\.id) { ids.insert(id) }
        for id in deliverables.lazy.map(\.id) { ids.insert(id) }
        for id in metrics.lazy.map(\.id) { ids.insert(id) }
        return ids
    }
}
