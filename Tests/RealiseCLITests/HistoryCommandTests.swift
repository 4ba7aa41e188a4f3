import Foundation
import RealiseTestSupport
import Testing

/// The workspace's history end to end: `diff --since/--until` and `gaps --as-of` on a workspace holding two versions
/// of the sample programme judge the plan as it stood on a day, as the files of that day would be judged;
/// `gaps --since` adds the board report's Since section; the options' misuse is refused. See `HistoryScenario`.
@Suite("workspace history: diff --since, gaps --as-of and --since (end to end)")
struct HistoryCommandTests {
    let scenario: HistoryScenario
    var db: String { scenario.folder.appendingPathComponent("ws.sqlite").path }

    init() throws { scenario = try HistoryScenario() }

    @Test("diff --since/--until on the workspace is the diff of the files of those days, plus the lowered target it knows of")
    func diffSinceMatchesTheFiles() throws {
        try scenario.importBoth(into: db)
        let history = try scenario.workspaceDiff(db)
        #expect(history.status == 0, "\(history.stderr)")
        let files = try scenario.run(["diff", "A", "B", "--as-of-old", "2025-11-15", "--as-of-new", "2026-02-15", "--format", "json"])
        #expect(files.status == 0, "\(files.stderr)")
        let object = try ReportJSON.object(history)
        #expect((object["from"] as? [String: Any])?["label"] as? String == "plan on 2025-11-15")
        #expect((object["to"] as? [String: Any])?["label"] as? String == "plan on 2026-02-15")

        let fromHistory = try ReportJSON.items(history, "changes"), fromFiles = try ReportJSON.items(files, "changes")
        #expect(fromFiles.count > 10, "the versions differ in many ways: \(fromFiles.count)")
        #expect(ReportJSON.missing(from: fromHistory, in: fromFiles).isEmpty, "every change between the files is in the history")
        // Only the workspace knows MET-04's target was lowered by a revision of 2026-01-31: a gap opened.
        let extra = ReportJSON.missing(from: fromFiles, in: fromHistory)
        try #require(extra.count == 1, "\(extra)")
        let change = try ReportJSON.parse(extra[0])
        #expect(change["kind"] as? String == "gap-opened" && change["field"] as? String == "target-lowered")
        #expect(DiffCommandTests.subject(change) == "MET-04")
        #expect((change["after"] as? String)?.hasSuffix("(changed on 2026-01-31)") == true, "\(change)")
    }

