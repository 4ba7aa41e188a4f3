import RealiseGaps
import RealiseModel

/// A small programme with one of each structural gap and text that needs escaping.
enum ReportFixture {
    static let asOf = Day(iso: "2025-06-30")!

    static var plan: Plan {
        var plan = Plan()
        func source(_ line: Int, _ id: String? = nil) -> SourceRef {
            SourceRef(path: "plans/coast.xml", line: line, column: 1, format: "realise-xml", identifier: id)
        }
        plan.programmes = [Programme(id: "CCM", name: "Connected Coastal Mobility", organisation: "NCC", owner: "Jo Bloggs", source: source(2, "CCM"))]
        plan.organisations = [Organisation(id: "NCC", name: "Norland County Council", programme: "CCM", source: source(3, "NCC"))]
        plan.objectives = [
            Objective(id: "V1", statement: "Residents reach work & services within 45 minutes", horizon: Day(iso: "2029-03-31"),
                      programme: "CCM", owner: "Director of Place", organisation: "NCC", source: source(4, "V1")),
            Objective(id: "O1", statement: "Faster, more reliable buses", parent: "V1", programme: "CCM", owner: "Head of Transport",
                      source: source(5, "O1")),
            Objective(id: "O2", statement: "A \"joined-up\", <seamless> network", parent: "V1", programme: "CCM", source: source(6, "O2")),
        ]
        plan.benefits = [
            Benefit(id: "B1", description: "Shorter bus journeys, Coast Road", kind: .benefit, benefitClass: .societal,
                    confidence: .medium, realisationStart: Day(iso: "2026-04-01"), realisationEnd: Day(iso: "2029-03-31"),
                    observableOutcome: "Buses reach Wexcombe sooner", programme: "CCM", owner: "Head of Transport",
                    organisation: "NCC", source: source(7, "B1")),
            Benefit(id: "B2", description: "=Disruption during works", kind: .disBenefit, programme: "CCM", source: source(8, "B2")),
        ]
        plan.deliverables = [
            Deliverable(id: "D1", name: "Bus priority scheme", kind: .summary, plannedStart: Day(iso: "2024-04-01"),
                        plannedFinish: Day(iso: "2026-03-31"), programme: "CCM", organisation: "NCC", source: source(9, "D1")),
            Deliverable(id: "D1.1", name: "Bus lanes", parent: "D1", plannedFinish: Day(iso: "2025-12-31"),
                        baselineFinish: Day(iso: "2025-09-30"), percentComplete: 40, deliveryConfidence: .amber,
                        programme: "CCM", organisation: "NCC", source: source(10, "D1.1")),
            Deliverable(id: "D2", name: "Mobility data platform", kind: .project, programme: "CCM", source: source(11, "D2")),
            Deliverable(id: "M1", name: "Lanes open", kind: .milestone, parent: "D1", plannedFinish: Day(iso: "2026-03-31"),
                        programme: "CCM", source: source(12, "M1")),
        ]
        plan.metrics = [
            Metric(id: "MET-1", name: "Average journey time", unit: "minutes", direction: .decrease, frequency: .quarterly,
                   dataSource: "AVL feed", programme: "CCM", owner: "Transport analyst", source: source(13, "MET-1")),
        ]
        plan.values = [
            MetricValue(metric: "MET-1", kind: .baseline, date: Day(iso: "2024-03-31")!, value: 58, source: source(14)),
            MetricValue(metric: "MET-1", kind: .target, date: Day(iso: "2027-03-31")!, value: 52, source: source(15)),
            MetricValue(metric: "MET-1", kind: .measurement, date: Day(iso: "2025-03-31")!, value: 57.5, note: "Q4 AVL",
                        source: source(16)),
        ]
        plan.links = [
            Link(kind: .contributesTo, from: "B1", to: "O1", source: source(7)),
            Link(kind: .enabledBy, from: "B1", to: "D1", source: source(7)),
            Link(kind: .contributesTo, from: "B2", to: "O1", source: source(8)),
            Link(kind: .dependsOn, from: "M1", to: "D1.1", dependencyType: .finishToStart, lagDays: 5, source: source(12)),
            Link(kind: .measures, from: "MET-1", to: "B1", share: 60, source: source(13)),
        ]
        return plan
    }

    static var report: GapReport {
        get throws { try GapAnalyzer().report(for: plan, asOf: asOf) }
    }
}
