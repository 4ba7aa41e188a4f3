import GRDB
import RealiseModel
import RealiseTestSupport
import Testing
@testable import RealiseStore

/// A plan's links and values are loaded only between entities it holds. When it holds every stored entity, the load
/// checks no link or value against an id set (`Workspace.activeIds` is nil); otherwise it must.
@Suite("Loading a plan: links only between the entities it holds")
struct ActiveEntitiesLoadTests {
    private func activeIds(_ workspace: Workspace, programme: String? = nil) throws -> Set<String>? {
        let plan = try workspace.loadPlan(programme: programme)
        return try workspace.read { db in try Workspace.activeIds(db, of: plan, narrowed: programme != nil) }
    }

    @Test("every entity active: no set; a programme that narrows the plan: its entities' ids", arguments: TestBackend.available)
    func setOnlyWhenNarrowed(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([file(strategyPlan(), path: "plans/strategy.xml", sha: "a")])
        _ = try workspace.importFiles([file(strategyPlan(path: "plans/other.xml", programme: "P2", prefix: "b-"), path: "plans/other.xml", sha: "b")])
        #expect(try activeIds(workspace) == nil)
        let narrowed = try #require(try activeIds(workspace, programme: "P2"))
        #expect(narrowed.contains("b-B1") && !narrowed.contains("B1"))
    }

    @Test("a withdrawn entity's links are left out though the links themselves are still active")
    func withdrawnEntity() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), path: "plans/strategy.xml", sha: "a")])
        #expect(try workspace.loadPlan().links.contains { $0.from == "B2" })
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE entity SET withdrawn_run = (SELECT max(id) FROM import_run) WHERE id = 'B2'")
        }
        #expect(try workspace.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM link WHERE from_id = 'B2' AND withdrawn_run IS NULL") } == 2)
        let ids = try #require(try activeIds(workspace))
        #expect(!ids.contains("B2") && ids.contains("B1"))
        for plan in [try workspace.loadPlan(), try workspace.loadPlanReadings().plan] {
            #expect(!plan.links.isEmpty)
            #expect(!plan.links.contains { $0.from == "B2" || $0.to == "B2" })
            #expect(plan.links.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        }
    }
}
