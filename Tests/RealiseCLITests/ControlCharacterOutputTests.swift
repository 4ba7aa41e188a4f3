import Foundation
import Testing

/// A crafted file name, ids and plan text holding line breaks, escape sequences and bidirectional overrides
/// must never reach a terminal raw: every output path of the CLI, in every format, is checked.
@Suite("control characters never reach the terminal raw (real processes)", .serialized)
final class ControlCharacterOutputTests {
    /// The outputs' kinds, by the rules they escape by.
    enum Kind { case text, csv, json, html, calendar }

    static let evilName = "evil\nrealise: ok: forged\u{1B}[31m.csv"
    static let register = """
        Benefit ID,Description,Benefit Owner,Metric ID,Unit,Baseline Value,Baseline Date,Target Value,Target Date
        BEN-1,"Bus\u{1B}[2J journeys
        realise: ok: forged line\u{202E}",Owner\u{7}\u{9B}31m,MET-1,count,10,2024-01-01,20,2027-01-01

        """
    let scratch: Scratch
    var folder: URL { scratch.url }
    let plans: URL
    let db = "w.sqlite"

    init() throws {
        scratch = try Scratch()
        plans = scratch.url.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try Self.register.write(to: plans.appendingPathComponent(Self.evilName), atomically: true, encoding: .utf8)
    }

