import RealiseModel
import Testing
@testable import RealiseGaps

/// `target-lowered` compares a metric's old and new target trajectories, as the workspace's revisions of one
/// import turn one into the other.
@Suite("target-lowered compares trajectories")
struct TargetLoweredTests {
    typealias Point = (date: String, value: Double)

    /// The findings when one import turned `old` targets into `new` ones (today's plan holds `new`; the revisions
    /// withdraw, add and change targets exactly as an import records them).
    private func findings(direction: Metric.Direction = .increase, baseline: Point? = ("2024-03-31", 1000),
                          old: [Point], new: [Point], unit: String? = "trips per month") -> [Finding] {
        var builder = PlanBuilder()
        builder.metric("MET-04", values: (baseline.map { [(.baseline, $0.date, $0.value)] } ?? []) + new.map { (.target, $0.date, $0.value) },
                       direction: direction)
        builder.plan.metrics[0].unit = unit
        let before = Dictionary(uniqueKeysWithValues: old.map { (Day(iso: $0.date)!, $0.value) })
        let after = Dictionary(uniqueKeysWithValues: new.map { (Day(iso: $0.date)!, $0.value) })
        let revisions = Set(before.keys).union(after.keys).sorted().compactMap { day -> ValueRevision? in
            guard before[day] != after[day] else { return nil }
            return ValueRevision(metric: "MET-04", kind: .target, date: day, oldValue: before[day], newValue: after[day],
                                 recordedOn: Day(iso: "2025-11-01"), importRun: 2)
        }
        return TargetLowered().findings(in: GapContext(plan: builder.plan, asOf: Day(iso: "2025-12-31")!, history: GapHistory(revisions: revisions)))
    }

    @Test("lowered at the same date")
    func sameDateLowered() {
        let found = findings(old: [("2028-03-31", 8000)], new: [("2028-03-31", 6000)])
        #expect(found.count == 1)
        #expect(found.first?.evidence["oldValue"] == .number(8000) && found.first?.evidence["newValue"] == .number(6000))
        #expect(found.first?.message == "the target of 8,000 trips per month by 2028-03-31 became 6,000 trips per month by 2028-03-31; "
                    + "the new trajectory asks for 6,000 trips per month by 2028-03-31 (changed on 2025-11-01)")
    }

    @Test("moved later at the same value")
    func laterSameValue() {
        let found = findings(old: [("2028-03-31", 8000)], new: [("2029-03-31", 8000)])
        #expect(found.map(\.evidence["newTargetDate"]) == [.text("2029-03-31")])
    }

    @Test("lower and later: one finding naming both the old and the new target")
    func lowerAndLater() {
        let found = findings(old: [("2028-03-31", 8000)], new: [("2029-03-31", 5000)])
        #expect(found.count == 1)
        let evidence = found.first?.evidence ?? [:]
        #expect(evidence["targetDate"] == .text("2028-03-31") && evidence["oldValue"] == .number(8000))
        #expect(evidence["newTargetDate"] == .text("2029-03-31") && evidence["newValue"] == .number(5000))
        #expect(found.first?.message.hasPrefix("the target of 8,000 trips per month by 2028-03-31 became 5,000 trips per month by 2029-03-31") == true)
    }

    @Test("moved earlier at the same value, or raised: not lowered")
    func earlierOrRaised() {
        #expect(findings(old: [("2028-03-31", 8000)], new: [("2027-03-31", 8000)]).isEmpty)
        #expect(findings(old: [("2028-03-31", 8000)], new: [("2028-03-31", 9000)]).isEmpty)
        #expect(findings(old: [("2028-03-31", 8000)], new: [("2028-03-31", 8000), ("2029-03-31", 9000)]).isEmpty)
    }

    @Test("a decrease metric: raised is lowered, cut is not, later is lowered, earlier is not")
    func decreaseDirection() {
        let baseline: Point = ("2023-09-30", 68)
        #expect(findings(direction: .decrease, baseline: baseline, old: [("2028-03-31", 58)], new: [("2028-03-31", 60)]).count == 1)
        #expect(findings(direction: .decrease, baseline: baseline, old: [("2028-03-31", 58)], new: [("2028-03-31", 55)]).isEmpty)
        #expect(findings(direction: .decrease, baseline: baseline, old: [("2028-03-31", 58)], new: [("2029-03-31", 58)]).count == 1)
        #expect(findings(direction: .decrease, baseline: baseline, old: [("2028-03-31", 58)], new: [("2027-03-31", 58)]).isEmpty)
    }

    @Test("two targets on the trajectory: the later one moved later lowers the line at its old date")
    func twoTargets() {
        let old: [Point] = [("2026-03-31", 5000), ("2028-03-31", 8000)]
        let found = findings(old: old, new: [("2026-03-31", 5000), ("2029-03-31", 8000)])
        #expect(found.count == 1)
        #expect(found.first?.evidence["targetDate"] == .text("2028-03-31"))
        // 731 of the 1 096 days from 5 000 towards 8 000: the line through 2029 asks about 7 001 in March 2028.
        if case .number(let required)? = found.first?.evidence["requiredThen"] { #expect(abs(required - 7001) < 1) } else { Issue.record("no requiredThen") }
        // A point added between, above the old line, lowers nothing.
        #expect(findings(old: old, new: old + [("2027-03-31", 6500)]).isEmpty)
        // Dropping the intermediate target: the line from the baseline (1 000 in 2024) asks about 4 502 in March 2026.
        #expect(findings(old: old, new: [("2028-03-31", 8000)]).map(\.evidence["targetDate"]) == [.text("2026-03-31")])
    }

    @Test("without a baseline, a target moved later asks nothing before its date; every target withdrawn is lowered")
    func noBaselineAndWithdrawn() {
        #expect(findings(baseline: nil, old: [("2028-03-31", 8000)], new: [("2029-03-31", 8000)]).count == 1)
        let withdrawn = findings(old: [("2028-03-31", 8000)], new: [])
        #expect(withdrawn.first?.message == "the target of 8,000 trips per month by 2028-03-31 became no target (changed on 2025-11-01)")
    }

    @Test("maintain metrics are never lowered; one finding per import, one per metric")
    func maintainAndPerImport() {
        #expect(findings(direction: .maintain, old: [("2028-03-31", 8000)], new: [("2028-03-31", 6000)]).isEmpty)
        var builder = PlanBuilder()
        builder.metric("M", values: [(.target, "2028-03-31", 5000)])
        let day = Day(iso: "2028-03-31")!
        let history = GapHistory(revisions: [
            ValueRevision(metric: "M", kind: .target, date: day, oldValue: 8000, newValue: 7000, recordedOn: Day(iso: "2025-01-01"), importRun: 2),
            ValueRevision(metric: "M", kind: .target, date: day, oldValue: 7000, newValue: 5000, recordedOn: Day(iso: "2025-02-01"), importRun: 3),
        ])
        let found = TargetLowered().findings(in: GapContext(plan: builder.plan, asOf: Day(iso: "2025-12-31")!, history: history))
        #expect(found.map(\.evidence["oldValue"]) == [.number(8000), .number(7000)])
    }
}
