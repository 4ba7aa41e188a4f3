import Foundation
import Testing
import RealiseModel
@testable import RealiseStore

@Suite("Measurements and loading")
struct LoadAndMeasureTests {
    // MARK: recordMeasurement

    @Test("recording a measurement of an unknown metric, or of an entity that is no metric, fails and writes nothing")
    func unknownMetric() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        let before = try workspace.snapshot()
        for id in ["NOPE", ""] {  // missing, empty
            let error = #expect(throws: StoreError.self) {
                try workspace.recordMeasurement(metric: id, value: 1, text: nil, date: day("2025-06-30"), dataSource: nil, note: nil)
            }
            guard case .unknownEntity(let reported)? = error else {
                Issue.record("expected .unknownEntity for '\(id)', got \(String(describing: error))")
                continue
            }
            #expect(reported == id)
            #expect(error?.description.contains("'\(id)'") == true)
        }
        // Other entity types: the error names the metrics to measure instead.
        for (id, expected) in [("B1", "B1 is a benefit, not a metric: measure one of its metrics (M1)"),
                               ("O1", "O1 is an objective, not a metric: no metric measures it yet; add one to the plan and measure that"),
                               ("D1", "D1 is a deliverable, not a metric: `realise list metrics` shows the metrics")] {
            let error = #expect(throws: StoreError.self) {
                try workspace.recordMeasurement(metric: id, value: 1, text: nil, date: day("2025-06-30"), dataSource: nil, note: nil)
            }
            #expect(error?.description == expected)
        }
        #expect(try workspace.snapshot() == before)
    }

    @Test("a metric's id matches in any case; the change says the id as stored and the value it replaced")
    func anyCase() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        let first = try workspace.recordMeasurement(metric: "m1", value: 50, text: nil, date: day("2025-06-30"), dataSource: nil, note: nil)
        #expect(first.metric == "M1" && first.previous == nil)
        let second = try workspace.recordMeasurement(metric: "M1", value: 51, text: nil, date: day("2025-06-30"), dataSource: nil, note: nil)
        #expect(second.previous == "50")
        #expect(second.warnings.first?.hasPrefix("M1 already had a measurement on 2025-06-30: 50; replaced it with 51") == true)
        let deleted = try workspace.deleteMeasurement(metric: "m1", date: day("2025-06-30"))
        #expect(deleted.previous == "51" && deleted.warnings.isEmpty)
        #expect(!(try workspace.loadPlan().values.contains { $0.kind == .measurement && $0.date == day("2025-06-30") }))
    }

    @Test("recording a measurement on an empty workspace fails")
    func emptyWorkspace() throws {
        let workspace = try Workspace()
        #expect(throws: StoreError.self) {
            try workspace.recordMeasurement(metric: "M1", value: 1, text: nil, date: day("2025-06-30"), dataSource: nil, note: nil)
        }
        #expect(try workspace.loadPlan().values.isEmpty)
    }

    @Test("a recorded measurement loads with a manual source")
    func recorded() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        try workspace.recordMeasurement(metric: "M1", value: 66.2, text: nil, date: day("2025-09-30"),
                                        dataSource: "AVL export", note: "Typed in at the board")
        let values = try workspace.loadPlan().values
        #expect(values.count == strategyPlan().values.count + 1)
        let value = try #require(values.first { $0.date == day("2025-09-30") })
        #expect(value.metric == "M1")
        #expect(value.kind == .measurement)
        #expect(value.value == 66.2)
        #expect(value.text == nil)
        #expect(value.dataSource == "AVL export")
        #expect(value.note == "Typed in at the board")
        #expect(value.source.format == "manual")
        #expect(value.source.path == "(command line)")
        // Manual measurements are not revisions of baselines or targets.
        #expect(try workspace.revisions().isEmpty)
        #expect(try workspace.importRuns().count == 1)
    }

    @Test("a second measurement on the same day replaces the first; qualitative values keep their text")
    func sameDayReplaces() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        try workspace.recordMeasurement(metric: "M1", value: 66.2, text: nil, date: day("2025-09-30"), dataSource: nil, note: nil)
        try workspace.recordMeasurement(metric: "M1", value: nil, text: "Yes", date: day("2025-09-30"), dataSource: nil, note: "Survey")
        let onDay = try workspace.loadPlan().values.filter { $0.date == day("2025-09-30") }
        #expect(onDay.count == 1)
        #expect(onDay.first?.value == nil)
        #expect(onDay.first?.text == "Yes")
        #expect(onDay.first?.note == "Survey")
    }

    @Test("manual measurements survive re-importing the metric's file")
    func manualSurvivesReimport() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        try workspace.recordMeasurement(metric: "M1", value: 66.2, text: nil, date: day("2025-09-30"), dataSource: nil, note: nil)
        let outcomes = try workspace.importFiles([file(strategyPlan(target: 57), sha: "b")])
        #expect(outcomes.first?.withdrawn == 0)
        #expect(try workspace.loadPlan().values.contains { $0.date == day("2025-09-30") && $0.value == 66.2 })
    }

    @Test("a withdrawn metric takes no new measurements")
    func withdrawnMetric() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a")])
        var plan = strategyPlan()
        plan.metrics.removeAll()
        plan.values.removeAll()
        plan.links.removeAll { $0.kind == .measures }
        _ = try workspace.importFiles([file(plan, sha: "b")])
        let error = #expect(throws: StoreError.self) {
            try workspace.recordMeasurement(metric: "M1", value: 1, text: nil, date: day("2025-09-30"), dataSource: nil, note: nil)
        }
        guard case .unknownEntity("M1")? = error else {
            Issue.record("expected .unknownEntity, got \(String(describing: error))")
            return
        }
    }

    // MARK: loadPlan(programme:)

    @Test("loading one programme gives only its entities and the values and links among them")
    func programmeFilter() throws {
        let workspace = try Workspace()
        var other = strategyPlan(path: "plans/other.xml", programme: "P2", prefix: "X-")
        // A link from P2 into P1: shown with neither programme alone.
        other.links.append(Link(kind: .contributesTo, from: "X-B1", to: "O1", source: at("plans/other.xml", 30)))
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a"), file(other, path: "plans/other.xml", sha: "b")])

        let all = try workspace.loadPlan()
        #expect(all.entityIndex.count == 16)
        #expect(all.links.count == 13)

        let p1 = try workspace.loadPlan(programme: "P1")
        #expect(p1 == strategyPlan())

        let p2 = try workspace.loadPlan(programme: "P2")
        #expect(p2.programmes.map(\.id) == ["P2"])
        #expect(p2.entityIndex.allSatisfy { $0.id == "P2" || $0.id.hasPrefix("X-") })
        #expect(p2.entityIndex.count == 8)
        #expect(p2.values.count == 4)
        #expect(p2.values.allSatisfy { $0.metric == "X-M1" })
        #expect(p2.links.count == 6)
        #expect(!p2.links.contains { $0.to == "O1" })

        #expect(throws: StoreError.self) { try workspace.loadPlan(programme: "NOPE") }
        #expect(try workspace.loadPlan(programme: "p2") == p2)
    }

    @Test("entities without a programme are left out of a programme's plan")
    func entitiesWithoutProgramme() throws {
        let workspace = try Workspace()
        var plan = strategyPlan()
        plan.benefits[1].programme = nil
        _ = try workspace.importFiles([file(plan, sha: "a")])
        #expect(try workspace.loadPlan(programme: "P1").benefits.map(\.id) == ["B1"])
        #expect(try workspace.loadPlan().benefits.map(\.id) == ["B1", "B2"])
    }

    // MARK: Withdrawn endpoints

    @Test("links whose endpoint is withdrawn are not loaded")
    func linksToWithdrawnEntities() throws {
        let workspace = try Workspace()
        var register = Plan()
        register.benefits = [Benefit(id: "R1", description: "More passengers", source: at("plans/register.csv", 2))]
        register.links = [
            Link(kind: .enabledBy, from: "R1", to: "D2", source: at("plans/register.csv", 2)),
            Link(kind: .contributesTo, from: "R1", to: "O1", source: at("plans/register.csv", 2)),
        ]
        let registerFile = file(register, path: "plans/register.csv", sha: "r1")
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a"), registerFile])
        #expect(try workspace.loadPlan().links.contains { $0.from == "R1" && $0.to == "D2" })

        // The strategy drops D2 (and its own links to it); the register, not re-imported, still points at it.
        var strategy = strategyPlan()
        strategy.deliverables.removeAll { $0.id == "D2" }
        strategy.links.removeAll { $0.from == "D2" || $0.to == "D2" }
        let outcomes = try workspace.importFiles([file(strategy, sha: "b"), registerFile])
        #expect(outcomes.map(\.status) == [.imported, .unchanged])

        let loaded = try workspace.loadPlan()
        #expect(!loaded.deliverables.contains { $0.id == "D2" })
        #expect(!loaded.links.contains { $0.from == "D2" || $0.to == "D2" })
        #expect(loaded.links.contains { $0.from == "R1" && $0.to == "O1" })
        // The register's link itself is not withdrawn: it comes back when D2 does.
        #expect(try workspace.scalar(Int.self, "SELECT COUNT(*) FROM link WHERE from_id = 'R1' AND to_id = 'D2' AND withdrawn_run IS NULL") == 1)
        _ = try workspace.importFiles([file(strategyPlan(), sha: "c")])
        #expect(try workspace.loadPlan().links.contains { $0.from == "R1" && $0.to == "D2" })
    }

    @Test("values of a withdrawn metric stated in another file are not loaded")
    func valuesOfWithdrawnMetric() throws {
        let workspace = try Workspace()
        var measurements = Plan()
        measurements.values = [MetricValue(metric: "M1", kind: .measurement, date: day("2025-12-31"), value: 65,
                                           source: at("plans/measurements.csv", 2))]
        let measurementsFile = file(measurements, path: "plans/measurements.csv", sha: "m1")
        _ = try workspace.importFiles([file(strategyPlan(), sha: "a"), measurementsFile])
        #expect(try workspace.loadPlan().values.count == 5)

        var strategy = strategyPlan()
        strategy.metrics.removeAll()
        strategy.values.removeAll()
        strategy.links.removeAll { $0.kind == .measures }
        _ = try workspace.importFiles([file(strategy, sha: "b")])
        #expect(try workspace.loadPlan().values.isEmpty)
    }
}
