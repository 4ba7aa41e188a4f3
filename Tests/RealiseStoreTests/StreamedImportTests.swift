import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// An import handed over in chunks, as the importers stream it: what can only be checked once everything
/// is written, second statements within one import, amendments, dry runs and unchanged files.
@Suite("Streamed imports")
struct StreamedImportTests {
    /// A unit whose reader hands over `chunks` one by one, then the amendments.
    func streamed(_ path: String, sha: String, _ chunks: [Plan],
                  amendments: [(id: String, parent: String?, notes: [String])] = []) -> ImportedFile {
        ImportedFile(path: path, format: "realise-xml", sha256: sha) { sink in
            for chunk in chunks { sink.take(chunk) }
            for amendment in amendments { sink.amend(deliverable: amendment.id, parent: amendment.parent, appendingNotes: amendment.notes) }
            return []
        }
    }

    func benefit(_ id: String, _ path: String, _ line: Int) -> Plan {
        var plan = Plan()
        plan.benefits = [Benefit(id: id, description: "Benefit \(id)", kind: .benefit, source: at(path, line))]
        return plan
    }

    func deliverable(_ id: String, _ path: String, _ line: Int, parent: String? = nil) -> Plan {
        var plan = Plan()
        plan.deliverables = [Deliverable(id: id, name: "Deliverable \(id)", kind: .task, parent: parent, source: at(path, line))]
        return plan
    }

    func link(_ kind: Link.Kind, _ from: String, _ to: String, _ path: String, _ line: Int) -> Plan {
        var plan = Plan()
        plan.links = [Link(kind: kind, from: from, to: to, source: at(path, line))]
        return plan
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let StoreError.rejected(problems) { return problems.map(\.description) } catch {
            Issue.record("expected .rejected, got \(error)")
        }
        return []
    }

    @Test("a reference to something defined later, in a later chunk or file, is accepted")
    func forwardReferences() throws {
        let workspace = try Workspace()
        let tasks = streamed("plan.xml", sha: "t1", [
            deliverable("D2", "plan.xml", 2, parent: "D1"), link(.enabledBy, "B1", "D2", "plan.xml", 3), deliverable("D1", "plan.xml", 4),
        ])
        let register = streamed("register.csv", sha: "r1", [benefit("B1", "register.csv", 2)])
        _ = try workspace.importFiles([tasks, register])
        let plan = try workspace.loadPlan()
        #expect(plan.deliverables.first { $0.id == "D2" }?.parent == "D1")
        #expect(plan.links.map(\.key) == [Link(kind: .enabledBy, from: "B1", to: "D2", source: at("", 0)).key])
    }

    @Test("a reference to an entity that a file of the same import withdraws is refused, whatever the order")
    func referenceToWithdrawn() throws {
        for linksFirst in [true, false] {
            let workspace = try Workspace()
            _ = try workspace.importFiles([streamed("register.csv", sha: "r1", [benefit("B1", "register.csv", 2), benefit("B2", "register.csv", 3)]),
                                           streamed("plan.xml", sha: "t1", [deliverable("D1", "plan.xml", 2)])])
            let before = try workspace.snapshot()
            let register = streamed("register.csv", sha: "r2", [benefit("B2", "register.csv", 2)])
            let plan = streamed("plan.xml", sha: "t2", [deliverable("D1", "plan.xml", 2), link(.enabledBy, "B1", "D1", "plan.xml", 3)])
            let found = problems { _ = try workspace.importFiles(linksFirst ? [plan, register] : [register, plan]) }
            #expect(found == ["plan.xml:3:0: enabled-by link source 'B1' does not exist; import the file that defines it in the same command or fix the id"])
            #expect(try workspace.snapshot() == before)
        }
    }

    @Test("an id stated twice in one import is refused at its second statement, even chunks apart")
    func duplicateAcrossChunks() throws {
        let workspace = try Workspace()
        let found = problems {
            _ = try workspace.importFiles([streamed("plan.xml", sha: "t1", [deliverable("D1", "plan.xml", 2), deliverable("D2", "plan.xml", 3),
                                                                            deliverable("D1", "plan.xml", 900)])])
        }
        #expect(found == ["plan.xml:900:0: duplicate id 'D1': already used at plan.xml:2; ids must be unique in a workspace"])
        #expect(try workspace.loadPlan().counts == ImportCounts())
    }

