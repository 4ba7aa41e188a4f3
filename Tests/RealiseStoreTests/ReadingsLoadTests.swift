import Foundation
import GRDB
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// `loadPlanReadings` stands for `loadPlan` in a report that shows no value: the same plan without its values, and
/// the readings `MetricReadings(values)` makes of the values `loadPlan` gives, whichever way they are read.
@Suite("Loading a plan's values as readings")
struct ReadingsLoadTests {
    /// The lean load against the whole one: the plan without values, and readings of the whole plan's values.
    private func expectSame(_ workspace: Workspace, asOf day: Day? = nil, programme: String? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        var whole = try day.map { try workspace.loadPlan(asOf: $0, programme: programme) } ?? workspace.loadPlan(programme: programme)
        let lean = try workspace.loadPlanReadings(asOf: day, programme: programme)
        let expected = MetricReadings(whole.values)
        #expect(!whole.values.isEmpty, sourceLocation: sourceLocation)
        #expect(lean.readings == expected, sourceLocation: sourceLocation)
        #expect(lean.readings.readings.count == whole.values.count, sourceLocation: sourceLocation)
        for metric in Set(whole.values.map(\.metric)) {
            let values = whole.values.filter { $0.metric == metric }.sorted { $0.date < $1.date }
            #expect(Array(lean.readings.readings(of: metric))
                    == values.map { MetricReadings.Reading(date: $0.date, value: $0.value, kind: $0.kind) }, sourceLocation: sourceLocation)
        }
        whole.values = []
        #expect(lean.plan == whole, sourceLocation: sourceLocation)
    }

    /// Metrics with values of several kinds and days, stored neither by metric nor by date.
    private func scrambled(_ metrics: [String], programme: String = "P1", prefix: String = "",
                           path: String = "plans/values.xml") -> Plan {
        var plan = strategyPlan(path: path, programme: programme, prefix: prefix)
        plan.metrics += metrics.enumerated().map {
            Metric(id: $1, name: "Metric \($1)", programme: programme, source: at(path, $0 + 50))
        }
        let dated: [(MetricValue.Kind, String)] = [(.target, "2025-06-30"), (.measurement, "2024-03-31"), (.baseline, "2023-01-01"),
                                                    (.measurement, "2025-06-30"), (.target, "2024-03-31")]
        var values: [MetricValue] = []
        for (number, metric) in metrics.enumerated() {
            for (kind, date) in dated {
                values.append(MetricValue(metric: metric, kind: kind, date: day(date), value: number % 3 == 0 ? nil : Double(number),
                                          text: number % 3 == 0 ? "Yes" : nil, source: at(path, 100 + values.count)))
            }
        }
        plan.values += values.reversed()
        return plan
    }

    @Test("a workspace's plan, read in the table's order or sorted by the database", arguments: TestBackend.available)
    func sameAsWholeLoad(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([file(scrambled(["m1", "M2", "M10", "Z", "a"]), path: "plans/values.xml", sha: "a")])
        try expectSame(workspace)
        try expectSame(workspace, asOf: day("2025-06-30"))
    }

    @Test("metric ids beyond ASCII and dates with a time: through the database's sort")
    func throughTheSort() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(scrambled(["Mé", "Mz", "M😀", "Ma"]), path: "plans/values.xml", sha: "a")])
        try expectSame(workspace)
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE metric_value SET date = date || 'T08:00' WHERE kind = 'measurement' AND date = '2024-03-31'")
        }
        try expectSame(workspace)
    }

    @Test("a withdrawn metric's values are left out as the whole load leaves them out")
    func withdrawnMetric() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(scrambled(["W1", "W2"]), path: "plans/values.xml", sha: "a")])
        #expect(try !workspace.loadPlanReadings().readings.readings(of: "W2").isEmpty)
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE entity SET withdrawn_run = (SELECT max(id) FROM import_run) WHERE id = 'W2'")
        }
        try expectSame(workspace)
        #expect(try workspace.loadPlanReadings().readings.readings(of: "W2").isEmpty)
    }

    @Test("in a workspace file, read on a second connection beside the entities: withdrawn metrics and other programmes left out")
    func besideTheEntities() throws {
        try withTemporaryFolder { folder in
            let workspace = try Workspace(path: folder.appendingPathComponent("w.sqlite").path, create: true)
            _ = try workspace.importFiles([file(scrambled(["m1", "M2", "W"]), path: "plans/values.xml", sha: "a")])
            _ = try workspace.importFiles([file(scrambled(["n1", "N2"], programme: "P2", prefix: "b-", path: "plans/other.xml"), path: "plans/other.xml", sha: "b")])
            try expectSame(workspace)
            try expectSame(workspace, programme: "P2")
            try workspace.writer.write { db in
                try db.execute(sql: "UPDATE entity SET withdrawn_run = (SELECT max(id) FROM import_run) WHERE id = 'W'")
            }
            try expectSame(workspace)
            try expectSame(workspace, programme: "P1")
            #expect(try workspace.loadPlanReadings().readings.readings(of: "W").isEmpty)
            #expect(try workspace.loadPlanReadings(programme: "P2").readings.readings(of: "m1").isEmpty)
            #expect(try !workspace.loadPlanReadings(programme: "P2").readings.readings(of: "n1").isEmpty)
        }
    }

    @Test("a past plan, rebuilt from history, as readings", arguments: TestBackend.available)
    func pastPlan(_ backend: TestBackend) throws {
        try withTemporaryFolder { folder in
            let workspace = try PastPlanTests().twoVersions(backend, in: folder)
            try expectSame(workspace, asOf: day("2025-10-30"))
            try expectSame(workspace, asOf: day("2025-10-31"))
        }
    }
}
