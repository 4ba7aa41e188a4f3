import RealiseGaps
import RealiseModel

/// Two versions of a small plan a month apart, and the gap report on the newer with what changed since the older:
/// a deliverable (named like a script) slips 30 days, a metric's target is lowered, another deliverable's delivery
/// confidence goes from amber to red. A second metric keeps its baseline and target.
enum SinceFixture {
    static let since = Day(iso: "2025-12-31")!
    static let asOf = Day(iso: "2026-01-31")!
    static let hostile = "<script>alert(1)</script>"

    /// The plan on the `since` day.
    static var old: Plan {
        var plan = Plan()
        func source(_ line: Int) -> SourceRef { SourceRef(path: "plans/harbour.xml", line: line, column: 1, format: "realise-xml") }
        plan.programmes = [Programme(id: "HR", name: "Harbour Renewal", owner: "Sam Reyes", source: source(2))]
        plan.objectives = [Objective(id: "O1", statement: "A busier harbour front", programme: "HR", owner: "Director of Place",
                                     source: source(3))]
        plan.benefits = [Benefit(id: "B1", description: "More visitors to the harbour", programme: "HR", owner: "Head of Tourism",
                                 source: source(4))]
        plan.deliverables = [
            Deliverable(id: "D1", name: hostile, plannedFinish: Day(iso: "2026-03-31"), baselineFinish: Day(iso: "2026-03-31"),
                        forecastFinish: Day(iso: "2026-03-31"), deliveryConfidence: .green, programme: "HR", owner: "Jo Kent",
                        source: source(5)),
            Deliverable(id: "D2", name: "Harbour ticketing app", plannedFinish: Day(iso: "2026-06-30"), deliveryConfidence: .amber,
                        programme: "HR", owner: "Jo Kent", source: source(6)),
        ]
        plan.metrics = [
            Metric(id: "MET-1", name: "Harbour visitors", unit: "visitors per month", direction: .increase, frequency: .monthly,
                   programme: "HR", owner: "Tourism analyst", source: source(7)),
            Metric(id: "MET-2", name: "Berth waiting time", unit: "minutes", direction: .decrease, frequency: .quarterly,
                   programme: "HR", owner: "Harbour master", source: source(8)),
        ]
        plan.values = [
            MetricValue(metric: "MET-1", kind: .baseline, date: Day(iso: "2024-03-31")!, value: 1000, source: source(9)),
            MetricValue(metric: "MET-1", kind: .target, date: Day(iso: "2027-03-31")!, value: 8000, source: source(10)),
            MetricValue(metric: "MET-1", kind: .measurement, date: Day(iso: "2025-09-30")!, value: 2500, source: source(11)),
            MetricValue(metric: "MET-2", kind: .baseline, date: Day(iso: "2024-03-31")!, value: 58, source: source(12)),
            MetricValue(metric: "MET-2", kind: .target, date: Day(iso: "2027-03-31")!, value: 40, source: source(13)),
            MetricValue(metric: "MET-2", kind: .measurement, date: Day(iso: "2025-09-30")!, value: 55, source: source(14)),
        ]
        plan.links = [
            Link(kind: .contributesTo, from: "B1", to: "O1", source: source(4)),
            Link(kind: .enabledBy, from: "B1", to: "D1", source: source(4)),
            Link(kind: .enabledBy, from: "B1", to: "D2", source: source(4)),
            Link(kind: .measures, from: "MET-1", to: "B1", source: source(7)),
            Link(kind: .measures, from: "MET-2", to: "B1", source: source(8)),
        ]
        return plan
    }

    /// The plan on the `asOf` day: D1 forecast 30 days later, MET-1's target lowered, D2 rated red.
    static var new: Plan {
        var plan = old
        plan.deliverables[0].forecastFinish = Day(iso: "2026-04-30")
        plan.deliverables[1].deliveryConfidence = .red
        plan.values[1].value = 6000
        return plan
    }

    /// The gap report on `new` as of `asOf`, without a comparison.
    static var plain: GapReport {
        get throws { try GapAnalyzer().report(for: new, asOf: asOf) }
    }

    /// The gap report on `new` as of `asOf`, with what changed since `old` and `old`'s baselines and targets.
    static var report: GapReport {
        get throws {
            let analyzer = try GapAnalyzer()
            var report = try plain
            report.since = PlanDiff().report(from: DiffEnd(label: "\(since)", date: since, plan: old, analyzer: analyzer),
                                             to: DiffEnd(label: "\(asOf)", date: asOf, plan: new, analyzer: analyzer))
            report.earlierTargets = Dictionary(grouping: old.values.filter { $0.kind != .measurement }, by: \.metric)
            return report
        }
    }

    /// The report on `new`, with a comparison that found only a change outside the headline (a deliverable's notes);
    /// both ends judged on the `since` day, so that no gap opens or closes with time.
    static var quiet: GapReport {
        get throws {
            var report = try plain, later = new
            later.deliverables[1].notes = "Supplier chosen"
            let analyzer = try GapAnalyzer()
            report.since = PlanDiff().report(from: DiffEnd(label: "\(since)", date: since, plan: new, analyzer: analyzer),
                                             to: DiffEnd(label: "\(asOf)", date: since, plan: later, analyzer: analyzer))
            return report
        }
    }
}
