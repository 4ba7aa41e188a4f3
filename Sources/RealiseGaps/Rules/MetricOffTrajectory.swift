/// A metric whose latest measurement is worse than its target trajectory by more than the tolerance.
public struct MetricOffTrajectory: GapRule {
    public static let id = "metric-off-trajectory"
    public static let title = "Measurement behind its target trajectory"
    public static let severity = Severity.high
    public static let explanation = "The latest measurement is worse than the target trajectory by more than the tolerance."
    public static let hint = "Explain the variance to the board and agree recovery actions, or re-plan the trajectory openly."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.metrics.indices.compactMap { index in
            let series = context.series(ofMetricAt: index)
            guard let latest = series.latestMeasurement else { return nil }
            guard let trajectory = series.trajectory(ofMetricAt: index, in: context.plan, tolerance: context.tolerance),
                  let expected = trajectory.expected(on: latest.day) else { return nil }
            let shortfall = trajectory.shortfall(of: latest.value, against: expected)
            guard shortfall > trajectory.tolerance else { return nil }
            // The metric is copied only for a finding: a copy is a dozen strings retained and released.
            let metric = context.plan.metrics[index]
            // What the message says is captured, not the metric nor the trajectory's points: it is worded only when read.
            let unit = metric.unit.map { " \($0)" } ?? "", direction = metric.direction
            let tolerance = trajectory.tolerance, final = trajectory.final
            return Finding(rule: self, about: metric,
                           message: "measured \(latest.value.plainText)\(unit) on \(latest.day) against \(expected.rounded(to: 2).plainText)\(unit) expected (\(direction.rawValue) is better)",
                           evidence: ["measured": .number(latest.value), "measuredOn": .text(latest.day.description),
                                      "expected": .number(expected.rounded(to: 4)), "shortfall": .number(shortfall.rounded(to: 4)),
                                      "tolerance": .number(tolerance.rounded(to: 4)),
                                      "finalTarget": .number(final.value), "finalTargetDate": .text(final.date.description)])
        }
    }
}

import RealiseModel

extension Double {
    /// Rounded to `places` decimal places, for evidence that reads cleanly.
    func rounded(to places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
