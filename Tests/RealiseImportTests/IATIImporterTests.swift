import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// The line (1-based) of the first line of a fixture containing `needle`, found by reading the fixture
/// text, so expected lines do not depend on the importer.
func fixtureLine(_ fixture: String, _ needle: String, after earlier: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let text = (try? String(contentsOfFile: Fixtures.path(fixture), encoding: .utf8)) ?? ""
    let lines = text.components(separatedBy: "\n")
    var start = 0
    if let earlier, let index = lines.firstIndex(where: { $0.contains(earlier) }) { start = index }
    guard let index = lines[start...].firstIndex(where: { $0.contains(needle) }) else {
        Issue.record("'\(needle)' is not in \(fixture)", sourceLocation: sourceLocation)
        return -1
    }
    return index + 1
}

extension Plan {
    func deliverable(_ id: String) -> Deliverable? { deliverables.first { $0.id == id } }
    func benefit(_ id: String) -> Benefit? { benefits.first { $0.id == id } }
    func metric(_ id: String) -> Metric? { metrics.first { $0.id == id } }
    /// The values of a metric of one kind as `date=value-or-text`, in plan order.
    func valueTexts(_ metric: String, _ kind: MetricValue.Kind) -> [String] {
        values.filter { $0.metric == metric && $0.kind == kind }.map { "\($0.date)=\($0.value.map(\.plainText) ?? "'\($0.text ?? "")'")" }
    }
}

@Suite("iati importer: IATI activity XML 1.0x and 2.0x")
struct IATIImporterTests {
    static let v203 = "iati/activities-2.03.xml"
    static let v105 = "iati/activity-1.05.xml"

    func read(_ fixture: String) throws -> Plan.WithWarnings {
        try IATIImporter().read(path: Fixtures.path(fixture), options: .init())
    }

    func warnings(_ result: Plan.WithWarnings, containing text: String) -> [Diagnostic] {
        result.warnings.filter { $0.message.contains(text) }
    }

    // MARK: 2.03

    @Test("each activity is a project; results are outputs under it or benefits")
    func activitiesAndResults() throws {
        let (plan, _) = try read(Self.v203)
        #expect(plan.deliverables.map(\.id) == ["XM-EX-1", "XM-EX-1#R1", "XM-EX-1-1", "XM-EX-1-1#R1"])
        #expect(plan.deliverables.map(\.kind) == [.project, .output, .project, .output])
        #expect(plan.benefits.map(\.id) == ["XM-EX-1#R2", "XM-EX-1#R3", "XM-EX-1#R4"])
        let output = try #require(plan.deliverable("XM-EX-1#R1"))
        #expect(output.parent == "XM-EX-1")
        #expect(output.name == "Wells drilled")
        #expect(output.notes == "New wells in the northern districts")
        #expect(plan.benefit("XM-EX-1#R3")?.notes == "IATI impact result")
        #expect(plan.benefit("XM-EX-1#R4")?.description == "Community ownership")
        #expect(plan.linkPairs(.enabledBy) == ["XM-EX-1#R2→XM-EX-1", "XM-EX-1#R3→XM-EX-1", "XM-EX-1#R4→XM-EX-1"])
    }

    @Test("the activity's id, name, dates, status and source")
    func activityFields() throws {
        let (plan, _) = try read(Self.v203)
        let activity = try #require(plan.deliverable("XM-EX-1"))
        #expect(activity.name == "Programme eau", "the file's default language is fr; an unlabelled narrative is in it")
        #expect(activity.plannedStart == .iso("2020-01-01"))
        #expect(activity.actualStart == .iso("2020-02-06"), "iso-date with a +08:00 offset")
        #expect(activity.plannedFinish == .iso("2024-12-31"))
        #expect(activity.actualFinish == nil)
        #expect(activity.status == "implementation")
        #expect(activity.organisation == "Agence Exemple", "the reporting organisation owns the activity")
        #expect(activity.source.identifier == "XM-EX-1")
        #expect(activity.source.format == "iati")
        #expect(activity.source.line == fixtureLine(Self.v203, "<iati-activity default-currency"))
        let child = try #require(plan.deliverable("XM-EX-1-1"))
        #expect(child.name == "Northern boreholes", "the activity's own xml:lang (en) overrides the file's")
    }

