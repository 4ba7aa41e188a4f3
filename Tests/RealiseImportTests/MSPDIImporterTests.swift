import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("mspdi importer")
struct MSPDIImporterTests {
    let registry = ImporterRegistry.standard
    let importer = MSPDIImporter()

    func read(_ fixture: String, options: ImportOptions = .init()) throws -> Plan.WithWarnings {
        try importer.read(path: Fixtures.path("mspdi/" + fixture), options: options)
    }

    func deliverable(_ plan: Plan, _ id: String) throws -> Deliverable {
        try #require(plan.deliverables.first { $0.id == id }, "no deliverable \(id) in \(plan.deliverables.map(\.id))")
    }

    // MARK: The realistic plan (bus-priority.xml)

    @Test func fixturesAreSniffedAsMSPDI() throws {
        for fixture in ["bus-priority.xml", "one-line-bom.xml", "empty-tasks.xml", "custom-fields-260.xml", "no-namespace.xml", "malformed.xml"] {
            #expect(try registry.detect(path: Fixtures.path("mspdi/" + fixture)).format == .mspdi, "\(fixture)")
        }
    }

    @Test func summaryAndNullTasksAreSkipped() throws {
        let (plan, _) = try read("bus-priority.xml")
        // 11 <Task> elements: UID 0 is the project summary, UID 4 a null task.
        #expect(plan.deliverables.map(\.source.identifier) == ["1", "2", "3", "5", "6", "7", "8", "10"])
        #expect(plan.counts.deliverables == 8)
        #expect(plan.counts.milestones == 1)
    }

    @Test func idsKindsAndParentsFollowTheOutline() throws {
        let (plan, _) = try read("bus-priority.xml")
        let p = "Bus-Priority-Programme"  // the Title, sanitised
        #expect(plan.deliverables.map(\.id) == ["\(p):T1", "\(p):T2", "\(p):T3", "\(p):T5", "DLV-SIGNALS", "\(p):T7", "\(p):T8", "\(p):T10"])
        #expect(plan.deliverables.map(\.kind) == [.summary, .task, .milestone, .summary, .summary, .task, .task, .task])
        #expect(plan.deliverables.map(\.parent) == [nil, "\(p):T1", "\(p):T1", nil, "\(p):T5", "DLV-SIGNALS", nil, nil])
        #expect(plan.deliverables.allSatisfy { $0.programme == p })
    }

    @Test func sourceLineIsTheLineOfTheTaskElement() throws {
        let path = Fixtures.path("mspdi/bus-priority.xml")
        let (plan, _) = try importer.read(path: path, options: .init())
        // `grep -n "<Task>" bus-priority.xml`: 50 (UID 0), 60, 72, 106, 124 (UID 4), 130, 140, 182, 208, 220.
        #expect(plan.deliverables.map(\.source.line) == [60, 72, 106, 130, 140, 182, 208, 220])
        #expect(plan.deliverables.allSatisfy { $0.source.path == path && $0.source.format == "mspdi" })
    }

    @Test func datesBaselineZeroActualsAndPercent() throws {
        let (plan, _) = try read("bus-priority.xml")
        let survey = try deliverable(plan, "Bus-Priority-Programme:T2")
        #expect(survey.name == "Corridor survey")
        #expect(survey.plannedStart == .iso("2024-03-01"))
        #expect(survey.plannedFinish == .iso("2024-04-12"))
        // Baseline 1 (2024-02-01 … 2024-03-29) comes first in the file; only baseline 0 counts.
        #expect(survey.baselineStart == .iso("2024-03-01"))
        #expect(survey.baselineFinish == .iso("2024-04-05"))
        #expect(survey.actualStart == .iso("2024-03-04"))
        #expect(survey.actualFinish == nil)
        #expect(survey.percentComplete == 60)
        #expect(survey.notes == "Survey of all 12 corridors & junctions.\nSupplier: Atkins")
        let app = try deliverable(plan, "Bus-Priority-Programme:T7")
        #expect(app.actualFinish == .iso("2024-12-18"))
        #expect(app.percentComplete == 100)
    }

