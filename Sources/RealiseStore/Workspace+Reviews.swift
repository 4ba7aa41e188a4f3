import Foundation
import RealiseModel

extension Workspace {
    /// A stored review schedule, before its cadence is interpreted.
    public struct StoredSchedule: Sendable, Hashable {
        public var id: Int64
        public var subject: String
        public var subjectType: EntityType
        public var subjectName: String
        public var cadence: String
        public var start: Day
        public var reviewer: String?
    }

    /// A review held and recorded.
    public struct StoredReview: Sendable, Hashable {
        public var id: Int64
        public var subject: String
        public var date: Day
        public var rag: RAG
        public var reviewer: String?
        public var note: String?
        /// Measurements taken at the review: metric id → value.
        public var measurements: [String: Double]
    }

    /// The types a review can be about.
    public static let reviewableTypes: Set<EntityType> = [.benefit, .metric, .objective, .programme]

    /// The subject's id as the workspace spells it (given in any case, see `resolve(_:_:)`), when it can be reviewed.
    private func requireSubject(_ db: any SQLConnection, _ typed: String) throws -> String {
        let (id, type) = try Workspace.resolve(db, typed)
        guard Workspace.reviewableTypes.contains(type) else {
            throw StoreError.invalidValue("'\(id)' is a \(type.rawValue); reviews are of a benefit, metric, objective or programme")
        }
        return id
    }

    /// Stores a schedule (its cadence already checked by the caller) and returns its id.
    public func addSchedule(subject typed: String, cadence: String, start: Day, reviewer: String?, now: Date = Date()) throws(StoreError) -> Int64 {
        try write { db in
            let subject = try requireSubject(db, typed)
            return try insertSchedule(db, ScheduledReview(subject: subject, cadence: cadence, start: start, reviewer: reviewer,
                                                          source: .manual(subject)), now: now)
        }
    }

    /// Writes a schedule of a subject known to be reviewable, with its change-log entry.
    func insertSchedule(_ db: any SQLConnection, _ schedule: ScheduledReview, now: Date) throws -> Int64 {
        let id = try db.insert("""
            INSERT INTO review_schedule (subject_id, cadence, start, reviewer, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id
            """, [schedule.subject, schedule.cadence, schedule.start.description, schedule.reviewer, Workspace.timestamp(now)])
        try logChange(db, .schedule, subject: schedule.subject, summary: "review schedule #\(id): \(schedule.cadence) from \(schedule.start)"
                      + (schedule.reviewer.map { ", reviewer \($0)" } ?? ""), at: now)
        return id
    }

    /// Removes a schedule; its reviews are kept.
    public func removeSchedule(id: Int64, now: Date = Date()) throws(StoreError) {
        try write { db in
            let row = try db.fetchOne("SELECT subject_id, cadence FROM review_schedule WHERE id = ?", [id])
            guard let row else { throw StoreError.invalidValue("no review schedule #\(id); `realise review list` shows them") }
            try db.execute("DELETE FROM review_schedule WHERE id = ?", [id])
            try logChange(db, .unschedule, subject: row["subject_id"],
                          summary: "review schedule #\(id) (\(row["cadence"] as String)) removed; its reviews are kept", at: now)
        }
    }

    /// Every schedule whose subject is still in the workspace, by id.
    public func schedules() throws(StoreError) -> [StoredSchedule] {
        try read { db in
            try db.fetchAll("""
                SELECT s.*, e.type, e.name FROM review_schedule s JOIN entity e ON e.id = s.subject_id
                WHERE e.withdrawn_run IS NULL ORDER BY s.id
                """).compactMap { row in
                guard let start = Day(iso: row["start"] as String), let type = EntityType(rawValue: row["type"] as String) else { return nil }
                return StoredSchedule(id: row["id"], subject: row["subject_id"], subjectType: type, subjectName: row["name"],
                                      cadence: row["cadence"], start: start, reviewer: row["reviewer"])
            }
        }
    }

