import RealiseModel

/// A periodic outcome review of one subject (a benefit, metric, objective or programme).
public struct ReviewSchedule: Sendable, Hashable {
    public var id: Int64
    public var subject: String
    public var cadence: Cadence
    /// The anchor: occurrences are counted from this day.
    public var start: Day
    public var reviewer: String?

    public init(id: Int64, subject: String, cadence: Cadence, start: Day, reviewer: String?) {
        self.id = id
        self.subject = subject
        self.cadence = cadence
        self.start = start
        self.reviewer = reviewer
    }

    /// The next due date: the first occurrence after the latest review (any review of the subject satisfies
    /// every occurrence up to and including its date), or the first occurrence when there is none. Nil when
    /// the schedule has ended (COUNT or UNTIL) with nothing left to do.
    public func nextDue(lastReviewed: Day?) -> Day? {
        cadence.rule.firstOccurrence(from: start, after: lastReviewed)
    }

    /// Where the schedule stands on `asOf`, for the gap report and `review due`.
    public func standing(lastReviewed: Day?) -> ReviewStanding? {
        nextDue(lastReviewed: lastReviewed).map {
            ReviewStanding(subject: subject, due: $0, lastReviewed: lastReviewed, cadence: cadence.name, reviewer: reviewer)
        }
    }
}

/// One entry of `review due`: a schedule with its next due date and status.
public struct DueReview: Sendable, Hashable {
    public enum Status: String, Sendable { case due, overdue }

    public var schedule: ReviewSchedule
    public var due: Day
    public var status: Status
    /// Days past due (0 when not overdue).
    public var daysOverdue: Int

    /// Schedules due on or before `asOf + within` days, overdue first, then by due date.
    /// - Parameter lastReviewed: the latest review day of each subject.
    public static func list(_ schedules: [ReviewSchedule], lastReviewed: [String: Day], asOf: Day, within: Int) -> [DueReview] {
        schedules.compactMap { schedule -> DueReview? in
            guard let due = schedule.nextDue(lastReviewed: lastReviewed[schedule.subject]),
                  due <= asOf.adding(days: within) else { return nil }
            let overdue = due < asOf
            return DueReview(schedule: schedule, due: due, status: overdue ? .overdue : .due,
                             daysOverdue: overdue ? due.days(to: asOf) : 0)
        }.sorted { ($0.due, $0.schedule.subject, $0.schedule.id) < ($1.due, $1.schedule.subject, $1.schedule.id) }
    }
}
