import Foundation
import RealiseModel

extension Workspace {
    /// What `recordMeasurement` or `deleteMeasurement` did, for the person who typed it.
    public struct MeasurementChange: Sendable, Hashable {
        /// The metric, as the workspace spells its id.
        public var metric: String
        /// The value the change replaced or deleted, as written (`1150`); nil when the day had none.
        public var previous: String?
        /// Things worth a second look, one sentence each (the change was made all the same).
        public var warnings: [String]
    }

    /// Records one measurement typed in by a person (`realise measure`), replacing any value of the same
    /// metric on the same day (the change log keeps the value it replaced). The metric's id may be given in any
    /// case when only one id matches.
    /// - Parameter today: the day a later `date` is in the future of (default: today in UTC).
    /// - Returns: the value replaced, and warnings: a replaced value, a date in the future, a value outside the
    ///   metric's plausible range or a percentage over 100 (see `MeasurementCheck`).
    /// - Throws: `.unknownEntity`, or `.invalidValue` when the id is not a metric's (naming the metrics that measure it).
    @discardableResult
    public func recordMeasurement(metric typed: String, value: Double?, text: String?, date: Day, dataSource: String?,
                                  note: String?, today: Day? = nil, now: Date = Date()) throws(StoreError) -> MeasurementChange {
        try write { db in
            let metric = try Workspace.resolveMetric(db, typed)
            try Workspace.lockTypedInValue(db, metric: metric, date: date)
            let before = try Workspace.measurement(db, metric: metric, date: date)
            let shown = { (number: Double?, text: String?) in number?.plainText ?? text ?? "no value" }
            let previous = before.map { shown($0["value"], $0["text"]) }
            try logChange(db, .measure, subject: metric, summary: "\(metric) = \(shown(value, text)) on \(date)"
                              + (previous.map { " (was \($0))" } ?? ""), at: now)
            let source = SourceRef.manual("measure")
            try ImportTransaction.upsertTypedIn(db, MetricValue(metric: metric, kind: .measurement, date: date, value: value,
                                                                text: text, note: note, dataSource: dataSource, source: source))
            var warnings = previous.map { ["\(metric) already had a measurement on \(date): \($0)\(Workspace.origin(before)); "
                                           + "replaced it with \(shown(value, text)) (`realise log` keeps the old value)"] } ?? []
            if let value {
                let check = try Workspace.measurementCheck(db, metric: metric)
                warnings += check.warnings(value: value, date: date, today: today ?? Day(utc: now))
            }
            return MeasurementChange(metric: metric, previous: previous, warnings: warnings)
        }
    }

    /// Deletes the measurement of a metric on a day (`realise measure --delete`); the change log keeps its value.
    /// - Returns: the value deleted, and a warning when it came from an imported file (which states it still).
    /// - Throws: `.invalidValue` when the metric has no measurement that day, or the id is not a metric's;
    ///   `.unknownEntity`.
    @discardableResult
    public func deleteMeasurement(metric typed: String, date: Day, now: Date = Date()) throws(StoreError) -> MeasurementChange {
        try write { db in
            let metric = try Workspace.resolveMetric(db, typed)
            try Workspace.lockTypedInValue(db, metric: metric, date: date)
            guard let row = try Workspace.measurement(db, metric: metric, date: date) else {
                throw StoreError.invalidValue("\(metric) has no measurement on \(date); `realise show \(metric)` lists its values")
            }
            let previous = (row["value"] as Double?)?.plainText ?? (row["text"] as String?) ?? "no value"
            try db.execute("DELETE FROM claim WHERE kind = 'value' AND ref_id = ?", [row["id"] as Int64])
            try db.execute("DELETE FROM metric_value WHERE id = ?", [row["id"] as Int64])
            try logChange(db, .measure, subject: metric, summary: "\(metric) measurement on \(date) deleted (was \(previous))", at: now)
            var warnings: [String] = []
            if (row["source_format"] as String) != "manual" {
                let file = row["source_path"] as String
                warnings.append("the value came from \(file) (line \(row["source_line"] as Int)): correct it there too, "
                                + "or the next import of a changed \(file) brings it back")
            }
            return MeasurementChange(metric: metric, previous: previous, warnings: warnings)
        }
    }

    /// The metric's current measurement on `date`, if any: id, value, text and source.
    private static func measurement(_ db: any SQLConnection, metric: String, date: Day) throws -> SQLRow? {
        try db.fetchOne("SELECT id, value, text, source_path, source_line, source_format FROM metric_value "
                        + "WHERE metric_id = ? AND kind = 'measurement' AND date = ? AND withdrawn_run IS NULL",
                        [metric, date.description])
    }

    /// ` (from FILE)` when a measurement came from an imported file, else nothing.
    private static func origin(_ row: SQLRow?) -> String {
        guard let row, (row["source_format"] as String) != "manual" else { return "" }
        return " (from \(row["source_path"] as String))"
    }

    /// What the workspace knows of a metric's plausible values: its unit, type, latest baseline and final target.
    private static func measurementCheck(_ db: any SQLConnection, metric: String) throws -> MeasurementCheck {
        let row = try db.fetchOne("SELECT unit, measure_type FROM metric WHERE id = ?", [metric])
        var latest: [String: Double] = [:]
        for value in try db.fetchAll("SELECT kind, value FROM metric_value WHERE metric_id = ? AND kind IN ('baseline', 'target') "
                                     + "AND value IS NOT NULL AND withdrawn_run IS NULL ORDER BY date", [metric]) {
            latest[value["kind"]] = value["value"]
        }
        return MeasurementCheck(metric: metric, unit: row?["unit"],
                                measureType: (row?["measure_type"] as String?).flatMap(Metric.MeasureType.init(rawValue:)) ?? .number,
                                baseline: latest["baseline"], target: latest["target"])
    }
}

extension Day {
    /// The day `date` falls on in UTC.
    init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
    }
}
