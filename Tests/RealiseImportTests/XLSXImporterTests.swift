import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("xlsx importer: cells, layout, sheets and locations")
struct XLSXImporterTests {
    typealias Sheet = WorkbookFixture.Sheet
    static let row = WorkbookFixture.row

    /// Writes the workbook as `book.xlsx` in a temporary folder and reads it, sniffed.
    func read(_ fixture: WorkbookFixture, options: ImportOptions = .init()) throws -> (LoadedFile, String) {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("book.xlsx").path
        try fixture.write(to: path)
        return (try ImporterRegistry.standard.read(path: path, options: options), path)
    }

    /// The error reading the workbook throws, and its path.
    func failure(_ fixture: WorkbookFixture, options: ImportOptions = .init()) throws -> (ImportError, String) {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("book.xlsx").path
        try fixture.write(to: path)
        return (try #require(importError { try ImporterRegistry.standard.read(path: path, options: options) }), path)
    }

    static let valuesHeader = row(1, "Metric ID", "Date", "Value", "Notes")

    @Test func cellsAreReadAsExcelMeansThem() throws {
        let rows = Self.valuesHeader
            // Shared string with rich-text runs and a phonetic guide; built-in date format 14.
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" s=\"1\"><v>46477</v></c><c r=\"C2\"><v>5.25</v></c><c r=\"D2\" t=\"s\"><v>1</v></c></row>"
            // Custom date format, a formula's cached value, an inline string in runs, a boolean.
            + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" s=\"2\"><v>46843</v></c><c r=\"C3\"><f>2+3</f><v>5</v></c>"
            + "<c r=\"D3\" t=\"inlineStr\"><is><r><t>on </t></r><r><rPr><b/></rPr><t>track</t></r></is></c></row>"
            // An error value (empty, warned) and a percentage.
            + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c><c r=\"B4\" s=\"5\"><v>47208</v></c><c r=\"C4\" t=\"e\"><v>#N/A</v></c><c r=\"D4\" t=\"b\"><v>1</v></c></row>"
            + "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>0</v></c><c r=\"B5\" t=\"str\"><f>TEXT(1,\"x\")</f><v>2030-03-31</v></c><c r=\"C5\" s=\"3\"><v>0.45</v></c></row>"
            // A formula never calculated (warned), a date typed day first.
            + "<row r=\"6\"><c r=\"A6\" t=\"s\"><v>0</v></c><c r=\"B6\" t=\"inlineStr\"><is><t>31/03/2031</t></is></c><c r=\"C6\"><f>1+1</f></c></row>"
            // Floating-point noise beyond Excel's 15 digits is not kept.
            + "<row r=\"7\"><c r=\"A7\" t=\"s\"><v>0</v></c><c r=\"B7\" s=\"1\"><v>47939.75</v></c><c r=\"C7\"><f>0.1+0.2</f><v>0.30000000000000004</v></c></row>"
        let fixture = WorkbookFixture(sheets: [Sheet(name: "Values", rows: rows)],
                                      sharedStrings: ["M1", "<r><t>Quarter </t></r><r><t>four</t></r><rPh><t>phonetic</t></rPh>"])
        let (file, path) = try read(fixture)
        #expect(file.format == "xlsx")
        let values = file.plan.values
        #expect(values.map(\.date.description) == ["2027-03-31", "2028-03-31", "2029-03-31", "2030-03-31", "2031-03-31", "2031-04-01"])
        #expect(values.map(\.value) == [5.25, 5, nil, 45, nil, 0.3])
        #expect(values.map(\.note) == ["Quarter four", "on track", "TRUE", nil, nil, nil])
        #expect(values.allSatisfy { $0.source.place == "\(path)[Values]" && $0.source.path == path && $0.source.format == "xlsx[Values]" })
        let warnings = file.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("\(path)[Values]!C4: ") && $0.contains("error value #N/A") })
        #expect(warnings.contains { $0.hasPrefix("\(path)[Values]!C6: ") && $0.contains("no saved result") })
    }

    @Test("1900 date system, its fictitious 29 February, and the 1904 system")
    func dateSystems() throws {
        func dates(_ serials: [Int], date1904: Bool) throws -> Result<[String], ImportError> {
            let rows = Self.valuesHeader + serials.enumerated().map { index, serial in
                "<row r=\"\(index + 2)\"><c r=\"A\(index + 2)\" t=\"inlineStr\"><is><t>M1</t></is></c><c r=\"B\(index + 2)\" s=\"1\"><v>\(serial)</v></c><c r=\"C\(index + 2)\"><v>1</v></c></row>"
            }.joined()
            let fixture = WorkbookFixture(sheets: [Sheet(name: "Values", rows: rows)], date1904: date1904)
            do { return .success(try read(fixture).0.plan.values.map(\.date.description)) } catch let error as ImportError {
                return .failure(error)
            }
        }
        #expect(try dates([1, 59, 61, 45747], date1904: false).get() == ["1900-01-01", "1900-02-28", "1900-03-01", "2025-03-31"])
        #expect(try dates([0, 1, 44285], date1904: true).get() == ["1904-01-01", "1904-01-02", "2025-03-31"])
        guard case .failure(let error) = try dates([60], date1904: false) else { Issue.record("serial 60 read"); return }
        #expect(error.diagnostics.map(\.description).contains { $0.contains("!B2: ") && $0.contains("'1900-02-29' is not a real date") })
    }

    @Test("the header is found below title rows; two-line headers, sparse references, merged cells, trailing empty rows")
    func layout() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Benefits register</t></is></c></row>"
            + "<row r=\"2\"/>"
            + Self.row(4, "Benefit ID", "Description\nWhat the change is, in a sentence", "Objectives\nIds of the objectives", "Owner")
            + "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>B1</t></is></c><c t=\"inlineStr\"><is><t>Shorter journeys</t></is></c><c s=\"1\"/>"
            + "<c r=\"D6\" t=\"inlineStr\"><is><t>Head of Transport</t></is></c></row>"
            + Self.row(7, "B2", "Fewer emissions", "", "")
            + Self.row(8, "B3", "Cleaner air", "O1", "")
            + "<row r=\"9\"><c r=\"A9\" s=\"1\"/><c r=\"B9\" s=\"1\"/></row><row r=\"1000\" s=\"2\" customFormat=\"1\"/>"
        let after = "<mergeCells count=\"1\"><mergeCell ref=\"D6:D8\"/></mergeCells>"
        let objectives = Self.row(1, "Objective ID", "Statement") + Self.row(2, "O1", "Better buses")
        let fixture = WorkbookFixture(sheets: [Sheet(name: "Benefits", rows: rows, after: after), Sheet(name: "Objectives", rows: objectives)])
        let (file, _) = try read(fixture)
        let benefits = file.plan.benefits
        #expect(benefits.map(\.id) == ["B1", "B2", "B3"])
        #expect(benefits.map(\.source.line) == [6, 7, 8])
        #expect(benefits.map(\.description) == ["Shorter journeys", "Fewer emissions", "Cleaner air"])
        #expect(benefits.map(\.owner) == ["Head of Transport", "Head of Transport", "Head of Transport"], "the merged range D6:D8 is filled")
        #expect(file.plan.links.filter { $0.kind == .contributesTo }.map(\.to) == ["O1"])
        #expect(file.warnings.isEmpty, "\(file.warnings)")
    }

    @Test func sheetsWithNoTableAreSkippedWithOneWarning() throws {
        let fixture = WorkbookFixture(sheets: [
            Sheet(name: "Instructions", rows: Self.row(1, "Fill in the Benefits sheet; see the Options sheet for codes")),
            Sheet(name: "Benefits", rows: Self.row(1, "Benefit ID", "Description") + Self.row(2, "B1", "Shorter journeys")),
            Sheet(name: "Options", rows: Self.row(1, "Project ID", "P-1") + Self.row(2, "Kind", "benefit")),
            Sheet(name: "Lists", rows: Self.row(1, "benefit", "dis-benefit"), state: "hidden"),
        ])
        let (file, path) = try read(fixture)
        #expect(file.plan.benefits.map(\.id) == ["B1"])
        let skipped = file.warnings.filter { $0.message.contains("skipped") }
        #expect(skipped.count == 1)
        #expect(skipped.first?.path == path)
        #expect(skipped.first?.message.hasPrefix("sheets 'Instructions', 'Options', 'Lists' hold no register") == true)
        #expect(!file.warnings.contains { $0.message.contains("hidden") }, "a skipped hidden sheet needs no second warning")
    }

    @Test func sheetOptionPicksSheetsAndHiddenSheetsAreReadWithAWarning() throws {
        let fixture = WorkbookFixture(sheets: [
            Sheet(name: "Benefits", rows: Self.row(1, "Benefit ID", "Description") + Self.row(2, "B1", "Shorter journeys")),
            Sheet(name: "Old benefits", rows: Self.row(1, "Benefit ID", "Description") + Self.row(2, "B0", "Withdrawn"), state: "hidden"),
        ])
        let (all, path) = try read(fixture)
        #expect(all.plan.benefits.map(\.id) == ["B1", "B0"])
        #expect(all.warnings.map(\.description) == ["\(path)[Old benefits]: the sheet is hidden in Excel; it was read all the same"])
        #expect(try read(fixture, options: ImportOptions(sheets: ["benefits"])).0.plan.benefits.map(\.id) == ["B1"])
        let (error, _) = try failure(fixture, options: ImportOptions(sheets: ["Measures"]))
        #expect(error.diagnostics.map(\.message) == ["the workbook has no sheet 'Measures'; its sheets are 'Benefits', 'Old benefits': give one of them with --sheet"])
    }

    @Test func errorsNameTheWorkbookSheetAndCell() throws {
        let rows = Self.row(1, "Benefit ID", "Description", "Realisation start") + Self.row(2, "B1", "Shorter journeys", "03/31/2027")
            + Self.row(3, "", "No id", "")
        let (error, path) = try failure(WorkbookFixture(sheets: [Sheet(name: "Benefits", rows: rows)]))
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(path)[Benefits]!C2: ") && $0.contains("--date-order mdy") })
        #expect(lines.contains { $0.hasPrefix("\(path)[Benefits]!A3: ") && $0.contains("Benefit ID is empty") })
        let (file, _) = try read(WorkbookFixture(sheets: [Sheet(name: "Benefits", rows: Self.row(1, "Benefit ID", "Description", "Realisation start")
            + Self.row(2, "B1", "Shorter journeys", "03/31/2027"))]), options: ImportOptions(dateOrder: .mdy))
        #expect(file.plan.benefits.first?.realisationStart?.description == "2027-03-31")
    }

    @Test("GMPP sheets (rows and transposed) and the results sheets of one workbook joined")
    func otherTabularFormats() throws {
        let gmpp = Self.row(2, "GMPP ID Number", "Project Name", "Department", "IPA Delivery Confidence Assessment")
            + Self.row(3, "GMPP-1", "Crossrail", "DfT", "Amber")
        let transposed = Self.row(1, "GMPP ID Number", "GMPP-2", "GMPP-3") + Self.row(2, "Project Name", "HS2", "A303")
            + Self.row(3, "Department", "DfT", "DfT") + Self.row(4, "IPA Delivery Confidence Assessment", "Red", "Green")
        let activities = Self.row(1, "activity_identifier", "title", "activity_status") + Self.row(2, "XM-1", "Roads", "2")
        let results = Self.row(1, "activity_identifier", "result_ref", "result_type", "title") + Self.row(2, "XM-1", "R1", "2", "Safer roads")
        let (file, _) = try read(WorkbookFixture(sheets: [
            Sheet(name: "GMPP", rows: gmpp), Sheet(name: "GMPP 2023", rows: transposed),
            Sheet(name: "Activities", rows: activities), Sheet(name: "Results", rows: results),
        ]))
        #expect(file.plan.deliverables.map(\.id) == ["GMPP-1", "GMPP-2", "GMPP-3", "XM-1"])
        #expect(file.plan.benefits.map(\.id) == ["XM-1#R1"])
        #expect(file.plan.links.contains { $0.kind == .enabledBy && $0.from == "XM-1#R1" && $0.to == "XM-1" }, "results joined to activities")
    }
}

@Suite("xlsx importer: streaming")
struct XLSXStreamingTests {
    @Test("a register sheet's rows are handed over in chunks as they are read, not at the end of the sheet")
    func registerSheetChunks() throws {
        let rows = WorkbookFixture.row(1, "Metric ID", "Date", "Value")
            + (2...3_001).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>M1</t></is></c><c r=\"B\($0)\" s=\"1\"><v>\(45_000 + $0)</v></c><c r=\"C\($0)\"><v>\($0)</v></c></row>" }.joined()
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("book.xlsx").path
        try WorkbookFixture(sheets: [.init(name: "Values", rows: rows)]).write(to: path)
        let sink = RecordingSink()
        _ = try XLSXImporter().read(path: path, options: .init(), into: sink)
        #expect(sink.chunks.count >= 5)
        #expect(sink.chunks.allSatisfy { $0 <= Plan.chunkSize + 2 })
        #expect(sink.chunks.reduce(0, +) == 3_000)
        #expect(sink.collector.plan.values.map(\.value) == (2...3_001).map { Double($0) })
    }
}