    @Test("organisations and the general description go into the activity's notes")
    func organisationsInNotes() throws {
        let (plan, _) = try read(Self.v203)
        let notes = try #require(plan.deliverable("XM-EX-1")?.notes)
        #expect(notes.contains("Un programme pour l'eau potable."))
        #expect(notes.contains("Reporting organisation: Agence Exemple (XM-EX)"))
        #expect(notes.contains("Participating organisations: Fonds Exemple (XM-FUND, funding); Implementing Partner (XM-IMPL, implementing)"))
        #expect(!notes.contains("Not a description"), "a document-link's description is not the activity's")
        #expect(plan.organisations.isEmpty)
    }

    @Test("related-activity type 1 sets the parent only within the file; others go to the notes")
    func parents() throws {
        let result = try read(Self.v203)
        let plan = result.plan
        #expect(plan.deliverable("XM-EX-1-1")?.parent == "XM-EX-1")
        #expect(plan.deliverable("XM-EX-1")?.parent == nil)
        #expect(plan.deliverable("XM-EX-1")?.notes?.contains("Parent activity: XM-NOT-HERE (not in this file)") == true)
        #expect(plan.deliverable("XM-EX-1-1")?.notes?.contains("Related activity (sibling): XM-SIBLING") == true)
        let warning = try #require(warnings(result, containing: "XM-NOT-HERE").first)
        #expect(warning.line == fixtureLine(Self.v203, "XM-NOT-HERE"))
    }

    @Test("an end before the start is dropped with a warning, so the plan still validates")
    func endBeforeStart() throws {
        let result = try read(Self.v203)
        let child = try #require(result.plan.deliverable("XM-EX-1-1"))
        #expect(child.plannedStart == .iso("2021-03-01"))
        #expect(child.plannedFinish == nil)
        #expect(!warnings(result, containing: "planned end 2020-01-01 before its planned start 2021-03-01").isEmpty)
        #expect(try result.plan.importErrors() == [])
    }

