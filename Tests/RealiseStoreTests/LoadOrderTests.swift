import Foundation
import GRDB
import Testing
import RealiseModel
@testable import RealiseStore

/// `loadPlan` reads values in the table's order and puts them in order itself (`ValueOrder`), or through
/// SQLite's sort when it cannot do so exactly; either way the order must be `ORDER BY metric_id, date, kind`.
@Suite("Loading values in order")
struct LoadOrderTests {
    /// Metrics with values on the same days of different kinds, stored in a scrambled order.
    private func scrambled(_ metrics: [String]) -> Plan {
        let path = "plans/values.xml"
        var plan = Plan()
        plan.metrics = metrics.enumerated().map { Metric(id: $1, name: "Metric \($1)", source: at(path, $0 + 2)) }
        let dated: [(MetricValue.Kind, String)] = [(.target, "2025-06-30"), (.measurement, "2024-03-31"), (.baseline, "2023-01-01"),
                                                    (.measurement, "2025-06-30"), (.target, "2024-03-31"), (.measurement, "2024-12-31")]
        var values: [MetricValue] = []
        for (number, metric) in metrics.enumerated() {
            for (kind, date) in dated {
                values.append(MetricValue(metric: metric, kind: kind, date: day(date), value: Double(number),
                                          source: at(path, 100 + values.count)))
            }
        }
        // Every third value first, then the rest backwards: neither by metric nor by date.
        plan.values = stride(from: 0, to: values.count, by: 3).map { values[$0] }
            + values.indices.filter { $0 % 3 != 0 }.reversed().map { values[$0] }
        return plan
    }

    private func loaded(_ workspace: Workspace) throws -> [String] {
        try workspace.loadPlan().values.map { "\($0.metric) \($0.date) \($0.kind.rawValue)" }
    }

    /// What SQLite's sort gives, stored dates read as days.
    private func sorted(_ workspace: Workspace) throws -> [String] {
        try workspace.rows("SELECT metric_id, date, kind FROM metric_value WHERE withdrawn_run IS NULL ORDER BY metric_id, date, kind")
            .map { row in "\(row["metric_id"] as String) \(Day(iso: row["date"] as String)!) \(row["kind"] as String)" }
    }

    @Test("values stored out of order load by metric id (bytes), day and kind")
    func asciiIds() throws {
        let workspace = try Workspace()
        // Upper case before lower, shorter before longer, digits as characters.
        _ = try workspace.importFiles([file(scrambled(["m1", "M2", "M10", "M1", "M1-a", "Z", "a", "M"]), path: "plans/values.xml", sha: "a")])
        let expected = try sorted(workspace)
        #expect(expected.count == 48)
        #expect(try loaded(workspace) == expected)
        #expect(try loaded(workspace).prefix(3) == ["M 2023-01-01 baseline", "M 2024-03-31 measurement", "M 2024-03-31 target"])
    }

