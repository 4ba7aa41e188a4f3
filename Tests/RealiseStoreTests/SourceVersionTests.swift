import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// A source is known by its name, not where it was read from; a file that defines ids another source holds takes
/// them over as that source's new version when the other's file is gone, when it is named by `--supersedes`, or when
/// it is a GMPP return of an earlier year. On both backends.
@Suite("Sources and their versions")
struct SourceVersionTests {
    /// `plan` as the file `name` in `folder` (written there, so that it exists), named `name` as a source.
    func unit(_ plan: Plan, _ name: String, in folder: URL, format: String = "realise-xml", dated: Day? = nil,
              sha: String? = nil) throws -> ImportedFile {
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("\(name) \(plan.counts.summary)".utf8).write(to: URL(fileURLWithPath: path))
        var renamed = plan
        renamed.renameSources(to: path)
        let moved = renamed
        return ImportedFile(path: path, format: format, sha256: sha ?? "\(name)-\(plan.itemCount)") { sink in
            if let dated { sink.dated(dated) }
            sink.take(moved)
            return []
        }.named(name)
    }

    /// The strategy fixture with D2 (and its links) left out and D1 renamed: a later version of the plan.
    func laterVersion() -> Plan {
        var plan = strategyPlan()
        plan.deliverables.removeAll { $0.id == "D2" }
        plan.deliverables[0].name = "Bus priority scheme, phase 1"
        plan.links.removeAll { $0.from == "D2" || $0.to == "D2" }
        return plan
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let StoreError.rejected(problems) { return problems.map(\.message) } catch {
            Issue.record("expected .rejected, got \(error)")
        }
        return []
    }

