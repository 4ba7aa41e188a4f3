import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Conformance over the real public sample files in `../shared/samples` (outside the repository, never copied
/// into it). When the folder is absent — a clone of the repository on its own — the suites are skipped, saying
/// so; under strict mode (CI, which has the folder beside the clone, read-only) they fail instead.
enum SharedSamples {
    static let root = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static let available = FileManager.default.fileExists(atPath: root.path)
    static let missing = "../shared/samples (the package root's parent + shared/samples) is not present on this machine"

    /// Fails the test when the folder is missing: under strict mode a suite over no samples has checked nothing.
    static func requirePresent(sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try Requirement.require(available ? root : nil, missing, sourceLocation: sourceLocation)
    }

    static func files(in folder: String, ext: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0).path }
    }
}

@Suite("conformance over ../shared/samples", Requirement.needs(SharedSamples.available, SharedSamples.missing))
struct SharedSamplesConformanceTests {
    @Test("the samples are there") func present() throws { try SharedSamples.requirePresent() }

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
        // The okfn tables are results-csv, the GMPP returns gmpp-csv (checked in detail in SharedSamplesMSPDIGMPPTests).
        let name = (path as NSString).lastPathComponent
        let isResultsTable = name.hasPrefix("okfn__")
        do {
            let format = try ImporterRegistry.standard.detect(path: path).format
            #expect(format == (isResultsTable ? .resultsCSV : .gmppCSV), "\(path) sniffed as \(format.rawValue)")
        } catch {
            Issue.record("\(name) was not recognised: \(error)")
        }
    }

    static let xmlSamples: [String] = files(in: "iati", ext: "xml") + files(in: "mspdi", ext: "xml")

    @Test func thereAreXMLSamples() {
        #expect(SharedSamplesConformanceTests.xmlSamples.count == 10)
    }

    static let brokenIATI = root.appendingPathComponent("iati/validator__broken-xml.xml").path

    /// Counted with Python 3's ElementTree, not this code: the `Tasks/Task` elements other than UID 0 (the project's
    /// summary task) that have a `Name` (MS Project leaves blank rows as nameless tasks), and their `PredecessorLink`s.
    static let mspdiFacts = [
        "aspose__Project.xml": "0 deliverables, 0 links", "mpxj__baselines.xml": "1 deliverables, 0 links",
        "mpxj__mspdinulltasks.xml": "5 deliverables, 0 links", "mpxj__mspdirelations.xml": "5 deliverables, 4 links",
    ]

    @Test("XML samples are detected or reported as unknown, never a crash", arguments: xmlSamples)
    func xmlSample(path: String) throws {
        let head = try FileHead.read(path: path)
        let isIATI = path.contains("/iati/") && path != SharedSamplesConformanceTests.brokenIATI
        do {
            let importer = try ImporterRegistry.standard.detect(path: path)
            if isIATI {
                // Every real IATI sample imports (with warnings) into a plan that validates on its own.
                #expect(importer.format == .iati)
                let (plan, warnings) = try importer.read(path: path, options: .init())
                #expect(!plan.deliverables.isEmpty)
                #expect((try? plan.importErrors()) == [])  // nil: the workspace itself failed
                #expect(warnings.allSatisfy { $0.severity == .warning && $0.path == path && $0.line > 0 })
            } else {
                // The other recognised samples are the MS Project files: each imports exactly what it holds.
                #expect(importer.format == .mspdi, "\(path)")
                let expected = Self.mspdiFacts[(path as NSString).lastPathComponent]
                let (plan, warnings) = try importer.read(path: path, options: .init())
                #expect("\(plan.deliverables.count) deliverables, \(plan.links.count) links" == expected)
                #expect(plan.itemCount == plan.deliverables.count + plan.links.count && warnings.isEmpty, "\(warnings)")
            }
        } catch {
            #expect(!isIATI, "an IATI sample must be recognised: \(error)")
            #expect(path == SharedSamplesConformanceTests.brokenIATI, "only the broken IATI file is unrecognised: \(error)")
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
        let path = SharedSamplesConformanceTests.brokenIATI
        for format in [ImportFormat.realiseXML, .iati] {
            let error = try #require(importError { try ImporterRegistry.standard.read(path: path, format: format) })
            let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { $0.path == path && $0.line > 0 })
            // xmllint and Python's ElementTree both report the mismatched </level2> on line 4. (realise-xml
            // first reports the schema's complaint about the root <tag>, on line 1.)
            if format == .iati { #expect(diagnostics.map(\.line) == [4]) }
        }
    }
}

