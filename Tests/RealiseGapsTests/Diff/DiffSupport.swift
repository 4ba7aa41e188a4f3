import RealiseModel
@testable import RealiseGaps

/// Two versions of a small plan and what `PlanDiff` makes of them.
enum DiffSupport {
    static let asOf = Day(iso: "2025-10-31")!

    /// A plan with one of everything: an objective served by a benefit, enabled by a deliverable, measured by a metric
    /// with a baseline, a target and a measurement.
    static func base() -> PlanBuilder {
        var builder = PlanBuilder()
        builder.objective("OBJ-1")
        builder.benefit("BEN-1", contributesTo: ["OBJ-1"], enabledBy: ["DEL-1"])
        builder.deliverable("DEL-1", planned: "2026-03-31", baseline: "2026-03-31", forecast: "2026-03-31")
        builder.metric("MET-1", measures: ["BEN-1"],
                       values: [(.baseline, "2024-03-31", 1000), (.target, "2028-03-31", 8000), (.measurement, "2025-09-30", 2500)])
        return builder
    }

    /// The changes from `old` to `new`, each judged as of its day (both `asOf` unless given).
    static func changes(_ old: Plan, _ new: Plan, oldDate: Day = asOf, newDate: Day = asOf) throws -> [PlanChange] {
        let analyzer = try GapAnalyzer()
        return PlanDiff().changes(from: DiffEnd(label: "old", date: oldDate, plan: old, analyzer: analyzer),
                                  to: DiffEnd(label: "new", date: newDate, plan: new, analyzer: analyzer))
    }

    /// The changes that are not gaps opened or closed (rule tests own those).
    static func planChanges(_ old: Plan, _ new: Plan) throws -> [PlanChange] {
        try changes(old, new).filter { $0.kind != .gapOpened && $0.kind != .gapClosed }
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// The index of the value of `metric` of `kind` on `date`.
    static func value(_ plan: Plan, _ kind: MetricValue.Kind, _ date: String) -> Int {
        plan.values.firstIndex { $0.kind == kind && $0.date == day(date) }!
    }
}