    @Test("a plan saved under a new name, the old file gone, is the old one's new version", arguments: TestBackend.available)
    func renamedFile(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try unit(strategyPlan(), "strategy-2025-09.xml", in: folder)])
            try FileManager.default.removeItem(at: folder.appendingPathComponent("strategy-2025-09.xml"))
            let outcomes = try workspace.importFiles([try unit(laterVersion(), "strategy-2025-10.xml", in: folder)])
            #expect(outcomes.first?.withdrawn ?? 0 >= 1, "D2 and its links withdrawn: \(outcomes)")
            let plan = try workspace.loadPlan()
            #expect(plan.deliverables.map(\.id) == ["D1"])
            #expect(plan.deliverables.first?.name == "Bus priority scheme, phase 1")
            #expect(plan.deliverables.first?.source.path == "strategy-2025-10.xml")
            #expect(Set(plan.objectives.map(\.source.path) + plan.values.map(\.source.path)) == ["strategy-2025-10.xml"])
            let runs = try workspace.importRuns()
            #expect(runs.map(\.path) == ["strategy-2025-09.xml", "strategy-2025-10.xml"])
            #expect(runs.last?.supersedes == ["strategy-2025-09.xml"])
            #expect(runs.last?.location == folder.appendingPathComponent("strategy-2025-10.xml").standardizedFileURL.path)
        }
    }

    @Test("an id another source still holds is refused, with --supersedes suggested; named, it is taken over",
          arguments: TestBackend.available)
    func supersedes(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try unit(strategyPlan(), "strategy-2025-09.xml", in: folder)])
            let newer = try unit(laterVersion(), "strategy-2025-10.xml", in: folder)
            let refused = problems { _ = try workspace.importFiles([newer]) }
            #expect(refused.contains { $0.contains("duplicate id 'D1'") && $0.contains("--supersedes strategy-2025-09.xml") }, "\(refused)")
            #expect(try workspace.importRuns().count == 1, "nothing written")

            _ = try workspace.importFiles([newer], supersedes: ["strategy-2025-09.xml"])
            #expect(try workspace.loadPlan().deliverables.map(\.id) == ["D1"])
            #expect(try workspace.importRuns().last?.supersedes == ["strategy-2025-09.xml"])
        }
    }

    @Test("--supersedes naming no source is refused, with the nearest name", arguments: TestBackend.available)
    func supersedesUnknown(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try unit(strategyPlan(), "strategy-2025-09.xml", in: folder)])
            #expect {
                _ = try workspace.importFiles([try unit(laterVersion(), "strategy-2025-10.xml", in: folder)], supersedes: ["strategy-2025-9.xml"])
            } throws: { error in
                "\(error)".contains("names no source") && "\(error)".contains("did you mean 'strategy-2025-09.xml'")
            }
        }
    }

    @Test("two files of one import defining one id still conflict, even when one supersedes", arguments: TestBackend.available)
    func conflictingFiles(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            let found = problems {
                _ = try workspace.importFiles([try unit(strategyPlan(), "a.xml", in: folder), try unit(laterVersion(), "b.xml", in: folder)])
            }
            #expect(found.contains { $0.contains("duplicate id 'O1'") && $0.contains("a.xml") }, "\(found)")
        }
    }

    @Test("the same file read from another folder is the same source: unchanged when its content is", arguments: TestBackend.available)
    func sameSourceElsewhere(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            let first = try unit(strategyPlan(), "register.xml", in: folder.appendingPathComponent("mine"), sha: "same")
            let second = try unit(strategyPlan(), "register.xml", in: folder.appendingPathComponent("colleague"), sha: "same")
            _ = try workspace.importFiles([first])
            #expect(try workspace.importFiles([second]).map(\.status) == [.unchanged])
            // Changed content under the same name is a new version of the same source, not another file's ids.
            let changed = try unit(laterVersion(), "register.xml", in: folder.appendingPathComponent("colleague"), sha: "changed")
            let outcome = try #require(try workspace.importFiles([changed]).first)
            #expect(outcome.status == .imported && outcome.withdrawn >= 1)
            #expect(try workspace.loadPlan().deliverables.map(\.id) == ["D1"])
        }
    }

    @Test("a file of another format under a source's name is refused as another source, nothing written",
          arguments: TestBackend.available)
    func anotherFormatSameName(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try unit(strategyPlan(), "plan.xml", in: folder.appendingPathComponent("a"))])
            let before = try workspace.snapshot()
            let other = try unit(laterVersion(), "plan.xml", in: folder.appendingPathComponent("b"), format: "mspdi")
            let refused = problems { _ = try workspace.importFiles([other]) }
            #expect(refused.contains { $0.contains("source named 'plan.xml' read as realise-xml") && $0.contains("rename it") }, "\(refused)")
            #expect(try workspace.snapshot() == before)
        }
    }

    @Test("a source recorded under an older name is taken over by the same file under its new name", arguments: TestBackend.available)
    func olderNameSameFile(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            let legacy = try unit(strategyPlan(), "strategy.xml", in: folder)
            _ = try workspace.importFiles([legacy.named(legacy.path)])
            let renamed = try unit(laterVersion(), "strategy.xml", in: folder)
            #expect(try workspace.importFiles([renamed]).first?.status == .imported)
            #expect(try workspace.loadPlan().deliverables.map(\.source.path) == ["strategy.xml"])
        }
    }

    @Test("a GMPP return of a later year supersedes the earlier one; projects that left are withdrawn", arguments: TestBackend.available)
    func gmppYears(_ backend: TestBackend) throws {
        func projects(_ ids: [String], confidence: RAG) -> Plan {
            var plan = Plan()
            plan.deliverables = ids.enumerated().map { index, id in
                Deliverable(id: id, name: "Project \(id)", kind: .project, deliveryConfidence: confidence,
                            source: SourceRef(path: "gmpp.csv", line: index + 2, format: ImportedFile.yearlyEditionFormat))
            }
            return plan
        }
        try withTemporaryFolder { folder in
            let workspace = try emptyWorkspace(backend)
            _ = try workspace.importFiles([try unit(projects(["P1", "P2", "P3"], confidence: .amber), "gmpp_2022.csv", in: folder,
                                                    format: ImportedFile.yearlyEditionFormat, dated: day("2022-03-31"))])
            _ = try workspace.importFiles([try unit(projects(["P2", "P3", "P4"], confidence: .red), "gmpp_2023.csv", in: folder,
                                                    format: ImportedFile.yearlyEditionFormat, dated: day("2023-03-31"))])
            let plan = try workspace.loadPlan()
            #expect(plan.deliverables.map(\.id).sorted() == ["P2", "P3", "P4"], "P1 left the portfolio")
            #expect(plan.deliverables.allSatisfy { $0.deliveryConfidence == .red })
            let runs = try workspace.importRuns()
            #expect(runs.map(\.versionDate) == [day("2022-03-31"), day("2023-03-31")])
            #expect(runs.last?.supersedes == ["gmpp_2022.csv"])

            // Another return of the same year is refused.
            let later = try emptyWorkspace(backend)
            _ = try later.importFiles([try unit(projects(["P2"], confidence: .red), "gmpp_2023.csv", in: folder, format: ImportedFile.yearlyEditionFormat,
                                                dated: day("2023-03-31"))])
            let refused = problems {
                _ = try later.importFiles([try unit(projects(["P2"], confidence: .amber), "gmpp_2023_v2.csv", in: folder, format: ImportedFile.yearlyEditionFormat,
                                                    dated: day("2023-03-31"))])
            }
            #expect(refused.contains { $0.contains("same year") && $0.contains("gmpp_2023.csv") }, "\(refused)")
        }
    }

    @Test("a run records who imported it and, when the file does not say, the day it was last written as its version")
    func runRecord() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace(actor: "pmo.analyst")
            _ = try workspace.importFiles([try unit(strategyPlan(), "strategy.xml", in: folder)])
            let run = try #require(try workspace.importRuns().first)
            #expect(run.actor == "pmo.analyst")
            let written = try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("strategy.xml").path)[.modificationDate] as? Date)
            #expect(run.versionDate == Day(dayNumber: Int((written.timeIntervalSince1970 / 86_400).rounded(.down))))
        }
    }
}

extension Plan {
    /// Every entity, value and link read from `path`, as the importer of a file there would give them.
    mutating func renameSources(to path: String) {
        for index in programmes.indices { programmes[index].source.path = path }
        for index in organisations.indices { organisations[index].source.path = path }
        for index in objectives.indices { objectives[index].source.path = path }
        for index in benefits.indices { benefits[index].source.path = path }
        for index in deliverables.indices { deliverables[index].source.path = path }
        for index in metrics.indices { metrics[index].source.path = path }
        for index in values.indices { values[index].source.path = path }
        for index in links.indices { links[index].source.path = path }
    }
}
