import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Trajectories and trends")
struct TrajectoryTests {
    private func metric(_ direction: Metric.Direction, _ type: Metric.MeasureType = .number) -> Metric {
        Metric(id: "M", name: "M", direction: direction, measureType: type, source: SourceRef(path: "p", line: 1, format: "x"))
    }

    private func value(_ kind: MetricValue.Kind, _ date: String, _ number: Double) -> MetricValue {
        MetricValue(metric: "M", kind: kind, date: Day(iso: date)!, value: number, source: SourceRef(path: "p", line: 1, format: "x"))
    }

    @Test("piecewise linear from the baseline through dated targets, held after the last")
    func interpolation() throws {
        let line = try #require(Trajectory(metric: metric(.increase), values: [
            value(.baseline, "2024-01-01", 0), value(.target, "2024-01-11", 10), value(.target, "2024-01-21", 30),
        ]))
        #expect(line.expected(on: Day(iso: "2023-12-31")!) == nil)
        #expect(line.expected(on: Day(iso: "2024-01-06")!) == 5)
        #expect(line.expected(on: Day(iso: "2024-01-16")!) == 20)
        #expect(line.expected(on: Day(iso: "2025-01-01")!) == 30)
        #expect(line.tolerance == 3)
    }

    @Test("single target without a baseline: a point, tolerance from the target's size")
    func singlePoint() throws {
        let line = try #require(Trajectory(metric: metric(.increase), values: [value(.target, "2025-01-01", 50)]))
        #expect(line.points.count == 1)
        #expect(line.expected(on: Day(iso: "2025-06-01")!) == 50)
        #expect(line.tolerance == 5)
    }

    @Test("flat trajectory (maintain): any deviation beyond tolerance is a shortfall")
    func flat() throws {
        let line = try #require(Trajectory(metric: metric(.maintain), values: [value(.baseline, "2024-01-01", 90), value(.target, "2025-01-01", 90)]))
        #expect(line.tolerance == 9)
        #expect(line.shortfall(of: 80, against: 90) == 10)
        #expect(line.shortfall(of: 100, against: 90) == 10)
    }

    @Test("direction-aware: lower is better for decrease metrics, and targets below the baseline work")
    func direction() throws {
        let decrease = try #require(Trajectory(metric: metric(.decrease), values: [value(.baseline, "2024-01-01", 60), value(.target, "2025-01-01", 50)]))
        #expect(decrease.shortfall(of: 48, against: 50) < 0)
        #expect(decrease.shortfall(of: 53, against: 50) == 3)
        let floor = try #require(Trajectory(metric: metric(.increase), values: [value(.baseline, "2024-01-01", 600), value(.target, "2025-01-01", 500)]))
        #expect(floor.tolerance == 10)
        #expect(floor.shortfall(of: 560, against: 550) < 0)
        #expect(floor.shortfall(of: 520, against: 550) == 30)
    }

    @Test("qualitative metrics and metrics without numeric targets have no trajectory")
    func none() {
        #expect(Trajectory(metric: metric(.increase, .qualitative), values: [value(.target, "2025-01-01", 1)]) == nil)
        #expect(Trajectory(metric: metric(.increase), values: [value(.baseline, "2025-01-01", 1)]) == nil)
    }

    @Test("least-squares trend")
    func trend() throws {
        let start = Day(iso: "2024-01-01")!
        let trend = try #require(Trend([(start, 10), (start.adding(days: 10), 20), (start.adding(days: 20), 30)]))
        #expect(abs(trend.slopePerDay - 1) < 1e-9)
        #expect(abs(trend.value(on: start.adding(days: 30)) - 40) < 1e-9)
        #expect(Trend([(start, 1), (start, 2)]) == nil)
    }
}
