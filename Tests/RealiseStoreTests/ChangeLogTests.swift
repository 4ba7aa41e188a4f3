import Foundation
import Testing
import RealiseModel
@testable import RealiseStore

/// The change log: every write records its actor and time, in the write's own transaction.
@Suite("the change log")
struct ChangeLogTests {
    static let now = ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z")!

    @Test("imports, measurements, reviews and schedules each record one entry with the workspace's actor")
    func everyWriteIsLogged() throws {
        let workspace = try Workspace(actor: "Ann Smith")
        let plan = strategyPlan()
        _ = try workspace.importFiles([ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "a", plan: plan)],
                                      now: Self.now)
        let metric = try #require(plan.metrics.first).id, benefit = try #require(plan.benefits.first).id
        try workspace.recordMeasurement(metric: metric, value: 12, text: nil, date: day("2026-02-01"), dataSource: nil, note: nil, now: Self.now)
        try workspace.recordMeasurement(metric: metric, value: 14, text: nil, date: day("2026-02-01"), dataSource: nil, note: nil, now: Self.now)
        let schedule = try workspace.addSchedule(subject: benefit, cadence: "FREQ=MONTHLY", start: day("2026-01-01"), reviewer: "Bob",
                                                 now: Self.now)
        _ = try workspace.recordReview(subject: benefit, date: day("2026-02-02"), rag: .amber, reviewer: "Bob", note: nil,
                                       measurements: [(metric, 15)], now: Self.now)
        try workspace.removeSchedule(id: schedule, now: Self.now)
        let log = try workspace.changes()
        #expect(log.map(\.action) == [.unschedule, .review, .schedule, .measure, .measure, .import])
        #expect(log.allSatisfy { $0.actor == "Ann Smith" && $0.at == "2026-03-01T09:30:00Z" })
        #expect(log.map(\.subject) == [benefit, benefit, benefit, metric, metric, "plans/strategy.xml"])
        #expect(log[1].summary == "review #1 on 2026-02-02: amber by Bob; measured \(metric) = 15")
        #expect(log[3].summary == "\(metric) = 14 on 2026-02-01 (was 12)")
        #expect(log[4].summary == "\(metric) = 12 on 2026-02-01")
        #expect(log[2].summary == "review schedule #\(schedule): FREQ=MONTHLY from 2026-01-01, reviewer Bob")
        #expect(log[5].summary.hasPrefix("realise-xml: "))
        #expect(try workspace.changes(limit: 2).map(\.action) == [.unschedule, .review])
        #expect(try workspace.changes(since: day("2026-03-01")).count == 6)
        #expect(try workspace.changes(since: day("2026-03-02")).isEmpty)
    }

    @Test("nothing is logged for a dry run, an unchanged file, or a write that fails")
    func onlyWhatHappened() throws {
        let workspace = try Workspace(actor: "Ann")
        let file = ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "a", plan: strategyPlan())
        _ = try workspace.importFiles([file], dryRun: true)
        #expect(try workspace.changes().isEmpty)
        _ = try workspace.importFiles([file])
        _ = try workspace.importFiles([file])
        #expect(try workspace.changes().count == 1, "the unchanged re-import is not a change")
        #expect(throws: StoreError.self) {
            try workspace.recordMeasurement(metric: "NO-SUCH", value: 1, text: nil, date: day("2026-01-01"), dataSource: nil, note: nil)
        }
        #expect(throws: StoreError.self) { try workspace.removeSchedule(id: 99) }
        #expect(throws: StoreError.self) {
            _ = try workspace.recordReview(subject: "B1", date: day("2026-01-01"), rag: .red, reviewer: nil, note: nil,
                                           measurements: [("NO-SUCH", 1)])
        }
        #expect(try workspace.changes().count == 1)
    }

    @Test("the default actor: $REALISE_ACTOR, else the login name")
    func defaultActor() {
        #expect(Workspace.defaultActor(environment: ["REALISE_ACTOR": "PMO analyst"]) == "PMO analyst")
        let login = Workspace.defaultActor(environment: [:])
        #expect(!login.isEmpty)
        #expect(Workspace.defaultActor(environment: ["REALISE_ACTOR": ""]) == login)
    }
}
