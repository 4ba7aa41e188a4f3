/// A benefit no metric measures: it can never be claimed as realised.
public struct BenefitWithoutMetric: GapRule {
    public static let id = "benefit-without-metric"
    public static let title = "Benefit nobody measures"
    public static let severity = Severity.high
    public static let explanation = "A benefit has no metric: it cannot be claimed as realised."
    public static let hint = "Add a metric that measures it, with a baseline and a target."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.benefits.indices.compactMap { index in
            guard !context.links(ofBenefitAt: index).hasSources(.measures) else { return nil }
            let benefit = context.plan.benefits[index]
            let kind = benefit.kind, note = benefit.measurement
            return Finding(rule: self, about: benefit, message: "no metric measures this \(kind.rawValue)",
                           evidence: note.map { ["measurementNote": .text($0)] } ?? [:])
        }
    }
}
