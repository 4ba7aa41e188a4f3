import RealiseModel

/// A workspace's review schedules and the latest review of each subject, interpreted: what `review due`,
/// `review calendar`, `review run` and the gap report's `review-overdue` rule work from.
public struct ReviewBook: Sendable {
    /// A schedule as stored: its cadence still text.
    public struct StoredSchedule: Sendable {
        public var id: Int64
        public var subject: String
        public var cadence: String
        public var start: Day
        public var reviewer: String?

        public init(id: Int64, subject: String, cadence: String, start: Day, reviewer: String?) {
            self.id = id
            self.subject = subject
            self.cadence = cadence
            self.start = start
            self.reviewer = reviewer
        }
    }

    public let schedules: [ReviewSchedule]
    /// The latest review day of each subject.
    public let lastReviewed: [String: Day]

    /// - Parameter reviews: every review held, as (subject, day).
    /// - Throws: `ReviewError.invalidCadence` for a stored cadence this version cannot read.
    public init(schedules stored: [StoredSchedule], reviews: [(subject: String, date: Day)]) throws(ReviewError) {
        var schedules: [ReviewSchedule] = []
        for item in stored {
            schedules.append(ReviewSchedule(id: item.id, subject: item.subject, cadence: try Cadence(item.cadence),
                                            start: item.start, reviewer: item.reviewer))
        }
        self.schedules = schedules
        var last: [String: Day] = [:]
        for review in reviews where last[review.subject].map({ $0 < review.date }) ?? true { last[review.subject] = review.date }
        lastReviewed = last
    }

    /// Where every schedule stands (finished schedules left out).
    public var standings: [ReviewStanding] {
        schedules.compactMap { $0.standing(lastReviewed: lastReviewed[$0.subject]) }
    }

    /// Schedules due within `within` days of `asOf`, and every overdue one.
    public func due(asOf: Day, within: Int) -> [DueReview] {
        DueReview.list(schedules, lastReviewed: lastReviewed, asOf: asOf, within: within)
    }
}
