import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("plan diff: targets, baselines and measurements")
struct PlanDiffMetricTests {
    let old = DiffSupport.base().plan

    /// The plan with its 2028-03-31 target moved to `value` on `date`, the metric going `direction` in both.
    private func moved(to value: Double, on date: String, direction: Metric.Direction = .increase) -> (Plan, Plan) {
        var before = old, after = old
        before.metrics[0].direction = direction
        after.metrics[0].direction = direction
        let index = DiffSupport.value(after, .target, "2028-03-31")
        after.values[index].value = value
        after.values[index].date = DiffSupport.day(date)
        return (before, after)
    }

    @Test("a lower target of an increase metric is target-lowered, a higher one target-raised, with the values")
    func loweredAndRaised() throws {
        let (before, lower) = moved(to: 5000, on: "2028-03-31")
        let changes = try DiffSupport.planChanges(before, lower)
        #expect(changes.map(\.kind) == [.targetLowered])
        #expect(changes.first?.field == "target")
        if case .value(let was)? = changes.first?.before, case .value(let now)? = changes.first?.after {
            #expect(was.value == 8000 && now.value == 5000)
        } else {
            Issue.record("before and after are the target values: \(changes)")
        }
        #expect(try DiffSupport.planChanges(before, moved(to: 9000, on: "2028-03-31").1).map(\.kind) == [.targetRaised])
    }

    @Test("for a decrease metric a higher target is lowered and a lower one raised; maintain is just changed")
    func directionAware() throws {
        let (down, higher) = moved(to: 9000, on: "2028-03-31", direction: .decrease)
        #expect(try DiffSupport.planChanges(down, higher).map(\.kind) == [.targetLowered])
        #expect(try DiffSupport.planChanges(down, moved(to: 7000, on: "2028-03-31", direction: .decrease).1).map(\.kind) == [.targetRaised])
        let (flat, other) = moved(to: 7000, on: "2028-03-31", direction: .maintain)
        #expect(try DiffSupport.planChanges(flat, other).map(\.kind) == [.changed])
    }

    @Test("lower and later (8000 by 2028-03-31 to 5000 by 2029-03-31) is target-lowered and target-deferred with the days")
    func lowerAndLater() throws {
        let (before, after) = moved(to: 5000, on: "2029-03-31")
        let changes = try DiffSupport.planChanges(before, after)
        #expect(changes.map(\.kind) == [.targetLowered, .targetDeferred])
        let deferred = try #require(changes.last)
        #expect(deferred.before == .day(DiffSupport.day("2028-03-31")))
        #expect(deferred.after == .day(DiffSupport.day("2029-03-31")))
        #expect(deferred.days == DiffSupport.day("2028-03-31").days(to: DiffSupport.day("2029-03-31")))
        #expect(changes.first?.days == nil)
    }

    @Test("the same value later is less ambitious (lowered) and deferred; sooner is raised and brought forward")
    func sameValueMoved() throws {
        let (before, later) = moved(to: 8000, on: "2028-09-30")
        #expect(try DiffSupport.planChanges(before, later).map(\.kind) == [.targetLowered, .targetDeferred])
        let sooner = try DiffSupport.planChanges(before, moved(to: 8000, on: "2027-09-30").1)
        #expect(sooner.map(\.kind) == [.targetRaised, .targetBroughtForward])
        #expect(sooner.last.flatMap(\.days).map { $0 < 0 } == true)
    }

    @Test("a final target moved when an interim one stays is paired with the final one")
    func pairsFinalTargets() throws {
        var before = old
        before.values.append(MetricValue(metric: "MET-1", kind: .target, date: DiffSupport.day("2026-03-31"), value: 3000,
                                         source: SourceRef(path: "plan.xml", line: 90, format: "realise-xml")))
        var after = before
        after.values.removeAll { $0.kind == .target && $0.date == DiffSupport.day("2026-03-31") }
        let index = DiffSupport.value(after, .target, "2028-03-31")
        after.values[index].date = DiffSupport.day("2029-03-31")
        let changes = try DiffSupport.planChanges(before, after)
        #expect(changes.map(\.kind) == [.targetLowered, .targetDeferred, .changed])
        #expect(changes.last?.after == nil)
        #expect(changes.last?.field == "target")
    }

    @Test("a baseline with another value or day is baseline-restated")
    func baselineRestated() throws {
        var after = old
        let index = DiffSupport.value(after, .baseline, "2024-03-31")
        after.values[index].value = 900
        let changes = try DiffSupport.planChanges(old, after)
        #expect(changes.map(\.kind) == [.baselineRestated])
        #expect(changes.first?.field == "baseline")
        after.values[index].date = DiffSupport.day("2024-06-30")
        let moved = try DiffSupport.planChanges(old, after)
        #expect(moved.map(\.kind) == [.baselineRestated])
        #expect(moved.first?.days == DiffSupport.day("2024-03-31").days(to: DiffSupport.day("2024-06-30")))
    }

    @Test("a measurement the older version did not have is measured; a corrected one is changed")
    func measured() throws {
        var after = old
        let source = SourceRef(path: "values.csv", line: 12, format: "register-csv")
        after.values.append(MetricValue(metric: "MET-1", kind: .measurement, date: DiffSupport.day("2025-12-31"), value: 3100, source: source))
        let changes = try DiffSupport.planChanges(old, after)
        #expect(changes.map(\.kind) == [.measured])
        #expect(changes.first?.source == PlanChange.Source(path: "values.csv", line: 12))
        #expect(changes.first?.before == nil)
        let index = DiffSupport.value(after, .measurement, "2025-09-30")
        after.values[index].value = 2600
        #expect(try DiffSupport.planChanges(old, after).map(\.kind) == [.measured, .changed])
    }

    @Test("an added metric's values go with it: no measured, no target changes")
    func addedMetric() throws {
        var builder = DiffSupport.base()
        builder.metric("MET-2", measures: ["BEN-1"], values: [(.baseline, "2024-03-31", 5), (.measurement, "2025-06-30", 6)])
        let changes = try DiffSupport.planChanges(old, builder.plan)
        #expect(changes.map(\.kind) == [.linkAdded, .added])
        #expect(changes.map(\.subject.id) == ["BEN-1", "MET-2"])
    }
}
