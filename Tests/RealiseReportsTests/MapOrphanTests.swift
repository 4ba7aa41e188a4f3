import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("the benefits map's orphans are the orphan-deliverable rule's")
struct MapOrphanTests {
    static let asOf = Day(iso: "2025-06-30")!

    /// B1 is enabled by D1, which depends on its prerequisite D0; D9 serves nothing; D6 is a leaf under the summary D5,
    /// which serves nothing either.
    static var plan: Plan {
        var plan = Plan()
        func source(_ line: Int) -> SourceRef { SourceRef(path: "plans/orphans.xml", line: line, format: "realise-xml") }
        plan.objectives = [Objective(id: "O1", statement: "Faster buses", owner: "Head of Transport", source: source(1))]
        plan.benefits = [Benefit(id: "B1", description: "Shorter journeys", owner: "Head of Transport", source: source(2))]
        plan.deliverables = [
            Deliverable(id: "D1", name: "Bus lanes", kind: .project, source: source(3)),
            Deliverable(id: "D0", name: "Traffic orders for the lanes", kind: .task, source: source(4)),
            Deliverable(id: "D9", name: "A shiny new system", kind: .task, source: source(5)),
            Deliverable(id: "D5", name: "Rebranding", kind: .summary, source: source(6)),
            Deliverable(id: "D6", name: "New livery", kind: .task, parent: "D5", source: source(7)),
        ]
        plan.links = [
            Link(kind: .contributesTo, from: "B1", to: "O1", source: source(2)),
            Link(kind: .enabledBy, from: "B1", to: "D1", source: source(2)),
            Link(kind: .dependsOn, from: "D1", to: "D0", dependencyType: .finishToStart, source: source(3)),
        ]
        return plan
    }

    @Test("a prerequisite of a deliverable that serves a benefit is no orphan on the map, as the rule says (the map once drew it as one)")
    func agree() throws {
        let report = try GapAnalyzer().report(for: Self.plan, asOf: Self.asOf)
        let found = Set(report.findings.filter { $0.rule == OrphanDeliverable.id }.map(\.subject.id))
        #expect(found == ["D9", "D6"])
        let graph = BenefitsMapGraph(report: report)
        #expect(Set(graph.nodes(.deliverable).filter(\.isOrphan).map(\.id)) == found)
        #expect(graph.node("D0")?.isOrphan != true && graph.node("D0")?.tag != "orphan")
        #expect(graph.node("D9")?.tag == "orphan" && graph.node("D6")?.tag == "orphan")
    }

    @Test("a report run without the orphan-deliverable rule marks no deliverable an orphan")
    func withoutTheRule() throws {
        let report = try GapAnalyzer(skip: [OrphanDeliverable.id]).report(for: Self.plan, asOf: Self.asOf)
        #expect(BenefitsMapGraph(report: report).nodes.allSatisfy { !$0.isOrphan })
    }
}
