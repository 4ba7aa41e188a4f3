import Foundation
import RealiseModel
import RealiseStore
import RealiseWorkbench
import Testing

@Suite("showing entities, scheduling reviews and importing through the workbench")
struct WorkbenchEntityTests {
    @Test("an entity comes with its fields, reviews and history; an unknown id is refused")
    func entity() throws {
        let workbench = try WorkbenchFixture.workbench()
        _ = try workbench.recordMeasurement(metric: "MET-1", value: 53, on: Day(iso: "2025-12-31")!, today: WorkbenchFixture.today)
        let details = try workbench.entity("met-1", history: true)
        #expect(details.id == "MET-1")
        #expect(details.fields.contains { $0.0 == "id" })
        let history = try #require(details.history)
        #expect(history.steps.first?.changes == ["added"])
        #expect(history.recorded.map(\.action) == [.measure])
        #expect(try workbench.entity("MET-1").history == nil)
        let error = #expect(throws: WorkbenchError.self) { try workbench.entity("MET-404") }
        guard case .store(.unknownEntity(let id))? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(id == "MET-404")
    }

    @Test("a schedule with a cadence that is none writes nothing; one that is lists with its next due day")
    func schedules() throws {
        let workbench = try WorkbenchFixture.workbench()
        let bad = #expect(throws: WorkbenchError.self) {
            try workbench.scheduleReview(subject: "BEN-1", every: "every so often", from: WorkbenchFixture.today)
        }
        guard case .cadence? = bad else { Issue.record("got \(String(describing: bad))"); return }
        #expect(try workbench.scheduleListing().rows.isEmpty)
        let schedule = try workbench.scheduleReview(subject: "ben-1", every: "quarterly", from: Day(iso: "2025-01-01")!, reviewer: "Board")
        #expect(schedule.subject == "BEN-1")
        #expect(try workbench.scheduleListing().rows.count == 1)
        let due = try workbench.dueReviews(asOf: WorkbenchFixture.today, within: 30)
        #expect(due.map(\.subject.id) == ["BEN-1"] && due.first?.review.status == .overdue)
        let negative = #expect(throws: WorkbenchError.self) { try workbench.dueReviews(asOf: WorkbenchFixture.today, within: -1) }
        guard case .badRequest? = negative else { Issue.record("got \(String(describing: negative))"); return }
        try workbench.unscheduleReview(id: schedule.id)
        #expect(try workbench.scheduleListing().rows.isEmpty)
    }

    @Test("an import with a broken reference is refused whole, with the problem located, and writes nothing")
    func importRefused() throws {
        let workbench = try WorkbenchFixture.workbench()
        let before = try workbench.listing(.benefits).rows.count
        let path = try WorkbenchFixture.file()
        try WorkbenchFixture.plan.replacingOccurrences(of: "<contributes-to ref=\"OBJ-1\"/>", with: "<contributes-to ref=\"OBJ-404\"/>")
            .replacingOccurrences(of: "BEN-1\"", with: "BEN-2\"").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: WorkbenchError.self) { try workbench.importFiles(PlanReading().read([path])) }
        guard case .store(.rejected(let problems))? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(problems.contains { $0.path.hasSuffix("plan.xml") && $0.message.contains("OBJ-404") })
        #expect(try workbench.listing(.benefits).rows.count == before)
    }

    @Test("a missing plan file is a plan-file error, and two versions read into memory compare")
    func filesAndDiff() throws {
        let missing = #expect(throws: WorkbenchError.self) { try PlanReading().read(["/nonexistent/plan.xml"]) }
        guard case .planFiles? = missing else { Issue.record("got \(String(describing: missing))"); return }
        let old = try PlanReading().read([try WorkbenchFixture.file()])
        let path = try WorkbenchFixture.file()
        try WorkbenchFixture.plan.replacingOccurrences(of: "value=\"48\"", with: "value=\"50\"").write(toFile: path, atomically: true, encoding: .utf8)
        let report = Workbench.diff(from: try Workbench.diffEnd(old, label: "old", asOf: WorkbenchFixture.today),
                                    to: try Workbench.diffEnd(PlanReading().read([path]), label: "new", asOf: WorkbenchFixture.today))
        #expect(!report.changes.isEmpty)
        #expect(report.changes.contains { $0.subject.id == "MET-1" })
    }
}
