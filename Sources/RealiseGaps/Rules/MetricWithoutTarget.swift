/// A metric with no target: nobody has said what success looks like.
public struct MetricWithoutTarget: GapRule {
    public static let id = "metric-without-target"
    public static let title = "Metric with no target"
    public static let severity = Severity.medium
    public static let explanation = "A metric has no target: nobody has said what success looks like."
    public static let hint = "Agree a target value and date (a trajectory of dated targets is better)."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.metrics.indices.compactMap { index in
            let series = context.series(ofMetricAt: index)
            guard !series.has(.target) else { return nil }
            let metric = context.plan.metrics[index]
            var evidence: [String: Evidence] = ["measures": .list(context.targets(of: metric.id, .measures))]
            if let baseline = series.last(.baseline) {
                evidence["baselineDate"] = .text(baseline.date.description)
                if let value = baseline.value { evidence["baselineValue"] = .number(value) }
            }
            let found = evidence
            return Finding(rule: self, about: metric, message: "this metric has no target", evidence: found)
        }
    }
}
