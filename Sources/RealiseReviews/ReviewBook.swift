import RealiseModel

/// A workspace's review schedules and the latest review of each subject, interpreted: what `review due`,
/// `review calendar`, `review run` and the gap report's `review-overdue` rule work from.
public struct ReviewBook: Sendable {
    public let schedules: [ReviewSchedule]
    /// The latest review day of each subject.
    public let lastReviewed: [String: Day]

    /// - Parameter reviews: every review held, as (subject, day).
    public init(schedules: [ReviewSchedule], reviews: [(subject: String, date: Day)]) {
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