    /// Records a review and the measurements taken at it, in one transaction.
    /// - Parameter measurements: metric id → value; each metric must exist.
    public func recordReview(subject typed: String, date: Day, rag: RAG, reviewer: String?, note: String?,
                             measurements typedMeasurements: [(String, Double)], now: Date = Date()) throws(StoreError) -> Int64 {
        try write { db in
            let subject = try requireSubject(db, typed)
            let measurements = try typedMeasurements.map { RecordedReview.Measured(metric: try Workspace.resolveMetric(db, $0.0), value: $0.1) }
            return try insertReview(db, RecordedReview(subject: subject, date: date, rag: rag, reviewer: reviewer, note: note,
                                                       measurements: measurements, source: .manual(subject)), now: now)
        }
    }

    /// Writes a review of a subject known to be reviewable and the measurements taken at it (of metrics known to
    /// exist), each the metric's typed-in measurement of the review's day, linked back to it; with its change-log entry.
    func insertReview(_ db: any SQLConnection, _ review: RecordedReview, now: Date) throws -> Int64 {
        let measurements = review.measurements, date = review.date
        // Measurements of the same metrics on the same day recorded at this moment wait for this review or it for them.
        for metric in Set(measurements.map(\.metric)).sorted() { try Workspace.lockTypedInValue(db, metric: metric, date: date) }
        let id = try db.insert("""
            INSERT INTO review (subject_id, date, rag, reviewer, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """, [review.subject, date.description, review.rag.rawValue, review.reviewer, review.note, Workspace.timestamp(now)])
        let measured = measurements.map { "\($0.metric) = \($0.value.plainText)" }.joined(separator: ", ")
        try logChange(db, .review, subject: review.subject, summary: "review #\(id) on \(date): \(review.rag.rawValue)"
                      + (review.reviewer.map { " by \($0)" } ?? "") + (measured.isEmpty ? "" : "; measured \(measured)"), at: now)
        for item in measurements {
            let source = SourceRef(path: "(review #\(id))", line: 0, format: SourceRef.manualFormat, identifier: review.subject)
            let value = try ImportTransaction.upsertTypedIn(db, MetricValue(metric: item.metric, kind: .measurement, date: date,
                                                                            value: item.value, note: "taken at review #\(id)",
                                                                            dataSource: review.reviewer, source: source))
            try db.execute("UPDATE metric_value SET review_id = ? WHERE id = ?", [id, value])
        }
        return id
    }

    /// Reviews recorded, oldest first; of one subject when given (its id in any case, see `resolveEntity(_:)`).
    /// - Throws: `.unknownEntity` when the subject is not in the workspace.
    public func reviews(subject typed: String? = nil) throws(StoreError) -> [StoredReview] {
        try read { db in
            let subject = try typed.map { try Workspace.resolve(db, $0).id }
            let reviews = try db.fetchAll("SELECT * FROM review WHERE (CAST(? AS TEXT) IS NULL OR subject_id = ?) ORDER BY date, id",
                                          [subject, subject])
            // Finding the measurements taken at reviews reads every value (`review_id` has no index): not when
            // there is no review to give them to.
            guard !reviews.isEmpty else { return [] }
            let measured = Dictionary(grouping: try db.fetchAll("SELECT review_id, metric_id, value FROM metric_value WHERE review_id IS NOT NULL"),
                                      by: { $0["review_id"] as Int64 })
            return reviews.compactMap { row in
                guard let date = Day(iso: row["date"] as String), let rag = RAG(rawValue: row["rag"] as String) else { return nil }
                let id: Int64 = row["id"]
                var values: [String: Double] = [:]
                for value in measured[id] ?? [] { values[value["metric_id"]] = value["value"] }
                return StoredReview(id: id, subject: row["subject_id"], date: date, rag: rag, reviewer: row["reviewer"],
                                    note: row["note"], measurements: values)
            }
        }
    }
}
