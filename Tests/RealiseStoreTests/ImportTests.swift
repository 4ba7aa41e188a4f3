import Foundation
import Testing
import RealiseImport
import RealiseModel
@testable import RealiseStore

@Suite("Importing into a workspace")
struct ImportTests {
    // MARK: The sample programme

    /// Counted by hand from imports/: 6 objectives (XML); 11 benefits (register); 20 deliverables, 3 of them
    /// milestones (XML); 2 metrics in the XML and 8 in the register; 2 + 8 baselines; targets 4 (XML) + 7
    /// (register) + 12 (measurements CSV); measurements 4 (XML) + 14 (CSV); links 10 depends-on + 2 measures
    /// in the XML, and 13 contributes-to + 18 enabled-by + 5 depends-on + 8 measures from the register.
    static let sampleCounts = ImportCounts(objectives: 6, benefits: 11, deliverables: 20, milestones: 3, metrics: 10,
                                           baselines: 10, targets: 23, measurements: 18, links: 56)

    @Test("the sample programme imports with the expected counts")
    func sampleProgramme() throws {
        let files = try readSampleProgramme()
        #expect(files.count == 3)
        let workspace = try Workspace()
        let outcomes = try workspace.importFiles(files)
        #expect(outcomes.map(\.status) == [.imported, .imported, .imported])
        #expect(outcomes.map(\.path) == files.map(\.path))
        #expect(outcomes.allSatisfy { $0.withdrawn == 0 && $0.revisions == 0 })

        let plan = try workspace.loadPlan()
        #expect(plan.counts == Self.sampleCounts)
        #expect(plan.programmes.map(\.id) == ["CCM"])
        #expect(Set(plan.organisations.map(\.id)) == ["NCC", "CLB", "SBC"])
        #expect(outcomes.map(\.counts).reduce(ImportCounts(), +) == Self.sampleCounts)

        let runs = try workspace.importRuns()
        #expect(runs.map(\.path) == files.map(\.source), "runs are named by source")
        #expect(runs.map(\.sha256) == files.map(\.sha256))
        #expect(runs.map(\.counts) == files.map(\.plan.counts))
        #expect(Set(runs.map(\.format)) == ["realise-xml", "register-csv"])
        #expect(try workspace.revisions().isEmpty)
    }