    @Test("gaps --as-of a past day reports the plan as the old files had it; --as-of after the revision adds the lowered target")
    func gapsAsOfMatchesTheFiles() throws {
        try scenario.importBoth(into: db)
        func gaps(_ arguments: [String]) throws -> RealiseBinary.Result {
            let result = try scenario.run(["gaps"] + arguments + ["--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        let past = try gaps(["--db", db, "--as-of", "2025-11-15"]), oldFiles = try gaps(["A", "--as-of", "2025-11-15"])
        #expect(try ReportJSON.items(past, "findings") == ReportJSON.items(oldFiles, "findings"))
        #expect(try ReportJSON.items(past, "findings").count > 10)
        #expect(try ReportJSON.text(ReportJSON.object(past)["coverage"] ?? []) == ReportJSON.text(ReportJSON.object(oldFiles)["coverage"] ?? []))
        #expect(try ReportJSON.items(past, "findings").allSatisfy { !$0.contains("target-lowered") })

        let now = try gaps(["--db", db, "--as-of", "2026-02-15"]), newFiles = try gaps(["B", "--as-of", "2026-02-15"])
        let findings = try ReportJSON.items(now, "findings"), fileFindings = try ReportJSON.items(newFiles, "findings")
        #expect(ReportJSON.missing(from: findings, in: fileFindings).isEmpty, "every finding of the B files is in the workspace's")
        let extra = ReportJSON.missing(from: fileFindings, in: findings)
        try #require(extra.count == 1, "\(extra)")
        let finding = try ReportJSON.parse(extra[0])
        #expect(finding["rule"] as? String == "target-lowered" && DiffCommandTests.subject(finding) == "MET-04")
        #expect((finding["message"] as? String)?.contains("changed on 2026-01-31") == true, "\(finding)")
    }

    @Test("gaps --since: the Since section comes before the findings and names the slip, the lowered target and the confidence change")
    func gapsSinceSection() throws {
        try scenario.importBoth(into: db)
        let arguments = ["gaps", "--db", db, "--since", "2025-11-15", "--as-of", "2026-02-15", "--format"]
        let markdown = try scenario.run(arguments + ["markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let since = try section(of: markdown.stdout, from: "\n## Since 2025-11-15\n", to: "\n## Findings\n")
        let lines = since.components(separatedBy: "\n")
        func has(_ parts: String...) -> Bool { lines.contains { line in parts.allSatisfy(line.contains) } }
        #expect(has("**DEL-01**", "forecastFinish: 2026-09-30 → 2026-12-18 (79 days later)"), "\(since)")
        #expect(has("**MET-04**", "target: 8000 by 2028-03-31 → 5000 by 2029-03-31"), "\(since)")
        #expect(has("**DEL-01**", "deliveryConfidence: amber → amber-red"), "\(since)")

        let html = try scenario.run(arguments + ["html"])
        #expect(html.status == 0, "\(html.stderr)")
        let part = try section(of: html.stdout, from: "<h2>Since 2025-11-15</h2>", to: "<h2>Findings</h2>")
        #expect(part.contains("<strong>DEL-01</strong>") && part.contains("forecastFinish: 2026-09-30 → 2026-12-18"), "\(part)")
        #expect(part.contains("<strong>MET-04</strong>") && part.contains("target: 8000 by 2028-03-31 → 5000 by 2029-03-31"), "\(part)")
        #expect(part.contains("deliveryConfidence: amber → amber-red"), "\(part)")
    }

    /// The text between `start` and `end`, which must both be there in that order.
    private func section(of text: String, from start: String, to end: String) throws -> Substring {
        let open = try #require(text.range(of: start), "no \(start) in \(text.prefix(2_000))")
        let close = try #require(text.range(of: end, range: open.upperBound..<text.endIndex), "\(end) is not after \(start)")
        return text[open.upperBound..<close.lowerBound]
    }

    @Test("misused --since and --until: exit 64, the option named", arguments: [
        (["diff", "--db", "ws.sqlite", "--until", "2026-02-15"], ["--until", "--since"]),
        (["diff", "A", "B", "--since", "2025-11-15"], ["--since", "OLD NEW"]),
        (["diff", "--db", "ws.sqlite", "--since", "2025-11-15", "--as-of-old", "2025-11-15"], ["--as-of-old"]),
        (["diff", "--db", "ws.sqlite", "--since", "2025-11-15", "--as-of-new", "2026-02-15"], ["--as-of-new"]),
        (["diff", "--db", "ws.sqlite", "--since", "2026-02-15", "--until", "2025-11-15"], ["--since 2026-02-15", "--until 2025-11-15"]),
        (["gaps", "--db", "ws.sqlite", "--since", "2025-11-15", "--as-of", "2026-02-15", "--format", "json"], ["--since", "--format markdown"]),
        (["gaps", "--db", "ws.sqlite", "--since", "2025-11-15", "--as-of", "2026-02-15"], ["--since", "--format markdown"]),
        (["gaps", "A", "--since", "2025-11-15", "--as-of", "2026-02-15", "--format", "markdown"], ["--since", "PATHs"]),
        (["gaps", "--db", "ws.sqlite", "--since", "2026-02-15", "--as-of", "2026-02-15", "--format", "html"], ["--since 2026-02-15", "--as-of"]),
        (["gaps", "--db", "ws.sqlite", "--since", "2026-03-01", "--as-of", "2026-02-15", "--format", "markdown"], ["--since 2026-03-01", "--as-of"]),
    ])
    func misuse(arguments: [String], named: [String]) throws {
        // Refused before any workspace or file is opened: none need exist.
        let result = try scenario.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(named.allSatisfy(result.stderr.contains), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("diff --since gives the same bytes on SQLite and on a fresh PostgreSQL schema",
          Requirement.needs(TestPostgres.url != nil, TestPostgres.missing))
    func bothBackends() throws {
        try scenario.importBoth(into: db)
        let postgres = try TestPostgres.freshWorkspace()
        try scenario.importBoth(into: postgres)
        let onSQLite = try scenario.workspaceDiff(db), onPostgres = try scenario.workspaceDiff(postgres)
        #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(onSQLite.stderr)\(onPostgres.stderr)")
        #expect(try ReportJSON.items(onSQLite, "changes").count > 10)
        #expect(onSQLite.stdout == onPostgres.stdout)
    }
}
