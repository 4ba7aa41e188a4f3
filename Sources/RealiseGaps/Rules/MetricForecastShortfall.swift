import RealiseModel

/// A metric whose least-squares trend through its measurements misses the final target at its date by more
/// than the trajectory tolerance. Needs at least three measurements: a line through two points is no trend.
public struct MetricForecastShortfall: GapRule {
    public static let id = "metric-forecast-shortfall"
    public static let title = "Target cannot be met on current trend"
    public static let severity = Severity.medium
    public static let explanation = "The trend of the measurements misses the final target at its date."
    public static let hint = "Check whether the enabling deliverables will change the trend, or re-forecast the benefit."

    /// Fewest measurements a trend is drawn through.
    public static let minimumMeasurements = 3

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.metrics.indices.compactMap { index in
            guard context.plan.metrics[index].direction != .maintain else { return nil }
            let series = context.series(ofMetricAt: index)
            let measured = series.measurements
            guard measured.count >= MetricForecastShortfall.minimumMeasurements else { return nil }
            guard let trajectory = series.trajectory(ofMetricAt: index, in: context.plan, tolerance: context.tolerance),
                  let last = measured.last, trajectory.final.date > last.day, let trend = Trend(measured) else { return nil }
            let forecast = trend.value(on: trajectory.final.date)
            let shortfall = trajectory.shortfall(of: forecast, against: trajectory.final.value)
            guard shortfall > trajectory.tolerance else { return nil }
            let metric = context.plan.metrics[index]  // copied only for a finding
            // The numbers worded are captured, not the trajectory's points nor the measurements.
            let tolerance = trajectory.tolerance, final = trajectory.final, count = measured.count, slope = trend.slopePerDay
            return Finding(rule: self, about: metric,
                           message: "the trend of \(count) measurements reaches \(forecast.rounded(to: 2).plainText) by \(final.date), missing the target \(final.value.plainText)",
                           evidence: ["forecast": .number(forecast.rounded(to: 4)), "tolerance": .number(tolerance.rounded(to: 4)), "finalTarget": .number(final.value),
                                      "finalTargetDate": .text(final.date.description),
                                      "measurements": .number(Double(count)),
                                      "slopePerYear": .number((slope * 365.25).rounded(to: 4))])
        }
    }
}
