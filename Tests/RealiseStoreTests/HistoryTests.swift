import Foundation
import Testing
import RealiseModel
@testable import RealiseStore

/// Re-imports of a changed file: updates in place, revisions of baselines and targets, withdrawal and revival.
@Suite("Import history")
struct HistoryTests {
    /// A file workspace holding the fixture strategy imported once as run 1.
    private func workspaceWithStrategy(in folder: URL) throws -> Workspace {
        let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        return workspace
    }

    @Test("a changed target is updated in place and kept as a revision")
    func changedTarget() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspaceWithStrategy(in: folder)
            let ids = try workspace.loadPlan().entityIndex.map(\.id)
            let entityRows = try workspace.tableSizes()["entity"]

            let outcomes = try workspace.importFiles([file(strategyPlan(target: 60), sha: "v2")])
            #expect(outcomes.map(\.status) == [.imported])
            #expect(outcomes.first?.revisions == 1)
            #expect(outcomes.first?.withdrawn == 0)

            let plan = try workspace.loadPlan()
            #expect(plan.entityIndex.map(\.id) == ids)
            #expect(try workspace.tableSizes()["entity"] == entityRows)
            let targets = plan.values.filter { $0.kind == .target }
            #expect(targets.map(\.value) == [63, 60])
            #expect(plan.values.count == strategyPlan().values.count)

