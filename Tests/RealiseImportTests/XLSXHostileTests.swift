import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("xlsx importer: hostile and wrong workbooks are refused with one line")
struct XLSXHostileTests {
    static let register = WorkbookFixture(sheets: [
        .init(name: "Benefits", rows: WorkbookFixture.row(1, "Benefit ID", "Description") + WorkbookFixture.row(2, "B1", "Shorter journeys")),
    ])

    /// The one-line refusal reading `bytes` (written as `book.xlsx`) gives, with `limits` on the archive.
    func refusal(_ bytes: [UInt8], limits: WorkbookLimits = .standard, format: ImportFormat? = nil) throws -> (Diagnostic, String) {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("book.xlsx", bytes: bytes)
        let registry = ImporterRegistry(importers: [XLSXImporter(limits: limits)] + ImporterRegistry.standard.importers.dropFirst())
        let error = try #require(importError { try registry.read(path: path, format: format) })
        #expect(!error.isMissingInput, "bad data, exit 65")
        #expect(error.diagnostics.count == 1, "\(error.diagnostics)")
        return (try #require(error.diagnostics.first), path)
    }

    /// The bytes of a workbook zipped from `fixture` (or from `entries` when given).
    func bytes(_ fixture: WorkbookFixture = register, entries: [(String, Data)]? = nil) throws -> [UInt8] {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("made.xlsx").path
        if let entries { try WorkbookFixture.zip(entries, to: path) } else { try fixture.write(to: path) }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func zipBombLimitsAreNamed() throws {
        var fixture = Self.register
        fixture.extraParts["xl/worksheets/sheet1.xml"] = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + String(repeating: "<row/>", count: 400_000) + "</sheetData></worksheet>"
        let workbook = try bytes(fixture)
        let part = WorkbookLimits(partBytes: 1 << 20, totalBytes: 1 << 30, ratio: 1_000_000, ratioFloorBytes: 1 << 20, entries: 100)
        #expect(try refusal(workbook, limits: part).0.message.contains("more than the 1 MiB limit on one part"))
        let total = WorkbookLimits(partBytes: 1 << 30, totalBytes: 1 << 20, ratio: 1_000_000, ratioFloorBytes: 1 << 20, entries: 100)
        #expect(try refusal(workbook, limits: total).0.message.contains("limit on a whole workbook"))
        let ratio = WorkbookLimits(partBytes: 1 << 30, totalBytes: 1 << 30, ratio: 50, ratioFloorBytes: 1 << 16, entries: 100)
        #expect(try refusal(workbook, limits: ratio).0.message.contains("50-to-1 limit on compression"))
        let entries = WorkbookLimits(partBytes: 1 << 30, totalBytes: 1 << 30, ratio: 1_000_000, ratioFloorBytes: 1 << 20, entries: 3)
        #expect(try refusal(workbook, limits: entries).0.message.contains("more than 3 parts"))
        // The standard limits: 2.4 MB of rows inflating from a few kilobytes is more than 200 to 1.
        let (standard, path) = try refusal(workbook)
        #expect(standard.description.hasPrefix("\(path):0:0: part 'xl/worksheets/sheet1.xml' would inflate"))
        #expect(standard.message.contains("200-to-1 limit on compression (a ZIP bomb?)"))
    }

    @Test(arguments: ["xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels",
                      "docProps/core.xml", "xl/theme/theme1.xml", "[Content_Types].xml"])
    func doctypeInAnyPart(_ part: String) throws {
        var fixture = Self.register
        let original = fixture.parts[part] ?? "<?xml version=\"1.0\"?><x/>"
        let root = original.range(of: "?>").map { original[$0.upperBound...] } ?? Substring(original)
        fixture.extraParts[part] = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]>\n" + root
        let (diagnostic, path) = try refusal(try bytes(fixture))
        #expect(diagnostic.description == "\(path):\(part):2:0: a DOCTYPE is not allowed (entities and DTDs are never loaded); remove it")
    }

    @Test(arguments: ["../evil.xml", "xl/../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "xl\\..\\..\\evil.xml"])
    func partNamesLeadingOutside(_ name: String) throws {
        let entries = Self.register.parts.map { ($0.key, Data($0.value.utf8)) } + [(name, Data("<x/>".utf8))]
        let (diagnostic, _) = try refusal(try bytes(entries: entries))
        #expect(diagnostic.message.contains("leads outside it (a '..' or absolute path); it is refused"))
    }

    @Test func relationshipTargetLeadingOutside() throws {
        var fixture = Self.register
        fixture.extraParts["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"t/worksheet\" Target=\"../../../etc/passwd\"/></Relationships>"
        #expect(try refusal(try bytes(fixture)).0.message.contains("refers to a part '../../../etc/passwd' outside it"))
    }

    /// An OLE2 compound file: the signature, a header, and a directory naming `streams` in UTF-16LE.
    static func ole2(_ streams: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        for name in streams {
            var entry = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            entry += [UInt8](repeating: 0, count: 128 - entry.count)
            bytes += entry
        }
        return bytes
    }

    @Test func encryptedWorkbook() throws {
        let (diagnostic, _) = try refusal(Self.ole2(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
        #expect(diagnostic.message == "the workbook is encrypted (password-protected); remove the password and save again, then import it")
    }

    @Test func legacyXLS() throws {
        let (diagnostic, _) = try refusal(Self.ole2(["Root Entry", "Workbook", "SummaryInformation"]))
        #expect(diagnostic.message.hasPrefix("this is a legacy Excel 97-2003 workbook (.xls)"))
        #expect(diagnostic.message.contains("save it as .xlsx"))
    }

    @Test func openDocumentSpreadsheet() throws {
        let entries = [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data("<x/>".utf8))]
        let (diagnostic, _) = try refusal(try bytes(entries: entries))
        #expect(diagnostic.message.hasPrefix("this is an OpenDocument spreadsheet (.ods)"))
    }

    @Test func truncatedArchive() throws {
        let whole = try bytes()
        let (diagnostic, _) = try refusal(Array(whole.prefix(whole.count / 2)))
        #expect(diagnostic.message.hasPrefix("the workbook is damaged or truncated"))
    }

    @Test func corruptedPart() throws {
        var whole = try bytes()
        // Damage the deflated data of xl/workbook.xml, just after its name in its local header.
        let name = Array("xl/workbook.xml".utf8)
        let start = try #require(whole.firstRange(of: name)).upperBound
        for index in (start + 2)..<(start + 30) { whole[index] ^= 0x5A }
        let (diagnostic, _) = try refusal(whole)
        #expect(diagnostic.message.contains("damaged"), "\(diagnostic)")
    }

    @Test func forcedOnANonWorkbook() throws {
        let (diagnostic, _) = try refusal(Array("Benefit ID,Description\nB1,x\n".utf8), format: .xlsx)
        #expect(diagnostic.message.hasPrefix("the file is not an Excel workbook (.xlsx)"))
    }
}
