import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

/// The earlier trajectory on the HTML report's charts: dashed, only where the baseline or targets changed.
@Suite("trajectory charts: the trajectory on an earlier day")
struct SinceChartTests {
    /// Each chart's figure in the HTML report, by metric id.
    static func figures(_ html: String) -> [String: String] {
        var figures: [String: String] = [:]
        for part in html.components(separatedBy: "<figure class=\"chart\">").dropFirst() {
            let figure = part.components(separatedBy: "</figure>")[0]
            if let id = figure.firstMatch(of: /<figcaption><span class="id">([^<]*)<\/span>/)?.1 { figures[String(id)] = figure }
        }
        return figures
    }

    static var dashedPath: Regex<Substring> { /<path d="[^"]*" fill="none" stroke="[^"]*" stroke-width="[^"]*" stroke-dasharray="[^"]*">/ }

    @Test("the metric whose target was lowered has a dashed earlier trajectory and its key; the unchanged one has neither")
    func onlyWhereChanged() throws {
        let html = HTMLGapRenderer().render(try SinceFixture.report)
        let figures = Self.figures(html)
        let changed = try #require(figures["MET-1"]), unchanged = try #require(figures["MET-2"])
        #expect(changed.contains(Self.dashedPath))
        #expect(changed.contains("<text x=\"24\" y=\"4\">Trajectory on 2025-12-31</text>"))
        #expect(changed.contains("<title>Trajectory on 2025-12-31: 1,000 visitors per month (2024-03-31) → 8,000 visitors per month (2027-03-31)</title>"))
        #expect(!unchanged.contains(Self.dashedPath) && !unchanged.contains("Trajectory on"))
        #expect(html.contains("A dashed green line is the trajectory as the plan stated it on 2025-12-31"))
        // The unchanged metric's chart is drawn as it is without a comparison.
        let plain = try #require(Self.figures(HTMLGapRenderer().render(try SinceFixture.plain))["MET-2"])
        #expect(unchanged == plain)
    }

    @Test("the dashed line is drawn beneath today's trajectory, and the key wraps under it when too long for one row")
    func drawing() throws {
        let report = try SinceFixture.report
        let metric = report.plan.metrics[0], values = report.plan.values.filter { $0.metric == metric.id }
        let earlier = try #require(report.earlierTargets[metric.id])
        let then = try #require(report.earlierTrajectories[metric.id])
        let chart = try #require(SVGTrajectoryChart(metric: metric, values: values, trajectory: report.trajectories[metric.id],
                                                    asOf: SinceFixture.asOf, earlier: (then, SinceFixture.since)))
        let svg = chart.render()
        let dashed = try #require(svg.firstRange(of: Self.dashedPath)), today = try #require(svg.range(of: "<polyline points="))
        #expect(dashed.lowerBound < today.lowerBound)
        let rows = chart.legend().rows
        #expect(rows == 2)
        #expect(svg.contains("viewBox=\"0 0 640 316\"") && svg.contains("<g transform=\"translate(0 16)\">"))
        // The earlier trajectory's values are within the value axis.
        let axis = chart.scale().axis
        #expect(earlier.compactMap(\.value).allSatisfy { $0 >= axis.low && $0 <= axis.high })
    }

    @Test("values that state the same baselines and targets (a note aside) make no earlier trajectory")
    func sameValues() throws {
        let report = try SinceFixture.report
        let metric = report.plan.metrics[0], values = report.plan.values.filter { $0.metric == metric.id }
        var same = values.filter { $0.kind != .measurement }
        same[0].note = "restated source"
        var restated = report
        restated.earlierTargets[metric.id] = same
        #expect(report.earlierTrajectories[metric.id] != nil)
        #expect(restated.earlierTrajectories[metric.id] == nil)
    }
}
