import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("content sniffing: FileHead and ImporterRegistry.detect")
struct SniffingTests {
    let registry = ImporterRegistry.standard

    // MARK: XML

    @Test("realise-xml is recognised past the prolog", arguments: [
        "xml/valid-plan.xml",        // declaration + comment
        "xml/prolog-comments.xml",   // declaration, comment holding a fake root, processing instruction, multi-line comment
        "xml/bom-prolog.xml",        // the same with a UTF-8 BOM
        "xml/prefixed-root.xml",     // <r:plan xmlns:r="…">
    ])
    func realiseXMLRecognised(fixture: String) throws {
        #expect(try registry.detect(path: Fixtures.path(fixture)).format == .realiseXML)
    }

    @Test func fileHeadFindsTheRootAfterCommentsAndPIs() throws {
        let head = try FileHead.read(path: Fixtures.path("xml/prolog-comments.xml"))
        #expect(head.rootElement == "plan")
        #expect(head.rootNamespace == "urn:realise:plan:1")
        #expect(head.headerKeys.isEmpty, "XML has no CSV header")
    }

    @Test func fileHeadRemovesTheBOM() throws {
        let head = try FileHead.read(path: Fixtures.path("xml/bom-prolog.xml"))
        #expect(head.text.hasPrefix("<?xml"))
        #expect(head.rootElement == "plan")
        #expect(head.rootNamespace == "urn:realise:plan:1")
    }