    @Test("two files stating different values of one metric, kind and day are refused; the same value is claimed by both")
    func valuesStatedTwice() throws {
        var metric = Plan()
        metric.metrics = [Metric(id: "M1", name: "Trips", direction: .increase, measureType: .number, source: at("m.csv", 2))]
        func value(_ number: Double, _ path: String) -> Plan {
            var plan = Plan()
            plan.values = [MetricValue(metric: "M1", kind: .measurement, date: day("2025-03-31"), value: number, source: at(path, 5))]
            return plan
        }
        let workspace = try Workspace()
        let found = problems {
            _ = try workspace.importFiles([streamed("m.csv", sha: "m1", [metric]), streamed("a.csv", sha: "a1", [value(10, "a.csv")]),
                                           streamed("b.csv", sha: "b1", [value(11, "b.csv")])])
        }
        #expect(found == ["b.csv:5:0: metric 'M1' has two different measurement values on 2025-03-31 (the other at a.csv:5); keep one"])

        _ = try workspace.importFiles([streamed("m.csv", sha: "m1", [metric]), streamed("a.csv", sha: "a1", [value(10, "a.csv")]),
                                       streamed("b.csv", sha: "b1", [value(10, "b.csv")])])
        // a.csv no longer states it; b.csv still does, so it stays, credited to b.csv.
        let outcome = try workspace.importFiles([streamed("a.csv", sha: "a2", [])])
        #expect(outcome.first?.withdrawn == 0)
        let values = try workspace.loadPlan().values
        #expect(values.map(\.value) == [10])
        #expect(values.map(\.source.path) == ["b.csv"])
    }

    @Test("amendments set a deliverable's parent and add to its notes, and the parent is checked")
    func amendments() throws {
        let workspace = try Workspace()
        var child = deliverable("A-2", "iati.xml", 9)
        child.deliverables[0].notes = "Own notes"
        _ = try workspace.importFiles([streamed("iati.xml", sha: "i1", [child, deliverable("A-1", "iati.xml", 2)],
                                               amendments: [("A-2", "A-1", []), ("A-2", nil, ["Related activity (co-funded): X"])])])
        let loaded = try #require(try workspace.loadPlan().deliverables.first { $0.id == "A-2" })
        #expect(loaded.parent == "A-1")
        #expect(loaded.notes == "Own notes\nRelated activity (co-funded): X")

        let fresh = try Workspace()
        let found = problems {
            _ = try fresh.importFiles([streamed("iati.xml", sha: "i1", [deliverable("A-2", "iati.xml", 9)], amendments: [("A-2", "A-9", [])])])
        }
        #expect(found == ["iati.xml:9:0: parent deliverable 'A-9' does not exist; import the file that defines it in the same command or fix the id"])
    }

