import Foundation
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("workbook writer")
struct WorkbookWriterTests {
    @Test("text is always a string, never a formula; XML's impossible characters are escaped as Excel does", arguments: [
        ("=HYPERLINK(\"http://x\")", "=HYPERLINK(&quot;http://x&quot;)"), ("+1", "+1"), ("-cmd", "-cmd"), ("@SUM(A1)", "@SUM(A1)"),
        ("a & <b>", "a &amp; &lt;b&gt;"), ("line\r\nbreak", "line&#13;\nbreak"), ("bell\u{07}", "bell_x0007_"),
        ("_x000D_ literal", "_x005F_x000D_ literal"), ("tab\there", "tab\there"),
    ])
    func textCells(text: String, escaped: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-ww-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.xlsx").path
        let book = try WorkbookWriter(path: path)
        try book.beginSheet("S", headers: ["A"])
        try book.addRow([.text(text)])
        try book.finish()
        let sheet = try #require(try WorkbookFixture.unzip(path)["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>\(escaped)</t></is></c>"))
        #expect(!sheet.contains("<f>"))
    }

    @Test func numbersDatesAndTheFrame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-ww-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.xlsx").path
        let book = try WorkbookWriter(path: path)
        try book.beginSheet("Values", headers: ["Metric ID", "Date", "Value"])
        try book.addRow([.text("M1"), .date(try #require(Day(iso: "2027-03-31"))), .number(57.5)])
        try book.addRow([.text("M1"), .date(try #require(Day(iso: "1900-03-01"))), .number(-3)])
        try book.finish()
        let parts = try WorkbookFixture.unzip(path)
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"><v>46477</v></c><c r=\"C2\"><v>57.5</v></c>"))
        #expect(sheet.contains("<c r=\"B3\" s=\"2\"><v>61</v></c><c r=\"C3\"><v>-3</v></c>"))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:C3\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"11\" customWidth=\"1\"/>"))
        #expect(parts["xl/workbook.xml"]?.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Values'!$A$1:$C$3</definedName>") == true)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml"])
    }
}
