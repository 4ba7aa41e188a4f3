import Foundation
import RealiseTestSupport
import Testing

/// A plan version that claims a day still to come — an MS Project status date, or a file time, in 2099 — is in force
/// from the day it was imported, not from its claim: otherwise the newest plan would stay out of every report until
/// then, and today's gaps would be judged on the version before it.
@Suite("a plan version dated in the future is in force from its import day (end to end)")
struct HistoryFutureDateTests {
    let scratch: Scratch
    var db: String { scratch.url.appendingPathComponent("ws.sqlite").path }
    var file: URL { scratch.url.appendingPathComponent("depot.xml") }

    init() throws { scratch = try Scratch() }

    /// Where a version's date comes from.
    enum Dating: String, CaseIterable, Sendable { case statusDate, fileTime }

    /// An MS Project file of one task, baselined to finish on 2026-03-31 and planned to finish on `finish`.
    static func plan(finish: String, header: String) -> String {
        """
        <?xml version="1.0"?>
        <Project xmlns="http://schemas.microsoft.com/project">
        <Title>Depot</Title>\(header)
        <Tasks>
        <Task><UID>1</UID><Name>Depot works</Name><OutlineLevel>1</OutlineLevel><Start>2025-01-06T08:00:00</Start>\
        <Finish>\(finish)T17:00:00</Finish><PercentComplete>10</PercentComplete><Baseline><Number>0</Number>\
        <Start>2025-01-06T08:00:00</Start><Finish>2026-03-31T17:00:00</Finish></Baseline></Task>
        </Tasks>
        </Project>

        """
    }

    /// Writes the version finishing on `finish`, dated `day` by `dating`, and imports it.
    private func importVersion(finish: String, dated day: String, by dating: Dating) throws {
        let header = dating == .statusDate ? "<StatusDate>\(day)T08:00:00</StatusDate>" : ""
        try Self.plan(finish: finish, header: header).write(to: file, atomically: true, encoding: .utf8)
        // A status date outranks the file time: under .statusDate the file time is today's, as written.
        if dating == .fileTime { try FileManager.default.setAttributes([.modificationDate: try HistoryScenario.noon(day)], ofItemAtPath: file.path) }
        let imported = try RealiseBinary.run(["import", file.path, "--db", db], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// Today and yesterday in the binary's pinned time zone (UTC), as ISO days.
    private static func todayAndYesterday() -> (today: String, yesterday: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let now = Date()
        return (formatter.string(from: now), formatter.string(from: now.addingTimeInterval(-86_400)))
    }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        let result = try RealiseBinary.run(arguments + ["--format", "json"], in: scratch.url)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test("a version dated 2099 is the plan from the day it was imported; gaps today are the newest file's", arguments: Dating.allCases)
    func futureVersion(_ dating: Dating) throws {
        try importVersion(finish: "2026-03-31", dated: "2025-06-30", by: dating)
        try importVersion(finish: "2026-09-30", dated: "2099-01-01", by: dating)
        let (today, yesterday) = Self.todayAndYesterday()

        let slip = try run(["diff", "--db", db, "--since", yesterday, "--until", today])
        let changes = try DiffCommandTests.changes(slip)
        // The slip, and the gap it opens against the baseline: nothing else changed.
        #expect(changes.map { "\($0["kind"] ?? "") \(DiffCommandTests.subject($0)) \($0["field"] ?? "")" }.sorted()
                == ["gap-opened Depot:T1 deliverable-slipped", "slipped Depot:T1 plannedFinish"], "\(slip.stdout)")
        let slipped = try #require(changes.first { $0["kind"] as? String == "slipped" })
        #expect(slipped["before"] as? String == "2026-03-31" && slipped["after"] as? String == "2026-09-30")
        let later = try run(["diff", "--db", db, "--since", today, "--until", "2099-06-30"])
        #expect(try DiffCommandTests.changes(later).isEmpty, "nothing more happens on the day it claims: \(later.stdout)")

        let now = try run(["gaps", "--db", db, "--as-of", today]), newest = try run(["gaps", file.path, "--as-of", today])
        #expect(try ReportJSON.items(now, "findings") == ReportJSON.items(newest, "findings"))
        #expect(try ReportJSON.items(now, "findings").contains { $0.contains("\"deliverable-slipped\"") }, "\(now.stdout)")
        let before = try run(["gaps", "--db", db, "--as-of", yesterday])
        #expect(try !ReportJSON.items(before, "findings").contains { $0.contains("\"deliverable-slipped\"") }, "\(before.stdout)")
    }
}
