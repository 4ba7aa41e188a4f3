import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// The action log in the store, on both backends: stored with actor and day, closed once, logged, copied.
@Suite("the action log in the store")
struct ActionStoreTests {
    static let now = ISO8601DateFormatter().date(from: "2026-03-01T09:30:00Z")!

    /// A workspace on the backend with the strategy plan imported, and its first benefit's id.
    func workspace(_ backend: TestBackend, actor: String = "Ann Smith") throws -> (Workspace, String) {
        let workspace = switch backend {
        case .sqlite: try Workspace(actor: actor)
        case .postgres: try Workspace(path: try TestPostgres.freshWorkspace(), create: true, actor: actor)
        }
        let plan = strategyPlan()
        _ = try workspace.importFiles([ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "a", plan: plan)], now: Self.now)
        return (workspace, try #require(plan.benefits.first).id)
    }

    @Test("an action is stored with who recorded it and when it was agreed, and closed with a note", arguments: TestBackend.available)
    func addAndClose(_ backend: TestBackend) throws {
        let (workspace, benefit) = try workspace(backend)
        let first = try workspace.addAction(subject: benefit, rule: "benefit-without-metric",
                                            owner: "Jo", due: day("2026-04-30"), note: "Add a metric", on: day("2026-02-20"), now: Self.now).id
        let second = try workspace.addAction(subject: benefit, rule: nil, owner: "Sam", due: day("2026-05-31"), note: nil,
                                             on: day("2026-02-20"), now: Self.now).id
        try workspace.closeAction(id: first, note: "Metric MET-9 added", on: day("2026-03-01"), now: Self.now)
        let actions = try workspace.actions()
        #expect(actions.map(\.id) == [first, second])
        #expect(actions[0] == ActionItem(id: first, target: "benefit-without-metric:\(benefit)", subject: benefit, rule: "benefit-without-metric",
                                         owner: "Jo", due: day("2026-04-30"),
                                         opened: .init(on: day("2026-02-20"), by: "Ann Smith", note: "Add a metric"),
                                         closed: .init(on: day("2026-03-01"), by: "Ann Smith", note: "Metric MET-9 added")))
        #expect(actions[1].closed == nil && actions[1].rule == nil)
        let log = try workspace.changes()
        #expect(log.prefix(3).map(\.action) == [.actionClose, .actionAdd, .actionAdd])
        #expect(log[0].summary == "action #\(first) on benefit-without-metric:\(benefit) closed: Metric MET-9 added")
        #expect(log[2].summary == "action #\(first) on benefit-without-metric:\(benefit): owner Jo, due 2026-04-30; Add a metric")
    }

    @Test("an unknown subject, an unknown number, a second close and a close before opening are refused, nothing written",
          arguments: TestBackend.available)
    func refusals(_ backend: TestBackend) throws {
        let (workspace, benefit) = try workspace(backend)
        #expect(throws: StoreError.self) {
            _ = try workspace.addAction(subject: "BEN-99", rule: nil, owner: "Jo", due: day("2026-04-30"), note: nil,
                                        on: day("2026-02-20"))
        }
        let id = try workspace.addAction(subject: benefit, rule: nil, owner: "Jo", due: day("2026-04-30"), note: nil,
                                         on: day("2026-02-20")).id
        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        #expect(message { try workspace.closeAction(id: 99, note: "x", on: day("2026-03-01")) }
                 == "no action #99; `realise action list` shows the actions and their numbers")
        #expect(message { try workspace.closeAction(id: id, note: "x", on: day("2026-02-19")) }
                 == "action #\(id) was opened on 2026-02-20; give a --date on or after it (not 2026-02-19)")
        try workspace.closeAction(id: id, note: "done", on: day("2026-03-01"))
        #expect(message { try workspace.closeAction(id: id, note: "again", on: day("2026-03-02")) }.hasPrefix("action #\(id) was already closed on 2026-03-01"))
        #expect(try workspace.actions().map(\.closed?.note) == ["done"])
        #expect(try workspace.changes().filter { $0.action == .actionAdd || $0.action == .actionClose }.count == 2)
    }

    @Test("an id in another case names the entity; the stored target spells it as the workspace does")
    func anyCase() throws {
        let (workspace, benefit) = try workspace(.sqlite)
        let stored = try workspace.addAction(subject: benefit.lowercased(), rule: "missing-owner", owner: "Jo", due: day("2026-04-30"),
                                             note: nil, on: day("2026-02-20"))
        #expect(stored.target == "missing-owner:\(benefit)")
        #expect(try workspace.actions().map(\.subject) == [benefit])
    }

    @Test("a copied workspace keeps its actions and their numbers")
    func copied() throws {
        let (source, benefit) = try workspace(.sqlite)
        _ = try source.addAction(subject: benefit, rule: nil, owner: "Jo", due: day("2026-04-30"), note: "n", on: day("2026-02-20"))
        let destination = try Workspace()
        _ = try source.copy(to: destination, replace: false)
        #expect(try destination.actions() == source.actions())
    }
}
