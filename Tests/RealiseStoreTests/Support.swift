import Foundation
import GRDB
import Testing
import RealiseImport
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

// MARK: Files

/// A fresh folder under the system temporary folder, removed when `body` returns.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The permission bits of a file.
func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let number = try #require(attributes[.posixPermissions] as? NSNumber)
    return number.intValue & 0o777
}

/// The package root, found from this file's path (Tests/RealiseStoreTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample programme under imports/, read with the standard importers.
func readSampleProgramme() throws -> [LoadedFile] {
    try ImporterRegistry.standard.readAll(paths: [packageRoot.appendingPathComponent("imports").path])
}

/// A new, empty workspace on `backend` (a fresh schema of the test server for PostgreSQL).
func emptyWorkspace(_ backend: TestBackend) throws -> Workspace {
    switch backend {
    case .sqlite: try Workspace()
    case .postgres: try Workspace(path: try TestPostgres.freshWorkspace(), create: true)
    }
}

// MARK: Fixtures

func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Day {
    guard let value = Day(iso: text) else {
        Issue.record("fixture date '\(text)' does not parse", sourceLocation: sourceLocation)
        return Day(dayNumber: 0)
    }
    return value
}

func at(_ path: String, _ line: Int, column: Int = 0) -> SourceRef {
    SourceRef(path: path, line: line, column: column, format: "realise-xml")
}

/// A small programme in one file: an objective, two benefits, two deliverables and a metric with values.
///
/// Values are listed in the order `loadPlan` returns them (metric, date, kind) and links in source-line order,
/// with column 0, so a loaded plan can be compared with the fixture as a whole.
func strategyPlan(path: String = "plans/strategy.xml", programme: String = "P1", prefix: String = "",
                  target: Double = 58) -> Plan {
    func id(_ name: String) -> String { prefix + name }
    var plan = Plan()
    plan.programmes = [Programme(id: programme, name: "Coastal mobility", organisation: id("ORG"), owner: "Director",
                                 notes: "BSIP", source: at(path, 2, column: 3))]
    plan.organisations = [Organisation(id: id("ORG"), name: "Norland County Council", programme: programme, notes: "Sponsor",
                                       source: at(path, 3, column: 3))]
    plan.objectives = [
        Objective(id: id("O1"), statement: "Faster buses", horizon: day("2028-03-31"), programme: programme,
                  owner: "Head of Transport", organisation: id("ORG"), notes: "From the OBC", source: at(path, 4, column: 3)),
    ]
    plan.benefits = [
        Benefit(id: id("B1"), description: "Shorter journeys", kind: .benefit, benefitClass: .societal, confidence: .medium,
                realisationStart: day("2026-10-01"), realisationEnd: day("2029-03-31"), observableOutcome: "Ten minutes sooner",
                attribution: "Bus lanes", measurement: "AVL data", programme: programme, owner: "Head of Transport",
                organisation: id("ORG"), notes: "Main benefit", source: at(path, 5, column: 3)),
        Benefit(id: id("B2"), description: "Lost parking income", kind: .disBenefit, benefitClass: .cashable, confidence: .high,
                programme: programme, source: at(path, 6, column: 3)),
    ]
    plan.deliverables = [
        Deliverable(id: id("D1"), name: "Bus priority scheme", kind: .summary, plannedStart: day("2024-04-01"),
                    plannedFinish: day("2026-09-30"), baselineStart: day("2024-04-01"), baselineFinish: day("2026-03-31"),
                    forecastFinish: day("2026-09-30"), actualStart: day("2024-04-02"), percentComplete: 55,
                    status: "in progress", deliveryConfidence: .amber, programme: programme, owner: "PM",
                    organisation: id("ORG"), notes: "Workstream 1", source: at(path, 7, column: 3)),
        Deliverable(id: id("D2"), name: "Go live", kind: .milestone, parent: id("D1"), plannedStart: day("2026-09-30"),
                    plannedFinish: day("2026-09-30"), actualFinish: nil, percentComplete: 0, deliveryConfidence: .amberRed,
                    programme: programme, source: at(path, 8, column: 3)),
    ]
    plan.metrics = [
        Metric(id: id("M1"), name: "Journey time", unit: "minutes", direction: .decrease, measureType: .number,
               frequency: .quarterly, dataSource: "AVL", programme: programme, owner: "Analyst", organisation: id("ORG"),
               notes: "Route X1", source: at(path, 9, column: 3)),
    ]
    plan.values = [
        MetricValue(metric: id("M1"), kind: .baseline, date: day("2023-09-30"), value: 68, note: "OBC", source: at(path, 10)),
        MetricValue(metric: id("M1"), kind: .measurement, date: day("2025-03-31"), value: 67.6, note: "Q4",
                    dataSource: "AVL", confidence: .high, source: at(path, 13)),
        MetricValue(metric: id("M1"), kind: .target, date: day("2026-03-31"), value: 63, source: at(path, 11)),
        MetricValue(metric: id("M1"), kind: .target, date: day("2028-03-31"), value: target, text: nil, source: at(path, 12)),
    ]
    plan.links = [
        Link(kind: .contributesTo, from: id("B1"), to: id("O1"), source: at(path, 14)),
        Link(kind: .contributesTo, from: id("B2"), to: id("O1"), source: at(path, 15)),
        Link(kind: .enabledBy, from: id("B1"), to: id("D1"), source: at(path, 16)),
        Link(kind: .enabledBy, from: id("B2"), to: id("D2"), source: at(path, 17)),
        Link(kind: .dependsOn, from: id("D2"), to: id("D1"), dependencyType: .finishToStart, lagDays: 61, source: at(path, 18)),
        Link(kind: .measures, from: id("M1"), to: id("B1"), share: 75, source: at(path, 19)),
    ]
    return plan
}

func file(_ plan: Plan, path: String = "plans/strategy.xml", sha: String, warnings: [Diagnostic] = []) -> ImportedFile {
    ImportedFile(path: path, format: "realise-xml", sha256: sha, plan: plan, warnings: warnings)
}

// MARK: Snapshots

/// Everything the public interface shows of a workspace, as canonical JSON, to compare before and after.
struct Snapshot: Equatable, CustomStringConvertible {
    var plan: Plan
    var runs: String
    var revisions: String

    var description: String { "\(plan.counts.summary)\nruns: \(runs)\nrevisions: \(revisions)" }
}

extension Workspace {
    func snapshot() throws -> Snapshot {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Snapshot(plan: try loadPlan(),
                        runs: String(decoding: try encoder.encode(try importRuns()), as: UTF8.self),
                        revisions: String(decoding: try encoder.encode(try revisions()), as: UTF8.self))
    }

    /// Every row of a table, for checks below the public interface.
    func rows(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }

    func scalar<Value: DatabaseValueConvertible>(_ type: Value.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> Value? {
        try writer.read { db in try Value.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Rows in every table of the schema, keyed by table.
    func tableSizes() throws -> [String: Int] {
        var sizes: [String: Int] = [:]
        for table in ["import_run", "entity", "programme", "organisation", "objective", "benefit", "deliverable", "metric",
                      "metric_value", "link", "revision"] {
            sizes[table] = try scalar(Int.self, "SELECT COUNT(*) FROM \(table)") ?? -1
        }
        return sizes
    }
}
