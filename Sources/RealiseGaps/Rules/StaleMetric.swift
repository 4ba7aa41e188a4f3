import RealiseModel

/// A metric not measured within 1.5 × its collection frequency, or not at all since its baseline.
public struct StaleMetric: GapRule {
    public static let id = "stale-metric"
    public static let title = "Metric not measured recently"
    public static let severity = Severity.medium
    public static let explanation = "A metric has not been measured within 1.5 × its collection frequency."
    public static let hint = "Collect and record the measurement, or correct the collection frequency."

    public init() {}

    /// The longest gap allowed for a frequency (a quarter when none is set).
    static func window(_ frequency: Frequency?) -> Int { Int((Double((frequency ?? .quarterly).days) * 1.5).rounded()) }

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.metrics.indices.compactMap { index in
            let window = StaleMetric.window(context.plan.metrics[index].frequency)
            let series = context.series(ofMetricAt: index)
            let lastMeasured = series.last(.measurement, onOrBefore: context.asOf)?.date
            let baseline = series.last(.baseline, onOrBefore: context.asOf)?.date
            guard let since = lastMeasured ?? baseline, since.days(to: context.asOf) > window else { return nil }
            let metric = context.plan.metrics[index]
            let age = since.days(to: context.asOf), frequency = metric.frequency
            return Finding(rule: self, about: metric,
                           message: lastMeasured == nil
                               ? "never measured since its baseline on \(since) (\(age) days)"
                               : "last measured \(since), \(age) days ago; expected at least every \(window) days",
                           evidence: ["lastMeasured": lastMeasured.map { .text($0.description) } ?? .text(""),
                                      "baselineDate": baseline.map { .text($0.description) } ?? .text(""),
                                      "daysSince": .number(Double(age)), "allowedDays": .number(Double(window)),
                                      "frequency": .text(frequency?.rawValue ?? "quarterly (assumed)")])
        }
    }
}
