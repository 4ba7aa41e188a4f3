import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// A workspace loaded for export — every programme, review schedules and reviews with their measurements —
/// imported into a fresh workspace gives the same workspace, on both backends; importing it again adds nothing.
@Suite("export round trip in the store")
struct ExportRoundTripTests {
    static let now = ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z")!

    func fresh(_ backend: TestBackend) throws -> Workspace {
        switch backend {
        case .sqlite: try Workspace(actor: "Ann Smith")
        case .postgres: try Workspace(path: try TestPostgres.freshWorkspace(), create: true, actor: "Ann Smith")
        }
    }

    /// Two programmes from two files, a schedule on each, and three reviews (two with measurements, one of them
    /// recorded after a later one so ids and dates disagree).
    func original(_ backend: TestBackend) throws -> Workspace {
        let workspace = try fresh(backend)
        var second = strategyPlan(path: "plans/second.xml", programme: "P2", prefix: "Q")
        second.benefits[1].programme = nil
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a"), file(second, path: "plans/second.xml", sha: "b")], now: Self.now)
        _ = try workspace.addSchedule(subject: "B1", cadence: "FREQ=MONTHLY;BYDAY=-1FR", start: day("2025-01-01"), reviewer: "Head of Transport")
        _ = try workspace.addSchedule(subject: "P2", cadence: "quarterly", start: day("2025-04-01"), reviewer: nil)
        _ = try workspace.recordReview(subject: "B1", date: day("2025-06-30"), rag: .amber, reviewer: "SRO", note: "Two buses off the road",
                                       measurements: [("M1", 66.5)], now: Self.now)
        _ = try workspace.recordReview(subject: "QM1", date: day("2025-09-30"), rag: .red, reviewer: nil, note: nil,
                                       measurements: [("QM1", 67), ("M1", 65.9)], now: Self.now)
        _ = try workspace.recordReview(subject: "P1", date: day("2025-03-31"), rag: .green, reviewer: "Board", note: "On track",
                                       measurements: [], now: Self.now)
        return workspace
    }

    /// What the two workspaces must agree on: everything but where each row was read from (an export is a new file).
    func shape(_ plan: Plan) -> [String] {
        plan.entityIndex.map { "\($0.type) \($0.id)" }
            + (plan.programmes.map { "\($0.id) \($0.programme ?? "-")" } + plan.organisations.map { "\($0.id) \($0.programme ?? "-")" }
               + plan.objectives.map { "\($0.id) \($0.programme ?? "-")" } + plan.benefits.map { "\($0.id) \($0.programme ?? "-")" }
               + plan.deliverables.map { "\($0.id) \($0.programme ?? "-")" } + plan.metrics.map { "\($0.id) \($0.programme ?? "-")" })
            + plan.values.map { "\($0.metric) \($0.kind) \($0.date) \($0.value ?? .nan) \($0.note ?? "-") \($0.dataSource ?? "-")" }
            + plan.links.map { "\($0.kind) \($0.from) \($0.to) \($0.share ?? -1)" }
            + plan.schedules.map { "\($0.subject) \($0.cadence) \($0.start) \($0.reviewer ?? "-")" }
            + plan.reviews.map { "\($0.subject) \($0.date) \($0.rag) \($0.reviewer ?? "-") \($0.note ?? "-") \($0.measurements)" }
    }

    /// Imports `plan` as the file `export.xml` states it: every row read from that file.
    func reimported(_ plan: Plan, into workspace: Workspace, sha: String) throws -> [ImportOutcome] {
        var plan = plan
        func read<T>(_ items: inout [T], _ source: WritableKeyPath<T, SourceRef>) {
            for index in items.indices { items[index][keyPath: source] = at("export.xml", index + 2) }
        }
        read(&plan.programmes, \.source)
        read(&plan.organisations, \.source)
        read(&plan.objectives, \.source)
        read(&plan.benefits, \.source)
        read(&plan.deliverables, \.source)
        read(&plan.metrics, \.source)
        read(&plan.values, \.source)
        read(&plan.links, \.source)
        return try workspace.importFiles([ImportedFile(path: "export.xml", format: "realise-xml", sha256: sha, plan: plan)], now: Self.now)
    }

