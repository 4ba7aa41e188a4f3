import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Conformance over the real public sample files in `../shared/samples` (outside the repository, never copied
/// into it). When the folder is absent — a clone of the repository on its own — the whole suite is skipped.
enum SharedSamples {
    static let root = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static let available = FileManager.default.fileExists(atPath: root.path)

    static func files(in folder: String, ext: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0).path }
    }
}

@Suite("conformance over ../shared/samples",
       .enabled(if: SharedSamples.available,
                "../shared/samples (the package root's parent + shared/samples) is not present on this machine"))
struct SharedSamplesConformanceTests {
    static let root = SharedSamples.root
    static func files(in folder: String, ext: String) -> [String] { SharedSamples.files(in: folder, ext: ext) }

    /// Expected record counts, computed once with Python 3's csv module (not by this code):
    /// bytes decoded as UTF-8 when valid, else Windows-1252 (undefined bytes → U+FFFD); delimiter = whichever of
    /// `,` `;` tab occurs most outside quotes in the first line; `csv.reader(io.StringIO(text, newline=''),
    /// delimiter=d)`; empty rows dropped; the start line of a record = the reader's `line_num` after the previous
    /// row + 1. No file is ragged: every record has the header's field count.
    ///
    ///     file                                       enc     delim records header-fields last-record-line
    ///     gmpp__uk_2022.csv                          cp1252  ;     236     17            1050
    ///     gmpp__uk_2023_original_transposed.csv      cp1252  ;     19      245           960
    ///     okfn__worldbank-679_activities.csv         utf-8   ,     6       35            6
    ///     okfn__worldbank-679_indicator_periods.csv  utf-8   ,     76      9             76
    ///     okfn__worldbank-679_indicators.csv         utf-8   ,     76      12            76
    ///     okfn__worldbank-679_results.csv            utf-8   ,     76      6             224
    struct Expected: Sendable, CustomTestStringConvertible {
        var name: String
        var delimiter: Character
        var records: Int
        var headerFields: Int
        var lastRecordLine: Int
        var testDescription: String { name }
    }

    static let csvExpectations: [Expected] = [
        Expected(name: "gmpp__uk_2022.csv", delimiter: ";", records: 236, headerFields: 17, lastRecordLine: 1050),
        Expected(name: "gmpp__uk_2023_original_transposed.csv", delimiter: ";", records: 19, headerFields: 245, lastRecordLine: 960),
        Expected(name: "okfn__worldbank-679_activities.csv", delimiter: ",", records: 6, headerFields: 35, lastRecordLine: 6),
        Expected(name: "okfn__worldbank-679_indicator_periods.csv", delimiter: ",", records: 76, headerFields: 9, lastRecordLine: 76),
        Expected(name: "okfn__worldbank-679_indicators.csv", delimiter: ",", records: 76, headerFields: 12, lastRecordLine: 76),
        Expected(name: "okfn__worldbank-679_results.csv", delimiter: ",", records: 76, headerFields: 6, lastRecordLine: 224),
    ]

    @Test func everyCSVSampleHasAnExpectation() {
        let names = SharedSamplesConformanceTests.files(in: "csv", ext: "csv").map { ($0 as NSString).lastPathComponent }
        #expect(names == SharedSamplesConformanceTests.csvExpectations.map(\.name).sorted(),
                "a CSV sample was added or removed: compute its counts with Python's csv module and add them here")
    }

    @Test("CSV samples parse like Python's csv module", arguments: csvExpectations)
    func csvSample(expected: Expected) throws {
        let path = SharedSamplesConformanceTests.root.appendingPathComponent("csv/" + expected.name).path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let reader = try CSVReader(bytes: bytes, path: path)
        #expect(reader.delimiter == UInt8(ascii: Unicode.Scalar(String(expected.delimiter))!))
        #expect(reader.records.count == expected.records)
        let header = try #require(reader.records.first)
        #expect(header.fields.count == expected.headerFields)
        let ragged = reader.records.filter { $0.fields.count != expected.headerFields }
        #expect(ragged.isEmpty, "records with another field count start on lines \(ragged.prefix(5).map(\.line))")
        #expect(reader.records.last?.line == expected.lastRecordLine)
        #expect(reader.records.map(\.line) == reader.records.map(\.line).sorted(), "line numbers only grow")
        // Decoding: no replacement characters (these files are valid UTF-8 or Windows-1252 throughout).
        #expect(!reader.records.contains { $0.fields.contains { $0.contains("\u{FFFD}") } })
    }

    @Test("CSV samples are sniffed without crashing", arguments: files(in: "csv", ext: "csv"))
    func csvSampleSniffing(path: String) {
        // Unknown format, or a format that recognises it (the GMPP samples are checked as gmpp-csv in
        // SharedSamplesMSPDIGMPPTests; results-csv is not implemented yet).
        do {
            _ = try ImporterRegistry.standard.detect(path: path)
        } catch {
            #expect(error.unknownFormatHint != nil, "got \(error)")
        }
    }

    static let xmlSamples: [String] = files(in: "iati", ext: "xml") + files(in: "mspdi", ext: "xml")

    @Test func thereAreXMLSamples() {
        #expect(SharedSamplesConformanceTests.xmlSamples.count == 10)
    }

    @Test("XML samples are detected or reported as unknown, never a crash", arguments: xmlSamples)
    func xmlSample(path: String) throws {
        let head = try FileHead.read(path: path)
        do {
            let importer = try ImporterRegistry.standard.detect(path: path)
            // Recognised: reading it must end in a plan or an ImportError, nothing else.
            _ = importError { try importer.read(path: path, options: .init()) }
        } catch {
            let hint = try #require(error.unknownFormatHint, "got \(error)")
            let root = try #require(head.rootElement, "every sample has a root element")
            #expect(hint.contains("<\(root)>"))
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.path == path)
        }
    }

    @Test func rootsOfTheSamplesAreSniffed() throws {
        let aspose = try FileHead.read(path: SharedSamplesConformanceTests.root.appendingPathComponent("mspdi/aspose__Project.xml").path)
        #expect(aspose.rootElement == "Project", "past the UTF-8 BOM")
        #expect(aspose.rootNamespace == "http://schemas.microsoft.com/project")
        let iati = try FileHead.read(path: SharedSamplesConformanceTests.root.appendingPathComponent("iati/iatidoc__activity-standard-example-annotated-2.03.xml").path)
        #expect(iati.rootElement == "iati-activities", "past comments and CRLF")
    }

    @Test func brokenXMLWithFromIsInvalidWithALine() throws {
        let path = SharedSamplesConformanceTests.root.appendingPathComponent("iati/validator__broken-xml.xml").path
        let error = try #require(importError { try ImporterRegistry.standard.read(path: path, format: .realiseXML) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.path == path && $0.line > 0 })
    }
}
