import RealiseModel

/// A metric claimed by several benefits whose attribution shares are missing or add to more than 100 %.
public struct DoubleCountedMetric: GapRule {
    public static let id = "double-counted-metric"
    public static let title = "Metric may be counted twice"
    public static let severity = Severity.medium
    public static let explanation = "A metric measures several benefits and the attribution shares are missing or exceed 100 %."
    public static let hint = "Agree what share of the change each benefit may claim (measures share=\"…\"), adding to at most 100 %."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        // By position: a metric is copied (a dozen strings retained) only for a finding.
        context.plan.metrics.indices.compactMap { index in
            let claims = context.links(from: context.plan.metrics[index].id, .measures)
            guard claims.count > 1 else { return nil }
            let metric = context.plan.metrics[index]
            let missing = claims.filter { $0.share == nil }.map(\.to)
            let total = claims.compactMap(\.share).reduce(0, +)
            guard !missing.isEmpty || total > 100 else { return nil }
            let message = missing.isEmpty
                ? "\(claims.count) benefits claim \(total.plainText)% of this metric"
                : "\(claims.count) benefits claim this metric and \(missing.count) give no attribution share"
            return Finding(rule: self, about: metric, message: message,
                           evidence: ["benefits": .list(claims.map(\.to)), "withoutShare": .list(missing),
                                      "totalShare": .number(total)])
        }
    }
}