    @Test("re-importing the unchanged sample programme changes nothing")
    func sampleProgrammeTwice() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles(try readSampleProgramme())
        let before = try workspace.snapshot()
        let sizes = try workspace.tableSizes()
        let outcomes = try workspace.importFiles(try readSampleProgramme())
        #expect(outcomes.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(try workspace.snapshot() == before)
        #expect(try workspace.tableSizes() == sizes)
    }

    @Test("the loaded sample programme is consistent and is all one programme")
    func sampleProgrammeLoaded() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles(try readSampleProgramme())
        let plan = try workspace.loadPlan()
        #expect(try plan.workspaceProblems() == [])
        #expect(try workspace.loadPlan(programme: "CCM") == plan)
        #expect(throws: StoreError.self) { try workspace.loadPlan(programme: "OTHER") }
        // Spot checks across the three files.
        #expect(plan.deliverables.first { $0.id == "DEL-06" }?.kind == .milestone)
        #expect(plan.benefits.first { $0.id == "BEN-10" }?.kind == .disBenefit)
        #expect(plan.values.contains { $0.metric == "MET-04" && $0.kind == .measurement && $0.date == day("2025-09-30") && $0.value == 1150 })
        #expect(plan.links.contains { $0.kind == .dependsOn && $0.from == "DEL-06" && $0.to == "DEL-04" && $0.lagDays == 61 })
    }

    // MARK: Round trip and runs

    @Test("what is imported loads back field for field")
    func roundTrip() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        let loaded = try workspace.loadPlan()
        let expected = strategyPlan()
        #expect(loaded.programmes == expected.programmes)
        #expect(loaded.organisations == expected.organisations)
        #expect(loaded.objectives == expected.objectives)
        #expect(loaded.benefits == expected.benefits)
        #expect(loaded.deliverables == expected.deliverables)
        #expect(loaded.metrics == expected.metrics)
        #expect(loaded.values == expected.values)
        #expect(loaded.links == expected.links)
    }

    @Test("each import records a run with its file, hash, time, counts and warnings")
    func importRunRecorded() throws {
        let workspace = try Workspace()
        let warning = Diagnostic(.warning, path: "plans/strategy.xml", line: 12, column: 5, "value 'Yes' is not a number")
        let outcomes = try workspace.importFiles([file(strategyPlan(), sha: "abc123", warnings: [warning])],
                                                 now: Date(timeIntervalSince1970: 1_700_000_000))
        let outcome = try #require(outcomes.first)
        #expect(outcomes.count == 1)
        #expect(outcome.status == .imported)
        #expect(outcome.path == "plans/strategy.xml")
        #expect(outcome.format == "realise-xml")
        #expect(outcome.warnings == [warning])
        #expect(outcome.counts == strategyPlan().counts)
        let run = try #require(try workspace.importRuns().first)
        #expect(run.path == "plans/strategy.xml")
        #expect(run.format == "realise-xml")
        #expect(run.sha256 == "abc123")
        #expect(run.importedAt == "2023-11-14T22:13:20Z")
        #expect(run.counts == ImportCounts(objectives: 1, benefits: 2, deliverables: 2, milestones: 1, metrics: 1,
                                           baselines: 1, targets: 2, measurements: 1, links: 6))
        #expect(run.warnings == 1)
    }

    // MARK: Unchanged files

    @Test("importing the same file twice reports it unchanged and writes nothing")
    func sameFileTwice() throws {
        let workspace = try Workspace()
        let imported = file(strategyPlan(), sha: "same")
        #expect(try workspace.importFiles([imported]).map(\.status) == [.imported])
        let before = try workspace.snapshot()
        let sizes = try workspace.tableSizes()

        let outcomes = try workspace.importFiles([imported], now: Date().addingTimeInterval(3600))
        #expect(outcomes.map(\.status) == [.unchanged])
        #expect(outcomes.first?.withdrawn == 0)
        #expect(outcomes.first?.revisions == 0)
        #expect(try workspace.snapshot() == before)
        #expect(try workspace.tableSizes() == sizes)
        #expect(try workspace.importRuns().count == 1)
    }

    @Test("a file is recognised as unchanged by its hash against its latest import only")
    func unchangedComparesWithLatestRun() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "one")])
        _ = try workspace.importFiles([file(strategyPlan(target: 60), sha: "two")])
        // Going back to the first version is a change again, not "unchanged".
        let outcomes = try workspace.importFiles([file(strategyPlan(), sha: "one")])
        #expect(outcomes.map(\.status) == [.imported])
        #expect(try workspace.importRuns().map(\.sha256) == ["one", "two", "one"])
        #expect(try workspace.loadPlan() == strategyPlan())
    }

    // MARK: Dry run

    @Test("a dry run validates and writes nothing")
    func dryRun() throws {
        let workspace = try Workspace()
        let outcomes = try workspace.importFiles([file(strategyPlan(), sha: "a")], dryRun: true)
        #expect(outcomes.map(\.status) == [.checked])
        #expect(outcomes.first?.counts == strategyPlan().counts)
        #expect(try workspace.loadPlan() == Plan())
        #expect(try workspace.importRuns().isEmpty)
        #expect(try workspace.tableSizes().values.allSatisfy { $0 == 0 })
    }

    @Test("a dry run over an existing workspace leaves it as it was")
    func dryRunOverExisting() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
            _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
            let before = try workspace.snapshot()
            var changed = strategyPlan(target: 50)
            changed.benefits.removeLast()
            changed.links.removeAll { $0.from == "B2" }
            let outcomes = try workspace.importFiles([file(changed, sha: "b")], dryRun: true)
            #expect(outcomes.map(\.status) == [.checked])
            #expect(try workspace.snapshot() == before)
        }
    }

    @Test("a dry run still rejects a broken plan")
    func dryRunRejects() throws {
        let workspace = try Workspace()
        var plan = strategyPlan()
        plan.links.append(Link(kind: .enabledBy, from: "B1", to: "D404", source: at("plans/strategy.xml", 30)))
        let error = #expect(throws: StoreError.self) { try workspace.importFiles([file(plan, sha: "a")], dryRun: true) }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(problems.map(\.line) == [30])
    }

    // MARK: Rejected imports

    @Test("a plan with a dangling reference is rejected with located problems and changes nothing")
    func rejectedLeavesWorkspaceAsItWas() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
            _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
            let before = try workspace.snapshot()
            let sizes = try workspace.tableSizes()

            var broken = strategyPlan(target: 40)
            broken.benefits.removeLast()                      // would withdraw B2 …
            broken.links.removeAll { $0.from == "B2" }
            broken.values.append(MetricValue(metric: "M404", kind: .measurement, date: day("2025-06-30"), value: 1,
                                             source: at("plans/strategy.xml", 41)))
            broken.deliverables[1].parent = "D404"
            let error = #expect(throws: StoreError.self) { try workspace.importFiles([file(broken, sha: "b")]) }
            guard case .rejected(let problems)? = error else {
                Issue.record("expected .rejected, got \(String(describing: error))")
                return
            }
            #expect(problems.count == 2)
            #expect(problems.allSatisfy { $0.severity == .error && $0.path == "plans/strategy.xml" })
            #expect(problems.contains { $0.line == 41 && $0.message.contains("metric 'M404' does not exist") })
            #expect(problems.contains { $0.line == 8 && $0.message.contains("parent deliverable 'D404' does not exist") })
            #expect(error?.description.contains("plans/strategy.xml:41:0: metric 'M404' does not exist") == true)

            #expect(try workspace.snapshot() == before)
            #expect(try workspace.tableSizes() == sizes)
            // … and the failed attempt does not make the file look already imported.
            #expect(try workspace.importFiles([file(strategyPlan(target: 40), sha: "b")]).map(\.status) == [.imported])
        }
    }

    @Test("when one file of an import is rejected, none of them is written")
    func allOrNothing() throws {
        let workspace = try Workspace()
        var bad = Plan()
        bad.benefits = [Benefit(id: "X1", description: "Dangling", source: at("plans/extra.csv", 2))]
        bad.links = [Link(kind: .contributesTo, from: "X1", to: "NO-SUCH-OBJECTIVE", source: at("plans/extra.csv", 2))]
        let error = #expect(throws: StoreError.self) {
            try workspace.importFiles([file(strategyPlan(), sha: "a"), file(bad, path: "plans/extra.csv", sha: "b")])
        }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(problems.map(\.path) == ["plans/extra.csv"])
        #expect(try workspace.loadPlan() == Plan())
        #expect(try workspace.importRuns().isEmpty)
    }

    @Test("an id already defined by another file that still exists is rejected")
    func idFromAnotherFile() throws { try withTemporaryFolder { folder in
        let workspace = try Workspace()
        // The other file exists: a source whose file is gone may be taken over (see SourceVersionTests).
        let strategy = folder.appendingPathComponent("strategy.xml").path
        try Data("<plan/>".utf8).write(to: URL(fileURLWithPath: strategy))
        _ = try workspace.importFiles([file(strategyPlan(path: strategy), path: strategy, sha: "a")])
        let before = try workspace.snapshot()
        var other = Plan()
        other.objectives = [Objective(id: "B1", statement: "Same id, other file", source: at("plans/other.xml", 4))]
        let error = #expect(throws: StoreError.self) { try workspace.importFiles([file(other, path: "plans/other.xml", sha: "b")]) }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect((problem.path, problem.line) == ("plans/other.xml", 4))
        #expect(problem.message.contains("duplicate id 'B1'"))
        #expect(problem.message.contains("\(strategy):5"))
        #expect(problem.message.contains("--supersedes \(strategy)"))
        #expect(try workspace.snapshot() == before)
    } }

    @Test("two files of one import may not define the same id")
    func sameIdInOneImport() throws {
        let workspace = try Workspace()
        var other = Plan()
        other.metrics = [Metric(id: "M1", name: "Clash", source: at("plans/other.xml", 9))]
        let error = #expect(throws: StoreError.self) {
            try workspace.importFiles([file(strategyPlan(), sha: "a"), file(other, path: "plans/other.xml", sha: "b")])
        }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(problems.map(\.path) == ["plans/other.xml"])
        #expect(problems.first?.message.contains("plans/strategy.xml:9") == true)
        #expect(try workspace.importRuns().isEmpty)
    }

    // MARK: References between files

    /// Benefits in a register that refer to the strategy file's objective, deliverable and metric.
    private func registerPlan(path: String = "plans/register.csv") -> Plan {
        var plan = Plan()
        plan.benefits = [Benefit(id: "R1", description: "More passengers", programme: "P1", source: at(path, 2))]
        plan.links = [
            Link(kind: .contributesTo, from: "R1", to: "O1", source: at(path, 2)),
            Link(kind: .enabledBy, from: "R1", to: "D2", source: at(path, 2)),
            Link(kind: .dependsOn, from: "R1", to: "B1", source: at(path, 2)),
            Link(kind: .measures, from: "M1", to: "R1", share: 25, source: at(path, 2)),
        ]
        plan.values = [MetricValue(metric: "M1", kind: .measurement, date: day("2025-06-30"), value: 66.9, source: at(path, 3))]
        return plan
    }

    @Test("references across files imported in one call resolve, in either order")
    func crossFileReferences() throws {
        for order in [false, true] {
            let workspace = try Workspace()
            var files = [file(strategyPlan(), sha: "a"), file(registerPlan(), path: "plans/register.csv", sha: "b")]
            if order { files.reverse() }
            let outcomes = try workspace.importFiles(files)
            #expect(outcomes.map(\.status) == [.imported, .imported])
            let plan = try workspace.loadPlan()
            #expect(plan.benefits.map(\.id) == ["R1", "B1", "B2"])
            #expect(plan.links.count == 10)
            #expect(plan.links.contains { $0.kind == .contributesTo && $0.from == "R1" && $0.to == "O1" })
            #expect(plan.links.contains { $0.kind == .measures && $0.from == "M1" && $0.to == "R1" && $0.share == 25 })
            #expect(plan.values.contains { $0.metric == "M1" && $0.date == day("2025-06-30") && $0.value == 66.9 })
        }
    }

    @Test("a file may refer to what an earlier import put in the workspace, but not to what is missing")
    func referencesToEarlierImport() throws {
        let workspace = try Workspace()
        let register = file(registerPlan(), path: "plans/register.csv", sha: "b")
        let error = #expect(throws: StoreError.self) { try workspace.importFiles([register]) }
        guard case .rejected(let problems)? = error else {
            Issue.record("expected .rejected, got \(String(describing: error))")
            return
        }
        #expect(problems.count == 5)
        #expect(problems.allSatisfy { $0.path == "plans/register.csv" && $0.message.contains("does not exist") })

        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        #expect(try workspace.importFiles([register]).map(\.status) == [.imported])
        #expect(try workspace.loadPlan().benefits.count == 3)
    }

    @Test("an import that only touches one file leaves the other file's entities alone")
    func otherFilesUntouched() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a"), file(registerPlan(), path: "plans/register.csv", sha: "b")])
        var register = registerPlan()
        register.benefits[0].description = "Many more passengers"
        let outcomes = try workspace.importFiles([file(register, path: "plans/register.csv", sha: "c")])
        #expect(outcomes.first?.withdrawn == 0)
        let plan = try workspace.loadPlan()
        #expect(plan.benefits.map(\.id) == ["R1", "B1", "B2"])
        #expect(plan.benefits.first?.description == "Many more passengers")
        #expect(plan.counts == strategyPlan().counts + registerPlan().counts)
    }

    // MARK: Concurrency

    @Test("two workspaces on one file importing at once both succeed and corrupt nothing")
    func concurrentImports() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("w.sqlite").path
        _ = try Workspace(path: path, create: true)

        let p1 = file(strategyPlan(), sha: "a")
        let p2 = file(strategyPlan(path: "plans/other.xml", programme: "P2", prefix: "X-"), path: "plans/other.xml", sha: "b")
        // Each task plays a separate `realise import` process: its own workspace connection.
        let statuses = try await withThrowingTaskGroup(of: [ImportOutcome.Status].self) { group in
            for imported in [p1, p2, p1, p2] {
                group.addTask {
                    let workspace = try Workspace(path: path, create: false)
                    return try workspace.importFiles([imported]).map(\.status)
                }
            }
            var all: [ImportOutcome.Status] = []
            for try await statuses in group { all += statuses }
            return all
        }
        // Each file is written once; the import that came second for a file finds it unchanged.
        #expect(statuses.filter { $0 == .imported }.count == 2)
        #expect(statuses.filter { $0 == .unchanged }.count == 2)
        let workspace = try Workspace(path: path, create: false)
        #expect(try workspace.importRuns().count == 2)
        #expect(try workspace.loadPlan(programme: "P1") == strategyPlan())
        #expect(try workspace.loadPlan().entityIndex.count == 16)
        #expect(try workspace.scalar(String.self, "PRAGMA integrity_check") == "ok")
    }

    // MARK: The same file twice

    /// `realise import imports/ imports/ccm-strategy.xml` names one file twice; ImporterRegistry canonicalises
    /// paths so both arrive with the same path and hash.
    @Test("the same file given twice in one import is imported once",
)
    func sameFileTwiceInOneCall() throws {
        let workspace = try Workspace()
        let imported = file(strategyPlan(), sha: "a")
        let outcomes = try workspace.importFiles([imported, imported])
        #expect(outcomes.first?.status == .imported)
        #expect(try workspace.importRuns().count == 1)
        #expect(try workspace.loadPlan() == strategyPlan())
    }
}
