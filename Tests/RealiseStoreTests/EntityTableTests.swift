import GRDB
import Testing
import RealiseModel
@testable import RealiseStore

/// Each entity type's table description (`EntityTables`) is what the migrations built, and writes and reads
/// back every field it lists.
@Suite("entity table descriptions")
struct EntityTableTests {
    @Test("the migrated schema has exactly the columns, types and NOT NULLs each description lists, in order")
    func schemaMatches() throws {
        let workspace = try Workspace()
        for (table, columns) in EntityTables.all {
            let stored = try workspace.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                    .map { row -> String in "\(row["name"] as String) \(row["type"] as String)\((row["notnull"] as Int) == 1 ? " NOT NULL" : "")" }
            }
            #expect(stored == columns.map { "\($0.name) \($0.type)\($0.nullable ? "" : " NOT NULL")" }, "table \(table)")
        }
        #expect(EntityTables.all.map(\.table) == ["programme", "organisation", "objective", "benefit", "deliverable", "metric"])
    }

    @Test("every described field is written and read back: an entity of each type with every field set")
    func roundTrip() throws {
        let source = SourceRef(path: "plan.xml", line: 3, column: 2, format: "realise-xml", identifier: "ref-1")
        let day = Day(iso: "2026-04-01")!, later = Day(iso: "2027-03-31")!
        var plan = Plan()
        plan.programmes = [Programme(id: "PRG", name: "Programme", organisation: "ORG", owner: "SRO", notes: "n0", source: source)]
        plan.organisations = [Organisation(id: "ORG", name: "Council", programme: "PRG", notes: "n1", source: source)]
        plan.objectives = [Objective(id: "OBJ", statement: "Better buses", horizon: later, programme: "PRG", owner: "Director",
                                     organisation: "ORG", notes: "n2", source: source),
                           Objective(id: "OBJ-2", statement: "Punctual buses", parent: "OBJ", source: source)]
        plan.benefits = [Benefit(id: "BEN", description: "Shorter journeys", kind: .disBenefit, benefitClass: .societal,
                                 confidence: .high, realisationStart: day, realisationEnd: later, observableOutcome: "faster",
                                 attribution: "half", measurement: "survey", programme: "PRG", owner: "Head", organisation: "ORG",
                                 notes: "n3", source: source)]
        plan.deliverables = [Deliverable(id: "DEL", name: "Bus lanes", kind: .businessChange, plannedStart: day, plannedFinish: later,
                                         baselineStart: day, baselineFinish: later, forecastFinish: later, actualStart: day,
                                         actualFinish: later, percentComplete: 42.5, status: "on track", deliveryConfidence: .amber,
                                         programme: "PRG", owner: "PM", organisation: "ORG", notes: "n4", source: source),
                             Deliverable(id: "DEL-2", name: "Lane markings", parent: "DEL", source: source)]
        plan.metrics = [Metric(id: "MET", name: "Journey time", unit: "minutes", direction: .decrease, measureType: .percentage,
                               frequency: .monthly, dataSource: "AVL", programme: "PRG", owner: "Analyst", organisation: "ORG",
                               notes: "n5", source: source)]
        let workspace = try Workspace()
        _ = try workspace.importFiles([ImportedFile(path: "plan.xml", format: "realise-xml", sha256: "x", plan: plan)])
        let loaded = try workspace.loadPlan()
        #expect(loaded.programmes == plan.programmes)
        #expect(loaded.organisations == plan.organisations)
        #expect(loaded.objectives == plan.objectives)
        #expect(loaded.benefits == plan.benefits)
        #expect(loaded.deliverables == plan.deliverables)
        #expect(loaded.metrics == plan.metrics)
    }
}