    @Test func fileHeadPrefixedRoot() {
        let head = FileHead(path: "x.xml", bytes: Array(#"<r:plan xmlns:r="urn:realise:plan:1" xmlns="urn:other"><r:x/></r:plan>"#.utf8))
        #expect(head.rootElement == "plan")
        #expect(head.rootNamespace == "urn:realise:plan:1", "a prefixed root takes its prefix's namespace, not the default one")
    }

    @Test func fileHeadDoctypeWithInternalSubset() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE plan [<!ELEMENT plan ANY><!ENTITY x "y">]>
            <plan xmlns="urn:realise:plan:1"/>
            """
        let head = FileHead(path: "x.xml", bytes: Array(text.utf8))
        #expect(head.rootElement == "plan")
        #expect(head.rootNamespace == "urn:realise:plan:1")
    }

    @Test func fileHeadUTF16XML() {
        let text = #"<?xml version="1.0" encoding="UTF-16"?><plan xmlns="urn:realise:plan:1"/>"#
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let head = FileHead(path: "x.xml", bytes: bytes)
        #expect(head.rootElement == "plan")
        #expect(head.rootNamespace == "urn:realise:plan:1")
    }

    /// XML allows white space around the `=` of an attribute (`Eq ::= S? '=' S?`), so this is the same
    /// document as `<plan xmlns="urn:realise:plan:1">` and libxml2 reads it as such.
    @Test
    func namespaceWithSpacesAroundEquals() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("spaced.xml", SniffingTests.spacedNamespacePlan)
        #expect(FileHead(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).rootNamespace == "urn:realise:plan:1")
        #expect(try registry.detect(path: path).format == .realiseXML)
    }

    static let spacedNamespacePlan = """
        <?xml version="1.0"?>
        <plan xmlns = "urn:realise:plan:1">
          <objective id="O1"><statement>s</statement></objective>
        </plan>
        """

    /// The companion of the test above: the document is a valid plan, libxml2 reads it with --from.
    @Test func spacedNamespacePlanIsValidRealiseXML() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("spaced.xml", SniffingTests.spacedNamespacePlan)
        #expect(try registry.read(path: path, format: .realiseXML).plan.objectives.map(\.id) == ["O1"])
    }

    @Test func otherXMLIsUnknownFormatNamingRootAndNamespace() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("book.xml", #"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>"#)
        let error = try #require(importError { try registry.detect(path: path) })
        let hint = try #require(error.unknownFormatHint)
        #expect(hint.contains("<Workbook>"))
        #expect(hint.contains("urn:schemas-microsoft-com:office:spreadsheet"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.path == path)
        #expect(diagnostic.message.contains("--from"), "the message tells how to override")
    }

    // MARK: CSV

    @Test("register CSV tables are recognised from their header", arguments: [
        ("csv/benefits-register.csv", RegisterTable.Kind.benefits),
        ("csv/objectives.csv", .objectives),
        ("csv/deliverables.csv", .deliverables),
        ("csv/metrics.csv", .metrics),
        ("csv/values.csv", .values),
    ])
    func registerTableKinds(fixture: String, kind: RegisterTable.Kind) throws {
        let path = Fixtures.path(fixture)
        #expect(try registry.detect(path: path).format == .registerCSV)
        let head = try FileHead.read(path: path)
        #expect(head.rootElement == nil)
        let columns = Set(head.headerKeys.compactMap { RegisterColumn.byKey[$0] })
        #expect(RegisterTable.kind(of: columns) == kind)
    }

    @Test("header rows in other delimiters and spellings", arguments: [
        "Benefit ID;Description\nB1;x\n",
        "Benefit ID\tDescription\nB1\tx\n",
        "\"Benefit ID\",\"Description\"\r\nB1,x\r\n",
        "BENEFIT_ID,DESCRIPTION\rB1,x\r",
        "\u{FEFF}benefit-id,description\nB1,x\n",
    ])
    func headerVariants(text: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("r.csv", text)
        #expect(try registry.detect(path: path).format == .registerCSV)
        #expect(try registry.read(path: path).plan.benefits.map(\.id) == ["B1"])
    }

    @Test func fileHeadHeaderKeysAreNormalised() {
        let head = FileHead(path: "r.csv", bytes: Array("Benefit ID;Benefit-Owner;TARGET_DATE\nB1;x;y\n".utf8))
        #expect(head.headerKeys == ["benefitid", "benefitowner", "targetdate"])
    }

    @Test func unknownCSVHeaderIsUnknownFormat() throws {
        let path = Fixtures.path("csv/unknown-header.csv")
        let error = try #require(importError { try registry.read(path: path) })
        #expect(error.unknownFormatHint == "no recognised header row")
        #expect(!error.isMissingInput)
    }

    // MARK: Content, not extension

    @Test func extensionDoesNotDecide() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let xmlAsText = try folder.write("plan.txt", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("xml/valid-plan.xml")))))
        let csvAsXML = try folder.write("register.xml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("csv/objectives.csv")))))
        #expect(try registry.detect(path: xmlAsText).format == .realiseXML)
        #expect(try registry.detect(path: csvAsXML).format == .registerCSV)
        #expect(try registry.read(path: csvAsXML).plan.counts.objectives == 2)
    }

    // MARK: --from

    @Test func fromOverrideChoosesTheImporter() throws {
        // A register whose id column only a mapping names is not recognised by sniffing…
        let path = Fixtures.path("csv/odd-headers.csv")
        #expect(importError { try registry.detect(path: path) }?.unknownFormatHint != nil)
        // …but --from register-csv with the mapping reads it.
        let mapping = try MappingFile.load(path: Fixtures.path("csv/odd-headers-mapping.yaml"))
        let file = try registry.read(path: path, format: .registerCSV, options: ImportOptions(columnMapping: mapping))
        #expect(file.format == "register-csv")
        #expect(file.plan.benefits.map(\.id) == ["B-100"])
    }

    @Test func fromOverrideIsObeyedEvenWhenTheContentIsAnotherFormat() throws {
        // A realise plan forced through the CSV importer fails as CSV: the override is not second-guessed.
        let error = try #require(importError { try registry.read(path: Fixtures.path("xml/valid-plan.xml"), format: .registerCSV) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.first?.message.contains("id column") == true)
        // And a register forced through the XML importer fails as XML.
        let other = try #require(importError { try registry.read(path: Fixtures.path("csv/objectives.csv"), format: .realiseXML) })
        #expect(other.invalidDiagnostics?.isEmpty == false)
    }

    @Test func fromOverrideStillReportsAMissingFile() throws {
        let error = try #require(importError { try registry.read(path: "/no/such/register.csv", format: .registerCSV) })
        #expect(error.isFileNotFound)
    }

    @Test func importerLookupByFormat() {
        #expect(registry.importer(for: .realiseXML) is RealiseXMLImporter)
        #expect(registry.importer(for: .registerCSV) is RegisterCSVImporter)
        #expect(ImporterRegistry(importers: []).importer(for: .registerCSV) == nil)
    }

    @Test func emptyRegistryRecognisesNothing() throws {
        let error = try #require(importError { try ImporterRegistry(importers: []).read(path: Fixtures.path("xml/valid-plan.xml")) })
        #expect(error.unknownFormatHint?.contains("urn:realise:plan:1") == true)
        let forced = try #require(importError { try ImporterRegistry(importers: []).read(path: Fixtures.path("xml/valid-plan.xml"), format: .realiseXML) })
        #expect(forced.unknownFormatHint == "no importer for realise-xml")
    }
}