/// The real IATI samples (XML and the okfn results tables) imported, checked against facts computed
/// independently with Python 3 — `xml.etree.ElementTree` over the XML, the `csv` module over the tables — not
/// by this code. How each number was had is said beside it.
@Suite("IATI samples in ../shared/samples import with the right content", Requirement.needs(SharedSamples.available, SharedSamples.missing))
struct IATISamplesConformanceTests {
    @Test("the samples are there") func present() throws { try SharedSamples.requirePresent() }

    struct Facts: Sendable, CustomTestStringConvertible {
        var name: String
        /// 1 project per iati-activity + 1 deliverable per result of type 1/output.
        var deliverables: Int
        var benefits: Int
        /// One per `indicator`.
        var metrics: Int
        /// First `baseline` of each indicator with an iso-date or a year after 1900.
        var baselines: Int
        /// Periods whose first `target` (`actual`) has a non-empty @value or a comment.
        var targets: Int
        var measurements: Int
        /// An activity with a `description type="2"`.
        var objectives: Int
        /// Values (@value of baseline/target/actual) that `float(v.replace(",", "").rstrip("%"))` rejects.
        var textValues: Int
        var testDescription: String { name }
    }

    static let facts: [Facts] = [
        Facts(name: "iatidoc__activity-standard-example-annotated-2.03.xml", deliverables: 2, benefits: 0, metrics: 1,
              baselines: 1, targets: 1, measurements: 1, objectives: 1, textValues: 0),
        Facts(name: "iatidoc__activity-standard-example-annotated-multi-1.05.xml", deliverables: 5, benefits: 0, metrics: 5,
              baselines: 5, targets: 5, measurements: 5, objectives: 1, textValues: 0),
        Facts(name: "iatischemas__24-results.xml", deliverables: 14, benefits: 0, metrics: 14,
              baselines: 4, targets: 8, measurements: 8, objectives: 0, textValues: 18),
        Facts(name: "iatischemas__fail_05-missing-attribute-indicator-measure.xml", deliverables: 2, benefits: 0, metrics: 1,
              baselines: 0, targets: 0, measurements: 0, objectives: 0, textValues: 0),
        Facts(name: "iatischemas__pass_actual-value-attribute-does-not-exist.xml", deliverables: 1, benefits: 1, metrics: 1,
              baselines: 0, targets: 0, measurements: 0, objectives: 0, textValues: 0),
    ]

    static func path(_ name: String) -> String { SharedSamples.root.appendingPathComponent("iati/" + name).path }

    @Test("each IATI sample maps to the counts Python finds", arguments: facts)
    func counts(expected: Facts) throws {
        let (plan, warnings) = try IATIImporter().read(path: Self.path(expected.name), options: .init())
        let counts = plan.counts
        #expect(counts.deliverables == expected.deliverables)
        #expect(counts.benefits == expected.benefits)
        #expect(counts.metrics == expected.metrics)
        #expect(counts.baselines == expected.baselines)
        #expect(counts.targets == expected.targets)
        #expect(counts.measurements == expected.measurements)
        #expect(counts.objectives == expected.objectives)
        #expect(warnings.filter { $0.message.contains("not a number; kept as qualitative text") }.count == expected.textValues)
    }

    @Test func annotated203Details() throws {
        let (plan, warnings) = try IATIImporter().read(path: Self.path("iatidoc__activity-standard-example-annotated-2.03.xml"), options: .init())
        let activity = try #require(plan.deliverable("AA-AAA-123456789-ABC123"))
        #expect(activity.name == "Activity title", "xml:lang=\"en\" on the activity; the fr and es narratives are not chosen")
        #expect(activity.plannedStart == .iso("2012-04-15"))
        #expect(activity.actualStart == .iso("2012-04-28"))
        #expect(activity.plannedFinish == .iso("2015-12-31"))
        #expect(activity.parent == nil, "its parent AA-AAA-123456789-6789 is not in the file")
        #expect(activity.notes?.contains("Parent activity: AA-AAA-123456789-6789 (not in this file)") == true)
        #expect(activity.notes?.contains("Name of Agency A (AA-AAA-123456789, implementing)") == true)
        #expect(plan.objectives.first?.statement == "Objectives for the activity, for example from a logical framework.")
        // The one indicator: baseline year 2012, iso-date 2012-01-01, value 10; period ending 2013-03-31, target 10, actual 11.
        let metric = "AA-AAA-123456789-ABC123#R1#I1"
        #expect(plan.valueTexts(metric, .baseline) == ["2012-01-01=10"])
        #expect(plan.valueTexts(metric, .target) == ["2013-03-31=10"])
        #expect(plan.valueTexts(metric, .measurement) == ["2013-03-31=11"])
        #expect(plan.values.first { $0.kind == .baseline }?.note == "Baseline comment text")
        #expect(warnings.contains { $0.message.contains("is an output") })
    }

