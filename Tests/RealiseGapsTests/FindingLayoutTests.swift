import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("How the reading formats lay findings out")
struct FindingLayoutTests {
    let asOf = Day(iso: "2025-06-30")!

    private func layout(_ builder: PlanBuilder, only: [String] = []) throws -> FindingLayout {
        try GapAnalyzer(only: only).report(for: builder.plan, asOf: asOf).layout
    }

    @Test("one subject's findings are together, under its worst finding's severity")
    func bySubject() throws {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.metric("M1", measures: ["B1"])
        let sections = try layout(builder, only: ["benefit-without-deliverable", "metric-without-baseline", "metric-without-target"]).sections
        #expect(sections.map(\.severity) == [.high, .medium])
        #expect(sections[0].entries == [.subject(sections[0].entries[0].findings)])
        #expect(sections[1].entries.count == 1)
        #expect(sections[1].entries[0].findings.map(\.rule) == ["metric-without-baseline", "metric-without-target"])
        #expect(sections[1].subjectCount == 1 && sections[1].findingCount == 2)
    }

    @Test("a lesser finding sits with its subject's worst one")
    func lesserWithWorst() throws {
        var builder = PlanBuilder()
        builder.benefit("B1", owner: nil)
        let sections = try layout(builder, only: ["benefit-without-metric", "missing-owner"]).sections
        #expect(sections.map(\.severity) == [.high])
        #expect(sections[0].entries[0].findings.map(\.severity) == [.high, .medium])
    }

    @Test("one rule with one cause across three or more subjects is one shared entry; two stay apart")
    func shared() throws {
        var builder = PlanBuilder()
        for id in ["M1", "M2", "M3"] { builder.metric(id, owner: nil) }
        builder.benefit("B1", owner: nil)
        builder.benefit("B2", owner: nil)
        builder.benefit("B3", owner: "Someone")
        let sections = try layout(builder, only: ["missing-owner"]).sections
        #expect(sections.count == 1)
        let entries = sections[0].entries
        #expect(entries.count == 1)
        guard case .shared(let findings) = entries[0] else { Issue.record("not shared: \(entries[0])"); return }
        #expect(findings.map(\.subject.id) == ["B1", "B2", "M1", "M2", "M3"])
        #expect(sections[0].subjectCount == 5)

        var two = PlanBuilder()
        two.metric("M1", owner: nil)
        two.metric("M2", owner: nil)
        let apart = try layout(two, only: ["missing-owner"]).sections[0].entries
        #expect(apart.count == 2)
        #expect(apart.allSatisfy { if case .subject = $0 { true } else { false } })
    }

    @Test("findings of one rule with different causes are not shared")
    func differentCauses() throws {
        var builder = PlanBuilder()
        for (id, date) in [("D1", "2025-01-31"), ("D2", "2025-02-28"), ("D3", "2025-03-31")] {
            builder.deliverable(id, planned: date, baseline: "2024-12-31")
        }
        let entries = try layout(builder, only: ["deliverable-slipped"]).sections[0].entries
        #expect(entries.count == 3)
    }

    @Test("every finding is drawn exactly once")
    func eachOnce() throws {
        var builder = PlanBuilder()
        builder.objective("O1", owner: nil)
        for index in 1...6 {
            builder.benefit("B\(index)", contributesTo: index.isMultiple(of: 2) ? ["O1"] : [], owner: index > 3 ? nil : "Owner")
            builder.metric("M\(index)", measures: ["B\(index)"], owner: nil)
        }
        let report = try GapAnalyzer().report(for: builder.plan, asOf: asOf)
        let drawn = report.layout.sections.flatMap { $0.entries.flatMap(\.findings) }
        #expect(drawn.count == report.findings.count)
        #expect(Set(drawn) == Set(report.findings))
    }
}
