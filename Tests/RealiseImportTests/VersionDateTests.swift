import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// The day a file says its version was made, told to the sink: what a new version's revisions are dated by.
@Suite("Importers tell the day their file's version was made")
struct VersionDateTests {
    let registry = ImporterRegistry.standard

    @Test("MS Project: the status date, else the day it was last saved")
    func mspdi() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = try String(contentsOfFile: Fixtures.path("mspdi/bus-priority.xml"), encoding: .utf8)
        let open = try #require(text.range(of: "<Project[^>]*>", options: .regularExpression))
        func with(_ header: String) throws -> Day? {
            let path = try folder.write("plan-\(header.count).xml", text.replacingCharacters(in: open, with: text[open] + header))
            return try registry.read(path: path).versionDate
        }
        #expect(try with("<LastSaved>2025-09-30T17:00:00</LastSaved><StatusDate>2025-10-01T08:00:00</StatusDate>") == Day(iso: "2025-10-01"))
        #expect(try with("<LastSaved>2025-09-30T17:00:00</LastSaved>") == Day(iso: "2025-09-30"))
        #expect(try registry.read(path: Fixtures.path("mspdi/bus-priority.xml")).versionDate == nil, "no header date: the store uses the file's time")
    }

    @Test("IATI: the latest last-updated-datetime of its activities")
    func iati() throws {
        #expect(try registry.read(path: Fixtures.path("iati/activities-2.03.xml")).versionDate == Day(iso: "2024-01-15"))
    }

    @Test("GMPP: 31 March of the return's year, from its year column, else its file name", arguments: [
        ("gmpp/uk-2014-rows.csv", "2014-03-31"), ("gmpp/uk-2022-rows.csv", "2022-03-31"), ("gmpp/uk-2023-transposed.csv", "2023-03-31"),
    ])
    func gmpp(file: String, expected: String) throws {
        #expect(try registry.read(path: Fixtures.path(file)).versionDate == Day(iso: expected))
    }

    @Test("a year is four digits 2000–2099 standing alone")
    func yearInText() {
        #expect(GMPPImporter.fourDigitYear(in: "uk_2023_original_transposed.csv") == 2023)
        #expect(GMPPImporter.fourDigitYear(in: "2022-23") == 2022)
        #expect(GMPPImporter.fourDigitYear(in: "project_12345.csv") == nil)
        #expect(GMPPImporter.fourDigitYear(in: "gmpp-1999.csv") == nil)
    }
}
