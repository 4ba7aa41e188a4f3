import RealiseModel
import RealiseReviews

extension Listing {
    /// A review subject as listings show it: `{"type", "id", "name"}`.
    public struct Subject: Sendable {
        public var type: String
        public var id: String
        public var name: String

        public init(type: String, id: String, name: String) {
            self.type = type
            self.id = id
            self.name = name
        }

        var json: JSONValue { .object([("type", .string(type)), ("id", .string(id)), ("name", .string(name))]) }
    }

    /// `review due`: `[{"subject": {"type", "id", "name"}, "due", "status", "daysOverdue", "reviewer", "cadence"}]`.
    public static func dueReviews(_ entries: [(DueReview, Subject)]) -> Listing {
        Listing(tableColumns: ["due", "status", "daysOverdue", "subject.id", "cadence", "reviewer", "subject.name"],
                rows: entries.map { due, subject in
            [("subject", subject.json), ("due", .string(due.due.description)), ("status", .string(due.status.rawValue)),
             ("daysOverdue", .number(Double(due.daysOverdue))), ("reviewer", .from(due.schedule.reviewer)),
             ("cadence", .string(due.schedule.cadence.name))]
        })
    }

    /// `review list`: every schedule with its next due date.
    public static func schedules(_ entries: [(ReviewSchedule, Subject, Day?)]) -> Listing {
        Listing(tableColumns: ["id", "subject.id", "cadence", "from", "nextDue", "reviewer"], rows: entries.map { schedule, subject, next in
            [("id", .number(Double(schedule.id))), ("subject", subject.json), ("cadence", .string(schedule.cadence.name)),
             ("from", .string(schedule.start.description)), ("nextDue", .from(next?.description)), ("reviewer", .from(schedule.reviewer))]
        })
    }

    /// `review history`: the reviews of a subject, oldest first.
    public static func reviewHistory(_ entries: [(id: Int64, date: Day, rag: RAG, reviewer: String?, note: String?, measurements: [String: Double])]) -> Listing {
        Listing(tableColumns: ["id", "date", "rag", "reviewer", "note"], rows: entries.map { entry in
            [("id", .number(Double(entry.id))), ("date", .string(entry.date.description)), ("rag", .string(entry.rag.rawValue)),
             ("reviewer", .from(entry.reviewer)), ("note", .from(entry.note)),
             ("measurements", .object(entry.measurements.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }))]
        })
    }
}
