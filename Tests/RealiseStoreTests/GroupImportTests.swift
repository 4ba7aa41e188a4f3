import Foundation
import Testing
import RealiseModel
@testable import RealiseStore

/// Files read together as one unit (a group of `results-csv` tables) are one `ImportedFile` whose `path` is
/// the group's and whose `parts` are the member tables; entities keep the path of the table that states them.
@Suite("Importing a group of files as one unit")
struct GroupImportTests {
    static let parts = ["data/wb/activities.csv", "data/wb/results.csv", "data/wb/indicators.csv"]

    func source(_ table: Int, _ line: Int) -> SourceRef {
        SourceRef(path: GroupImportTests.parts[table], line: line, column: 1, format: "results-csv")
    }

    /// An activity from the activities table, an outcome from the results table, its metric and a target
    /// from the indicators table.
    func plan(activityFrom table: Int = 0, withOutcome: Bool = true) -> Plan {
        var plan = Plan()
        plan.deliverables = [Deliverable(id: "A1", name: "Roads", kind: .project, source: source(table, 2))]
        if withOutcome {
            plan.benefits = [Benefit(id: "A1#r1", description: "Faster trips", source: source(1, 2))]
            plan.metrics = [Metric(id: "A1#r1#i1", name: "Hours", source: source(2, 2))]
            plan.links = [Link(kind: .enabledBy, from: "A1#r1", to: "A1", source: source(1, 2)),
                          Link(kind: .measures, from: "A1#r1#i1", to: "A1#r1", source: source(2, 2))]
            plan.values = [MetricValue(metric: "A1#r1#i1", kind: .target, date: day("2026-12-31"), value: 3, source: source(2, 2))]
        }
        return plan
    }

    func group(_ plan: Plan, sha: String) -> ImportedFile {
        ImportedFile(path: "data/wb/", format: "results-csv", sha256: sha, plan: plan, parts: GroupImportTests.parts)
    }

    @Test("an unchanged group is recognised by its path and hash")
    func unchanged() throws {
        let workspace = try Workspace()
        #expect(try workspace.importFiles([group(plan(), sha: "g1")]).map(\.status) == [.imported])
        #expect(try workspace.importFiles([group(plan(), sha: "g1")]).map(\.status) == [.unchanged])
        #expect(try workspace.importRuns().map(\.path) == ["data/wb/"])
    }

    @Test("what the group's tables no longer state is withdrawn, though each table is a different path")
    func withdrawalAcrossParts() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([group(plan(), sha: "g1")])
        let outcomes = try workspace.importFiles([group(plan(withOutcome: false), sha: "g2")])
        // The benefit, the metric, their two links and the target.
        #expect(outcomes.first?.withdrawn == 5)
        let loaded = try workspace.loadPlan()
        #expect(loaded.deliverables.map(\.id) == ["A1"])
        #expect(loaded.benefits.isEmpty)
        #expect(loaded.metrics.isEmpty)
        #expect(loaded.links.isEmpty)
        #expect(loaded.values.isEmpty)
    }

    @Test("an entity may move between the tables of its group")
    func entityMovesBetweenParts() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([group(plan(activityFrom: 0), sha: "g1")])
        // The activities table dropped: the results table now states the activity (a minimal project).
        #expect(try workspace.importFiles([group(plan(activityFrom: 1), sha: "g2")]).map(\.status) == [.imported])
        let activity = try #require(try workspace.loadPlan().deliverables.first)
        #expect(activity.source.path == "data/wb/results.csv")
    }

    @Test("a file outside the group keeps its entities when the group is re-imported")
    func otherFilesUntouched() throws {
        let workspace = try Workspace()
        var other = Plan()
        other.deliverables = [Deliverable(id: "X1", name: "Other", source: SourceRef(path: "data/other.csv", line: 2, format: "register-csv"))]
        _ = try workspace.importFiles([group(plan(), sha: "g1"),
                                       ImportedFile(path: "data/other.csv", format: "register-csv", sha256: "o1", plan: other)])
        let outcomes = try workspace.importFiles([group(plan(withOutcome: false), sha: "g2")])
        #expect(outcomes.first?.withdrawn == 5)
        #expect(try workspace.loadPlan().deliverables.map(\.id).sorted() == ["A1", "X1"])
    }
}
