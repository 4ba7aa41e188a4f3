import RealiseModel

/// A benefit, metric or objective with nobody named as its owner.
public struct MissingOwner: GapRule {
    public static let id = "missing-owner"
    public static let title = "Nobody named as owner"
    public static let severity = Severity.medium
    public static let explanation = "A benefit, metric or objective has no owner."
    public static let hint = "Name the person or role accountable for it."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        let plan = context.plan
        // Metrics by position: most have an owner, and a metric is copied (a dozen strings retained) only when not.
        let unowned: [any Entity] = plan.objectives.filter { $0.owner.isBlank } + plan.benefits.filter { $0.owner.isBlank }
            + plan.metrics.indices.filter { plan.metrics[$0].owner.isBlank }.map { plan.metrics[$0] }
        return unowned.map { Finding(rule: self, aboutAny: $0, message: "no owner is named") }
    }
}

extension Optional where Wrapped == String {
    /// Nil, empty or only whitespace.
    var isBlank: Bool { self?.allSatisfy(\.isWhitespace) ?? true }
}
