/// A change to a metric's baseline or target value between imports, kept by the workspace.
public struct ValueRevision: Sendable, Hashable, Codable {
    public var metric: String
    public var kind: MetricValue.Kind
    /// The day of the baseline or target that changed.
    public var date: Day
    public var oldValue: Double?
    public var newValue: Double?
    /// When the change was recorded (the import run's day).
    public var recordedOn: Day?
    /// The import run that made the change.
    public var importRun: Int64?

    public init(metric: String, kind: MetricValue.Kind, date: Day, oldValue: Double?, newValue: Double?, recordedOn: Day?,
                importRun: Int64? = nil) {
        self.metric = metric
        self.kind = kind
        self.date = date
        self.oldValue = oldValue
        self.newValue = newValue
        self.recordedOn = recordedOn
        self.importRun = importRun
    }
}

/// Where a scheduled outcome review of one subject stands as of a day: the hook through which the review
/// schedule feeds the gap report (`review-overdue`, and the coverage column for up-to-date reviews).
public struct ReviewStanding: Sendable, Hashable, Codable {
    public var subject: String
    /// The next occurrence not yet satisfied by a review record.
    public var due: Day
    /// The latest review recorded for the subject, if any.
    public var lastReviewed: Day?
    public var cadence: String
    public var reviewer: String?

    public init(subject: String, due: Day, lastReviewed: Day?, cadence: String, reviewer: String?) {
        self.subject = subject
        self.due = due
        self.lastReviewed = lastReviewed
        self.cadence = cadence
        self.reviewer = reviewer
    }
}
