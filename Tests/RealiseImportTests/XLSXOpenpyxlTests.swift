import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Workbooks written by another program, Python's openpyxl, and real ones from `../shared/samples/xlsx`.
@Suite("xlsx importer: workbooks written by openpyxl and real sample workbooks")
struct XLSXOpenpyxlTests {
    static let python = Requirement.python(with: "openpyxl")
    static let openpyxlMissing = "python3 on PATH cannot import openpyxl (pip install openpyxl; .ci/run puts it in .build-venv)"

    /// A register as a PMO keeps it: a title row, two-line headers, real date cells in two formats, a date typed
    /// day first, a percentage, a merged owner, a hidden lists sheet, an instructions sheet, a formula.
    static let script = #"""
    import sys, datetime, openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation
    wb = openpyxl.Workbook()
    info = wb.active; info.title = "Instructions"
    info["A1"] = "How to fill in this register"; info["A2"] = "One benefit per row."
    b = wb.create_sheet("Benefits")
    b["A1"] = "Connected Coastal Mobility: benefits register"
    b.merge_cells("A1:F1")
    b.append(["Benefit ID", "Description\nThe change, in one sentence", "Benefit owner", "Realisation start", "Realisation end", "Metric ID", "Baseline", "Baseline date", "Target", "Target date"])
    b.append(["B1", "Shorter journeys", "Head of Transport", datetime.date(2026, 4, 1), "31/03/2029", "M1", 58, datetime.datetime(2024, 3, 31, 9, 30), "=50+2", datetime.date(2027, 3, 31)])
    b.append(["B2", "Fewer emissions", None, datetime.date(2026, 4, 1), datetime.date(2030, 3, 31), "M2", 0.25, datetime.date(2024, 3, 31), 0.4, datetime.date(2028, 3, 31)])
    b.merge_cells("C3:C4")
    for cell in ("D3", "D4", "E4", "H4"): b[cell].number_format = "dd/mm/yyyy"
    b["H3"].number_format = "d mmmm yyyy h:mm"
    for cell in ("G4", "I4"): b[cell].number_format = "0%"
    b.append([])
    lists = wb.create_sheet("Lists"); lists.append(["benefit", "dis-benefit"]); lists.sheet_state = "hidden"
    wb.save(sys.argv[1])
    """#

    @Test("a register written by openpyxl", Requirement.needs(XLSXOpenpyxlTests.python != nil, openpyxlMissing))
    func openpyxlRegister() throws {
        let python = try Requirement.require(Self.python, Self.openpyxlMissing)
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("register.xlsx").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let file = try ImporterRegistry.standard.read(path: path)
        #expect(file.format == "xlsx")
        let benefits = file.plan.benefits
        #expect(benefits.map(\.id) == ["B1", "B2"])
        #expect(benefits.map(\.owner) == ["Head of Transport", "Head of Transport"])
        #expect(benefits.map { $0.realisationStart?.description } == ["2026-04-01", "2026-04-01"])
        #expect(benefits.map { $0.realisationEnd?.description } == ["2029-03-31", "2030-03-31"])
        #expect(benefits.map(\.source.line) == [3, 4])
        let values = file.plan.values.map { "\($0.metric) \($0.kind.rawValue) \($0.date) \($0.value.map { "\($0)" } ?? "-")" }
        #expect(values == ["M1 baseline 2024-03-31 58.0", "M1 target 2027-03-31 -", "M2 baseline 2024-03-31 25.0",
                           "M2 target 2028-03-31 40.0"])
        let warnings = file.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("\(path)[Benefits]!I3: ") && $0.contains("no saved result") },
                "openpyxl saves a formula without its result: \(warnings)")
        #expect(warnings.contains { $0.hasPrefix("\(path):0:0: sheets 'Instructions', 'Lists' hold no register") })
    }

    @Test("real workbooks that hold no Realise table are read and skipped with one warning, never failed",
          Requirement.needs(SharedSamples.available, SharedSamples.missing))
    func sampleWorkbooks() throws {
        try SharedSamples.requirePresent()
        let files = SharedSamples.files(in: "xlsx", ext: "xlsx")
        try #require(files.count >= 5)
        for path in files {
            let file = try ImporterRegistry.standard.read(path: path)
            #expect(file.format == "xlsx")
            #expect(file.plan.itemCount == 0, "\(path)")
            #expect(file.warnings.filter { $0.message.contains("were skipped") || $0.message.contains("was skipped") }.count == 1, "\(path)")
        }
    }
}

/// Every cell of the real sample workbooks as Realise reads it, against openpyxl's reading of the same file:
/// an independent reader of the format, on workbooks nobody here wrote.
@Suite("xlsx cells against openpyxl, on the real sample workbooks",
       Requirement.needs(SharedSamples.available && XLSXOpenpyxlTests.python != nil, "\(SharedSamples.missing), or \(XLSXOpenpyxlTests.openpyxlMissing)"))
struct XLSXCellConformanceTests {
    static let dump = #"""
    import sys, json, datetime, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
    out = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None or v == "": continue
                if isinstance(v, bool): v = "TRUE" if v else "FALSE"
                elif isinstance(v, datetime.datetime): v = v.date().isoformat()
                elif isinstance(v, datetime.date): v = v.isoformat()
                elif isinstance(v, (int, float)):
                    if "%" in (c.number_format or ""): v = v * 100
                    v = float(v)
                cells[c.coordinate] = v
        out[ws.title] = {"cells": cells, "merged": [str(r) for r in ws.merged_cells.ranges]}
    print(json.dumps(out))
    """#

    @Test(arguments: SharedSamples.files(in: "xlsx", ext: "xlsx").map { URL(fileURLWithPath: $0).lastPathComponent })
    func sameCells(_ name: String) throws {
        try SharedSamples.requirePresent()
        let python = try Requirement.require(XLSXOpenpyxlTests.python, XLSXOpenpyxlTests.openpyxlMissing)
        let path = SharedSamples.root.appendingPathComponent("xlsx/\(name)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.dump, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let theirs = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])

        let workbook = try Workbook(path: path, limits: .standard)
        for sheet in workbook.manifest.sheets {
            let expected = try #require(theirs[sheet.name]?["cells"] as? [String: Any], "sheet \(sheet.name)")
            let merged = (theirs[sheet.name]?["merged"] as? [String] ?? []).compactMap(MergedRanges.range)
            var ours: [String: String] = [:]
            let rows = try #require(try workbook.rows(of: sheet))
            while let row = try rows.next() {
                for (index, text) in row.cells.enumerated() where !text.isEmpty {
                    ours["\(CellReference.letters(index + 1))\(row.number)"] = text
                }
            }
            for (reference, value) in expected {
                let mine = ours[reference]
                if let number = value as? Double {
                    #expect(mine.flatMap(Double.init).map { abs($0 - number) <= abs(number) * 1e-12 } == true,
                            "\(name) [\(sheet.name)]!\(reference): openpyxl \(number), Realise \(mine ?? "nothing")")
                } else {
                    #expect(mine == value as? String, "\(name) [\(sheet.name)]!\(reference): openpyxl \(value), Realise \(mine ?? "nothing")")
                }
            }
            for reference in Set(ours.keys).subtracting(expected.keys) {
                let cell = try #require(SheetReader.cell(Substring(reference)))
                #expect(merged.contains { $0.firstRow <= cell.row! && cell.row! <= $0.lastRow && $0.firstColumn <= cell.column && cell.column <= $0.lastColumn },
                        "\(name) [\(sheet.name)]!\(reference): Realise reads '\(ours[reference]!)', openpyxl nothing, and it is in no merged range")
            }
        }
    }
}