    @Test("metric ids beyond ASCII load in SQLite's order of their bytes")
    func nonASCIIIds() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(scrambled(["Mé", "Mz", "Ma", "MÉ", "M😀", "Me\u{301}x"]), path: "plans/values.xml", sha: "a")])
        let expected = try sorted(workspace)
        #expect(try loaded(workspace) == expected)
        var metrics: [String] = []
        for line in expected where metrics.last != String(line.split(separator: " ")[0]) { metrics.append(String(line.split(separator: " ")[0])) }
        #expect(metrics.map { Array($0.utf8) } == ["Ma", "Me\u{301}x", "Mz", "MÉ", "Mé", "M😀"].map { Array($0.utf8) })
    }

    @Test("metrics with many values (more than a small sort takes), stored in a scrambled order, load by day and kind")
    func manyValues() throws {
        let path = "plans/values.xml"
        var plan = Plan()
        plan.metrics = ["D1", "D0"].enumerated().map { Metric(id: $1, name: "Daily \($1)", source: at(path, $0 + 2)) }
        var values: [MetricValue] = []
        let start = day("2024-01-01")
        for metric in ["D1", "D0"] {
            for offset in 0..<90 {
                values.append(MetricValue(metric: metric, kind: .measurement, date: Day(dayNumber: start.dayNumber + offset),
                                          value: Double(offset), source: at(path, 100 + values.count)))
                if offset % 10 == 0 {
                    values.append(MetricValue(metric: metric, kind: .target, date: Day(dayNumber: start.dayNumber + offset),
                                              value: 1, source: at(path, 100 + values.count)))
                }
            }
        }
        // Every seventh value first, then the rest backwards.
        plan.values = stride(from: 0, to: values.count, by: 7).map { values[$0] } + values.indices.filter { $0 % 7 != 0 }.reversed().map { values[$0] }
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(plan, path: path, sha: "a")])
        let expected = try sorted(workspace)
        #expect(expected.count == 198)
        #expect(try loaded(workspace) == expected)
        #expect(try workspace.loadPlanReadings().readings.readings(of: "D0").map(\.date) == expected.prefix(99).map { day(String($0.split(separator: " ")[1])) })
    }

    @Test("stored dates with a time load in the order of their text")
    func datesWithTime() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(scrambled(["M1", "M2"]), path: "plans/values.xml", sha: "a")])
        // "2024-03-31T08:00" sorts after "2024-03-31": the measurement after the target of that day.
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE metric_value SET date = date || 'T08:00' WHERE kind = 'measurement' AND date = '2024-03-31'")
        }
        let expected = try sorted(workspace)
        #expect(try loaded(workspace) == expected)
        #expect(expected.contains("M1 2024-03-31 target"))
        #expect(expected.firstIndex(of: "M1 2024-03-31 target")! < expected.firstIndex(of: "M1 2024-03-31 measurement")!)
    }

    @Test("text holding a NUL loads up to the NUL, days and shared paths included")
    func textWithNUL() throws {
        let workspace = try Workspace()
        _ = try workspace.importFiles([file(scrambled(["M1"]), path: "plans/values.xml", sha: "a")])
        try workspace.writer.write { db in
            // (GRDB binds text up to its first NUL: SQLite's char(0) makes one.)
            try db.execute(sql: "UPDATE metric_value SET note = 'OBC' || char(0) || 'draft', date = '2023-01-01' || char(0) || 'x' WHERE kind = 'baseline'")
            // A second value that day: the text with the NUL sorts after the plain day, whatever the kinds.
            try db.execute(sql: "INSERT INTO metric_value (metric_id, kind, date, value, source_path, source_line, source_format) VALUES ('M1', 'target', '2023-01-01', 1, 'plans/values.xml', 1, 'realise-xml')")
            try db.execute(sql: "UPDATE metric_value SET source_path = source_path || char(0) || 'old' WHERE kind = 'target'")
        }
        let values = try workspace.loadPlan().values
        let baseline = try #require(values.first { $0.kind == .baseline })
        #expect(baseline.note == "OBC")
        #expect(baseline.date == day("2023-01-01"))
        #expect(values.prefix(2).map(\.kind) == [.target, .baseline])
        #expect(Set(values.map(\.source.path)) == ["plans/values.xml"])
    }

    @Test("entities and links stored out of source order load by path, line and id, as SQLite sorts them")
    func entitiesAndLinksInSourceOrder() throws {
        let workspace = try Workspace()
        // Imported second, listed first ("a" < "z"); two benefits on one line, stored with the larger id first.
        _ = try workspace.importFiles([file(strategyPlan(path: "plans/z.xml", programme: "PZ", prefix: "Z"), path: "plans/z.xml", sha: "z")])
        var early = strategyPlan(path: "plans/a.xml", programme: "PA", prefix: "A")
        early.benefits.append(Benefit(id: "AB0", description: "Same line as AB1", source: early.benefits[0].source))
        early.benefits.swapAt(0, 2)
        early.links.reverse()
        _ = try workspace.importFiles([file(early, path: "plans/a.xml", sha: "a")])
        let plan = try workspace.loadPlan()
        let benefits = try workspace.rows("""
            SELECT e.id FROM benefit t JOIN entity e ON e.id = t.id WHERE e.withdrawn_run IS NULL ORDER BY e.source_path, e.source_line, e.id
            """).map { $0["id"] as String }
        #expect(plan.benefits.map(\.id) == benefits)
        #expect(benefits.prefix(3) == ["AB0", "AB1", "AB2"])
        let links = try workspace.rows("SELECT from_id, to_id FROM link WHERE withdrawn_run IS NULL ORDER BY source_path, source_line, id")
            .map { "\($0["from_id"] as String)→\($0["to_id"] as String)" }
        #expect(plan.links.map { "\($0.from)→\($0.to)" } == links)
        #expect(links.first?.hasPrefix("A") == true)
    }
}