    /// Runs realise (UTC, no colour) and checks both streams; returns standard output.
    @discardableResult
    func run(_ arguments: [String], _ kind: Kind = .text, status: Int32 = 0, shows visible: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        // Run in the scratch folder with relative paths, so that paths are short enough not to be clipped.
        let result = try RealiseBinary.run(arguments, in: folder, environment: ["TZ": "UTC", "NO_COLOR": "1"], timeout: 120)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        Self.check(result.stdout, kind, "stdout of \(arguments)", sourceLocation: sourceLocation)
        Self.check(result.stderr, .text, "stderr of \(arguments)", sourceLocation: sourceLocation)
        if let visible {
            // iCalendar lines are folded at 75 octets: unfolded before looking.
            let both = (result.stdout + result.stderr).replacingOccurrences(of: "\r\n ", with: "")
            #expect(both.contains(visible), "\(arguments) does not show \(visible.debugDescription): \(both.debugDescription.prefix(2000))",
                    sourceLocation: sourceLocation)
        }
        return result.stdout
    }

    /// No control character but those the format's own rules carry, and no forged line.
    static func check(_ output: String, _ kind: Kind, _ what: String, sourceLocation: SourceLocation) {
        let allowed: Set<Unicode.Scalar> = switch kind {
        case .text, .json: ["\n"]
        case .csv, .calendar: ["\n", "\r"]
        case .html: ["\n", "\r", "\t"]
        }
        let raw = output.unicodeScalars.filter { isControl($0) && !allowed.contains($0) }
        #expect(raw.isEmpty, "\(what) holds raw \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        switch kind {
        case .csv:
            // A line break is CSV's only inside a quoted cell; records end with CR LF.
            var quoted = false, previous: Character = " "
            for character in output {
                if character == "\"" { quoted.toggle() }
                #expect(quoted || character != "\n" || previous == "\r", "\(what): a bare line break outside quotes",
                        sourceLocation: sourceLocation)
                previous = character
            }
        case .calendar:
            #expect(!output.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(what): a bare line break",
                    sourceLocation: sourceLocation)
        case .json:
            #expect((try? JSONSerialization.jsonObject(with: Data(output.utf8))) != nil, "\(what) is not JSON", sourceLocation: sourceLocation)
        case .html:
            break  // line breaks are white space in HTML, and the escape sequences are made visible
        case .text:
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("realise: ok") }, "\(what): a forged line",
                    sourceLocation: sourceLocation)
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    @Test("import, validate, list, show: every format")
    func browsing() throws {
        let shownName = #"evil\nrealise: ok: forged\u{1B}[31m.csv"#
        try run(["import", "plans", "--db", db], shows: shownName)
        try run(["import", "plans", "--db", "j.sqlite", "--format", "json"], .json, shows: #"\u001b[31m"#)
        try run(["validate", "plans"], shows: shownName)
        try run(["list", "imports", "--db", db], shows: #"forged\u{1B}[31m"#)
        try run(["list", "imports", "--format", "csv", "--db", db], .csv, shows: #"forged\u{1B}[31m"#)
        try run(["list", "imports", "--format", "json", "--db", db], .json, shows: #"\u001b[31m"#)
        try run(["list", "benefits", "--db", db], shows: #"Bus\u{1B}[2J journeys realise: ok: forged line\u{202E}"#)
        try run(["list", "benefits", "--format", "csv", "--db", db], .csv, shows: #"Owner\u{7}\u{9B}31m"#)
        try run(["list", "benefits", "--format", "json", "--db", db], .json, shows: #"Owner\u0007\u009b31m"#)
        try run(["show", "BEN-1", "--db", db], shows: #"journeys\nrealise: ok: forged line\u{202E}"#)
        // Export: JSON by its rule; XML, which cannot hold C0 controls at all, stays well-formed and re-imports.
        try run(["export", "--format", "json", "--db", db], .json, shows: #"Bus\u001b[2J"#)
        try run(["export", "--format", "realise-xml", "--output", "all.xml", "--db", db])
        let exported = try String(contentsOf: folder.appendingPathComponent("all.xml"), encoding: .utf8)
        #expect(exported.contains(#"Bus\u{1B}[2J journeys"#) && !exported.unicodeScalars.contains("\u{1B}"))
        try run(["import", "all.xml", "--db", "again.sqlite"])
    }

    @Test("gaps in every format and the maps")
    func reports() throws {
        try run(["import", "plans", "--db", db])
        let asOf = ["--as-of", "2026-01-01", "--db", db]
        try run(["gaps", "--format", "text"] + asOf, shows: #"at evil\nrealise: ok: forged\u{1B}[31m.csv:2"#)
        try run(["gaps", "--format", "markdown"] + asOf, shows: #"forged\\u{1B}\[31m.csv"#)
        try run(["gaps", "--format", "csv"] + asOf, .csv, shows: #"forged\u{1B}[31m.csv"#)
        try run(["gaps", "--format", "json"] + asOf, .json, shows: #"forged\u001b[31m.csv"#)
        try run(["gaps", "--format", "html"] + asOf, .html, shows: #"Bus\u{1B}[2J journeys"#)
        try run(["map", "--format", "mermaid"] + asOf, shows: #"Bus\u{1B}[2J journeys"#)
        try run(["map", "--format", "dot"] + asOf, shows: #"Bus\\u{1B}[2J journeys"#)
    }

    @Test("reviews: schedule, record, list, due, history, calendar; the change log")
    func reviews() throws {
        try run(["import", "plans", "--db", db])
        let reviewer = "Reviewer\u{1B}[5m\nrealise: ok: forged"
        try run(["review", "schedule", "BEN-1", "--every", "FREQ=MONTHLY", "--from", "2025-01-01", "--reviewer", reviewer, "--db", db])
        try run(["review", "record", "BEN-1", "--rag", "red", "--date", "2025-02-01", "--note", "late\u{1B}[2K\u{202E}", "--db", db])
        try run(["review", "list", "--db", db], shows: #"Reviewer\u{1B}[5m realise: ok: forged"#)
        try run(["review", "list", "--format", "csv", "--db", db], .csv, shows: #"Reviewer\u{1B}[5m"#)
        try run(["review", "due", "--as-of", "2026-01-01", "--db", db], shows: #"Reviewer\u{1B}[5m"#)
        try run(["review", "due", "--as-of", "2026-01-01", "--format", "json", "--db", db], .json, shows: #"Reviewer\u001b[5m\nrealise"#)
        try run(["review", "history", "BEN-1", "--db", db], shows: #"late\u{1B}[2K\u{202E}"#)
        try run(["show", "BEN-1", "--db", db], shows: #"reviewer Reviewer\u{1B}[5m\nrealise: ok: forged, next due"#)
        try run(["log", "--db", db], shows: "review schedule #1: FREQ=MONTHLY")
        try run(["log", "--format", "json", "--db", db], .json, shows: #"reviewer Reviewer\u001b[5m\nrealise: ok"#)
        try run(["review", "calendar", "--as-of", "2026-01-01", "--db", db], .calendar, shows: #"Reviewer: Reviewer\\u{1B}[5m\nrealise: ok: forged"#)
    }

    @Test("errors and warnings: a broken file and a named pipe with crafted names")
    func errors() throws {
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try "Benefit ID,Description\n,no id here\n".write(to: bad.appendingPathComponent("bad\n\u{1B}]0;title\u{7}.csv"),
                                                          atomically: true, encoding: .utf8)
        try run(["import", "bad", "--db", db], status: 65, shows: #"bad\n\u{1B}]0;title\u{7}.csv:2"#)
        let piped = folder.appendingPathComponent("piped")
        try FileManager.default.createDirectory(at: piped, withIntermediateDirectories: true)
        try Self.register.write(to: piped.appendingPathComponent("register.csv"), atomically: true, encoding: .utf8)
        #expect(mkfifo(piped.appendingPathComponent("pipe\n\u{1B}[1m.csv").path, 0o644) == 0)
        try run(["import", "piped", "--db", db], shows: #"pipe\n\u{1B}[1m.csv:0:0: skipped: a named pipe"#)
        try run(["show", "NO\u{1B}[31mSUCH", "--db", db], status: 65, shows: #"NO\u{1B}[31mSUCH"#)
    }
}
