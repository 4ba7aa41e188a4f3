import Foundation
import Testing

/// Workbooks Realise writes, through the binary: the register workbook's round trip, the gap and listing
/// workbooks as an independent reader (Python's openpyxl) sees them, and the usage error on a terminal.
@Suite("workbooks written (end to end)")
struct WorkbookExportTests {
    static let python = Requirement.python(with: "openpyxl")
    static let openpyxlMissing = "python3 on PATH cannot import openpyxl (pip install openpyxl; .ci/run puts it in .build-venv)"

    let scratch: Scratch
    func path(_ name: String) -> String { scratch.url.appendingPathComponent(name).path }

    init() throws { scratch = try Scratch() }

    @Test("export --format xlsx, import it, export realise-xml: byte-identical to the original's export")
    func roundTrip() throws {
        let original = path("a.sqlite"), copy = path("b.sqlite"), book = path("all.xlsx")
        #expect(try RealiseBinary.run(["import", "--db", original, RealiseBinary.samplePlans]).status == 0)
        let exported = try RealiseBinary.run(["export", "--db", original, "--format", "xlsx", "--output", book])
        #expect(exported.status == 0, "\(exported.stderr)")
        let imported = try RealiseBinary.run(["import", "--db", copy, book])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("all.xlsx (xlsx): imported — 6 objectives, 11 benefits, 20 deliverables"))
        let before = try RealiseBinary.run(["export", "--db", original, "--format", "realise-xml"]).stdout
        let after = try RealiseBinary.run(["export", "--db", copy, "--format", "realise-xml"]).stdout
        #expect(!before.isEmpty)
        #expect(after == before)
        // Piped, the workbook goes to standard output: the same bytes as the file.
        let piped = try RealiseBinary.run(["export", "--db", original, "--format", "xlsx"])
        #expect(piped.status == 0)
        #expect(Data(piped.stdout.utf8).count > 1000)
    }

    @Test("--format xlsx without --output on a terminal is a usage error",
          Requirement.needs(Requirement.tool("script") != nil, "script (util-linux) is not on PATH"))
    func terminalIsAUsageError() throws {
        let script = try Requirement.require(Requirement.tool("script"), "script (util-linux) is not on PATH")
        for arguments in [["gaps", RealiseBinary.samplePlans, "--format", "xlsx"], ["export", "--db", path("w.sqlite"), "--format", "xlsx"],
                          ["list", "benefits", "--db", path("w.sqlite"), "--format", "xlsx"]] {
            let command = ([RealiseBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            // script runs the command on a pseudo-terminal and returns its exit status (-e).
            process.arguments = ["-qec", command, "/dev/null"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 64, "\(arguments)")
        }
    }

    @Test("the register template, filled in by another program, imports without a mapping",
          Requirement.needs(WorkbookExportTests.python != nil, openpyxlMissing))
    func template() throws {
        let python = try Requirement.require(Self.python, Self.openpyxlMissing)
        let empty = path("template.xlsx"), filled = path("filled.xlsx")
        let written = try RealiseBinary.run(["template", "register", "--output", empty])
        #expect(written.status == 0, "\(written.stderr)")
        let fill = #"""
        import sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        b = wb["Benefits"]
        assert [dv.formula1 for dv in b.data_validations.dataValidation][0] == '"benefit,dis-benefit"'
        b.append(["BEN-01", "Shorter journeys", "benefit", "societal", "medium", "OBJ-1", "DEL-1", None, "Head of Transport", None, None,
                  datetime.date(2026, 4, 1), "31/03/2029", None, None, "MET-1", "Journey time", "minutes", "decrease", "number",
                  "quarterly", None, None, 58, datetime.date(2024, 3, 31), 52, "31 March 2027"])
        wb["Objectives"].append(["OBJ-1", "Faster buses"])
        wb["Deliverables"].append(["DEL-1", "Bus lanes", "project"] + [None] * 8 + ["amber"])
        wb["Values"].append(["MET-1", datetime.date(2025, 3, 31), 57.5, "measurement"])
        wb.save(sys.argv[2])
        """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", fill, empty, filled]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let imported = try RealiseBinary.run(["import", "--db", path("w.sqlite"), filled])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 objectives, 1 benefits, 1 deliverables (0 milestones), 1 metrics, 1 baselines, 1 targets, 1 measurements, 3 links"))
        #expect(!imported.stdout.contains("is not a register column"))
    }

    static let inspect = #"""
    import sys, json, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {}
    for ws in wb:
        rows = []
        for row in ws.iter_rows():
            rows.append([[c.data_type, str(c.value) if c.value is not None else None, c.number_format] for c in row])
        out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows,
                         "widths": [ws.column_dimensions[k].width for k in sorted(ws.column_dimensions)]}
    print(json.dumps(out))
    """#

    /// What openpyxl sees in the workbook at `file`: per sheet, frozen pane, filter and cells (type, value, format).
    func inspect(_ file: String) throws -> [String: Any] {
        let python = try Requirement.require(Self.python, Self.openpyxlMissing)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.inspect, file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("gaps and list workbooks open in openpyxl with the types intended",
          Requirement.needs(WorkbookExportTests.python != nil, openpyxlMissing))
    func openpyxlReadsWhatIsWritten() throws {
        let gaps = path("gaps.xlsx")
        let result = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--format", "xlsx", "--output", gaps])
        #expect(result.status == 0, "\(result.stderr)")
        let book = try inspect(gaps)
        #expect(book.keys.sorted() == ["Coverage", "Findings", "Summary"])
        let findings = try #require(book["Findings"] as? [String: Any])
        #expect(findings["freeze"] as? String == "A2")
        #expect((findings["filter"] as? String)?.hasPrefix("A1:P") == true)
        let rows = try #require(findings["rows"] as? [[[Any]]])
        #expect(rows[0].map { $0[1] as? String } == ["As of", "Severity", "Rule", "Subject type", "Subject id", "Subject name",
                                                    "Message", "Evidence", "Source path", "Source line", "Title", "What to do",
                                                    "Owner", "Key", "Latest review", "Reviewed on"])
        let first = rows[1]
        #expect(first[0][0] as? String == "d" || (first[0][2] as? String)?.contains("yy") == true, "a real date cell: \(first[0])")
        #expect(first[0][1] as? String == "2025-10-31 00:00:00")
        #expect(first[1][0] as? String == "s")
        #expect(first[9][0] as? String == "n", "the source line is a number")
        #expect(rows.dropFirst().allSatisfy { row in row.allSatisfy { $0[0] as? String != "f" } }, "no formula anywhere")

        let db = path("w.sqlite")
        #expect(try RealiseBinary.run(["import", "--db", db, RealiseBinary.samplePlans]).status == 0)
        let listed = path("metrics.xlsx")
        #expect(try RealiseBinary.run(["list", "metrics", "--db", db, "--format", "xlsx", "--output", listed]).status == 0)
        let metrics = try #require(try inspect(listed)["Metrics"] as? [String: Any])
        let metricRows = try #require(metrics["rows"] as? [[[Any]]])
        #expect(metricRows.count == 11)
        let header = metricRows[0].map { $0[1] as? String }
        let baseline = try #require(header.firstIndex(of: "baseline.value"))
        #expect(metricRows[1][baseline][0] as? String == "n")
    }

    static let libreOfficeMissing = "libreoffice is not on PATH (Debian: libreoffice-calc-nogui; .ci/run installs it)"

    @Test("workbooks open in LibreOffice with the values and types intended",
          Requirement.needs(Requirement.tool("libreoffice") != nil, libreOfficeMissing), .timeLimit(.minutes(5)))
    func libreOfficeReadsWhatIsWritten() throws {
        let libreoffice = try Requirement.require(Requirement.tool("libreoffice"), Self.libreOfficeMissing)
        let plans = scratch.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try "Benefit ID,Description,Realisation start,Metric ID,Baseline,Baseline date\nB1,=1+1,31/03/2027,M1,57.5,2024-03-31\nB2,+44 7700 900123,,,,\n"
            .write(to: plans.appendingPathComponent("register.csv"), atomically: true, encoding: .utf8)
        let db = path("w.sqlite"), book = path("book.xlsx")
        #expect(try RealiseBinary.run(["import", "--db", db, plans.path]).status == 0)
        #expect(try RealiseBinary.run(["export", "--db", db, "--format", "xlsx", "--output", book]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: libreoffice)
        // Every sheet to its own CSV (the filter's last field, -1), in a profile of this test's own.
        process.arguments = ["-env:UserInstallation=file://\(scratch.url.path)/profile", "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                             "--outdir", scratch.url.path, book]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let benefits = try String(contentsOfFile: path("book-Benefits.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(benefits.first?.hasPrefix("Benefit ID,Description,Kind,Class,Confidence,Realisation start") == true)
        #expect(benefits.dropFirst().first?.hasPrefix("B1,=1+1,benefit,,,") == true, "text stays text, never a formula: \(benefits)")
        #expect(benefits.dropFirst(2).first?.hasPrefix("B2,+44 7700 900123,") == true)
        let realisation = benefits.dropFirst().first?.split(separator: ",", omittingEmptySubsequences: false)[5]
        #expect(realisation == "03/31/2027" || realisation == "31/03/2027", "a date cell, shown as a date: \(realisation ?? "")")
        let values = try String(contentsOfFile: path("book-Values.csv"), encoding: .utf8)
        #expect(values.contains("M1,03/31/2024,baseline,57.5") || values.contains("M1,31/03/2024,baseline,57.5"), "\(values)")
    }
}