    @Test("description type 2 is an objective every benefit of the activity contributes to")
    func objectives() throws {
        let (plan, _) = try read(Self.v203)
        #expect(plan.objectives.map(\.id) == ["XM-EX-1#objectives"])
        let objective = try #require(plan.objectives.first)
        #expect(objective.statement == "Improve access to safe water", "no fr narrative: English before the first (es)")
        #expect(objective.horizon == .iso("2024-12-31"))
        #expect(plan.linkPairs(.contributesTo) == ["XM-EX-1#R2→XM-EX-1#objectives", "XM-EX-1#R3→XM-EX-1#objectives",
                                                   "XM-EX-1#R4→XM-EX-1#objectives"])
    }

    @Test("a result without a type is a benefit, with a warning at its line")
    func resultWithoutType() throws {
        let result = try read(Self.v203)
        let warning = try #require(warnings(result, containing: "'XM-EX-1#R4' has no type").first)
        #expect(warning.line == fixtureLine(Self.v203, "<result>"))
        #expect(warning.severity == .warning)
    }

    @Test("indicators are metrics; @measure and @ascending give type and direction")
    func indicators() throws {
        let (plan, _) = try read(Self.v203)
        #expect(plan.metrics.map(\.id) == ["XM-EX-1#R1#I1", "XM-EX-1#R2#I1", "XM-EX-1#R3#I1"])
        let share = try #require(plan.metric("XM-EX-1#R2#I1"))
        #expect(share.name == "Share of households reporting illness")
        #expect(share.measureType == .percentage)
        #expect(share.direction == .decrease)
        #expect(share.notes == "From the annual household survey")
        #expect(plan.metric("XM-EX-1#R1#I1")?.measureType == .number)
        #expect(plan.metric("XM-EX-1#R1#I1")?.direction == .increase)
        #expect(plan.metric("XM-EX-1#R3#I1")?.measureType == .qualitative)
    }

    @Test("a metric measures its result's benefit; an output's indicators measure nothing, with a warning")
    func outputIndicators() throws {
        let result = try read(Self.v203)
        #expect(result.plan.linkPairs(.measures) == ["XM-EX-1#R2#I1→XM-EX-1#R2", "XM-EX-1#R3#I1→XM-EX-1#R3"])
        #expect(result.plan.metric("XM-EX-1#R1#I1")?.notes == "Indicator of IATI output XM-EX-1#R1")
        let warning = try #require(warnings(result, containing: "result 'XM-EX-1#R1' is an output").first)
        #expect(warning.line == fixtureLine(Self.v203, "<result type=\"1\""))
    }

    @Test("baselines by iso-date or 1 January of the year; targets and actuals at the period end")
    func values() throws {
        let (plan, _) = try read(Self.v203)
        #expect(plan.valueTexts("XM-EX-1#R1#I1", .baseline) == ["2019-01-01=10"])
        #expect(plan.valueTexts("XM-EX-1#R1#I1", .target) == ["2021-12-31=20"], "period-end with seven fractional digits")
        #expect(plan.valueTexts("XM-EX-1#R1#I1", .measurement) == ["2021-12-31=15"])
        #expect(plan.valueTexts("XM-EX-1#R2#I1", .baseline) == ["2019-06-30=40"])
        let baseline = try #require(plan.values.first { $0.metric == "XM-EX-1#R2#I1" && $0.kind == .baseline })
        #expect(baseline.note == "Survey 2019")
        #expect(baseline.source.line == fixtureLine(Self.v203, "<baseline year=\"2019\" iso-date"))
    }

    @Test("values that are not numbers are kept as text with a warning at their line, never a failure")
    func qualitativeValues() throws {
        let result = try read(Self.v203)
        let plan = result.plan
        #expect(plan.valueTexts("XM-EX-1#R2#I1", .measurement) == ["2021-06-30='Yes'"])
        let yes = try #require(warnings(result, containing: "is 'Yes', not a number").first)
        #expect(yes.line == fixtureLine(Self.v203, "<actual value=\"Yes\"/>"))
        #expect(plan.valueTexts("XM-EX-1#R3#I1", .target) == ["2022-12-31='N=35;P=55'"])
        // A target without @value keeps its comment as the text; an actual with neither is not recorded.
        #expect(plan.valueTexts("XM-EX-1#R2#I1", .target) == ["2021-06-30=30", "2022-06-30='Halve the backlog'"])
        #expect(!warnings(result, containing: "has no value; its comment is kept").isEmpty)
        let empty = try #require(warnings(result, containing: "has no value and no comment").first)
        #expect(empty.line == fixtureLine(Self.v203, "<actual/>"))
    }

    @Test("of several targets in a period the first is taken, with a warning")
    func severalTargets() throws {
        let result = try read(Self.v203)
        let warning = try #require(warnings(result, containing: "has 2 targets; the first was imported").first)
        #expect(warning.line == fixtureLine(Self.v203, "<target value=\"99\"/>"))
        #expect(!result.plan.values.contains { $0.value == 99 })
    }

    @Test("a baseline year of 1900 is a placeholder: no date, so no baseline, and a warning")
    func placeholderYear() throws {
        let result = try read(Self.v203)
        #expect(result.plan.valueTexts("XM-EX-1#R3#I1", .baseline).isEmpty)
        let warning = try #require(warnings(result, containing: "baseline year '1900'").first)
        #expect(warning.line == fixtureLine(Self.v203, "<baseline year=\"1900\""))
    }

    @Test("warnings come in reading order")
    func warningOrder() throws {
        let result = try read(Self.v203)
        #expect(result.warnings.count >= 8)
        #expect(result.warnings.map(\.line) == result.warnings.map(\.line).sorted())
        #expect(result.warnings.allSatisfy { $0.path == Fixtures.path(Self.v203) && $0.severity == .warning })
    }

    // MARK: 1.05

    @Test("a 1.05 file: text in the elements, one element per language, textual codes")
    func version105() throws {
        let result = try read(Self.v105)
        let plan = result.plan
        let activity = try #require(plan.deliverable("XM-GOV-12345"))
        #expect(activity.name == "Schools project")
        #expect(activity.plannedStart == .iso("2012-04-15"))
        #expect(activity.actualStart == .iso("2012-04-28"), "@iso-date wins over the text")
        #expect(activity.plannedFinish == .iso("2015-12-31"), "the date written as the element's text")
        #expect(activity.notes?.contains("Reporting organisation: Department for Example (XM-GOV)") == true)
        #expect(activity.notes?.contains("Schools Trust (implementing)") == true)
        #expect(plan.objectives.map(\.statement) == ["Children complete primary school."])
        #expect(plan.deliverables.map(\.kind) == [.project, .output])
        #expect(plan.benefits.map(\.description) == ["Completion rate"])
        let dropOut = try #require(plan.metric("XM-GOV-12345#R2#I1"))
        #expect(dropOut.name == "Drop-out rate")
        #expect(dropOut.measureType == .percentage)
        #expect(dropOut.direction == .decrease, "ascending=\"false\"")
        #expect(plan.metric("XM-GOV-12345#R1#I1")?.measureType == .number, "measure=\"Unit\"")
        #expect(plan.valueTexts("XM-GOV-12345#R2#I1", .baseline) == ["2012-01-01=12.5"])
        #expect(plan.values.first { $0.metric == "XM-GOV-12345#R2#I1" && $0.kind == .baseline }?.note == "School census")
        #expect(plan.valueTexts("XM-GOV-12345#R2#I1", .target) == ["2014-12-31=8"], "period-end given as text")
        #expect(plan.valueTexts("XM-GOV-12345#R2#I1", .measurement) == ["2014-12-31=9"])
        #expect(plan.linkPairs(.measures) == ["XM-GOV-12345#R2#I1→XM-GOV-12345#R2"])
        #expect(warnings(result, containing: "@measure").isEmpty && warnings(result, containing: "not an IATI code").isEmpty,
                "Unit and Percentage are known codes")
        #expect(try plan.importErrors() == [])
    }

    // MARK: Refusals and edge cases

    @Test("a malformed file is invalid, located at libxml2's line")
    func malformed() throws {
        let path = Fixtures.path("iati/malformed.xml")
        #expect(try ImporterRegistry.standard.detect(path: path).format == .iati)
        let error = try #require(importError { try IATIImporter().read(path: path, options: .init()) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.first?.line == 7)
        #expect(diagnostics.first?.path == path)
        #expect(diagnostics.first?.message.contains("mismatch") == true)
    }

    @Test("sniffing: iati-activities or iati-activity in any or no namespace, nothing else")
    func sniffing() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let registry = ImporterRegistry.standard
        #expect(try registry.detect(path: Fixtures.path(Self.v203)).format == .iati)
        #expect(try registry.detect(path: Fixtures.path(Self.v105)).format == .iati)
        let namespaced = try folder.write("ns.xml", #"<?xml version="1.0"?><iati-activities xmlns="http://example.org/iati" version="2.03"/>"#)
        #expect(try registry.detect(path: namespaced).format == .iati)
        let organisations = try folder.write("org.xml", #"<iati-organisations version="2.03"><iati-organisation/></iati-organisations>"#)
        #expect(importError { try registry.detect(path: organisations) }?.unknownFormatHint?.contains("iati-organisations") == true)
        #expect(try registry.detect(path: Fixtures.path("xml/valid-plan.xml")).format == .realiseXML)
    }

    @Test("a lone iati-activity root imports, and an activity without identifier gets a file-based id")
    func loneActivityWithoutIdentifier() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("single.xml", """
            <iati-activity xml:lang="en">
              <iati-identifier> </iati-identifier>
              <title>Lone</title>
            </iati-activity>
            """)
        let (plan, warnings) = try IATIImporter().read(path: path, options: .init(programme: "P9"))
        #expect(plan.deliverables.map(\.id) == ["single#A1"])
        #expect(plan.deliverables.first?.programme == "P9")
        #expect(warnings.map(\.message) == ["the activity has no iati-identifier; it was given the id 'single#A1'"])
    }

    /// A file longer than 65 535 lines (the 20 000-activity benchmark file has 1.3 million): libxml2 2.9 keeps an
    /// element's line in 16 bits, so a reader asking the node for it got 65 535 for every element further down.
    @Test("sources and warnings past line 65 535 keep their true lines")
    func linesBeyond65535() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n"
        text += String(repeating: "  <!-- padding -->\n", count: 70_000)
        text += """
              <iati-activity>
                <iati-identifier>FAR-1</iati-identifier>
                <title><narrative>Far down</narrative></title>
                <result type="2">
                  <title><narrative>Fewer delays</narrative></title>
                  <indicator measure="1" ascending="1">
                    <title><narrative>Journeys on time</narrative></title>
                    <baseline year="2020" value="10"/>
                    <period>
                      <period-start iso-date="2021-01-01"/>
                      <period-end iso-date="2021-12-31"/>
                      <target value="20"/>
                      <actual value="Yes"/>
                    </period>
                  </indicator>
                </result>
              </iati-activity>
            </iati-activities>

            """
        let path = try folder.write("long.xml", text)
        let (plan, warnings) = try IATIImporter().read(path: path, options: .init())
        #expect(plan.deliverable("FAR-1")?.source.line == 70_003)
        #expect(plan.benefit("FAR-1#R1")?.source.line == 70_006)
        #expect(plan.metric("FAR-1#R1#I1")?.source.line == 70_008)
        #expect(plan.values.first { $0.kind == .baseline }?.source.line == 70_010)
        #expect(plan.values.first { $0.kind == .target }?.source.line == 70_014)
        #expect(warnings.first { $0.message.contains("is 'Yes', not a number") }?.line == 70_015)
    }

    @Test("a DOCTYPE is refused with its line")
    func doctype() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("dtd.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE iati-activities [<!ENTITY a "aaaaaaaaaa">]>
            <iati-activities><iati-activity><iati-identifier>&a;</iati-identifier></iati-activity></iati-activities>
            """)
        let error = try #require(importError { try IATIImporter().read(path: path, options: .init()) })
        let diagnostic = try #require(error.invalidDiagnostics?.first)
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("DOCTYPE"))
    }

    @Test("--from iati on a file that is not IATI names its root")
    func wrongRoot() throws {
        let error = try #require(importError {
            try ImporterRegistry.standard.read(path: Fixtures.path("xml/valid-plan.xml"), format: .iati)
        })
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.message.contains("the root element is <plan>"))
    }

    @Test("parents that would make a cycle, or a second parent, are dropped with a warning")
    func parentCycle() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("cycle.xml", """
            <iati-activities version="2.03">
             <iati-activity><iati-identifier>A</iati-identifier><related-activity ref="B" type="1"/></iati-activity>
             <iati-activity><iati-identifier>B</iati-identifier><related-activity ref="A" type="1"/></iati-activity>
             <iati-activity><iati-identifier>C</iati-identifier><related-activity ref="A" type="1"/><related-activity ref="B" type="1"/></iati-activity>
             <iati-activity><iati-identifier>D</iati-identifier><related-activity ref="C" type="2"/></iati-activity>
            </iati-activities>
            """)
        let (plan, warnings) = try IATIImporter().read(path: path, options: .init())
        #expect(plan.deliverables.map { "\($0.id):\($0.parent ?? "-")" } == ["A:B", "B:-", "C:A", "D:-"])
        #expect(warnings.contains { $0.line == 3 && $0.message.contains("would make a cycle") })
        #expect(warnings.contains { $0.line == 4 && $0.message.contains("already has the parent 'A'") })
        #expect(warnings.contains { $0.line == 5 && $0.message.contains("already has the parent 'A'") }, "type 2: D names C its child")
        #expect(try plan.importErrors() == [])
    }

    @Test("a second, different value for the same metric, kind and day is dropped with a warning")
    func sameDayValues() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("twice.xml", """
            <iati-activities version="2.03">
             <iati-activity><iati-identifier>A</iati-identifier>
              <result type="2"><indicator measure="1">
               <period><period-end iso-date="2024-12-31"/><target value="5"/></period>
               <period><period-end iso-date="2024-12-31"/><target value="6"/></period>
               <period><period-end iso-date="2024-12-31"/><target value="5"/></period>
              </indicator></result>
             </iati-activity>
            </iati-activities>
            """)
        let (plan, warnings) = try IATIImporter().read(path: path, options: .init())
        #expect(plan.valueTexts("A#R1#I1", .target) == ["2024-12-31=5"])
        #expect(warnings.filter { $0.message.contains("differs from the one at line 4") }.map(\.line) == [5])
        #expect(try plan.importErrors() == [])
    }
}
