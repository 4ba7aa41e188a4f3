import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Inputs the libFuzzer harnesses (`Fuzz/run.sh`) found or made: `Fixtures/fuzz/<target>/<file>`, each fed to
/// the entry point its fuzz target calls — `realise-xml`, `mspdi`, `iati`, `gmpp`, `results-csv`,
/// `register-csv` (that importer's `read(path:options:)`), `csv` (`CSVReader` on the bytes), `sniff`
/// (`ImporterRegistry.standard.detect(path:)`, then the importer found) and `mapping` (`MappingFile.load`). A crash fails the whole run; beyond
/// that, every file has the outcome written down below, so a changed answer is noticed too.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    /// What an input must give.
    enum Outcome: Sendable, CustomStringConvertible {
        /// An `ImportError` whose first diagnostic is an error at this line (1-based; the file is named).
        case error(line: Int)
        /// `.unknownFormat` (only from sniffing).
        case unknownFormat
        /// A plan with this many entities, links and warnings (and, always, only finite numbers).
        case plan(entities: Int, links: Int, warnings: Int)
        /// CSV records' fields (for the `csv` target).
        case records([[String]])
        /// `.badMapping` (only from the `mapping` target).
        case badMapping
        /// The header → column pairs a mapping file gives (for the `mapping` target).
        case mapping([String: String])

        var description: String {
            switch self {
            case .error(let line): "an error at line \(line)"
            case .unknownFormat: "an unknown format"
            case .plan(let entities, let links, let warnings): "a plan of \(entities) entities, \(links) links and \(warnings) warnings"
            case .records(let records): "the records \(records)"
            case .badMapping: "a bad mapping"
            case .mapping(let mapping): "the mapping \(mapping)"
            }
        }
    }

    /// Every file under `Fixtures/fuzz`, and what it gives. Add a line with each new fixture.
    static let expected: [String: Outcome] = [
        // FileHead.xmlRoot force-unwrapped the local name of `<:`; now not a root, and libxml2 refuses the file.
        "mspdi/colon-root-name.xml": .error(line: 1),
        "sniff/colon-root-name.txt": .unknownFormat,
        "sniff/empty-local-name.txt": .unknownFormat,
        // A LinkLag of nan, or one so large (or over so small a MinutesPerDay) that the lag in days is infinite,
        // made a link with a lag that is not a number; now a warning and no lag.
        // Tricky inputs of the CSV reader's corpus, written small.
        "csv/bare-cr-quoted-crlf.csv": .records([["a", "b"], ["x\r\ny", "2"], ["3", "4"]]),
        "csv/utf16le-odd-length.csv": .records([["a", "b"]]),
        "csv/unclosed-quote.csv": .error(line: 2),
        "csv/quote-mid-field.csv": .records([["a\"b", "c\"de"]]),
        "mspdi/link-lag-nan.xml": .plan(entities: 2, links: 1, warnings: 1),
        "mspdi/link-lag-1e308.xml": .plan(entities: 2, links: 1, warnings: 1),
        "mspdi/minutes-per-day-denormal.xml": .plan(entities: 2, links: 1, warnings: 1),
        // Yams.load trapped on a key that is a map (`? ead": owner`); MappingFile now only composes the YAML.
        "mapping/map-as-key.yaml": .badMapping,
        // Nested aliases, ~43 million scalars once Yams.load copied them out; composed, they cost nothing
        // (and a column given as a list is refused).
        "mapping/nested-aliases.yaml": .badMapping,
        "mapping/unused-nested-aliases.yaml": .mapping(["Ref No": "benefit_id", "Lead": "owner"]),
    ]

    static let folder = Fixtures.root.appendingPathComponent("fuzz")

    /// The fixtures on disk, as `target/file`.
    static var files: [String] {
        let manager = FileManager.default
        let targets = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.flatMap { target in
            ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).map { "\(target)/\($0)" }
        }.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("every fixture in Fixtures/fuzz has its outcome written down, and every outcome its fixture")
    func everyFixtureListed() {
        let onDisk = Set(FuzzRegressionTests.files)
        #expect(!onDisk.isEmpty)
        #expect(onDisk.subtracting(FuzzRegressionTests.expected.keys).sorted() == [], "fixtures without an expected outcome")
        #expect(Set(FuzzRegressionTests.expected.keys).subtracting(onDisk).sorted() == [], "outcomes without a fixture")
    }

    @Test("a fuzzer's input gives its expected outcome", arguments: FuzzRegressionTests.expected.keys.sorted())
    func input(_ name: String) throws {
        let expected = try #require(FuzzRegressionTests.expected[name])
        let path = FuzzRegressionTests.folder.appendingPathComponent(name).path
        let target = String(name.prefix { $0 != "/" })
        let got = try FuzzRegressionTests.outcome(target: target, path: path)
        #expect(got.matches(expected), "\(name): expected \(expected), got \(got)")
    }

    /// What the fuzz target's entry point gives for the file.
    enum Got: CustomStringConvertible {
        case error(ImportError)
        case plan(Plan.WithWarnings)
        case records([[String]])
        case mapping([String: String])

        func matches(_ expected: Outcome) -> Bool {
            switch (self, expected) {
            case (.error(let error), .error(let line)):
                guard case .invalid = error, let first = error.diagnostics.first else { return false }
                return first.severity == .error && first.line == line && !first.path.isEmpty && !first.message.isEmpty
            case (.error(let error), .unknownFormat):
                if case .unknownFormat = error { return true }
                return false
            case (.plan(let result), .plan(let entities, let links, let warnings)):
                return result.plan.entityIndex.count == entities && result.plan.links.count == links
                    && result.warnings.count == warnings && Got.numbersAreFinite(result.plan)
            case (.records(let records), .records(let expected)):
                return records == expected
            case (.error(let error), .badMapping):
                if case .badMapping = error { return !error.diagnostics.isEmpty }
                return false
            case (.mapping(let mapping), .mapping(let expected)):
                return mapping == expected
            default:
                return false
            }
        }

        /// What the fuzz harnesses check too: NaN and infinity cannot be stored, exported or read back.
        static func numbersAreFinite(_ plan: Plan) -> Bool {
            let numbers = plan.deliverables.map(\.percentComplete) + plan.values.map(\.value)
                + plan.links.map(\.lagDays) + plan.links.map(\.share)
            return numbers.allSatisfy { $0?.isFinite ?? true }
        }

        var description: String {
            switch self {
            case .error(let error): "error \(error)"
            case .plan(let result):
                "a plan of \(result.plan.entityIndex.count) entities, \(result.plan.links.count) links and "
                    + "\(result.warnings.count) warnings\(Got.numbersAreFinite(result.plan) ? "" : ", with a number not finite")"
            case .records(let records): "the records \(records)"
            case .mapping(let mapping): "the mapping \(mapping)"
            }
        }
    }

    static func outcome(target: String, path: String) throws -> Got {
        let importer: any PlanImporter
        switch target {
        case "realise-xml": importer = RealiseXMLImporter()
        case "mspdi": importer = MSPDIImporter()
        case "iati": importer = IATIImporter()
        case "gmpp": importer = GMPPImporter()
        case "results-csv": importer = ResultsCSVImporter()
        case "register-csv": importer = RegisterCSVImporter()
        case "csv":
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            do { return .records(try CSVReader(bytes: bytes, path: path).records.map(\.fields)) } catch { return .error(error) }
        case "mapping":
            do { return .mapping(try MappingFile.load(path: path)) } catch { return .error(error) }
        case "sniff":
            do { importer = try ImporterRegistry.standard.detect(path: path) } catch { return .error(error) }
        default:
            Issue.record("no fuzz target '\(target)'; the folders are named after Fuzz/run.sh's targets")
            return .records([])
        }
        do { return .plan(try importer.read(path: path, options: .init())) } catch { return .error(error) }
    }
}
