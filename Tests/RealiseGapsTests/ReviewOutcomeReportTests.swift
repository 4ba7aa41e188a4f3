import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Review outcomes in the gap report")
struct ReviewOutcomeReportTests {
    let asOf = Day(iso: "2025-06-30")!

    private func outcome(_ subject: String, _ date: String, _ rag: RAG, note: String? = nil) -> ReviewOutcome {
        ReviewOutcome(subject: subject, date: Day(iso: date)!, rag: rag, reviewer: "Board", note: note)
    }

    private var plan: Plan {
        var builder = PlanBuilder()
        builder.objective("O1")
        builder.deliverable("D1")
        builder.benefit("B1", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.metric("M1", measures: ["B1"], values: [(.baseline, "2024-01-01", 1), (.target, "2027-01-01", 2), (.measurement, "2025-06-01", 1.5)])
        builder.benefit("B2", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.metric("M2", measures: ["B2"], values: [(.baseline, "2024-01-01", 1), (.target, "2027-01-01", 2)])
        return builder.plan
    }

    @Test("a benefit whose latest review is red shows red even when no other rule fires")
    func redShows() throws {
        let history = GapHistory(outcomes: [outcome("B1", "2025-03-31", .green), outcome("B1", "2025-06-27", .red, note: "Buses withdrawn")])
        let findings = try GapAnalyzer().report(for: plan, asOf: asOf).findings
        #expect(findings.filter { $0.subject.id == "B1" }.isEmpty)
        let red = try GapAnalyzer().report(for: plan, asOf: asOf, history: history).findings.filter { $0.subject.id == "B1" }
        #expect(red.map(\.rule) == ["review-red"])
        #expect(red.first?.severity == .high)
        #expect(red.first?.details.contains(Finding.Detail(label: "note", value: "Buses withdrawn")) == true)
    }

    @Test("only the latest review on or before the report's day counts")
    func latestOnly() throws {
        let later = GapHistory(outcomes: [outcome("B1", "2025-03-31", .red), outcome("B1", "2025-06-01", .amber)])
        #expect(try GapAnalyzer(only: ["review-red"]).report(for: plan, asOf: asOf, history: later).findings.isEmpty)
        let future = GapHistory(outcomes: [outcome("B1", "2025-03-31", .red), outcome("B1", "2025-07-15", .green)])
        #expect(try GapAnalyzer(only: ["review-red"]).report(for: plan, asOf: asOf, history: future).findings.count == 1)
    }

    @Test("each finding carries its subject's latest review")
    func besideFindings() throws {
        var builder = PlanBuilder()
        builder.benefit("B1")
        let history = GapHistory(outcomes: [outcome("B1", "2025-05-01", .amber, note: "Slow start")])
        let finding = try #require(GapAnalyzer(only: ["benefit-without-metric"]).report(for: builder.plan, asOf: asOf, history: history).findings.first)
        #expect(finding.review == outcome("B1", "2025-05-01", .amber, note: "Slow start"))
        #expect(finding.review?.summary == "amber on 2025-05-01 by Board: Slow start")
    }

    @Test("coverage gives each objective's own latest review and counts its benefits rated red")
    func coverage() throws {
        let history = GapHistory(outcomes: [outcome("B1", "2025-06-01", .red), outcome("B2", "2025-06-01", .green),
                                            outcome("O1", "2025-06-15", .amber)])
        let rows = try GapAnalyzer().report(for: plan, asOf: asOf, history: history).coverage
        let row = try #require(rows.first { $0.objective == "O1" })
        #expect(row.reviewedRed == 1)
        #expect(row.review?.rag == .amber)
        #expect(rows.first { $0.level == "programme" }?.reviewedRed == 1)
    }
}
