import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// The plan as it stood on a past day: each version of a source is in force from its own date, what it replaced or
/// withdrew is kept in history, and a past day loads the states in force then. On both backends.
@Suite("The plan as it stood on a past day")
struct PastPlanTests {
    let versions = SourceVersionTests()

    /// The strategy fixture as its next version: D2 gone, D1 slipped and renamed, the 2028 target lowered, a link's
    /// share changed and a benefit's confidence lowered.
    func october() -> Plan {
        var plan = strategyPlan(target: 60)
        plan.deliverables.removeAll { $0.id == "D2" }
        plan.links.removeAll { $0.from == "D2" || $0.to == "D2" }
        plan.deliverables[0].name = "Bus priority scheme, phase 1"
        plan.deliverables[0].forecastFinish = day("2026-12-31")
        plan.benefits[0].confidence = .low
        if let index = plan.links.firstIndex(where: { $0.kind == .measures }) { plan.links[index].share = 50 }
        return plan
    }

    /// A plan's content: every source blanked and every list sorted, so plans read from different files compare.
    func content(_ plan: Plan) -> Plan {
        var plan = plan
        let blank = SourceRef(path: "", line: 0, format: "")
        for index in plan.programmes.indices { plan.programmes[index].source = blank }
        for index in plan.organisations.indices { plan.organisations[index].source = blank }
        for index in plan.objectives.indices { plan.objectives[index].source = blank }
        for index in plan.benefits.indices { plan.benefits[index].source = blank }
        for index in plan.deliverables.indices { plan.deliverables[index].source = blank }
        for index in plan.metrics.indices { plan.metrics[index].source = blank }
        for index in plan.values.indices { plan.values[index].source = blank }
        for index in plan.links.indices { plan.links[index].source = blank }
        plan.deliverables.sort { $0.id < $1.id }
        plan.benefits.sort { $0.id < $1.id }
        plan.values.sort { ($0.metric, $0.date, $0.kind.rawValue) < ($1.metric, $1.date, $1.kind.rawValue) }
        plan.links.sort { ($0.kind.rawValue, $0.from, $0.to) < ($1.kind.rawValue, $1.from, $1.to) }
        return plan
    }

    /// A workspace holding the September version, then the October one under a new name (the old file gone).
    func twoVersions(_ backend: TestBackend, in folder: URL) throws -> Workspace {
        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy-2025-09.xml", in: folder, dated: day("2025-09-30"))])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("strategy-2025-09.xml"))
        _ = try workspace.importFiles([try versions.unit(october(), "strategy-2025-10.xml", in: folder, dated: day("2025-10-31"))])
        return workspace
    }

