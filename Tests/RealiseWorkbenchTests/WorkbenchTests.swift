import RealiseGaps
import RealiseModel
import RealiseStore
import RealiseWorkbench
import Testing

@Suite("the workbench's use-cases, through an in-memory workspace")
struct WorkbenchTests {
    @Test("a gap report judges the workspace's plan as of its day, and an unknown rule or a later since is refused")
    func gapReport() throws {
        let workbench = try WorkbenchFixture.workbench()
        let report = try workbench.gapReport(GapReportRequest(today: WorkbenchFixture.today))
        #expect(report.asOf == WorkbenchFixture.today)
        let orphans = report.findings.filter { $0.rule == OrphanDeliverable.id }.map(\.subject.id)
        // DEL-0 serves the benefit as DEL-1's prerequisite; DEL-9 serves nothing.
        #expect(orphans == ["DEL-9"])
        #expect(report.summary.high + report.summary.medium + report.summary.low == report.findings.count)
        // The trajectory charts draw is the report's; a report for a format that draws none carries none.
        #expect(report.trajectories["MET-1"]?.final.value == 48)
        #expect(try workbench.gapReport(GapReportRequest(today: WorkbenchFixture.today, trajectories: false)).trajectories.isEmpty)
        let error = #expect(throws: WorkbenchError.self) { try GapReportRequest(today: WorkbenchFixture.today, only: ["orphan-deliverables"]) }
        guard case .unknownRule? = error else { Issue.record("expected an unknown rule, got \(String(describing: error))"); return }
        let late = #expect(throws: WorkbenchError.self) {
            try workbench.gapReport(GapReportRequest(today: WorkbenchFixture.today, since: WorkbenchFixture.today))
        }
        guard case .badRequest? = late else { Issue.record("expected a bad request, got \(String(describing: late))"); return }
    }

    @Test("a review is recorded with its measurements, its subject as the workspace spells it, and the report sees it")
    func recordReview() throws {
        let workbench = try WorkbenchFixture.workbench()
        let day = Day(iso: "2025-12-31")!
        let recorded = try workbench.recordReview(subject: "ben-1", rag: .amber, on: day, reviewer: "Board", note: "slow progress",
                                                  measurements: [("met-1", 54.5)])
        #expect(recorded.subject == "BEN-1" && recorded.measurements == 1 && recorded.rag == .amber)
        let reviews = try workbench.reviews(of: "BEN-1")
        #expect(reviews.map(\.id) == [recorded.id])
        #expect(reviews.first?.measurements == ["MET-1": 54.5])
        let snapshot = try workbench.snapshot()
        #expect(snapshot.history.outcomes.map(\.subject) == ["BEN-1"])
        #expect(snapshot.plan.values.contains { $0.metric == "MET-1" && $0.kind == .measurement && $0.date == day && $0.value == 54.5 })
    }

    @Test("a review of an unknown subject or with an unknown metric writes nothing")
    func recordReviewRefused() throws {
        let workbench = try WorkbenchFixture.workbench()
        let unknown = #expect(throws: WorkbenchError.self) {
            try workbench.recordReview(subject: "BEN-1", rag: .green, on: WorkbenchFixture.today, measurements: [("MET-404", 1)])
        }
        guard case .store(.unknownEntity)? = unknown else { Issue.record("got \(String(describing: unknown))"); return }
        #expect(try workbench.reviews(of: "BEN-1").isEmpty)
    }

    @Test("a measurement replacing one warns and names the old value; deleting it gives the value it had")
    func measurements() throws {
        let workbench = try WorkbenchFixture.workbench()
        let day = Day(iso: "2025-09-30")!
        let change = try workbench.recordMeasurement(metric: "met-1", value: 54, on: day, source: "AVL", today: WorkbenchFixture.today)
        #expect(change.metric == "MET-1" && change.previous == "55")
        #expect(change.warnings.contains { $0.contains("already had a measurement on 2025-09-30: 55") })
        let deleted = try workbench.deleteMeasurement(metric: "MET-1", on: day)
        #expect(deleted.previous == "54")
        let bad = #expect(throws: WorkbenchError.self) {
            try workbench.recordMeasurement(metric: "BEN-1", value: 1, on: day, today: WorkbenchFixture.today)
        }
        guard case .store(.invalidValue)? = bad else { Issue.record("got \(String(describing: bad))"); return }
    }

    @Test("a review run's report carries the actions agreed, as every other report does")
    func reviewRunActions() throws {
        let workbench = try WorkbenchFixture.workbench()
        let agreed = Day(iso: "2026-01-05")!
        let action = try workbench.addAction(on: "orphan-deliverable:DEL-9", owner: "PMO", due: Day(iso: "2026-03-31")!, note: "link or stop",
                                             agreed: agreed)
        let run = try workbench.reviewRun(today: WorkbenchFixture.today, within: 30)
        let orphan = try #require(run.report.findings.first { $0.key == "orphan-deliverable:DEL-9" })
        #expect(orphan.actions.map(\.id) == [action.id])
        #expect(run.documents.map(\.name) == ["gaps-2026-01-31.html", "gaps-2026-01-31.json", "reviews-due-2026-01-31.json"])
        #expect(run.documents[0].contents.contains("link or stop"))
        let report = try workbench.gapReport(GapReportRequest(today: WorkbenchFixture.today))
        #expect(report.findings.map(\.actions) == run.report.findings.map(\.actions))
    }

    @Test("an action due before the day it was agreed is refused before anything is written")
    func actionDates() throws {
        let workbench = try WorkbenchFixture.workbench()
        let error = #expect(throws: WorkbenchError.self) {
            try workbench.addAction(on: "DEL-9", owner: "PMO", due: Day(iso: "2026-01-01")!, agreed: WorkbenchFixture.today)
        }
        guard case .badRequest? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(try workbench.actions(asOf: WorkbenchFixture.today).isEmpty)
    }
}
