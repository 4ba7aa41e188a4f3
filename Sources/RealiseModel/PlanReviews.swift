/// A periodic review of a benefit, metric, objective or programme, as a plan file or an export states it.
public struct ScheduledReview: Sendable, Hashable, Codable {
    /// The id of what is reviewed.
    public var subject: String
    /// A named cadence (`quarterly`) or an RFC 5545 RRULE, as the schedule was made.
    public var cadence: String
    /// The day its occurrences are anchored at.
    public var start: Day
    public var reviewer: String?
    public var source: SourceRef

    public init(subject: String, cadence: String, start: Day, reviewer: String? = nil, source: SourceRef) {
        self.subject = subject
        self.cadence = cadence
        self.start = start
        self.reviewer = reviewer
        self.source = source
    }
}

/// A review held: its RAG rating, day, reviewer and note, and the measurements taken at it (each the metric's
/// measurement on the review's day, linked back to the review).
public struct RecordedReview: Sendable, Hashable, Codable {
    /// A value taken at the review.
    public struct Measured: Sendable, Hashable, Codable {
        public var metric: String
        public var value: Double

        public init(metric: String, value: Double) {
            self.metric = metric
            self.value = value
        }
    }

    public var subject: String
    public var date: Day
    public var rag: RAG
    public var reviewer: String?
    public var note: String?
    /// In metric id order.
    public var measurements: [Measured]
    public var source: SourceRef

    public init(subject: String, date: Day, rag: RAG, reviewer: String? = nil, note: String? = nil, measurements: [Measured] = [],
                source: SourceRef) {
        self.subject = subject
        self.date = date
        self.rag = rag
        self.reviewer = reviewer
        self.note = note
        self.measurements = measurements
        self.source = source
    }
}