    @Test("fail_05 lacks @measure: a warning, not a failure")
    func missingMeasure() throws {
        let (plan, warnings) = try IATIImporter().read(path: Self.path("iatischemas__fail_05-missing-attribute-indicator-measure.xml"), options: .init())
        #expect(plan.metrics.first?.measureType == .number)
        let warning = try #require(warnings.first { $0.message.contains("has no @measure") })
        #expect(warning.line == 23, "the <indicator> line, by grep -n")
    }

    static let okfnTables = ["activities", "indicator_periods", "indicators", "results"]
        .map { SharedSamples.root.appendingPathComponent("csv/okfn__worldbank-679_\($0).csv").path }

    /// The four okfn worldbank-679 tables, named together, are one import. Counts from Python's csv module:
    /// 5 activity rows; 75 result rows (56 of result_type 1, 19 of type 2); 75 indicator rows, every one
    /// with baseline_year and baseline_iso_date; 75 period rows, each with target_value and actual_value;
    /// values `float(v.replace(",", "").rstrip("%"))` rejects: 26 baselines, 26 targets, 28 actuals (two actuals
    /// are written "36%" and "45%", which are numbers).
    @Test func worldBankTablesImportTogether() throws {
        let files = try ImporterRegistry.standard.readAll(paths: IATISamplesConformanceTests.okfnTables)
        let file = try #require(files.first)
        #expect(files.count == 1)
        #expect(file.format == "results-csv")
        #expect(file.parts.count == 4)
        let counts = file.plan.counts
        #expect(counts.deliverables == 5 + 56)
        #expect(counts.benefits == 19)
        #expect(counts.metrics == 75)
        #expect((counts.baselines, counts.targets, counts.measurements) == (75, 75, 75))
        #expect(file.plan.linkPairs(.measures).count == 19)
        #expect(file.plan.linkPairs(.enabledBy).count == 19)
        #expect(file.warnings.filter { $0.message.contains("not a number; kept as qualitative text") }.count == 26 + 26 + 28)
        #expect(try file.plan.importErrors() == [])
    }

    @Test func worldBankKnownValues() throws {
        let plan = try #require(try ImporterRegistry.standard.readAll(paths: IATISamplesConformanceTests.okfnTables).first).plan
        // indicators.csv: 44000-P145054,result_13,…_result_13_1, measure 1, baseline 2014-01-30 "0.00";
        // indicator_periods.csv: period_end 2025-12-31, target "1,300.00", actual "0.00". result_13 is type 2.
        let lines = "44000-P145054#result_13#indicator_44000-P145054_result_13_1"
        #expect(plan.valueTexts(lines, .baseline) == ["2014-01-30=0"])
        #expect(plan.valueTexts(lines, .target) == ["2025-12-31=1300"])
        #expect(plan.valueTexts(lines, .measurement) == ["2025-12-31=0"])
        #expect(plan.linkPairs(.measures).contains("\(lines)→44000-P145054#result_13"))
        // 44000-P171054 result_5: measure 2 (percentage), target 70.00, actual 81.40 at 2025-05-08.
        let users = "44000-P171054#result_5#indicator_44000-P171054_result_5_1"
        #expect(plan.metric(users)?.measureType == .percentage)
        #expect(plan.valueTexts(users, .measurement) == ["2025-05-08=81.4"])
        // Mojibake is kept as given: the indicator title has "SACEPâ€™s" (UTF-8 of U+2019 read as cp1252), the
        // result title "\nProjectÂ\u{A0}DevelopmentÂ\u{A0}Objectives \n\t\t\t\t" (re.sub(r"[ \t\r\n]+", " ") and strip).
        #expect(plan.metric("44000-P171269#result_21#indicator_44000-P171269_result_21_1")?.name.contains("SACEPâ€™s") == true)
        #expect(plan.benefit("44000-P145054#result_4")?.description == "ProjectÂ\u{A0}DevelopmentÂ\u{A0}Objectives")
        let project = try #require(plan.deliverable("44000-P171054"))
        #expect(project.name == "Climate Adaptation and Resilience for South Asia")
        #expect(project.notes?.contains("Reporting organisation: World Bank") == true)
    }
}
