import RealiseModel

/// Where the agreed actions stand on the report's day: those open, each with whether it is overdue and whether
/// the finding it was agreed on is still found, and those closed since the last review.
public struct ActionStandings: Sendable, Hashable {
    /// An open action and its standing.
    public struct Open: Sendable, Hashable {
        public var action: ActionItem
        /// Days past its due date; 0 when not yet due.
        public var daysOverdue: Int
        /// How many of the report's findings it concerns: 0 means its finding is resolved while the action is still
        /// open (a finding going away closes nothing by itself).
        public var findings: Int
    }

    /// Open actions, soonest due first.
    public var open: [Open] = []
    /// Actions closed after their subject's latest review on or before the report's day (a subject never reviewed:
    /// after the workspace's latest review; no review at all: every closed action), closed first first.
    public var closedSinceReview: [ActionItem] = []

    public init() {}

    /// The standings of `actions` as of `asOf`, against the report's `findings` and the latest reviews by subject.
    public init(_ actions: [ActionItem], findings: [Finding], asOf: Day, latestReviews: [String: ReviewOutcome]) {
        guard !actions.isEmpty else { return }
        var byKey: [String: Int] = [:], bySubject: [String: Int] = [:]
        for finding in findings {
            byKey[finding.key, default: 0] += 1
            bySubject[finding.subject.id, default: 0] += 1
        }
        open = actions.filter { $0.isOpen(on: asOf) }
            .map { action in
                Open(action: action, daysOverdue: max(0, action.due.days(to: asOf)),
                     findings: action.rule == nil ? bySubject[action.subject] ?? 0 : byKey[action.target] ?? 0)
            }
            .sorted { ($0.action.due, $0.action.id) < ($1.action.due, $1.action.id) }
        let lastReview = latestReviews.values.map(\.date).max()
        closedSinceReview = actions.filter { action in
            guard let closed = action.closed, closed.on <= asOf else { return false }
            guard let since = latestReviews[action.subject]?.date ?? lastReview else { return true }
            return closed.on > since
        }
        .sorted { (($0.closed?.on)!, $0.id) < (($1.closed?.on)!, $1.id) }
    }

    /// Nothing to report.
    public var isEmpty: Bool { open.isEmpty && closedSinceReview.isEmpty }
}