    @Test("before the new version's date the old version is the plan; from it, the new one", arguments: TestBackend.available)
    func pastVersion(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try twoVersions(backend, in: folder)
            let now = try workspace.loadPlan()
            #expect(content(now) == content(october()))
            #expect(content(try workspace.loadPlan(asOf: day("2025-10-30"))) == content(strategyPlan()))
            // A source's first version stands from the beginning: nothing earlier is known.
            #expect(content(try workspace.loadPlan(asOf: day("2020-01-01"))) == content(strategyPlan()))
            #expect(try workspace.loadPlan(asOf: day("2025-10-31")) == now)
            #expect(try workspace.loadPlan(asOf: day("2030-01-01")) == now)
            // Where the past states were read from stays theirs.
            let past = try workspace.loadPlan(asOf: day("2025-10-01"))
            #expect(past.deliverables.first { $0.id == "D2" }?.source.path == "strategy-2025-09.xml")
            #expect(past.deliverables.map(\.id) == ["D1", "D2"], "in source order")
        }
    }

    @Test("a past day's revisions are those made by then", arguments: TestBackend.available)
    func pastRevisions(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try twoVersions(backend, in: folder)
            #expect(try workspace.revisions().contains { $0.kind == .target && $0.oldValue == 58 && $0.newValue == 60 })
            #expect(try workspace.revisions(asOf: day("2025-10-30")).isEmpty)
            #expect(try workspace.revisions(asOf: day("2025-11-30")) == workspace.revisions())
        }
    }

    @Test("restating a source unchanged keeps no history and moves nothing", arguments: TestBackend.available)
    func unchanged(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy.xml", in: folder, dated: day("2025-09-30"))])
            _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy.xml", in: folder, dated: day("2025-10-31"), sha: "again")])
            #expect(try workspace.read { try $0.value("SELECT count(*) FROM history", as: Int.self) } == 0)
            #expect(try workspace.loadPlan(asOf: day("2025-10-01")) == workspace.loadPlan())
            let made = try workspace.read { try $0.fetchAll("SELECT DISTINCT version_run FROM entity").map { $0["version_run"] as Int64 } }
            let first = try #require(try workspace.importRuns().first?.id)
            #expect(made == [first], "every state still made by the first run: \(made)")
        }
    }

    @Test("a thing withdrawn by one version and stated again by the next is absent in between", arguments: TestBackend.available)
    func withdrawnAndBack(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try twoVersions(backend, in: folder)
            _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy-2025-10.xml", in: folder, dated: day("2025-11-30"),
                                                             sha: "november")])
            #expect(try workspace.loadPlan().deliverables.map(\.id) == ["D1", "D2"])
            #expect(try workspace.loadPlan(asOf: day("2025-11-15")).deliverables.map(\.id) == ["D1"])
            #expect(try workspace.loadPlan(asOf: day("2025-10-15")).deliverables.map(\.id) == ["D1", "D2"])
            let d1 = try workspace.loadPlan(asOf: day("2025-11-15")).deliverables.first
            #expect(d1?.forecastFinish == day("2026-12-31"), "October's D1")
        }
    }

    @Test("a version dated ahead of its import is in force from the day it was imported", arguments: TestBackend.available)
    func datedAhead(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy.xml", in: folder, dated: day("2025-09-30"))])
            _ = try workspace.importFiles([try versions.unit(october(), "strategy.xml", in: folder, dated: day("2099-12-31"), sha: "ahead")])
            #expect(try workspace.loadPlan(asOf: Day(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))) == workspace.loadPlan())
            #expect(content(try workspace.loadPlan(asOf: day("2025-10-01"))) == content(strategyPlan()))
        }
    }

    /// A GMPP return: the projects with their delivery confidence, and a whole-life cost metric for each.
    func gmpp(_ projects: [(id: String, rag: RAG)], year: Int, in folder: URL) throws -> ImportedFile {
        var plan = Plan()
        let path = "gmpp_\(year).csv"
        plan.deliverables = projects.enumerated().map { index, project in
            Deliverable(id: project.id, name: "Project \(project.id)", kind: .project, deliveryConfidence: project.rag,
                        source: SourceRef(path: path, line: index + 2, format: ImportedFile.yearlyEditionFormat))
        }
        return try versions.unit(plan, path, in: folder, format: ImportedFile.yearlyEditionFormat, dated: Day(year: year, month: 3, day: 31))
    }

    @Test("GMPP years give the same past in any order: an earlier year goes into history behind a later one",
          arguments: TestBackend.available)
    func gmppYearsInAnyOrder(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let years: [Int: [(id: String, rag: RAG)]] = [
                2022: [("P1", .amber), ("P2", .green), ("P3", .red)],
                2023: [("P2", .amber), ("P3", .red), ("P4", .green)],
                2024: [("P2", .red), ("P4", .green), ("P5", .amber), ("P1", .amber)],
            ]
            func workspace(_ order: [Int]) throws -> Workspace {
                let workspace = try emptyWorkspace(backend)
                for year in order { _ = try workspace.importFiles([try gmpp(years[year]!, year: year, in: folder)]) }
                return workspace
            }
            let inOrder = try workspace([2022, 2023, 2024])
            func rags(_ plan: Plan) -> [String] { plan.deliverables.map { "\($0.id)=\($0.deliveryConfidence?.rawValue ?? "")" }.sorted() }
            for order in [[2024, 2022, 2023], [2023, 2024, 2022], [2024, 2023, 2022]] {
                let other = try workspace(order)
                #expect(try rags(other.loadPlan()) == rags(inOrder.loadPlan()), "current plan after \(order)")
                for asOf in ["2021-06-30", "2022-06-30", "2023-06-30", "2024-06-30"] {
                    #expect(try rags(other.loadPlan(asOf: day(asOf))) == rags(inOrder.loadPlan(asOf: day(asOf))), "\(asOf) after \(order)")
                }
            }
            #expect(try rags(inOrder.loadPlan(asOf: day("2023-06-30"))) == ["P2=amber", "P3=red", "P4=green"])
            #expect(try rags(inOrder.loadPlan(asOf: day("2022-06-30"))) == ["P1=amber", "P2=green", "P3=red"])
            #expect(try rags(inOrder.loadPlan()) == ["P1=amber", "P2=red", "P4=green", "P5=amber"])
        }
    }

    @Test("an entity's versions: each with its day in force and its run, a withdrawal where nothing followed",
          arguments: TestBackend.available)
    func versionsOfOne(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try twoVersions(backend, in: folder)
            let d1 = try workspace.entityVersions("d1")
            #expect(d1.map(\.since) == [nil, day("2025-10-31")])
            #expect(d1.map { $0.run?.path } == ["strategy-2025-09.xml", "strategy-2025-10.xml"])
            #expect(d1.map { $0.state.deliverables.first?.forecastFinish } == [day("2026-09-30"), day("2026-12-31")])
            let d2 = try workspace.entityVersions("D2")
            #expect(d2.map(\.since) == [nil, day("2025-10-31")])
            #expect(d2.map(\.state.deliverables.count) == [1, 0], "withdrawn by the October version")
            #expect(throws: StoreError.self) { try workspace.entityVersions("D9") }
        }
    }

    @Test("an older version named to supersede a newer one is in force from the newer one's day, never before it",
          arguments: TestBackend.available)
    func olderSupersedingNewer(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try versions.unit(october(), "strategy-2025-10.xml", in: folder, dated: day("2025-10-31"))])
            _ = try workspace.importFiles([try versions.unit(strategyPlan(), "strategy-2025-12.xml", in: folder, dated: day("2025-12-31"))],
                                          supersedes: ["strategy-2025-10.xml"])
            _ = try workspace.importFiles([try versions.unit(strategyPlan(target: 59), "strategy-2025-09.xml", in: folder,
                                                             dated: day("2025-09-30"))], supersedes: ["strategy-2025-12.xml"])
            #expect(content(try workspace.loadPlan()) == content(strategyPlan(target: 59)))
            #expect(content(try workspace.loadPlan(asOf: day("2026-01-15"))) == content(strategyPlan(target: 59)), "in force from December's day")
            // December's version stood for no time at all; before it, October's.
            #expect(content(try workspace.loadPlan(asOf: day("2025-12-15"))) == content(october()))
            #expect(content(try workspace.loadPlan(asOf: day("2025-11-15"))) == content(october()))
        }
    }
}
