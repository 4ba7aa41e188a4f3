import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// The import's set-based writes (one look-up per kind and chunk, multi-row upserts), on both backends: keys stated
/// twice within one chunk, chunks larger than one statement's group of rows, and an id that changes type.
@Suite("Set-based writes")
struct SetBasedWriteTests {
    /// A file whose reader hands over `chunks` one by one.
    func file(_ path: String, sha: String, _ chunks: [Plan]) -> ImportedFile {
        ImportedFile(path: path, format: "realise-xml", sha256: sha) { sink in
            for chunk in chunks { sink.take(chunk) }
            return []
        }
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let StoreError.rejected(problems) { return problems.map(\.description) } catch {
            Issue.record("expected .rejected, got \(error)")
        }
        return []
    }

    func metric(_ path: String) -> Metric {
        Metric(id: "M1", name: "Trips", direction: .increase, measureType: .number, source: at(path, 2))
    }

    @Test("an id stated twice in one chunk is refused at its second statement", arguments: TestBackend.available)
    func duplicateIdInOneChunk(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        var chunk = Plan()
        chunk.deliverables = [Deliverable(id: "D1", name: "One", source: at("plan.xml", 2)),
                              Deliverable(id: "D2", name: "Two", source: at("plan.xml", 3))]
        chunk.benefits = [Benefit(id: "D1", description: "Also one", kind: .benefit, source: at("plan.xml", 4))]
        let found = problems { _ = try workspace.importFiles([file("plan.xml", sha: "p1", [chunk])]) }
        // Benefits are written before deliverables, so the benefit's statement is the first.
        #expect(found == ["plan.xml:2:0: duplicate id 'D1': already used at plan.xml:4; ids must be unique in a workspace"])
        #expect(try workspace.loadPlan().counts == ImportCounts())
    }

    @Test("a value stated twice in one chunk: the same value is kept once, a different one refused",
          arguments: TestBackend.available)
    func valueTwiceInOneChunk(_ backend: TestBackend) throws {
        func chunk(_ second: Double) -> Plan {
            var plan = Plan()
            plan.metrics = [metric("m.csv")]
            plan.values = [MetricValue(metric: "M1", kind: .target, date: day("2027-03-31"), value: 50, source: at("m.csv", 5)),
                           MetricValue(metric: "M1", kind: .target, date: day("2027-03-31"), value: second, source: at("m.csv", 6))]
            return plan
        }
        let refused = try emptyWorkspace(backend)
        let found = problems { _ = try refused.importFiles([file("m.csv", sha: "m1", [chunk(60)])]) }
        #expect(found == ["m.csv:6:0: metric 'M1' has two different target values on 2027-03-31 (the other at m.csv:5); keep one"])

        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([file("m.csv", sha: "m1", [chunk(50)])])
        #expect(try workspace.loadPlan().values.map(\.value) == [50])
        #expect(try workspace.revisions().isEmpty, "a new metric's first target is not a revision")
    }

    @Test("a chunk of hundreds of rows is written whole; a re-import revises, withdraws and keeps what it restates",
          arguments: TestBackend.available)
    func largeChunk(_ backend: TestBackend) throws {
        // 300 of each: two full groups of 128 rows and the rest in smaller groups.
        func plan(count: Int, target: Double) -> Plan {
            var plan = Plan()
            plan.metrics = [metric("big.xml")]
            plan.deliverables = (1...count).map { Deliverable(id: "D\($0)", name: "Task \($0)", source: at("big.xml", 10 + $0)) }
            plan.links = (2...count).map { Link(kind: .dependsOn, from: "D\($0)", to: "D\($0 - 1)", source: at("big.xml", 10 + $0)) }
            plan.values = (1...count).map {
                MetricValue(metric: "M1", kind: .measurement, date: Day(dayNumber: 20_000 + $0), value: Double($0), source: at("big.xml", 10 + $0))
            } + [MetricValue(metric: "M1", kind: .target, date: day("2030-03-31"), value: target, source: at("big.xml", 3))]
            return plan
        }
        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([file("big.xml", sha: "b1", [plan(count: 300, target: 900)])])
        let first = try workspace.loadPlan()
        #expect(first.deliverables.count == 300 && first.links.count == 299 && first.values.count == 301)
        #expect(Set(first.deliverables.map(\.name)) == Set((1...300).map { "Task \($0)" }))

        let outcome = try workspace.importFiles([file("big.xml", sha: "b2", [plan(count: 290, target: 800)])])
        // 10 deliverables, 10 links and 10 measurements no longer stated.
        #expect(outcome.first?.withdrawn == 30)
        #expect(outcome.first?.revisions == 1)
        let second = try workspace.loadPlan()
        #expect(second.deliverables.count == 290 && second.links.count == 289 && second.values.count == 291)
        let revision = try #require(try workspace.revisions().first)
        #expect(revision.oldValue == 900 && revision.newValue == 800)
    }

    @Test("an id that changes type on re-import leaves its old type's table", arguments: TestBackend.available)
    func changedType(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        var before = Plan()
        before.deliverables = [Deliverable(id: "X1", name: "A task", source: at("plan.xml", 2))]
        _ = try workspace.importFiles([file("plan.xml", sha: "p1", [before])])
        var after = Plan()
        after.benefits = [Benefit(id: "X1", description: "Now a benefit", kind: .benefit, source: at("plan.xml", 2))]
        _ = try workspace.importFiles([file("plan.xml", sha: "p2", [after])])
        let plan = try workspace.loadPlan()
        #expect(plan.deliverables.isEmpty)
        #expect(plan.benefits.map(\.description) == ["Now a benefit"])
    }
}
