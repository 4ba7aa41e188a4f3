import RealiseModel

/// A scheduled outcome review whose due date has passed without a review record.
public struct ReviewOverdue: GapRule {
    public static let id = "review-overdue"
    public static let title = "Review overdue"
    public static let severity = Severity.high
    public static let explanation = "A scheduled review's due date has passed without a review record."
    public static let hint = "Hold the review and record it with `realise review record`."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        // The subjects of overdue reviews only (usually few of a large plan's entities).
        let overdue = Set(context.history.reviews.lazy.filter { $0.due < context.asOf }.map(\.subject))
        guard !overdue.isEmpty else { return [] }
        var byId: [String: any Entity] = [:]
        for item in context.plan.benefits where overdue.contains(item.id) { byId[item.id] = item }
        for item in context.plan.metrics where overdue.contains(item.id) { byId[item.id] = item }
        for item in context.plan.objectives where overdue.contains(item.id) { byId[item.id] = item }
        for item in context.plan.programmes where overdue.contains(item.id) { byId[item.id] = item }
        return context.history.reviews.compactMap { standing in
            guard standing.due < context.asOf, let subject = byId[standing.subject] else { return nil }
            let days = standing.due.days(to: context.asOf)
            return Finding(rule: self, aboutAny: subject,
                           message: "review was due \(standing.due) (\(days) days overdue, \(standing.cadence))",
                           evidence: ["due": .text(standing.due.description), "daysOverdue": .number(Double(days)),
                                      "lastReviewed": .text(standing.lastReviewed?.description ?? ""),
                                      "cadence": .text(standing.cadence), "reviewer": .text(standing.reviewer ?? "")])
        }
    }
}
