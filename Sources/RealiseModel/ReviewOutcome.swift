/// What a review last concluded about its subject: its RAG rating, when, by whom and why. The gap report shows
/// each subject's latest beside its findings.
public struct ReviewOutcome: Sendable, Hashable, Codable {
    public var subject: String
    public var date: Day
    public var rag: RAG
    public var reviewer: String?
    public var note: String?

    public init(subject: String, date: Day, rag: RAG, reviewer: String? = nil, note: String? = nil) {
        self.subject = subject
        self.date = date
        self.rag = rag
        self.reviewer = reviewer
        self.note = note
    }

    /// `on 2025-09-26 by Rural Transport Manager: Two minibuses off the road`.
    public var account: String {
        "on \(date)" + (reviewer.map { " by \($0)" } ?? "") + (note.map { ": \($0)" } ?? "")
    }

    /// `red on 2025-09-26 by Rural Transport Manager: Two minibuses off the road`.
    public var summary: String { "\(rag.rawValue) \(account)" }

    /// The latest outcome of each subject on or before `day`; of two on one day, the one recorded later.
    public static func latest(_ outcomes: [ReviewOutcome], onOrBefore day: Day) -> [String: ReviewOutcome] {
        var latest: [String: ReviewOutcome] = [:]
        for outcome in outcomes where outcome.date <= day {
            if let known = latest[outcome.subject], known.date > outcome.date { continue }
            latest[outcome.subject] = outcome
        }
        return latest
    }
}
