import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Actions in the gap report")
struct ActionReportTests {
    let asOf = Day(iso: "2025-10-31")!

    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func action(_ id: Int64, _ target: String, due: String, opened: String = "2025-09-26", closed: String? = nil) throws -> ActionItem {
        let parsed = try ActionTarget(target)
        return ActionItem(id: id, target: target, subject: parsed.subject, rule: parsed.rule, owner: "Jo", due: day(due),
                          opened: .init(on: day(opened), by: "Clerk", note: "Agreed at the board"),
                          closed: closed.map { .init(on: day($0), by: "Clerk", note: "Done") })
    }

    /// B1 has no metric (a finding); B2 is measured and served, with nothing found.
    private var plan: Plan {
        var builder = PlanBuilder()
        builder.objective("O1")
        builder.deliverable("D1")
        builder.benefit("B1", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.benefit("B2", contributesTo: ["O1"], enabledBy: ["D1"])
        builder.metric("M2", measures: ["B2"], values: [(.baseline, "2024-01-01", 1), (.target, "2027-01-01", 2), (.measurement, "2025-10-01", 1.6)])
        return builder.plan
    }

    @Test("a finding key or an entity id is read; a mistyped rule is refused naming it")
    func targets() throws {
        let key = try ActionTarget("missing-owner:MET-04")
        #expect(key.rule == "missing-owner" && key.subject == "MET-04")
        let entity = try ActionTarget("BEN-04")
        #expect(entity.rule == nil && entity.subject == "BEN-04")
        let colon = try ActionTarget("urn:BEN:4")
        #expect(colon.rule == nil && colon.subject == "urn:BEN:4")
        #expect(throws: GapError.self) { try ActionTarget("missing-ownr:MET-04") }
    }

    @Test("each finding carries the open actions on its key or its subject, not those closed or not yet agreed")
    func besideFindings() throws {
        let history = GapHistory(actions: [
            try action(1, "benefit-without-metric:B1", due: "2025-12-31"),
            try action(2, "B1", due: "2025-12-31"),
            try action(3, "missing-owner:B1", due: "2025-12-31"),
            try action(4, "benefit-without-metric:B1", due: "2025-12-31", closed: "2025-10-15"),
            try action(5, "benefit-without-metric:B1", due: "2025-12-31", opened: "2025-11-05"),
        ])
        let report = try GapAnalyzer(only: ["benefit-without-metric"]).report(for: plan, asOf: asOf, history: history)
        let finding = try #require(report.findings.first { $0.subject.id == "B1" })
        #expect(finding.actions.map(\.id) == [1, 2])
        // Action 3's finding (missing-owner) is not found: resolved, action still open.
        #expect(report.actions.open.map { $0.action.id } == [1, 2, 3])
        #expect(report.actions.open.map(\.findings) == [1, 1, 0])
        #expect(report.actions.closedSinceReview.map(\.id) == [4])
    }

    @Test("an open action past its due date is an action-overdue finding about its subject")
    func overdue() throws {
        let history = GapHistory(actions: [try action(1, "B2", due: "2025-10-10"), try action(2, "B2", due: "2025-11-10"),
                                           try action(3, "B2", due: "2025-10-01", closed: "2025-10-20")])
        let report = try GapAnalyzer(only: ["action-overdue"]).report(for: plan, asOf: asOf, history: history)
        #expect(report.findings.map(\.key) == ["action-overdue:B2"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .medium)
        #expect(finding.message == "action #1 on B2 was due 2025-10-10 (21 days overdue), owner Jo")
        #expect(finding.details.contains(Finding.Detail(label: "overdue by", value: "21 days")))
        #expect(report.actions.open.map(\.daysOverdue) == [21, 0])
        // As of its due day action 1 is not overdue yet, while action 3 (closed later) was.
        let earlier = try GapAnalyzer(only: ["action-overdue"]).report(for: plan, asOf: day("2025-10-10"), history: history)
        #expect(earlier.findings.map(\.message) == ["action #3 on B2 was due 2025-10-01 (9 days overdue), owner Jo"])
    }

    @Test("closed since the last review: after the subject's latest review, else the workspace's latest")
    func closedSinceReview() throws {
        let history = GapHistory(
            outcomes: [ReviewOutcome(subject: "B1", date: day("2025-10-01"), rag: .amber),
                       ReviewOutcome(subject: "O1", date: day("2025-10-20"), rag: .green)],
            actions: [try action(1, "B1", due: "2025-12-31", closed: "2025-09-30"), try action(2, "B1", due: "2025-12-31", closed: "2025-10-02"),
                      try action(3, "B2", due: "2025-12-31", closed: "2025-10-15"), try action(4, "B2", due: "2025-12-31", closed: "2025-10-25"),
                      try action(5, "B2", due: "2025-12-31", closed: "2025-11-02")])
        let report = try GapAnalyzer().report(for: plan, asOf: asOf, history: history)
        #expect(report.actions.closedSinceReview.map(\.id) == [2, 4])
        // Closed after the report's day: open on it.
        #expect(report.actions.open.map(\.action.id) == [5])
    }

    @Test("a finding with actions is not folded into a shared entry with findings without them")
    func layoutKeepsActions() throws {
        var builder = PlanBuilder()
        for id in ["B1", "B2", "B3", "B4"] { builder.benefit(id) }
        let history = GapHistory(actions: [try action(1, "benefit-without-metric:B4", due: "2025-12-31")])
        let report = try GapAnalyzer(only: ["benefit-without-metric"]).report(for: builder.plan, asOf: asOf, history: history)
        let entries = report.layout.sections.flatMap(\.entries)
        #expect(entries.count == 2)
        #expect(entries.contains(.subject(report.findings.filter { $0.subject.id == "B4" })))
    }
}