            let runs = try workspace.importRuns()
            #expect(runs.count == 2)
            let revisions = try workspace.revisions()
            let revision = try #require(revisions.first)
            #expect(revisions.count == 1)
            #expect(revision.metric == "M1")
            #expect(revision.kind == .target)
            #expect(revision.date.description == "2028-03-31")
            #expect(revision.oldValue == 58)
            #expect(revision.newValue == 60)
            #expect(revision.importRun == runs.last?.id)
            #expect(revision.importRun != runs.first?.id)
        }
    }

    @Test("revisions accumulate, in order, and can be asked for by metric")
    func revisionHistory() throws {
        let workspace = try Workspace()
        var other = strategyPlan(path: "plans/other.xml", programme: "P2", prefix: "X-")
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1"), file(other, path: "plans/other.xml", sha: "o1")])
        _ = try workspace.importFiles([file(strategyPlan(target: 60), sha: "v2")])
        _ = try workspace.importFiles([file(strategyPlan(target: 62), sha: "v3")])
        other.values[0].value = 70  // the other file's baseline
        _ = try workspace.importFiles([file(other, path: "plans/other.xml", sha: "o2")])

        let all = try workspace.revisions()
        #expect(all.map(\.metric) == ["M1", "M1", "X-M1"])
        #expect(all.map(\.oldValue) == [58, 60, 68])
        #expect(all.map(\.newValue) == [60, 62, 70])
        #expect(all.map(\.kind.rawValue) == ["target", "target", "baseline"])
        let runIds = try workspace.importRuns().map(\.id)
        #expect(runIds.count == 5) // the first call imported two files: two runs
        #expect(all.map(\.importRun) == Array(runIds.suffix(3)))

        #expect(try workspace.revisions(metric: "M1").map(\.newValue) == [60, 62])
        #expect(try workspace.revisions(metric: "X-M1").map(\.date.description) == ["2023-09-30"])
        #expect(try workspace.revisions(metric: "nothing").isEmpty)
    }

    @Test("a changed file whose baselines and targets are the same records no revision")
    func noSpuriousRevisions() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        var plan = strategyPlan()
        plan.benefits[0].owner = "New owner"
        plan.values[1].value = 67.1  // a measurement: not a baseline or target
        let outcomes = try workspace.importFiles([file(plan, sha: "v2")])
        #expect(outcomes.first?.revisions == 0)
        #expect(try workspace.revisions().isEmpty)
        let loaded = try workspace.loadPlan()
        #expect(loaded.benefits.first?.owner == "New owner")
        #expect(loaded.values.first { $0.kind == .measurement }?.value == 67.1)
    }

    @Test("a new target on a metric the workspace already had is a revision from nothing")
    func addedTarget() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        var plan = strategyPlan()
        plan.values.append(MetricValue(metric: "M1", kind: .target, date: day("2029-03-31"), value: 55, source: at("plans/strategy.xml", 20)))
        _ = try workspace.importFiles([file(plan, sha: "v2")])
        let revision = try #require(try workspace.revisions().first)
        #expect(try workspace.revisions().count == 1)
        #expect(revision.date.description == "2029-03-31")
        #expect(revision.oldValue == nil)
        #expect(revision.newValue == 55)
    }

    @Test("a target removed from the file is withdrawn and recorded with no new value")
    func removedTarget() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspaceWithStrategy(in: folder)
            var plan = strategyPlan()
            plan.values.removeAll { $0.kind == .target && $0.date == day("2028-03-31") }
            let outcomes = try workspace.importFiles([file(plan, sha: "v2")])
            #expect(outcomes.first?.withdrawn == 1)
            #expect(outcomes.first?.revisions == 1)

            let loaded = try workspace.loadPlan()
            #expect(!loaded.values.contains { $0.date == day("2028-03-31") })
            #expect(loaded.values.filter { $0.kind == .target }.count == 1)

            let revision = try #require(try workspace.revisions().first)
            #expect(try workspace.revisions().count == 1)
            #expect((revision.metric, revision.kind.rawValue, revision.date.description) == ("M1", "target", "2028-03-31"))
            #expect(revision.oldValue == 58)
            #expect(revision.newValue == nil)
            #expect(revision.importRun == (try workspace.importRuns().last?.id))
            // The value's row is kept, marked withdrawn.
            let rows = try workspace.rows("SELECT withdrawn_run FROM metric_value WHERE metric_id = 'M1' AND date = '2028-03-31'")
            #expect(rows.count == 1)
            #expect(rows.first?["withdrawn_run"] as Int64? == revision.importRun)
        }
    }

    @Test("a removed measurement is withdrawn without a revision")
    func removedMeasurement() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        var plan = strategyPlan()
        plan.values.removeAll { $0.kind == .measurement }
        let outcomes = try workspace.importFiles([file(plan, sha: "v2")])
        #expect(outcomes.first?.withdrawn == 1)
        #expect(outcomes.first?.revisions == 0)
        #expect(try workspace.loadPlan().values.allSatisfy { $0.kind != .measurement })
        #expect(try workspace.revisions().isEmpty)
    }

    @Test("an entity removed from the file is withdrawn, not deleted")
    func removedEntity() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspaceWithStrategy(in: folder)
            var plan = strategyPlan()
            plan.benefits.removeAll { $0.id == "B2" }
            plan.links.removeAll { $0.from == "B2" }
            let outcomes = try workspace.importFiles([file(plan, sha: "v2")])
            #expect(outcomes.first?.withdrawn == 3) // the benefit and its two links

            let loaded = try workspace.loadPlan()
            #expect(loaded.benefits.map(\.id) == ["B1"])
            #expect(!loaded.links.contains { $0.from == "B2" || $0.to == "B2" })
            #expect(!loaded.entityIndex.contains { $0.id == "B2" })

            let run = try #require(try workspace.importRuns().last?.id)
            let rows = try workspace.rows("SELECT type, name, withdrawn_run FROM entity WHERE id = 'B2'")
            #expect(rows.count == 1)
            #expect(rows.first?["type"] as String? == "benefit")
            #expect(rows.first?["name"] as String? == "Lost parking income")
            #expect(rows.first?["withdrawn_run"] as Int64? == run)
            #expect(try workspace.scalar(Int.self, "SELECT COUNT(*) FROM benefit WHERE id = 'B2'") == 1)
            let links = try workspace.rows("SELECT withdrawn_run FROM link WHERE from_id = 'B2'")
            #expect(links.count == 2)
            #expect(links.allSatisfy { $0["withdrawn_run"] as Int64? == run })
            // Everything else is still active.
            #expect(try workspace.scalar(Int.self, "SELECT COUNT(*) FROM entity WHERE withdrawn_run IS NULL") == 7)
        }
    }

    @Test("re-adding a withdrawn entity revives it with its links")
    func revivedEntity() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspaceWithStrategy(in: folder)
            var without = strategyPlan()
            without.benefits.removeAll { $0.id == "B2" }
            without.links.removeAll { $0.from == "B2" }
            _ = try workspace.importFiles([file(without, sha: "v2")])
            #expect(try workspace.loadPlan().benefits.count == 1)

            let outcomes = try workspace.importFiles([file(strategyPlan(), sha: "v3")])
            #expect(outcomes.map(\.status) == [.imported])
            #expect(outcomes.first?.withdrawn == 0)
            #expect(try workspace.loadPlan() == strategyPlan())
            #expect(try workspace.scalar(Int.self, "SELECT COUNT(*) FROM entity WHERE id = 'B2'") == 1)
            #expect(try workspace.scalar(Int64.self, "SELECT withdrawn_run FROM entity WHERE id = 'B2'") == nil)
            #expect(try workspace.scalar(Int.self, "SELECT COUNT(*) FROM link WHERE from_id = 'B2' AND withdrawn_run IS NULL") == 2)
        }
    }

    @Test("a withdrawn metric takes its values with it; re-adding it restores them")
    func withdrawnMetric() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        var plan = strategyPlan()
        plan.metrics.removeAll()
        plan.values.removeAll()
        plan.links.removeAll { $0.kind == .measures }
        let outcomes = try workspace.importFiles([file(plan, sha: "v2")])
        #expect(outcomes.first?.withdrawn == 1 + 4 + 1) // metric, four values, one link
        let loaded = try workspace.loadPlan()
        #expect(loaded.metrics.isEmpty)
        #expect(loaded.values.isEmpty)
        // Baseline and two targets withdrawn: three revisions to nothing.
        #expect(try workspace.revisions().map(\.newValue) == [nil, nil, nil])

        _ = try workspace.importFiles([file(strategyPlan(), sha: "v3")])
        #expect(try workspace.loadPlan() == strategyPlan())
    }

    @Test("an id that moves from one file to another follows its new file", arguments: [false, true])
    func entityMovesFile(registerFirst: Bool) throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "v1")])
        var strategy = strategyPlan()
        strategy.benefits.removeAll { $0.id == "B2" }
        strategy.links.removeAll { $0.from == "B2" }
        var register = Plan()
        register.benefits = [Benefit(id: "B2", description: "Lost parking income (register)", kind: .disBenefit,
                                     source: at("plans/register.csv", 2))]
        register.links = [Link(kind: .contributesTo, from: "B2", to: "O1", source: at("plans/register.csv", 2))]
        var files = [file(strategy, sha: "v2"), file(register, path: "plans/register.csv", sha: "r1")]
        if registerFirst { files.reverse() }
        _ = try workspace.importFiles(files)
        let loaded = try workspace.loadPlan()
        #expect(loaded.benefits.first { $0.id == "B2" }?.source.path == "plans/register.csv")
        #expect(loaded.benefits.first { $0.id == "B2" }?.description == "Lost parking income (register)")
        #expect(loaded.links.contains { $0.from == "B2" && $0.to == "O1" })
        #expect(!loaded.links.contains { $0.from == "B2" && $0.to == "D2" })
    }

    /// The same link is often stated twice: a register's "Enablers" column and a project plan's "Benefit" custom
    /// field both say BEN-01 is enabled by DEL-01. Dropping it from one file must not hide it while the other
    /// file still states it. `written last` is the file whose import wrote the link row last (it owns the row).
    private func checkSharedLink(strategyWrittenLast: Bool) throws {
        let workspace = try Workspace()
        var register = Plan()
        register.benefits = [Benefit(id: "R1", description: "More passengers", source: at("plans/register.csv", 2))]
        register.links = [
            Link(kind: .contributesTo, from: "R1", to: "O1", source: at("plans/register.csv", 2)),
            Link(kind: .enabledBy, from: "R1", to: "D1", source: at("plans/register.csv", 2)),
        ]
        var strategy = strategyPlan()
        strategy.links.append(Link(kind: .enabledBy, from: "R1", to: "D1", source: at("plans/strategy.xml", 30)))
        let registerFile = file(register, path: "plans/register.csv", sha: "r1")
        let files = strategyWrittenLast ? [registerFile, file(strategy, sha: "v1")] : [file(strategy, sha: "v1"), registerFile]
        _ = try workspace.importFiles(files)
        #expect(try workspace.loadPlan().links.contains { $0.kind == .enabledBy && $0.from == "R1" && $0.to == "D1" })

        // The strategy file no longer states the link; the register (unchanged) still does.
        let outcomes = try workspace.importFiles([file(strategyPlan(), sha: "v2"), registerFile])
        #expect(outcomes.map(\.status) == [.imported, .unchanged])
        #expect(try workspace.loadPlan().links.contains { $0.kind == .enabledBy && $0.from == "R1" && $0.to == "D1" },
                "the register still says R1 is enabled by D1")
    }

    @Test("a link stated by two files stays active when the file that did not write it last drops it")
    func sharedLinkDroppedByEarlierWriter() throws {
        try checkSharedLink(strategyWrittenLast: false)
    }

    /// Input: import [register.csv (R1 enabled-by D1), strategy.xml (also R1 enabled-by D1)] in one call, then
    /// re-import a changed strategy.xml without that link. Expected: the link stays (register.csv still states it).
    /// Actual: PlanWriter keeps one `link` row per (kind, from, to) whose source_path is the last writer, and
    /// withdrawMissing withdraws it for strategy.xml, so loadPlan loses it until register.csv itself changes.
    @Test("a link stated by two files stays active when the file that wrote it last drops it",
)
    func sharedLinkDroppedByLastWriter() throws {
        try checkSharedLink(strategyWrittenLast: true)
    }

    /// Input: import [measurements.csv (M1 measured 67.6 on 2025-03-31), strategy.xml (the same measurement)] in one
    /// call, then re-import a changed strategy.xml without that measurement. Expected: the value stays, because
    /// measurements.csv still states it. Actual: the one metric_value row belongs to the file that wrote it last.
    @Test("a value stated by two files stays active when the file that wrote it last drops it",
)
    func sharedValueDroppedByLastWriter() throws {
        let workspace = try Workspace()
        var measurements = Plan()
        measurements.values = [MetricValue(metric: "M1", kind: .measurement, date: day("2025-03-31"), value: 67.6,
                                           source: at("plans/measurements.csv", 2))]
        let measurementsFile = file(measurements, path: "plans/measurements.csv", sha: "m1")
        _ = try workspace.importFiles([measurementsFile, file(strategyPlan(), sha: "v1")])
        var strategy = strategyPlan()
        strategy.values.removeAll { $0.kind == .measurement }
        _ = try workspace.importFiles([file(strategy, sha: "v2"), measurementsFile])
        #expect(try workspace.loadPlan().values.contains { $0.kind == .measurement && $0.date == day("2025-03-31") },
                "measurements.csv still states the 2025-03-31 measurement")
    }
}
