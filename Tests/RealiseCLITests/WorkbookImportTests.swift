import Foundation
import Testing

/// Workbooks through the `realise` binary: imported with cell locations, picked by sheet, and refused with
/// exit 65, one line and nothing written.
@Suite("workbooks (end to end)")
struct WorkbookImportTests {
    typealias Sheet = WorkbookFixture.Sheet
    static let row = WorkbookFixture.row

    let scratch: Scratch
    var db: String { scratch.url.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    static let register = WorkbookFixture(sheets: [
        Sheet(name: "Read me", rows: row(1, "Fill in one benefit per row")),
        Sheet(name: "Benefits", rows: row(1, "Benefit ID", "Description", "Realisation start")
            + row(2, "B1", "Shorter journeys", "31/03/2027") + row(3, "B2", "Fewer emissions", "1 April 2027")),
        Sheet(name: "US", rows: row(1, "Benefit ID", "Description", "Realisation start") + row(2, "B9", "Imported", "03/31/2027")),
    ])

    private func write(_ fixture: WorkbookFixture, _ name: String = "register.xlsx") throws -> String {
        let path = scratch.url.appendingPathComponent(name).path
        try fixture.write(to: path)
        return path
    }

    @Test func importsSheetsWithCellLocations() throws {
        let path = try write(Self.register, "register.data")
        let bad = try RealiseBinary.run(["import", "--db", db, path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("realise: error: \(path)[US]!C2: realisation start '03/31/2027' is not a real date read day first"))
        #expect(bad.stderr.contains("--date-order mdy"))
        #expect(try RealiseBinary.run(["list", "imports", "--format", "csv", "--db", db]).stdout.split(separator: "\n").count <= 1,
                "a failed import writes nothing")

        let good = try RealiseBinary.run(["import", "--db", db, "--sheet", "Benefits", path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("(xlsx): imported — 0 objectives, 2 benefits"))
        let listed = try RealiseBinary.run(["list", "benefits", "--db", db, "--format", "json"]).stdout
        #expect(listed.contains("\"source\": \"register.data[Benefits]:2\""), "named by its file name as a source")
        #expect(listed.contains("\"realisationStart\": \"2027-04-01\""))

        let us = try RealiseBinary.run(["import", "--db", db, "--sheet", "US", "--date-order", "mdy", "--dry-run", path])
        #expect(us.status == 0, "\(us.stderr)")
    }

    @Test func aFolderWalkFindsWorkbooks() throws {
        let folder = scratch.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var fixture = Self.register
        fixture.sheets.removeLast()
        try fixture.write(to: folder.appendingPathComponent("register.xlsx").path)
        // Excel's lock file beside a workbook it has open: not a workbook, passed over.
        try Data([0x05, 0x4A, 0x6F, 0x20, 0x42]).write(to: folder.appendingPathComponent("~$register.xlsx"))
        let result = try RealiseBinary.run(["import", "--db", db, folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("register.xlsx (xlsx): imported"))
        #expect(result.stdout.contains("sheet 'Read me' holds no register, GMPP or results table"))
    }

    @Test func hostileWorkbookIsRefusedWithOneLineAndNothingWritten() throws {
        let path = try write(Self.register)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(try RealiseBinary.run(["init", "--db", db]).status == 0)
        let before = try RealiseBinary.run(["export", "--format", "json", "--db", db]).stdout
        let result = try RealiseBinary.run(["import", "--db", db, path])
        #expect(result.status == 65)
        #expect(result.stderr == "realise: error: \(path):0:0: the workbook is damaged or truncated (its ZIP directory cannot be read); open it in Excel and save it again\n")
        #expect(try RealiseBinary.run(["export", "--format", "json", "--db", db]).stdout == before)
        #expect(try RealiseBinary.run(["list", "imports", "--format", "csv", "--db", db]).stdout.split(separator: "\n").count <= 1)
    }

    @Test("a renamed sheet is the same workbook stating the same things: re-imported, nothing collides")
    func renamedSheet() throws {
        let rows = Self.row(1, "Benefit ID", "Description") + Self.row(2, "B1", "Shorter journeys")
        let path = try write(WorkbookFixture(sheets: [Sheet(name: "Benefits", rows: rows)]))
        #expect(try RealiseBinary.run(["import", "--db", db, path]).status == 0)
        try WorkbookFixture(sheets: [Sheet(name: "Read me", rows: Self.row(1, "Notes")), Sheet(name: "Register 2026", rows: rows)])
            .write(to: path)
        let again = try RealiseBinary.run(["import", "--db", db, path])
        #expect(again.status == 0, "\(again.stderr)")
        let listed = try RealiseBinary.run(["list", "benefits", "--db", db, "--format", "json"]).stdout
        #expect(listed.contains("\"source\": \"\((path as NSString).lastPathComponent)[Register 2026]:2\""), "\(listed)")
    }

    @Test("a re-imported workbook withdraws what its sheets no longer state")
    func reimportWithdraws() throws {
        let path = try write(WorkbookFixture(sheets: [
            Sheet(name: "Benefits", rows: Self.row(1, "Benefit ID", "Description") + Self.row(2, "B1", "Shorter journeys")
                + Self.row(3, "B2", "Fewer emissions")),
        ]))
        #expect(try RealiseBinary.run(["import", "--db", db, path]).status == 0)
        try WorkbookFixture(sheets: [Sheet(name: "Benefits", rows: Self.row(1, "Benefit ID", "Description") + Self.row(2, "B1", "Shorter journeys"))])
            .write(to: path)
        let again = try RealiseBinary.run(["import", "--db", db, path])
        #expect(again.status == 0, "\(again.stderr)")
        let listed = try RealiseBinary.run(["list", "benefits", "--db", db, "--format", "csv"]).stdout
        #expect(listed.contains("B1,"))
        #expect(!listed.contains("B2,"), "B2 is no longer in the sheet: \(listed)")
    }
}
