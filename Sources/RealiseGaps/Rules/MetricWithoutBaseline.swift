/// A metric with no baseline: progress cannot be judged.
public struct MetricWithoutBaseline: GapRule {
    public static let id = "metric-without-baseline"
    public static let title = "Metric with no baseline"
    public static let severity = Severity.medium
    public static let explanation = "A metric has no baseline: progress against it cannot be judged."
    public static let hint = "Record the baseline value and the date it was measured."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.metrics.indices.compactMap { index in
            let series = context.series(ofMetricAt: index)
            guard !series.has(.baseline) else { return nil }
            let metric = context.plan.metrics[index]
            let measures = context.targets(of: metric.id, .measures), targets = series.count(.target)
            return Finding(rule: self, about: metric, message: "this metric has no baseline",
                           evidence: ["measures": .list(measures), "targets": .number(Double(targets))])
        }
    }
}
