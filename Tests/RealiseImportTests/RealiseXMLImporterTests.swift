import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("realise-xml importer")
struct RealiseXMLImporterTests {
    let registry = ImporterRegistry.standard

    func readValid() throws -> LoadedFile {
        try registry.read(path: Fixtures.path("xml/valid-plan.xml"))
    }

    // MARK: A valid plan

    @Test func validPlanIsDetectedAndCounted() throws {
        let file = try readValid()
        #expect(file.format == "realise-xml")
        #expect(file.warnings.isEmpty)
        #expect(file.sha256.count == 64)
        #expect(file.plan.counts == ImportCounts(objectives: 2, benefits: 2, deliverables: 3, milestones: 1, metrics: 2,
                                                 baselines: 2, targets: 2, measurements: 2, links: 11))
        #expect(file.plan.programmes.map(\.id) == ["TP"])
        #expect(file.plan.organisations.map(\.id) == ["ORG-A", "ORG-B"])
    }

    @Test func validPlanPassesModelValidation() throws {
        let plan = try readValid().plan
        #expect(try plan.importErrors() == [])
    }

    @Test func programmeAndOrganisationFields() throws {
        let plan = try readValid().plan
        let programme = try #require(plan.programmes.first)
        #expect(programme.name == "Test Programme")
        #expect(programme.organisation == "ORG-A")
        #expect(programme.owner == "Chief Executive")
        #expect(programme.notes == "Programme notes.")
        #expect(plan.organisations[1].name == "Beta Buses Ltd")
        #expect(plan.organisations[1].notes == "Operator.")
        #expect(plan.organisations[0].programme == "TP")
    }

    @Test func objectiveFields() throws {
        let plan = try readValid().plan
        let vision = try #require(plan.objectives.first { $0.id == "VIS" })
        let objective = try #require(plan.objectives.first { $0.id == "OBJ-A" })
        #expect(vision.parent == nil)
        #expect(vision.horizon == .iso("2030-03-31"))
        #expect(objective.statement == "Faster buses on the main corridor.")
        #expect(objective.parent == "VIS")
        #expect(objective.horizon == .iso("2028-03-31"))
        #expect(objective.owner == "Head of Transport")
        #expect(objective.organisation == "ORG-A")
        #expect(objective.notes == "From the 2024 business case.")
        #expect(objective.programme == "TP", "entities take the programme of the file's <programme>")
        #expect(objective.source.format == "realise-xml")
        #expect(objective.source.identifier == "SO1", "source-ref is kept as the original identifier")
        #expect(vision.source.identifier == "VIS", "without source-ref the id is the original identifier")
        #expect(objective.source.path == Fixtures.path("xml/valid-plan.xml"))
    }

    @Test func benefitFieldsIncludingDOAM() throws {
        let plan = try readValid().plan
        let benefit = try #require(plan.benefits.first { $0.id == "BEN-A" })
        #expect(benefit.description == "Shorter bus journey times.")
        #expect(benefit.kind == .benefit)
        #expect(benefit.benefitClass == .societal)
        #expect(benefit.confidence == .medium)
        #expect(benefit.realisationStart == .iso("2026-04-01"))
        #expect(benefit.realisationEnd == .iso("2029-03-31"))
        #expect(benefit.observableOutcome == "Buses arrive ten minutes sooner.")
        #expect(benefit.attribution == "Bus lanes account for most of the gain.")
        #expect(benefit.measurement == "Quarterly AVL extract.")
        #expect(benefit.notes == "Benefit notes.")
        #expect(benefit.owner == "Head of Transport")
        #expect(benefit.organisation == "ORG-A")

        let dis = try #require(plan.benefits.first { $0.id == "BEN-B" })
        #expect(dis.kind == .disBenefit)
        #expect(dis.benefitClass == .cashable)
        #expect(dis.confidence == .high)
        #expect(dis.observableOutcome == nil)
        #expect(dis.realisationStart == nil)
    }

    @Test func deliverableFields() throws {
        let plan = try readValid().plan
        let project = try #require(plan.deliverables.first { $0.id == "DEL-1" })
        #expect(project.name == "Bus lanes")
        #expect(project.kind == .project)
        #expect(project.plannedStart == .iso("2024-04-01"))
        #expect(project.plannedFinish == .iso("2026-03-31"))
        #expect(project.baselineStart == .iso("2024-04-01"))
        #expect(project.baselineFinish == .iso("2025-12-31"))
        #expect(project.forecastFinish == .iso("2026-03-31"))
        #expect(project.actualStart == .iso("2024-04-02"))
        #expect(project.actualFinish == nil)
        #expect(project.percentComplete == 55.5)
        #expect(project.status == "in progress")
        #expect(project.deliveryConfidence == .amberGreen)
        #expect(project.owner == "PM")
        #expect(project.notes == "Deliverable notes.")

        let milestone = try #require(plan.deliverables.first { $0.id == "DEL-2" })
        #expect(milestone.kind == .milestone)
        #expect(milestone.parent == "DEL-1")
        #expect(milestone.actualFinish == .iso("2025-07-01"))
        #expect(plan.deliverables.first { $0.id == "DEL-3" }?.kind == .businessChange)
    }

    @Test func metricFieldsAndValues() throws {
        let plan = try readValid().plan
        let metric = try #require(plan.metrics.first { $0.id == "MET-A" })
        #expect(metric.name == "Average journey time")
        #expect(metric.unit == "minutes")
        #expect(metric.direction == .decrease)
        #expect(metric.measureType == .number)
        #expect(metric.frequency == .quarterly)
        #expect(metric.dataSource == "AVL")
        #expect(metric.owner == "Analyst")
        #expect(metric.notes == "Metric notes.")
        #expect(plan.metrics.first { $0.id == "MET-B" }?.measureType == .percentage)

        let values = plan.values.filter { $0.metric == "MET-A" }
        #expect(values.map(\.kind) == [.baseline, .target, .target, .measurement])
        #expect(values.map(\.date) == [.iso("2023-09-30"), .iso("2026-03-31"), .iso("2028-03-31"), .iso("2025-03-31")])
        #expect(values.map(\.value) == [68, 66.5, 58, 67.6])
        #expect(values.map(\.source.line) == [56, 57, 58, 59])
        #expect(values[2].note == "Business case target.", "the text of a value element is kept as its note")
        #expect(values[3].note == "First quarter with signals.", "the note is trimmed")
        #expect(values[3].dataSource == "AVL Q4")
        #expect(values[3].confidence == .high)
        #expect(values[0].note == nil)

        let other = plan.values.filter { $0.metric == "MET-B" }
        #expect(other.map(\.value) == [70, 1234.5], "'70%' and '1,234.5' are read leniently as numbers")
        #expect(other.allSatisfy { $0.text == nil })
    }

    @Test func linksFromNestedRefsAndTopLevelLink() throws {
        let plan = try readValid().plan
        #expect(plan.linkPairs(.contributesTo) == ["BEN-A→OBJ-A", "BEN-B→OBJ-A", "OBJ-A→VIS"])
        #expect(plan.linkPairs(.enabledBy) == ["BEN-A→DEL-1", "BEN-A→DEL-2"])
        #expect(plan.linkPairs(.dependsOn) == ["BEN-B→BEN-A", "DEL-2→DEL-3", "DEL-2→DEL-1"])
        #expect(plan.linkPairs(.measures) == ["MET-A→BEN-A", "MET-A→BEN-B", "MET-B→BEN-A"])

        let typed = try #require(plan.links.first { $0.kind == .dependsOn && $0.to == "DEL-3" })
        #expect(typed.dependencyType == .startToStart)
        #expect(typed.lagDays == 5)
        let untyped = try #require(plan.links.first { $0.kind == .dependsOn && $0.to == "DEL-1" })
        #expect(untyped.dependencyType == nil)
        #expect(untyped.lagDays == nil)

        let shared = try #require(plan.links.first { $0.kind == .measures && $0.to == "BEN-A" && $0.from == "MET-A" })
        #expect(shared.share == 60)
        #expect(plan.links.first { $0.kind == .measures && $0.to == "BEN-B" }?.share == nil)
    }

    @Test func linkSourceLinesPointAtTheRefElements() throws {
        let plan = try readValid().plan
        let lines = Dictionary(plan.links.map { ("\($0.kind.rawValue) \($0.from)→\($0.to)", $0.source.line) },
                               uniquingKeysWith: { first, _ in first })
        #expect(lines["contributes-to BEN-A→OBJ-A"] == 26)
        #expect(lines["enabled-by BEN-A→DEL-1"] == 27)
        #expect(lines["enabled-by BEN-A→DEL-2"] == 28)
        #expect(lines["depends-on BEN-B→BEN-A"] == 33)
        #expect(lines["depends-on DEL-2→DEL-3"] == 45)
        #expect(lines["measures MET-A→BEN-B"] == 55)
        #expect(lines["measures MET-B→BEN-A"] == 63)
        #expect(lines["contributes-to OBJ-A→VIS"] == 67)
    }

    @Test("entity source lines point at the start tag", arguments: [
        ("TP", 4), ("ORG-A", 7), ("ORG-B", 8), ("VIS", 11), ("OBJ-A", 14), ("BEN-B", 30),
        ("DEL-2", 43), ("DEL-3", 48), ("MET-A", 51), ("MET-B", 61),
    ])
    func entitySourceLine(id: String, line: Int) throws {
        let plan = try readValid().plan
        let source = try #require(plan.entityIndex.first { $0.id == id }?.source)
        #expect(source.line == line)
    }

    /// BEN-A (line 18) and DEL-1 (line 35) have start tags spread over several lines; the entity's source
    /// must be where the element starts, so a finding points at `<benefit id="BEN-A"`, not at its last attribute.
    @Test("multi-line start tags are located at their first line",
          arguments: [("BEN-A", 18), ("DEL-1", 35)])
    func multiLineStartTag(id: String, line: Int) throws {
        let plan = try readValid().plan
        let source = try #require(plan.entityIndex.first { $0.id == id }?.source)
        #expect(source.line == line)
    }

    @Test func programmeOptionNamesTheProgramme() throws {
        // --programme wins over the file's <programme> for entities (the option names the programme explicitly).
        let withOption = try registry.read(path: Fixtures.path("xml/valid-plan.xml"), options: ImportOptions(programme: "CLI"))
        #expect(withOption.plan.objectives.allSatisfy { $0.programme == "CLI" })
        // A file without <programme> takes the option.
        let noProgramme = try registry.read(path: Fixtures.path("xml/qualitative-value.xml"), options: ImportOptions(programme: "CLI"))
        #expect(noProgramme.plan.benefits.first?.programme == "CLI")
        let none = try registry.read(path: Fixtures.path("xml/qualitative-value.xml"))
        #expect(none.plan.benefits.first?.programme == nil)
    }

    @Test func prefixedRootImports() throws {
        let file = try registry.read(path: Fixtures.path("xml/prefixed-root.xml"))
        #expect(file.format == "realise-xml")
        #expect(file.plan.objectives.map(\.id) == ["OBJ-R"])
        #expect(file.plan.objectives.first?.statement == "Prefixed names.")
    }

    // MARK: Qualitative values

    @Test func nonNumericValueIsImportedWithAWarningOnItsLine() throws {
        let path = Fixtures.path("xml/qualitative-value.xml")
        let file = try registry.read(path: path)
        #expect(file.plan.counts.measurements == 1)
        #expect(file.plan.counts.baselines == 1)
        let value = try #require(file.plan.values.first { $0.kind == .measurement })
        #expect(value.value == nil)
        #expect(value.text == "Yes")
        #expect(value.note == "Survey answer.")
        #expect(file.warnings.count == 1)
        let warning = try #require(file.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.path == path)
        #expect(warning.line == 10)
        #expect(warning.message.contains("'Yes'"))
    }

    // MARK: Broken files

    @Test func mismatchedTagIsInvalidWithFileAndLine() throws {
        let path = Fixtures.path("xml/malformed-mismatched.xml")
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "expected .invalid, got \(error)")
        let first = try #require(diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.path == path)
        #expect(first.line == 7)
        #expect(first.message.lowercased().contains("mismatch"))
        #expect(first.description.hasPrefix("\(path):7:"))
        #expect(!error.isMissingInput)
    }

    @Test("schema violations are invalid with the offending line", arguments: [
        ("xml/schema-unknown-element.xml", 6, "vision"),
        ("xml/schema-bad-enum.xml", 6, "direction"),
        ("xml/schema-invalid-date.xml", 6, "horizon"),
        ("xml/schema-missing-id.xml", 6, "id"),
    ])
    func schemaViolation(fixture: String, line: Int, mentions: String) throws {
        let path = Fixtures.path(fixture)
        #expect(try registry.detect(path: path).format == .realiseXML, "the file sniffs as realise-xml")
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "expected .invalid, got \(error)")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.path == path && $0.severity == .error })
        #expect(diagnostics.contains { $0.line == line && $0.message.contains(mentions) }, "got \(diagnostics)")
    }

    @Test("a DOCTYPE with an entity is rejected and the entity never expanded", arguments: [
        "xml/doctype-entity.xml", "xml/doctype-internal-entity.xml", "xml/doctype-external-dtd.xml",
    ])
    func doctypeRejected(fixture: String) throws {
        let path = Fixtures.path(fixture)
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "expected .invalid, got \(error)")
        #expect(diagnostics.contains { $0.path == path && $0.message.contains("DOCTYPE") })
        let text = error.description
        #expect(!text.contains("root:"), "content of /etc/passwd leaked into the message")
        #expect(!text.contains("ENTITY-CONTENT-MUST-NOT-APPEAR"))
    }

    @Test func entityExpansionBombIsRefused() throws {
        let path = Fixtures.path("xml/billion-laughs.xml")
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "expected .invalid, got \(error)")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.path == path && $0.severity == .error })
        #expect(!error.description.contains("lollollol"))
    }

    /// The DOCTYPE is on line 2 of the fixture; the diagnostic should say so (the CLI prints `path:line:column`).
    @Test
    func doctypeDiagnosticNamesItsLine() throws {
        let path = Fixtures.path("xml/doctype-entity.xml")
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics)
        #expect(diagnostics.map(\.line) == [2])
    }

    @Test func absurdNestingIsRefusedWithAnError() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let depth = 5000
        let body = String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
        let path = try folder.write("deep.xml", """
            <?xml version="1.0"?>
            <plan xmlns="urn:realise:plan:1"><objective id="O"><statement>s</statement><notes>\(body)</notes></objective></plan>
            """)
        let error = try #require(importError { try registry.read(path: path) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        // Realise's own depth check refuses the file before the schema sees it, with one diagnostic at the line.
        #expect(diagnostics.map { "\($0.path == path) \($0.line):\($0.column): \($0.message)" } == [
            "true 2:0: elements are nested more than 64 deep, which no plan needs; the file is refused",
        ])
    }

    @Test func doctypeRejectedWithoutSchemaToo() throws {
        // Read with --from and through the importer directly: the rule is the importer's, not the sniffer's.
        let error = try #require(importError { try RealiseXMLImporter().read(path: Fixtures.path("xml/doctype-internal-entity.xml"), options: .init()) })
        #expect(error.invalidDiagnostics != nil)
        #expect(!error.description.contains("ENTITY-CONTENT-MUST-NOT-APPEAR"))
    }

    @Test func wrongNamespaceIsNotRealiseXML() throws {
        let path = Fixtures.path("xml/wrong-namespace.xml")
        let error = try #require(importError { try registry.detect(path: path) })
        let hint = try #require(error.unknownFormatHint, "expected .unknownFormat, got \(error)")
        #expect(hint.contains("urn:realise:plan:2"))
        #expect(hint.contains("<plan>"))
        #expect(error.diagnostics.first?.path == path)
        // Forced with --from it is invalid, not silently imported.
        let forced = try #require(importError { try registry.read(path: path, format: .realiseXML) })
        #expect(forced.invalidDiagnostics?.isEmpty == false)
    }

    @Test func noNamespaceIsNotRealiseXML() throws {
        let error = try #require(importError { try registry.detect(path: Fixtures.path("xml/no-namespace.xml")) })
        #expect(error.unknownFormatHint?.contains("no namespace") == true)
    }

    @Test func emptyFileIsUnknownFormat() throws {
        let path = Fixtures.path("xml/empty.xml")
        let error = try #require(importError { try registry.read(path: path) })
        #expect(error.unknownFormatHint == "the file is empty")
        #expect(!error.isMissingInput)
    }

    @Test func emptyFileWithFromIsInvalid() throws {
        let path = Fixtures.path("xml/empty.xml")
        let error = try #require(importError { try registry.read(path: path, format: .realiseXML) })
        let diagnostics = try #require(error.invalidDiagnostics, "an empty file is bad data (65), got \(error)")
        #expect(diagnostics.first?.path == path)
    }

    @Test func binaryFileIsUnknownFormat() throws {
        let path = Fixtures.path("xml/binary.xml")
        let error = try #require(importError { try registry.read(path: path) })
        #expect(error.unknownFormatHint == "binary content")
        #expect(error.diagnostics.count == 1, "one line naming the file")
        #expect(error.diagnostics.first?.path == path)
    }

    @Test func binaryFileWithFromIsInvalid() throws {
        let path = Fixtures.path("xml/binary.xml")
        let error = try #require(importError { try registry.read(path: path, format: .realiseXML) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.first?.path == path)
    }

    @Test func missingFileIsFileNotFound() throws {
        let error = try #require(importError { try registry.read(path: "/nonexistent/realise/plan.xml", format: .realiseXML) })
        #expect(error.isFileNotFound)
        #expect(error.isMissingInput)
    }

    @Test func errorsInValuesAreAllReportedWithTheirLines() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // Valid for the schema (percent is 0-100, dates are real) but two values that are not numbers: two warnings.
        let path = try folder.write("plan.xml", """
            <?xml version="1.0"?>
            <plan xmlns="urn:realise:plan:1">
              <metric id="M">
                <name>m</name>
                <baseline date="2024-01-01" value="N=35;P=55"/>
                <target date="2025-01-01" value="high"/>
                <measurement date="2024-06-01" value="12"/>
              </metric>
            </plan>
            """)
        let file = try registry.read(path: path)
        #expect(file.warnings.map(\.line) == [5, 6])
        #expect(file.plan.values.map(\.text) == ["N=35;P=55", "high", nil])
        #expect(file.plan.values.map(\.value) == [nil, nil, 12])
    }

    // MARK: Large files and encodings

    /// A plan longer than 65 535 lines (the reference plan has 100 000 tasks): libxml2 2.9 stores element
    /// lines in 16 bits unless XML_PARSE_BIG_LINES is given.
    @Test
    func sourceLinesBeyond65535() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:realise:plan:1\">\n"
        text += String(repeating: "  <!-- padding -->\n", count: 70_000)
        text += "  <objective id=\"FAR\">\n    <statement>Far down.</statement>\n  </objective>\n</plan>\n"
        let path = try folder.write("long.xml", text)
        let plan = try registry.read(path: path).plan
        #expect(plan.objectives.first?.source.line == 70_003)
    }

    @Test func schemaErrorsBeyond65535KeepTheirLine() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:realise:plan:1\">\n"
        text += String(repeating: "  <!-- padding -->\n", count: 70_000)
        text += "  <metric id=\"M\" direction=\"sideways\">\n    <name>n</name>\n  </metric>\n</plan>\n"
        let path = try folder.write("long.xml", text)
        let error = try #require(importError { try registry.read(path: path) })
        #expect(error.invalidDiagnostics?.first?.line == 70_003)
    }

    @Test func predefinedEntitiesCharacterReferencesAndComments() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("text.xml", """
            <?xml version="1.0"?>
            <plan xmlns="urn:realise:plan:1">
              <objective id="O" owner="Smith &amp; Jones">
                <statement>Cost &lt; &#163;5 &#x20AC; end</statement>
                <notes><!-- a comment -->kept</notes>
              </objective>
            </plan>
            """)
        let objective = try #require(try registry.read(path: path).plan.objectives.first)
        #expect(objective.owner == "Smith & Jones")
        #expect(objective.statement == "Cost < £5 € end")
        #expect(objective.notes == "kept")
    }

    /// CDATA is ordinary text in XML. Without the XSD plugged in, XMLPullReader returns "x a < b y" for this
    /// statement; with it (as the importer always reads) libxml2 2.9.14 drops the CDATA section's content.
    @Test
    func cdataIsKeptAsText() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("cdata.xml", """
            <?xml version="1.0"?>
            <plan xmlns="urn:realise:plan:1">
              <objective id="O"><statement>x <![CDATA[a < b]]> y</statement></objective>
              <objective id="P"><statement><![CDATA[only CDATA]]></statement></objective>
              <metric id="M"><name>m</name><target date="2025-01-01" value="1"><![CDATA[note & more]]></target></metric>
            </plan>
            """)
        let plan = try registry.read(path: path).plan
        #expect(plan.objectives.map(\.statement) == ["x a < b y", "only CDATA"])
        #expect(plan.values.first?.note == "note & more")
    }

    @Test func cdataIsTextForTheBareReader() throws {
        // The companion of the test above: without a schema, CDATA arrives as its own text node between the others.
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("cdata.xml", "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:realise:plan:1\"><objective id=\"O\"><statement>x <![CDATA[a < b]]> y</statement></objective></plan>\n")
        let reader = try XMLPullReader(path: path)
        var texts: [String] = []
        while try reader.next() {
            if reader.node == .text { texts.append(reader.value) }
        }
        #expect(texts.joined() == "x a < b y")
    }

    @Test func utf16PlanWithBOMImports() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <plan xmlns="urn:realise:plan:1">
              <objective id="O-16">
                <statement>Café £5 €</statement>
              </objective>
            </plan>
            """
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try folder.write("utf16.xml", bytes: bytes)
        let file = try registry.read(path: path)
        #expect(file.format == "realise-xml")
        #expect(file.plan.objectives.first?.statement == "Café £5 €")
        #expect(file.plan.objectives.first?.source.line == 3)
    }
}