    @Test func durationOnlyTaskHasNoDatesAndInactiveStatus() throws {
        let (plan, _) = try read("bus-priority.xml")
        let handover = try deliverable(plan, "Bus-Priority-Programme:T8")
        #expect(handover.plannedStart == nil && handover.plannedFinish == nil && handover.baselineFinish == nil)
        #expect(handover.status == "inactive")
        #expect(try deliverable(plan, "Bus-Priority-Programme:T10").status == nil)
    }

    @Test func predecessorLinksOfAllFourTypesWithLagInDays() throws {
        let (plan, _) = try read("bus-priority.xml")
        let p = "Bus-Priority-Programme"
        let links = plan.links.filter { $0.kind == .dependsOn }
        #expect(links.map { "\($0.from)→\($0.to)" } == [
            "\(p):T3→\(p):T2", "DLV-SIGNALS→\(p):T3", "DLV-SIGNALS→\(p):T2", "\(p):T7→DLV-SIGNALS", "\(p):T7→\(p):T3",
            "\(p):T8→\(p):T10",  // the predecessor comes later in the file
        ])
        #expect(links.map(\.dependencyType) == [.finishToStart, .startToStart, .finishToFinish, .startToFinish, .finishToStart, .finishToStart])
        // 4800 tenths of a minute = one 8-hour day; 2400 = half; 14400 elapsed (LagFormat 8) = one 24-hour day;
        // -4800 = a lead of one day; a percentage lag (LagFormat 19) and a missing LinkLag have no lag.
        #expect(links.map(\.lagDays) == [1, 0.5, 1, -1, nil, nil])
        #expect(links.map(\.source.line) == [116, 149, 155, 195, 201, 216], "the <PredecessorLink> lines")
    }

    @Test func linkFieldsMakeEnabledByLinksAndObjectivesAreWarned() throws {
        let (plan, warnings) = try read("bus-priority.xml")
        #expect(plan.linkPairs(.enabledBy) == [
            "BEN-01→Bus-Priority-Programme:T2", "BEN-02→Bus-Priority-Programme:T2", "BEN-03→DLV-SIGNALS",
        ], "BEN-03 is listed twice on one task but linked once; the resource's BEN-99 is not a task's")
        #expect(plan.links.filter { $0.kind == .enabledBy }.map(\.source.line) == [85, 85, 169])
        #expect(plan.linkPairs(.contributesTo).isEmpty)
        let objective = try #require(warnings.first { $0.message.contains("OBJ-1") })
        #expect(objective.line == 173 && objective.severity == .warning)
        #expect(objective.message.contains("through a benefit"))
        let signals = try deliverable(plan, "DLV-SIGNALS")
        #expect(signals.source.identifier == "6", "a custom id keeps the UID as source identifier")
        #expect(signals.notes == "Text8: Phase B", "a field without an alias goes by its FieldName")
    }

    @Test func warningsForDroppedLinksAndPercentLag() throws {
        let (_, warnings) = try read("bus-priority.xml")
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.line == 161 && $0.message.contains("UID 4, which is a null (blank) task") })
        #expect(warnings.contains { $0.line == 201 && $0.message.contains("percentage") })
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func programmeOptionAndCustomLinkFields() throws {
        var options = ImportOptions(programme: "BPP")
        options.linkFields = ["supplier"]
        let (plan, warnings) = try read("bus-priority.xml", options: options)
        #expect(plan.deliverables.first?.id == "BPP:T1")
        #expect(plan.deliverables.allSatisfy { $0.programme == "BPP" })
        // Only "Supplier" is a link field now: Atkins enables T2; Benefit and Objective are plain notes.
        #expect(plan.linkPairs(.enabledBy) == ["Atkins→BPP:T2"])
        #expect(try deliverable(plan, "DLV-SIGNALS").notes == "Benefit: BEN-03;BEN-03\nObjective: OBJ-1\nText8: Phase B")
        #expect(!warnings.contains { $0.message.contains("OBJ-1") })
    }

    @Test func withTheBenefitsRegisterTheLinksValidate() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let register = try folder.write("benefits.csv", """
            Benefit ID,Description,Owner
            BEN-01,Faster bus journeys on surveyed corridors,Head of Transport
            BEN-02,More reliable bus journeys,Head of Transport
            BEN-03,Fewer delays at junctions,Head of Transport
            """)
        var plan = try registry.read(path: register).plan
        plan.merge(try read("bus-priority.xml").plan)
        #expect(try plan.importErrors() == [])
    }

    // MARK: Awkward files

    @Test func oneLineFileWithBOM() throws {
        let (plan, warnings) = try read("one-line-bom.xml")
        // Title "Project1" is MS Project's default, so the programme comes from <Name> without ".xml".
        #expect(plan.deliverables.map(\.id) == ["one-line:T1", "one-line:T3"])
        #expect(plan.deliverables.allSatisfy { $0.source.line == 1 })
        let first = plan.deliverables[0]
        #expect(first.baselineStart == .iso("2008-01-28") && first.baselineFinish == .iso("2008-01-29"),
                "baselines 1 and 2 (finish before start) are ignored")
        // MinutesPerDay 450: 9000 tenths of a minute = 900 minutes = 2 working days.
        #expect(plan.links.map(\.lagDays) == [2])
        #expect(warnings.isEmpty)
    }

    @Test func oddValuesAreWarningsNotFailures() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("odd.xml", """
            <Project xmlns="http://schemas.microsoft.com/project"><Title>Odd</Title><Tasks>
            <Task><UID>1</UID><Name>Reversed baseline</Name><OutlineLevel>1</OutlineLevel><PercentComplete>140</PercentComplete>
            <Baseline><Number>0</Number><Start>2024-05-01T08:00:00</Start><Finish>2024-04-01T17:00:00</Finish></Baseline></Task>
            <Task><UID>2</UID><Name>Bad date</Name><OutlineLevel>1</OutlineLevel><Start>NA</Start>
            <ExtendedAttribute><FieldID>188743999</FieldID><Value>undefined field</Value></ExtendedAttribute>
            <PredecessorLink><PredecessorUID>7</PredecessorUID><CrossProject>1</CrossProject></PredecessorLink>
            <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>9</Type></PredecessorLink></Task>
            <Task><Name>No UID</Name></Task>
            <Task><UID>2</UID><Name>Second UID 2</Name></Task>
            <Task><UID>3</UID><OutlineNumber>1.1</OutlineNumber><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>7</Type></PredecessorLink></Task>
            </Tasks></Project>
            """)
        let (plan, warnings) = try importer.read(path: path, options: .init())
        #expect(plan.deliverables.map(\.id) == ["Odd:T1", "Odd:T2", "Odd:T3"])
        let reversed = plan.deliverables[0]
        #expect(reversed.baselineStart == .iso("2024-05-01") && reversed.baselineFinish == nil)
        #expect(reversed.percentComplete == nil)
        #expect(plan.deliverables[1].plannedStart == nil)
        #expect(plan.deliverables[1].notes == "Field 188743999: undefined field")
        #expect(plan.deliverables[2].name == "Task 3" && plan.deliverables[2].parent == "Odd:T2", "level from OutlineNumber 1.1")
        #expect(plan.linkPairs(.dependsOn) == ["Odd:T3→Odd:T1"])
        #expect(plan.links.first?.dependencyType == .finishToStart)
        #expect(try plan.importErrors() == [])
        let expected = ["percentcomplete '140'", "baseline finish 2024-04-01 is before baseline start", "start 'na' is not a date",
                        "no uid", "second task with uid 2", "another project", "uid 99, which is not in the file", "type '7'"]
        #expect(warnings.count == expected.count, "\(warnings.map(\.message))")
        for phrase in expected {
            #expect(warnings.contains { $0.message.lowercased().contains(phrase) }, "no warning about \(phrase)")
        }
        #expect(warnings.allSatisfy { $0.line > 0 && $0.severity == .warning })
    }

    /// A plan longer than 65 535 lines (the 100 000-task benchmark plan has 2.6 million): libxml2 2.9 keeps an element's
    /// line in 16 bits, so a reader asking the node for it got 65 535 for every element further down.
    @Test func sourcesAndWarningsBeyond65535KeepTheirLines() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>Long</Title>\n"
        text += String(repeating: "  <!-- padding -->\n", count: 70_000)
        text += """
              <Tasks>
                <Task><UID>1</UID><Name>First</Name><OutlineLevel>1</OutlineLevel></Task>
                <Task><UID>2</UID><Name>Second</Name><OutlineLevel>1</OutlineLevel><PercentComplete>140</PercentComplete>
                  <PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>
                </Task>
              </Tasks>
            </Project>

            """
        let path = try folder.write("long.xml", text)
        let (plan, warnings) = try importer.read(path: path, options: .init())
        #expect(plan.deliverables.map(\.source.line) == [70_004, 70_005])
        #expect(plan.links.map(\.source.line) == [70_006], "the <PredecessorLink> line")
        #expect(warnings.first { $0.message.lowercased().contains("percentcomplete '140'") }?.line == 70_005)
    }

    @Test func emptyTasksImportsNothing() throws {
        let (plan, warnings) = try read("empty-tasks.xml")
        #expect(plan.deliverables.isEmpty && plan.links.isEmpty && warnings.isEmpty)
    }

    @Test func twoHundredSixtyCustomFieldDefinitions() throws {
        let (plan, warnings) = try read("custom-fields-260.xml")
        let task = try #require(plan.deliverables.first)
        #expect(task.id == "Many-Fields:T5")
        #expect(task.parent == nil)
        #expect(plan.linkPairs(.enabledBy) == ["BEN-260→Many-Fields:T5", "BEN-261→Many-Fields:T5"], "the 260th field is aliased Benefits")
        #expect(task.notes == "Custom 100: hundredth")
        #expect(warnings.isEmpty)
    }

    @Test func rootWithoutNamespaceIsRead() throws {
        let (plan, _) = try read("no-namespace.xml")
        #expect(plan.deliverables.map(\.id) == ["Legacy-Export:T1"])
        #expect(plan.deliverables.first?.plannedFinish == .iso("2003-05-09"))
    }

    @Test func malformedFileIsInvalidWithItsLine() throws {
        let path = Fixtures.path("mspdi/malformed.xml")
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.first?.line == 8, "the mismatched </Tsk>")
        #expect(diagnostics.allSatisfy { $0.path == path && $0.severity == .error })
    }

    @Test func doctypeIsRefused() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("doctype.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY x "boom">]>
            <Project xmlns="http://schemas.microsoft.com/project"><Tasks/></Project>
            """)
        let diagnostics = try #require(importError { try registry.read(path: path) }?.invalidDiagnostics)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("DOCTYPE") == true)
    }

    @Test func otherRootsAreNotMSPDI() {
        let options = ImportOptions()
        let foreign = FileHead(path: "x.xml", bytes: Array(#"<Project xmlns="urn:other"><Tasks/></Project>"#.utf8))
        #expect(!importer.recognises(foreign, options: options))
        let bare = FileHead(path: "x.xml", bytes: Array(#"<Project><Name>x</Name></Project>"#.utf8))
        #expect(!importer.recognises(bare, options: options), "no namespace and no MSPDI element")
        let plan = FileHead(path: "x.xml", bytes: Array(#"<plan xmlns="urn:realise:plan:1"/>"#.utf8))
        #expect(!importer.recognises(plan, options: options))
    }

    // MARK: Helpers

    @Test func programmeIDs() {
        #expect(MSPDIMapper.programmeID(title: " Crossrail: Phase 2 ", name: "x.xml", path: "/a/b.xml") == "Crossrail-Phase-2")
        #expect(MSPDIMapper.programmeID(title: "Project12", name: "Roads Plan v3.mpp", path: "/a/b.xml") == "Roads-Plan-v3")
        #expect(MSPDIMapper.programmeID(title: nil, name: nil, path: "/a/plan file.xml") == "plan-file")
        #expect(MSPDIMapper.programmeID(title: "***", name: "", path: "/a/---.xml") == "project")
    }

    @Test func linkFieldRoles() {
        let fields = ImportOptions.defaultLinkFields
        #expect(MSPDIExtendedAttributes.role(of: "BENEFITS", linkFields: fields) == .benefitLinks)
        #expect(MSPDIExtendedAttributes.role(of: "Outcome", linkFields: fields) == .benefitLinks)
        #expect(MSPDIExtendedAttributes.role(of: "objectives", linkFields: fields) == .objectiveLinks)
        #expect(MSPDIExtendedAttributes.role(of: "Deliverable-ID", linkFields: fields) == .deliverableId)
        #expect(MSPDIExtendedAttributes.role(of: "Benefit owner", linkFields: fields) == .note)
        #expect(MSPDIExtendedAttributes.ids(in: " BEN 1 ;BEN-2,\nBEN-2 | ") == ["BEN 1", "BEN-2"])
    }
}
