import Foundation
import RealiseTestSupport
import Testing

/// `realise log` and `--actor`: who changed what, from the command line.
@Suite("log: the change log (real processes)")
struct LogCommandTests {
    @Test("--actor, else $REALISE_ACTOR, is recorded for each change; log lists them newest first in every format", arguments: TestBackend.available)
    func actors(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let scratch = try Scratch(), folder = scratch.url
            defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not after its last use
            let db = folder.appendingPathComponent("w.sqlite").path
            let env = ["TZ": "UTC", "REALISE_ACTOR": "PMO analyst"]
            #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db], environment: env).status == 0)
            #expect(try RealiseBinary.run(["measure", "MET-04", "1400", "--date", "2025-12-31", "--db", db, "--actor", "Ann Smith"],
                                          environment: env).status == 0)
            #expect(try RealiseBinary.run(["measure", "MET-04", "1500", "--date", "2025-12-31", "--db", db], environment: env).status == 0)
            let json = try RealiseBinary.run(["log", "--db", db, "--format", "json"], environment: env)
            #expect(json.status == 0, "\(json.stderr)")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["measure", "measure", "import", "import", "import"])
            #expect(entries.map { $0["actor"] as? String } == ["PMO analyst", "Ann Smith", "PMO analyst", "PMO analyst", "PMO analyst"])
            #expect(entries.first?["summary"] as? String == "MET-04 = 1500 on 2025-12-31 (was 1400)")
            #expect(Set(entries.flatMap { $0.keys }) == ["id", "at", "actor", "action", "subject", "summary"])
            let table = try RealiseBinary.run(["log", "--db", db, "--limit", "1"], environment: env)
            #expect(table.stdout.hasPrefix("AT ") && table.stdout.contains("MET-04 = 1500") && table.stdout.hasSuffix("(1 row)\n"), "\(table.stdout)")
            let csv = try RealiseBinary.run(["log", "--db", db, "--format", "csv", "--since", "2000-01-01"], environment: env)
            #expect(csv.stdout.hasPrefix("id,at,actor,action,subject,summary\r\n") && csv.stdout.components(separatedBy: "\r\n").count == 7)
        }
    }

    @Test("bad arguments are usage errors (64); a missing workspace is 66", arguments: TestBackend.available)
    func errors(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let scratch = try Scratch(), folder = scratch.url
            defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not after its last use
            let db = folder.appendingPathComponent("w.sqlite").path
            #expect(try RealiseBinary.run(["log", "--db", db]).status == 66)
            #expect(try RealiseBinary.run(["init", "--db", db]).status == 0)
            let since = try RealiseBinary.run(["log", "--db", db, "--since", "2026-13-01"])
            #expect(since.status == 64 && since.stderr.contains("--since '2026-13-01' is not a date"), "\(since.stderr)")
            #expect(try RealiseBinary.run(["log", "--db", db, "--limit", "0"]).status == 64)
            #expect(try RealiseBinary.run(["measure", "MET-04", "1", "--db", db, "--actor", " "]).status == 64)
        }
    }
}
