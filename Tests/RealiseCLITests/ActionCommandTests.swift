import Foundation
import RealiseTestSupport
import Testing

@Suite("realise action (end to end)")
struct ActionCommandTests {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments + ["--db", db, "--actor", "Board secretary"], in: folder)
    }

    @Test("add, list, close: the gap report follows an action from agreed to overdue to closed", arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
            let added = try run(["action", "add", "metric-off-trajectory:MET-04", "--owner", "Rural Transport Manager", "--due", "2025-10-15",
                                 "--note", "Replace the two minibuses", "--date", "2025-09-26"])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout == "recorded action #1 on metric-off-trajectory:MET-04: owner Rural Transport Manager, due 2025-10-15\n")
            #expect(try run(["action", "add", "BEN-09", "--owner", "Head of Transport", "--due", "2025-12-31", "--date", "2025-09-26"]).status == 0)

            let before = try run(["gaps", "--as-of", "2025-10-01"]).stdout
            #expect(before.contains("    action #1, owner Rural Transport Manager, due 2025-10-15: Replace the two minibuses\n"))
            #expect(!before.contains("action-overdue:"))
            let after = try run(["gaps", "--as-of", "2025-10-31"]).stdout
            #expect(after.contains("Agreed action overdue [action-overdue:MET-04]: action #1 on metric-off-trajectory:MET-04 was due 2025-10-15 (16 days overdue)"))
            #expect(after.contains("  #1 metric-off-trajectory:MET-04 · owner Rural Transport Manager · due 2025-10-15 · overdue by 16 days; finding still open\n"))

            let overdue = try run(["action", "list", "--overdue", "--as-of", "2025-10-31", "--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(overdue.stdout.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["id"] as? Int } == [1])
            #expect(rows.first?["status"] as? String == "overdue" && rows.first?["daysOverdue"] as? Int == 16)
            #expect((rows.first?["opened"] as? [String: Any])?["by"] as? String == "Board secretary")

            let closed = try run(["action", "close", "1", "--note", "Two new minibuses in service", "--date", "2025-10-20"])
            #expect(closed.status == 0, "\(closed.stderr)")
            let report = try run(["gaps", "--as-of", "2025-10-31", "--format", "json"]).stdout
            let json = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
            let actions = try #require(json["actions"] as? [String: [[String: Any]]])
            #expect(actions["open"]?.map { $0["id"] as? Int } == [2])
            #expect(actions["open"]?.first?["findings"] as? Int == 1)
            #expect(actions["closedSinceReview"]?.map { $0["id"] as? Int } == [1])
            #expect(!report.contains("action-overdue"))
            #expect(try run(["action", "list", "--open", "--as-of", "2025-10-31"]).stdout.contains("2   open"))
            #expect(try run(["log", "--format", "json"]).stdout.contains("action #1 on metric-off-trajectory:MET-04 closed: Two new minibuses in service"))
        }
    }

    @Test("review run's gap report is the gap report, agreed actions included", arguments: TestBackend.available)
    func reviewRunActions(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
            #expect(try run(["action", "add", "metric-off-trajectory:MET-04", "--owner", "Rural Transport Manager", "--due", "2025-10-15",
                             "--date", "2025-09-26"]).status == 0)
            let out = folder.appendingPathComponent("reports").path
            #expect([0, 1].contains(try run(["review", "run", "--as-of", "2025-10-31", "--out", out]).status))
            let written = try String(contentsOfFile: out + "/gaps-2025-10-31.json", encoding: .utf8)
            #expect(written.contains("action-overdue:MET-04"))
            #expect(written == (try run(["gaps", "--as-of", "2025-10-31", "--format", "json"]).stdout))
        }
    }

    @Test("mistakes are refused with what to do, and nothing is written")
    func refusals() throws {
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let cases: [([String], Int32, String)] = [
            (["action", "add", "missing-ownr:MET-04", "--owner", "Jo", "--due", "2027-01-01"], 64, "unknown rule 'missing-ownr'"),
            (["action", "add", "BEN-99", "--owner", "Jo", "--due", "2027-01-01"], 65, "no entity with id 'BEN-99'"),
            (["action", "add", "BEN-04", "--owner", "Jo", "--due", "2025-01-01", "--date", "2025-02-01"], 64,
             "--due 2025-01-01 is before the day the action was agreed (2025-02-01)"),
            (["action", "add", "BEN-04", "--owner", "Jo", "--due", "31/12/2025"], 64, "--due '31/12/2025' is not a date"),
            (["action", "close", "7", "--note", "done"], 65, "no action #7; `realise action list` shows"),
            (["action", "close", "0", "--note", "done"], 64, "the action number must be positive"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try run(["action", "list", "--format", "json"]).stdout == "[]\n", "no action was written")
    }
}
