import RealiseModel

/// A subject whose latest review rated it red: the board has said it is failing, whatever the other rules find.
public struct ReviewedRed: GapRule {
    public static let id = "review-red"
    public static let title = "Rated red at its latest review"
    public static let severity = Severity.high
    public static let explanation = "The latest review of a benefit, metric, objective or programme rated it red."
    public static let hint = "Agree recovery actions with an owner and a date for each, and review it again soon."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        guard context.latestReviews.values.contains(where: { $0.rag == .red }) else { return [] }
        let plan = context.plan
        let subjects: [any Entity] = plan.programmes + plan.objectives + plan.benefits + plan.metrics
        return subjects.compactMap { entity in
            guard let review = context.latestReviews[entity.id], review.rag == .red else { return nil }
            return Finding(rule: self, aboutAny: entity, message: "rated red at its review on \(review.date)"
                           + (review.reviewer.map { " by \($0)" } ?? ""),
                           evidence: ["reviewedOn": .text(review.date.description), "reviewer": .text(review.reviewer ?? ""),
                                      "reviewNote": .text(review.note ?? "")])
        }
    }
}
