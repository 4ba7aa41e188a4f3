/// One independent check over a workspace. Each rule has a stable kebab-case id, a plain-English title, a default
/// severity, a one-line explanation and a hint on how to fix what it finds.
public protocol GapRule: Sendable {
    static var id: String { get }
    /// What the rule finds, in words a board reads ("Target cannot be met on current trend").
    static var title: String { get }
    static var severity: Severity { get }
    static var explanation: String { get }
    static var hint: String { get }
    /// Every finding of this rule in the context's plan.
    func findings(in context: GapContext) -> [Finding]
}

/// Every rule Realise runs, in report order.
public enum GapRules {
    public static let all: [any GapRule] = [
        ObjectiveWithoutBenefit(), BenefitWithoutDeliverable(), BenefitWithoutMetric(), BenefitBeforeEnabler(),
        MetricOffTrajectory(), ReviewOverdue(), ReviewedRed(), ActionOverdue(), OrphanDeliverable(), MetricWithoutBaseline(), MetricWithoutTarget(),
        DeliverableSlipped(), MetricForecastShortfall(), StaleMetric(), MissingOwner(), DoubleCountedMetric(),
        TargetLowered(), VagueStatement(), CrossOrganisationDependency(),
    ]

    /// The rule with the given id.
    public static func rule(_ id: String) -> (any GapRule)? { all.first { type(of: $0).id == id } }

    /// All rule ids, for help texts and error messages.
    public static var ids: [String] { all.map { type(of: $0).id } }
}