    @Test("every programme, schedule and review (with its measurements) survives export and import", arguments: TestBackend.available)
    func roundTrip(_ backend: TestBackend) throws {
        let original = try original(backend)
        let exported = try original.loadPlanForExport()
        #expect(Set(exported.programmes.map(\.id)) == ["P1", "P2"])
        #expect(exported.reviews.map(\.subject) == ["B1", "QM1", "P1"], "reviews in the order they were recorded")
        #expect(exported.reviews[1].measurements == [.init(metric: "M1", value: 65.9), .init(metric: "QM1", value: 67)])
        #expect(!exported.values.contains { $0.kind == .measurement && $0.date == day("2025-06-30") },
                "a measurement taken at a review is stated under the review only")
        let copy = try fresh(backend)
        _ = try reimported(exported, into: copy, sha: "x")
        #expect(shape(try copy.loadPlanForExport()) == shape(exported))
        #expect(try copy.reviews().map(\.id) == original.reviews().map(\.id))
        #expect(try copy.reviews() == original.reviews())
        #expect(try copy.schedules().map { [$0.id.description, $0.subject, $0.cadence] } == original.schedules().map { [$0.id.description, $0.subject, $0.cadence] })
        let values = try copy.loadPlan().values.filter { $0.date == day("2025-09-30") && $0.kind == .measurement }
        #expect(values.map(\.note) == ["taken at review #2", "taken at review #2"], "linked back to the review, as `review record` links them")
        #expect(try copy.changes().filter { $0.action == .review }.count == 3)
    }

    @Test("importing the same export again (changed bytes, same reviews) adds no schedule or review", arguments: TestBackend.available)
    func idempotent(_ backend: TestBackend) throws {
        let exported = try original(backend).loadPlanForExport(programme: "P1")
        #expect(exported.reviews.map(\.subject) == ["B1", "P1"], "--programme keeps its own subjects' reviews")
        let copy = try fresh(backend)
        _ = try reimported(exported, into: copy, sha: "x")
        var again = exported
        again.reviews.append(RecordedReview(subject: "B1", date: day("2025-12-31"), rag: .green, source: at("export.xml", 90)))
        _ = try reimported(again, into: copy, sha: "y")
        _ = try reimported(again, into: copy, sha: "z")
        #expect(try copy.reviews().map(\.date) == [day("2025-03-31"), day("2025-06-30"), day("2025-12-31")])
        #expect(try copy.schedules().count == 1)
    }

    @Test("a review of what cannot be reviewed, of nothing, or measuring a value the file also states is refused whole",
          arguments: TestBackend.available)
    func refused(_ backend: TestBackend) throws {
        let workspace = try fresh(backend)
        var plan = strategyPlan()
        plan.reviews = [
            RecordedReview(subject: "D1", date: day("2025-06-30"), rag: .red, source: at("plans/strategy.xml", 30)),
            RecordedReview(subject: "B1", date: day("2025-03-31"), rag: .red, measurements: [.init(metric: "M1", value: 1)],
                           source: at("plans/strategy.xml", 31)),
        ]
        plan.schedules = [ScheduledReview(subject: "NOPE", cadence: "monthly", start: day("2025-01-01"), source: at("plans/strategy.xml", 32))]
        let error = #expect(throws: StoreError.self) { try workspace.importFiles([file(plan, sha: "a")], now: Self.now) }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(problems.map(\.line) == [30, 31, 32], "\(problems)")
        #expect(problems.count == 3 && problems[1].message.contains("M1") && problems[1].message.contains("state it once"), "\(problems)")
        #expect(try workspace.reviews().isEmpty && workspace.schedules().isEmpty)
    }
}
