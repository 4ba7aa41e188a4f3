/// A benefit no metric measures: it can never be claimed as realised.
public struct BenefitWithoutMetric: GapRule {
    public static let id = "benefit-without-metric"
    public static let severity = Severity.high
    public static let explanation = "A benefit has no metric: it cannot be claimed as realised."
    public static let hint = "Add a metric that measures it, with a baseline and a target."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.benefits.compactMap { benefit in
            guard !context.hasSources(of: benefit.id, .measures) else { return nil }
            return Finding(rule: self, about: benefit, message: "no metric measures this \(benefit.kind.rawValue)",
                           evidence: benefit.measurement.map { ["measurementNote": .text($0)] } ?? [:])
        }
    }
}