    @Test("the parents amendments give are checked when the file ends, each at its deliverable's line, on either backend",
          arguments: TestBackend.available)
    func amendedParentsChecked(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        var chunk = deliverable("A-3", "iati.xml", 12)
        chunk.deliverables += deliverable("A-2", "iati.xml", 9).deliverables + deliverable("A-1", "iati.xml", 2).deliverables
        chunk.benefits = benefit("B-1", "iati.xml", 20).benefits
        // A-4 was never handed over: its amendment has no line to report at, and is not checked.
        let found = problems {
            _ = try workspace.importFiles([streamed("iati.xml", sha: "i1", [chunk],
                                                    amendments: [("A-3", "B-1", []), ("A-2", "A-9", []), ("A-4", "A-1", [])])])
        }
        #expect(found == ["iati.xml:9:0: parent deliverable 'A-9' does not exist; import the file that defines it in the same command or fix the id",
                          "iati.xml:12:0: parent deliverable 'B-1' is a benefit, expected deliverable"])
        #expect(try workspace.loadPlan().deliverables.isEmpty, "refused whole")

        _ = try workspace.importFiles([streamed("iati.xml", sha: "i2", [chunk], amendments: [("A-3", "A-1", []), ("A-2", "A-3", [])])])
        let parents = try workspace.loadPlan().deliverables.map { "\($0.id)→\($0.parent ?? "-")" }.sorted()
        #expect(parents == ["A-1→-", "A-2→A-3", "A-3→A-1"])
    }

    @Test("a dry run writes everything and rolls it back; its counts are those of the files")
    func dryRunRollsBack() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "s1")])
        let before = try workspace.snapshot()
        let outcomes = try workspace.importFiles([file(strategyPlan(target: 55), sha: "s2"),
                                                  streamed("extra.xml", sha: "e1", [benefit("B9", "extra.xml", 2)])], dryRun: true)
        #expect(outcomes.map(\.status) == [.checked, .checked])
        #expect(outcomes.map(\.counts.benefits) == [2, 1])
        #expect(try workspace.snapshot() == before)
    }

    @Test("an unchanged file is not read again; its counts and warnings come from its last import")
    func unchangedNotRead() throws {
        let workspace = try Workspace()
        let warning = Diagnostic(.warning, path: "plans/strategy.xml", line: 4, "odd value")
        _ = try workspace.importFiles([file(strategyPlan(), sha: "s1", warnings: [warning])])
        struct MustNotRead: Error {}
        let unread = ImportedFile(path: "plans/strategy.xml", format: "realise-xml", sha256: "s1") { _ in throw MustNotRead() }
        let outcome = try #require(try workspace.importFiles([unread]).first)
        #expect(outcome.status == .unchanged)
        #expect(outcome.counts == strategyPlan().counts)
        #expect(outcome.warnings == [warning])
    }

    @Test("thousands of problems are cut to the first thousand and a count of the rest")
    func problemLimit() throws {
        let workspace = try Workspace()
        var plan = Plan()
        plan.deliverables = (1...1_500).map { Deliverable(id: "D\($0)", name: "Task", kind: .task, parent: "NOPE", source: at("big.xml", $0)) }
        let found = problems { _ = try workspace.importFiles([streamed("big.xml", sha: "b1", [plan])]) }
        #expect(found.count == 1_001)
        #expect(found.first == "big.xml:1:0: parent deliverable 'NOPE' does not exist; import the file that defines it in the same command or fix the id")
        #expect(found.last?.contains("… and 500 more problems not shown") == true)
    }

    @Test("a file that fails to read rolls back what it already handed over, and the others' problems wait")
    func failedReadRollsBack() throws {
        let workspace = try Workspace()
        struct Broken: LocatedProblems {
            var diagnostics: [Diagnostic] { [Diagnostic(.error, path: "b.xml", line: 40, "not well-formed")] }
            var isMissingInput: Bool { false }
        }
        let broken = ImportedFile(path: "b.xml", format: "realise-xml", sha256: "b1") { sink in
            sink.take(StreamedImportTests().deliverable("D1", "b.xml", 2))
            throw Broken()
        }
        let dangling = streamed("c.xml", sha: "c1", [deliverable("D2", "c.xml", 2, parent: "NOPE")])
        let found = problems { _ = try workspace.importFiles([broken, dangling]) }
        #expect(found == ["b.xml:40:0: not well-formed"])
        #expect(try workspace.loadPlan().counts == ImportCounts())
        #expect(try workspace.importRuns().isEmpty)
    }

    @Test("what one file alone states needs no claim; a link stated by two files goes when the second drops it too")
    func claimsOnlyForSharedStatements() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "s1")])
        #expect(try workspace.rows("SELECT count(*) FROM claim").first?[0] as Int? == 0)

        let shared = link(.enabledBy, "B1", "D1", "other.xml", 7)
        _ = try workspace.importFiles([streamed("other.xml", sha: "o1", [shared])])
        #expect(try workspace.rows("SELECT count(*) FROM claim").first?[0] as Int? == 2)
        func active() throws -> Bool { try workspace.loadPlan().links.contains { $0.from == "B1" && $0.to == "D1" && $0.kind == .enabledBy } }

        var without = strategyPlan()
        without.links.removeAll { $0.from == "B1" && $0.to == "D1" }
        _ = try workspace.importFiles([file(without, sha: "s2")])
        #expect(try active())
        #expect(try workspace.loadPlan().links.first { $0.from == "B1" && $0.to == "D1" }?.source.path == "other.xml")
        let outcome = try workspace.importFiles([streamed("other.xml", sha: "o2", [])])
        #expect(outcome.first?.withdrawn == 1)
        #expect(try !active())
    }
}

/// Reports read the plan, its revisions and its reviews in turn; they must all see one state.
@Suite("Consistent reads")
struct ConsistentReadTests {
    @Test("reads inside consistentRead see the workspace as it was when they began, whatever another connection commits")
    func oneSnapshot() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("w.sqlite").path
            let reader = try Workspace(path: path, create: true)
            _ = try reader.importFiles([file(strategyPlan(), sha: "s1")])
            let other = try Workspace(path: path, create: false)
            let (first, second, revisions) = try reader.consistentRead {
                let first = try reader.loadPlan()
                _ = try other.importFiles([file(strategyPlan(target: 50), sha: "s2")])
                return (first, try reader.loadPlan(), try reader.revisions())
            }
            #expect(first == second)
            #expect(revisions.isEmpty)
            #expect(try reader.revisions().count == 1)
            #expect(try reader.loadPlan() != first)
        }
    }
}
