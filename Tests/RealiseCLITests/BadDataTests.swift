import Foundation
import RealiseTestSupport
import Testing

/// Bad data in every format (register CSV, GMPP CSV, results CSV, MSPDI, IATI, realise-xml), imported with the
/// `realise` binary into a workspace holding the sample programme: invalid dates, text where numbers belong,
/// duplicate ids in a file, across files and against the workspace, links to ids that do not exist, absurdly long
/// fields (a 10 MB cell, a 1 MB name) and unknown vocabulary. Each is either refused whole (exit 65, every
/// error `path:line:`, the workspace exactly as before) or, where the format's rules make it a warning,
/// imported completely with the warning at `path:line:`. Never a crash, never part of a file.
@Suite("bad data (end to end)")
struct BadDataTests {
    /// One bad input: the files to write (relative path → content, built when the case runs), what to import,
    /// and where the error or warning must point.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let files: @Sendable () -> [String: String]
        /// The paths to import, relative to the case's folder (default: every file, sorted).
        var imports: [String]? = nil
        /// The file and line the message names, and a piece of its text.
        let file: String
        let line: Int
        let says: String
        /// For a warning: ids that must be in the workspace afterwards (the whole file was imported).
        var ids: [String] = []

        var testDescription: String { name }
    }

    // MARK: Builders of small valid files, with the pieces a case replaces

    static let tenMB = 10 * 1024 * 1024, oneMB = 1024 * 1024

    static let registerHeader = "Benefit ID,Description,Benefit Owner,Objectives,Realisation Start,Metric ID,Direction,"
        + "Baseline Value,Baseline Date,Target Value,Target Date\n"
    static let registerRow = "BX-1,Faster buses,Owner,,2026-01-01,MX-1,increase,10,2024-01-01,20,2027-01-01"
    static func register(_ rows: String...) -> String { registerHeader + rows.map { $0 + "\n" }.joined() }

    static let gmppHeader = "GMPP ID Number,Project Name,Department,Description / Aims,IPA Delivery Confidence Assessment,"
        + "Start Date,End Date,Whole Life Cost (£million)\n"
    static let gmppRow = "G-1,Road scheme,DfT,Build a road,Amber,2020-01-01,2025-01-01,£100"
    static func gmpp(_ rows: String...) -> String { gmppHeader + rows.map { $0 + "\n" }.joined() }

    static let resultsTables = [
        "activities.csv": "activity_identifier,title,activity_status,planned_start_date,planned_end_date\nXR-1,Roads,2,2019-01-01,2023-12-31\n",
        "results.csv": "activity_identifier,result_ref,result_type,title\nXR-1,r1,2,Farmers reach markets\n",
        "indicators.csv": "activity_identifier,result_ref,indicator_ref,indicator_measure,ascending,title,baseline_year,"
            + "baseline_iso_date,baseline_value\nXR-1,r1,i1,1,1,Hours,2019,2019-01-31,5\n",
        "indicator_periods.csv": "activity_identifier,result_ref,indicator_ref,period_end,target_value,actual_value\n"
            + "XR-1,r1,i1,2020-12-31,4,4.5\n",
    ]
    /// The results tables in `folder/`, with some tables' text edited.
    static func results(_ folder: String = "results", _ edits: [String: (String) -> String] = [:]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: resultsTables.map { name, text in ("\(folder)/\(name)", edits[name]?(text) ?? text) })
    }

    /// An MS Project file: task UID 1 on line 5, task 2 on line 6.
    static func mspdi(name: String = "One", start: String = "2025-01-01T08:00:00", percent: String = "0", extra: String = "",
                      secondUID: String = "2", secondExtra: String = "") -> String {
        """
        <?xml version="1.0"?>
        <Project xmlns="http://schemas.microsoft.com/project">
        <Title>Bad</Title>
        <Tasks>
        <Task><UID>1</UID><Name>\(name)</Name><OutlineLevel>1</OutlineLevel><Start>\(start)</Start><Finish>2025-02-01T17:00:00</Finish><PercentComplete>\(percent)</PercentComplete>\(extra)</Task>
        <Task><UID>\(secondUID)</UID><Name>Two</Name><OutlineLevel>1</OutlineLevel><Start>2025-01-01T08:00:00</Start><Finish>2025-02-01T17:00:00</Finish>\(secondExtra)</Task>
        </Tasks>
        </Project>

        """
    }

    /// An IATI file: activity XI-1 on line 3 (title line 5, date line 6, related line 7, result line 8, baseline
    /// line 12), XI-2 on line 17.
    static func iati(first: String = "XI-1", title: String = "First", date: String = "2019-01-01", related: String = "",
                     resultType: String = "2", measure: String = "1", baseline: String = "5", second: String = "XI-2") -> String {
        """
        <?xml version="1.0"?>
        <iati-activities version="2.03">
        <iati-activity>
        <iati-identifier>\(first)</iati-identifier>
        <title><narrative>\(title)</narrative></title>
        <activity-date type="1" iso-date="\(date)"/>
        \(related)
        <result type="\(resultType)">
        <title><narrative>Outcome</narrative></title>
        <indicator measure="\(measure)" ascending="1">
        <title><narrative>Ind</narrative></title>
        <baseline year="2019" iso-date="2019-01-01" value="\(baseline)"/>
        <period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><target value="10"/><actual value="8"/></period>
        </indicator>
        </result>
        </iati-activity>
        <iati-activity>
        <iati-identifier>\(second)</iati-identifier>
        <title><narrative>Second</narrative></title>
        </iati-activity>
        </iati-activities>

        """
    }

    /// A Realise plan: objective line 3, benefit line 4, metric line 5, anything extra line 6.
    static func plan(objective: String = "OR-1", statement: String = "Statement", kind: String = "benefit", ref: String = "OR-1",
                     date: String = "2024-01-01", value: String = "10", extra: String = "") -> String {
        """
        <?xml version="1.0"?>
        <plan xmlns="urn:realise:plan:1">
          <objective id="\(objective)"><statement>\(statement)</statement></objective>
          <benefit id="BR-1" kind="\(kind)"><description>Faster</description><contributes-to ref="\(ref)"/></benefit>
          <metric id="MR-1"><name>m</name><measures ref="BR-1"/><baseline date="\(date)" value="\(value)"/></metric>
          \(extra)
        </plan>

        """
    }

    // MARK: The cases

    static let refused: [Case] = [
        // register-csv
        Case(name: "register-csv: invalid date", files: { ["r.csv": register(registerRow, "BX-2,d,o,,2026-02-30,,,,,,")] },
             file: "r.csv", line: 3, says: "'2026-02-30' is not a real date"),
        Case(name: "register-csv: unknown enum value", files: { ["r.csv": register(registerRow, "BX-2,d,o,,,MX-2,sideways,,,,")] },
             file: "r.csv", line: 3, says: "'sideways' is not one of"),
        Case(name: "register-csv: duplicate id within a file",
             files: { ["r.csv": register(registerRow, registerRow.replacingOccurrences(of: "MX-1", with: "MX-9"))] },
             file: "r.csv", line: 3, says: "duplicate id 'BX-1'"),
        Case(name: "register-csv: duplicate id across files",
             files: { ["a.csv": register(registerRow), "b.csv": register(registerRow.replacingOccurrences(of: "MX-1", with: "MX-9"))] },
             file: "b.csv", line: 2, says: "duplicate id 'BX-1'"),
        Case(name: "register-csv: duplicate id against the workspace", files: { ["r.csv": register("BEN-01,dup,o,,,,,,,,")] },
             file: "r.csv", line: 2, says: "already has a benefit 'BEN-01'"),
        Case(name: "register-csv: link to an id that does not exist",
             files: { ["r.csv": register(registerRow.replacingOccurrences(of: ",Owner,,", with: ",Owner,OBJ-NOPE,"))] },
             file: "r.csv", line: 2, says: "'OBJ-NOPE' does not exist"),
        Case(name: "register-csv: a 10 MB cell", files: { ["r.csv": register(registerRow, "BX-2," + String(repeating: "x", count: tenMB) + ",o,,,,,,,,")] },
             file: "r.csv", line: 3, says: "characters long"),
        Case(name: "register-csv: a 1 MB name", files: { ["r.csv": register(registerRow, "BX-2,d," + String(repeating: "n", count: oneMB) + ",,,,,,,,")] },
             file: "r.csv", line: 3, says: "characters long"),
        // gmpp-csv (unreadable values are warnings; ids clash across files)
        Case(name: "gmpp-csv: duplicate id across files", files: { ["a.csv": gmpp(gmppRow), "b.csv": gmpp(gmppRow)] },
             file: "b.csv", line: 2, says: "duplicate id 'G-1'"),
        Case(name: "gmpp-csv: a 10 MB cell",
             files: { ["g.csv": gmpp(gmppRow, "G-2,Rail,DfT," + String(repeating: "x", count: tenMB) + ",Green,2020-01-01,2025-01-01,£1")] },
             file: "g.csv", line: 3, says: "characters long"),
        Case(name: "gmpp-csv: a 1 MB name",
             files: { ["g.csv": gmpp(gmppRow, "G-2," + String(repeating: "n", count: oneMB) + ",DfT,x,Green,2020-01-01,2025-01-01,£1")] },
             file: "g.csv", line: 3, says: "characters long"),
        // results-csv
        Case(name: "results-csv: duplicate id across folders", files: { results("a").merging(results("b")) { first, _ in first } },
             imports: ["a", "b"], file: "b/activities.csv", line: 2, says: "duplicate id 'XR-1'"),
        Case(name: "results-csv: a 10 MB cell",
             files: { results("results", ["activities.csv": { $0 + "XR-2," + String(repeating: "x", count: tenMB) + ",2,2019-01-01,2023-12-31\n" }]) },
             imports: ["results"], file: "results/activities.csv", line: 3, says: "characters long"),
        Case(name: "results-csv: a 1 MB name",
             files: { results("results", ["results.csv": { $0 + "XR-1,r2,2," + String(repeating: "n", count: oneMB) + "\n" }]) },
             imports: ["results"], file: "results/results.csv", line: 3, says: "characters long"),
        // mspdi (unreadable values, repeated UIDs and dangling predecessors are warnings)
        Case(name: "mspdi: duplicate id across files", files: { ["a.xml": mspdi(), "b.xml": mspdi()] },
             file: "b.xml", line: 5, says: "duplicate id 'Bad:T1'"),
        Case(name: "mspdi: a 10 MB note", files: { ["m.xml": mspdi(extra: "<Notes>" + String(repeating: "x", count: tenMB) + "</Notes>")] },
             file: "m.xml", line: 5, says: "longer than the XML parser allows"),
        Case(name: "mspdi: a 1 MB name", files: { ["m.xml": mspdi(name: String(repeating: "n", count: oneMB))] },
             file: "m.xml", line: 5, says: "the text of <Name> is 1048576 characters long"),
        // iati
        Case(name: "iati: duplicate id within a file", files: { ["i.xml": iati(second: "XI-1")] },
             file: "i.xml", line: 17, says: "duplicate id 'XI-1'"),
        Case(name: "iati: duplicate id across files", files: { ["a.xml": iati(), "b.xml": iati()] },
             file: "b.xml", line: 3, says: "duplicate id 'XI-1'"),
        Case(name: "iati: a 10 MB title", files: { ["i.xml": iati(title: String(repeating: "x", count: tenMB))] },
             file: "i.xml", line: 5, says: "longer than the XML parser allows"),
        Case(name: "iati: a 1 MB title", files: { ["i.xml": iati(title: String(repeating: "n", count: oneMB))] },
             file: "i.xml", line: 5, says: "characters long"),
        // realise-xml
        Case(name: "realise-xml: invalid date", files: { ["p.xml": plan(date: "2024-02-30")] },
             file: "p.xml", line: 5, says: "'2024-02-30' is not a valid value"),
        Case(name: "realise-xml: unknown enum value", files: { ["p.xml": plan(kind: "windfall")] },
             file: "p.xml", line: 4, says: "'windfall' is not an element of the set"),
        Case(name: "realise-xml: duplicate id within a file",
             files: { ["p.xml": plan(extra: "<objective id=\"OR-1\"><statement>again</statement></objective>")] },
             file: "p.xml", line: 6, says: "duplicate id 'OR-1'"),
        Case(name: "realise-xml: duplicate id across files", files: { ["a.xml": plan(), "b.xml": plan()] },
             file: "b.xml", line: 3, says: "duplicate id 'OR-1'"),
        Case(name: "realise-xml: link to an id that does not exist", files: { ["p.xml": plan(ref: "OR-NOPE")] },
             file: "p.xml", line: 4, says: "'OR-NOPE' does not exist"),
        Case(name: "realise-xml: a 10 MB statement", files: { ["p.xml": plan(statement: String(repeating: "x", count: tenMB))] },
             file: "p.xml", line: 3, says: "longer than the XML parser allows"),
        Case(name: "realise-xml: a 1 MB statement", files: { ["p.xml": plan(statement: String(repeating: "n", count: oneMB))] },
             file: "p.xml", line: 3, says: "characters long"),
    ]

    static let warned: [Case] = [
        Case(name: "register-csv: text where a number belongs",
             files: { ["r.csv": register(registerRow, "BX-2,d,o,,,MX-2,increase,ten,2024-01-01,20,2027-01-01")] },
             file: "r.csv", line: 3, says: "'ten' is not a number", ids: ["BX-1", "BX-2", "MX-2"]),
        Case(name: "gmpp-csv: invalid date", files: { ["g.csv": gmpp(gmppRow, "G-2,Rail,DfT,x,Green,31/02/2020,2025-01-01,£1")] },
             file: "g.csv", line: 3, says: "'31/02/2020' is not a date", ids: ["G-1", "G-2"]),
        Case(name: "gmpp-csv: text where a number belongs", files: { ["g.csv": gmpp(gmppRow, "G-2,Rail,DfT,x,Green,2020-01-01,2025-01-01,lots")] },
             file: "g.csv", line: 3, says: "'lots' is not an amount", ids: ["G-1", "G-2"]),
        Case(name: "gmpp-csv: duplicate id within a file", files: { ["g.csv": gmpp(gmppRow, gmppRow, "G-3,Rail,DfT,x,Green,,,")] },
             file: "g.csv", line: 3, says: "GMPP ID 'G-1' appears again", ids: ["G-1", "G-3"]),
        Case(name: "gmpp-csv: unknown enum value", files: { ["g.csv": gmpp(gmppRow, "G-2,Rail,DfT,x,Purple,2020-01-01,2025-01-01,£1")] },
             file: "g.csv", line: 3, says: "'Purple' is not a Delivery Confidence Assessment", ids: ["G-1", "G-2"]),
        Case(name: "results-csv: invalid date",
             files: { results("results", ["indicator_periods.csv": { $0.replacingOccurrences(of: "2020-12-31", with: "2020-13-45") }]) },
             imports: ["results"], file: "results/indicator_periods.csv", line: 2, says: "'2020-13-45' is not a date", ids: ["XR-1", "XR-1#r1#i1"]),
        Case(name: "results-csv: text where a number belongs",
             files: { results("results", ["indicator_periods.csv": { $0.replacingOccurrences(of: ",4,4.5", with: ",four,4.5") }]) },
             imports: ["results"], file: "results/indicator_periods.csv", line: 2, says: "'four', not a number", ids: ["XR-1#r1#i1"]),
        Case(name: "results-csv: duplicate id within a table",
             files: { results("results", ["activities.csv": { $0 + "XR-1,Roads again,2,2019-01-01,2023-12-31\n" }]) },
             imports: ["results"], file: "results/activities.csv", line: 3, says: "'XR-1' is already defined at line 2", ids: ["XR-1"]),
        Case(name: "results-csv: a period of an indicator that does not exist",
             files: { results("results", ["indicator_periods.csv": { $0 + "XR-1,r1,i9,2020-12-31,4,4.5\n" }]) },
             imports: ["results"], file: "results/indicator_periods.csv", line: 3, says: "not in the indicators table", ids: ["XR-1#r1#i1"]),
        Case(name: "results-csv: unknown enum values",
             files: { results("results", ["results.csv": { $0.replacingOccurrences(of: ",2,Farmers", with: ",7,Farmers") }]) },
             imports: ["results"], file: "results/results.csv", line: 2, says: "type '7'", ids: ["XR-1#r1"]),
        Case(name: "mspdi: invalid date", files: { ["m.xml": mspdi(start: "2025-02-30T08:00:00")] },
             file: "m.xml", line: 5, says: "'2025-02-30T08:00:00' is not a date", ids: ["Bad:T1", "Bad:T2"]),
        Case(name: "mspdi: text where a number belongs", files: { ["m.xml": mspdi(percent: "lots")] },
             file: "m.xml", line: 5, says: "'lots' is not a number", ids: ["Bad:T1", "Bad:T2"]),
        Case(name: "mspdi: duplicate UID within a file", files: { ["m.xml": mspdi(secondUID: "1")] },
             file: "m.xml", line: 6, says: "a second task with UID 1", ids: ["Bad:T1"]),
        Case(name: "mspdi: a predecessor that does not exist",
             files: { ["m.xml": mspdi(secondExtra: "<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>")] },
             file: "m.xml", line: 6, says: "UID 99, which is not in the file", ids: ["Bad:T1", "Bad:T2"]),
        Case(name: "mspdi: unknown enum value",
             files: { ["m.xml": mspdi(secondExtra: "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>9</Type></PredecessorLink>")] },
             file: "m.xml", line: 6, says: "link Type '9' is not 0–3", ids: ["Bad:T1", "Bad:T2"]),
        Case(name: "iati: invalid date", files: { ["i.xml": iati(date: "2019-02-30")] },
             file: "i.xml", line: 6, says: "'2019-02-30' is not a date", ids: ["XI-1", "XI-2"]),
        Case(name: "iati: text where a number belongs", files: { ["i.xml": iati(baseline: "lots")] },
             file: "i.xml", line: 12, says: "'lots', not a number", ids: ["XI-1", "XI-2", "XI-1#R1#I1"]),
        Case(name: "iati: a parent that does not exist", files: { ["i.xml": iati(related: "<related-activity ref=\"XI-NOPE\" type=\"1\"/>")] },
             file: "i.xml", line: 7, says: "'XI-NOPE'", ids: ["XI-1", "XI-2"]),
        Case(name: "iati: unknown enum values", files: { ["i.xml": iati(resultType: "7", measure: "9")] },
             file: "i.xml", line: 8, says: "type '7'", ids: ["XI-1", "XI-1#R1"]),
        Case(name: "realise-xml: text where a number belongs", files: { ["p.xml": plan(value: "ten")] },
             file: "p.xml", line: 5, says: "'ten' is not a number", ids: ["OR-1", "BR-1", "MR-1"]),
    ]

    // MARK: Running a case

    private struct Workspace {
        let scratch: Scratch
        var folder: URL { scratch.url }
        var db: String { folder.appendingPathComponent("w.sqlite").path }

        init() throws {
            scratch = try Scratch()
            let result = try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db])
            #expect(result.status == 0, "\(result.stderr)")
        }

        /// The workspace as a user can read it back.
        func snapshot() throws -> String {
            try RealiseBinary.run(["export", "--format", "json", "--db", db]).stdout
                + RealiseBinary.run(["list", "imports", "--format", "json", "--db", db]).stdout
        }

        /// Writes the case's files and imports them.
        func importing(_ item: Case) throws -> RealiseBinary.Result {
            let files = item.files()
            for (name, text) in files {
                let url = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let paths = (item.imports ?? files.keys.sorted()).map { folder.appendingPathComponent($0).path }
            return try RealiseBinary.run(["import"] + paths + ["--db", db])
        }
    }

    /// The lines of `output` that point at `path:line:` and say `text`.
    private static func lines(in output: String, at path: String, line: Int, saying text: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.contains("\(path):\(line):") && $0.contains(text) }
    }

    @Test("bad data that breaks a format's rules is refused whole: exit 65, every error at path:line, the workspace unchanged",
          arguments: refused)
    func refusedWhole(item: Case) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let before = try workspace.snapshot()
        let result = try workspace.importing(item)
        let path = workspace.folder.appendingPathComponent(item.file).path
        #expect(result.status == 65, "\(result.stderr.prefix(2000))")
        #expect(result.stdout.isEmpty, "no summary of a refused import: \(result.stdout.prefix(500))")
        let errors = result.stderr.split(separator: "\n")
        #expect(!errors.isEmpty && errors.allSatisfy { $0.hasPrefix("realise: error: \(workspace.folder.path)/") },
                "every line an error naming its file: \(result.stderr.prefix(2000))")
        #expect(!Self.lines(in: result.stderr, at: path, line: item.line, saying: item.says).isEmpty,
                "expected \(item.file):\(item.line): …\(item.says)…, got \(result.stderr.prefix(2000))")
        #expect(result.stderr.count < 10_000, "messages quote a few characters of a value, never a whole field")
        #expect(try workspace.snapshot() == before)
    }

    @Test("messy data a format accepts is imported completely, with a warning at path:line", arguments: warned, TestBackend.available)
    func importedWithWarning(item: Case, backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let workspace = try Workspace()
            defer { try? FileManager.default.removeItem(at: workspace.folder) }
            let result = try workspace.importing(item)
            let path = workspace.folder.appendingPathComponent(item.file).path
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!Self.lines(in: result.stdout + result.stderr, at: path, line: item.line, saying: item.says).isEmpty,
                    "expected a warning \(item.file):\(item.line): …\(item.says)…, got \(result.stdout)\(result.stderr)")
            let exported = try RealiseBinary.run(["export", "--format", "json", "--db", workspace.db]).stdout
            for id in item.ids {
                #expect(exported.contains("\"\(id)\""), "\(id) is in the workspace")
            }
            // Imported once and whole: the same files again change nothing.
            let again = try workspace.importing(item)
            #expect(again.status == 0 && again.stdout.contains("unchanged"), "\(again.stdout)")
        }
    }
}
