import GRDB
import Testing
import RealiseModel
import RealiseTestSupport
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

    @Test("each field is read from its own column: every field set to a different value, or left unset",
          arguments: TestBackend.available)
    func readsEachColumn(_ backend: TestBackend) throws {
        // Days a day apart, texts of more than 15 bytes repeated across entities (shared when read): a reader that
        // took a neighbouring column, or gave one entity's shared text to another, reads a different entity.
        func day(_ offset: Int) -> Day { Day(dayNumber: 20_000 + offset) }
        func source(_ line: Int) -> SourceRef {
            SourceRef(path: "plans/every-field.xml", line: line, column: line + 1, format: "realise-xml", identifier: "ref-\(line)")
        }
        let owner = "Head of Passenger Transport", other = "Finance Business Partner"
        let programme = "Programme of long name", organisation = "Organisation of long name"
        var plan = Plan()
        plan.programmes = [Programme(id: "PRG", name: "Programme", organisation: organisation, owner: owner, notes: "n0", source: source(1)),
                           Programme(id: "PRG-2", name: "Bare programme", source: source(2))]
        plan.organisations = [Organisation(id: "ORG", name: "Council", programme: programme, notes: "n1", source: source(3)),
                              Organisation(id: "ORG-2", name: "Bare council", source: source(4))]
        plan.objectives = [Objective(id: "OBJ", statement: "Better buses", parent: "OBJ-2", horizon: day(1), programme: programme,
                                     owner: other, organisation: organisation, notes: "n2", source: source(5)),
                           Objective(id: "OBJ-2", statement: "Bare objective", source: source(6))]
        plan.benefits = [Benefit(id: "BEN", description: "Shorter journeys", kind: .disBenefit, benefitClass: .nonCashable,
                                 confidence: .low, realisationStart: day(2), realisationEnd: day(3), observableOutcome: "faster trips",
                                 attribution: "half of it", measurement: "a survey", programme: programme, owner: owner,
                                 organisation: organisation, notes: "n3", source: source(7)),
                         Benefit(id: "BEN-2", description: "Bare benefit", source: source(8))]
        plan.deliverables = [Deliverable(id: "DEL", name: "Bus lanes", kind: .businessChange, parent: "DEL-2", plannedStart: day(4),
                                         plannedFinish: day(5), baselineStart: day(6), baselineFinish: day(7), forecastFinish: day(8),
                                         actualStart: day(9), actualFinish: day(10), percentComplete: 42.5,
                                         status: "on track and under budget", deliveryConfidence: .amberGreen, programme: programme,
                                         owner: other, organisation: organisation, notes: "n4", source: source(9)),
                             Deliverable(id: "DEL-2", name: "Bare deliverable", source: source(10))]
        plan.metrics = [Metric(id: "MET", name: "Journey time", unit: "minutes per journey", direction: .decrease,
                               measureType: .percentage, frequency: .halfYearly, dataSource: "automatic vehicle location",
                               programme: programme, owner: owner, organisation: organisation, notes: "n5", source: source(11)),
                        Metric(id: "MET-2", name: "Bare metric", source: source(12))]
        let workspace = try emptyWorkspace(backend)
        _ = try workspace.importFiles([file(plan, path: "plans/every-field.xml", sha: "a")])
        let loaded = try workspace.loadPlan(), lean = try workspace.loadPlanReadings().plan
        for read in [loaded, lean] {
            #expect(read.programmes == plan.programmes)
            #expect(read.organisations == plan.organisations)
            #expect(read.objectives == plan.objectives)
            #expect(read.benefits == plan.benefits)
            #expect(read.deliverables == plan.deliverables)
            #expect(read.metrics == plan.metrics)
        }
    }

    @Test("a stored word this version does not know reads as the field's default, or as none")
    func unknownWords() throws {
        let workspace = try Workspace()
        var plan = strategyPlan()
        plan.benefits[0].kind = .disBenefit
        plan.benefits[0].confidence = .high
        plan.metrics[0].direction = .decrease
        _ = try workspace.importFiles([file(plan, sha: "a")])
        try workspace.writer.write { db in
            try db.execute(sql: "UPDATE benefit SET kind = 'windfall', confidence = 'certain' WHERE id = ?", arguments: [plan.benefits[0].id])
            try db.execute(sql: "UPDATE metric SET direction = 'sideways' WHERE id = ?", arguments: [plan.metrics[0].id])
        }
        let loaded = try workspace.loadPlan()
        #expect(loaded.benefits[0].kind == .benefit)
        #expect(loaded.benefits[0].confidence == nil)
        #expect(loaded.metrics[0].direction == .increase)
    }
}
