import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("charts draw the trajectory the gap analysis computed")
struct ChartTrajectorySourceTests {
    @Test("the report carries each metric's trajectory as the rules judged it, and the HTML chart draws that one")
    func fromTheReport() throws {
        var report = try ReportFixture.report
        let metric = report.plan.metrics[0]
        let judged = try #require(report.trajectories[metric.id])
        #expect(judged == Trajectory(metric: metric, values: report.plan.values.filter { $0.metric == metric.id }, fraction: 0.1))
        #expect(HTMLGapRenderer().render(report).contains("Tolerance: 0.6 minutes on the worse side"))
        // A different trajectory in the report is the one drawn: the chart computes none of its own.
        let other = try #require(Trajectory(metric: metric, values: report.plan.values.filter { $0.metric == metric.id }, fraction: 0.5))
        report.trajectories[metric.id] = other
        let html = HTMLGapRenderer().render(report)
        #expect(html.contains("Tolerance: 3 minutes on the worse side") && !html.contains("Tolerance: 0.6 minutes"))
        report.trajectories = [:]
        #expect(!HTMLGapRenderer().render(report).contains("Target trajectory"))
    }
}
