import RealiseGaps
import RealiseModel

/// The report's SVG figures for pages other than the report (the web workspace's): one metric's trajectory chart and
/// the benefits map, drawn exactly as the HTML report draws them.
public enum InlineSVG {
    /// The `<svg>` trajectory chart of `metric` (a `<title>` names it), or nil for a qualitative metric or one with no
    /// numeric baseline, target or measurement.
    /// - Parameters:
    ///   - values: the plan's values (those of other metrics are ignored).
    ///   - trajectory: the metric's trajectory as the gap report judged it (`GapReport.trajectories`), if any.
    public static func trajectoryChart(metric: Metric, values: [MetricValue], trajectory: Trajectory?, asOf: Day) -> String? {
        SVGTrajectoryChart(metric: metric, values: values, trajectory: trajectory, asOf: asOf)?.render()
    }

    /// The benefits map of `report.plan` as standalone SVG documents, one per drawing, gap subjects highlighted; empty
    /// when there is nothing to draw or too much (more than the report draws).
    public static func benefitsMap(_ report: GapReport) -> [String] {
        let map = SVGBenefitsMap(report: report)
        guard let layout = map.layout else { return [] }
        return map.render(layout)
    }
}
