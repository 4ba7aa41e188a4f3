import Foundation
import Testing

@Suite("realise gaps, show, measure (end to end)")
struct WorkspaceCommandTests {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    @Test("gaps PATH reports on the sample programme and writes no file")
    func lintMode() throws {
        let result = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["objective-without-benefit", "OBJ-5", "benefit-without-deliverable", "BEN-09",
                         "benefit-without-metric", "BEN-07", "orphan-deliverable", "DEL-15", "metric-without-target", "MET-11"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("gaps --format json follows the contract, and --fail-on gates")
    func jsonAndGate() throws {
        let result = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["asOf"] as? String == "2025-10-31")
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["high": 4, "medium": 12, "low": 1])
        let findings = try #require(json["findings"] as? [[String: Any]])
        // Every deliberate gap of the sample programme, and nothing else (see imports/ and the README).
        let found = findings.map { "\($0["rule"] ?? "") \((($0["subject"] as? [String: Any])?["id"]) ?? "")" }
        #expect(found == [
            "objective-without-benefit OBJ-5", "benefit-without-deliverable BEN-09", "benefit-without-metric BEN-07",
            "metric-off-trajectory MET-04", "orphan-deliverable DEL-15", "metric-without-target MET-11",
            "deliverable-slipped DEL-01", "deliverable-slipped DEL-03", "deliverable-slipped DEL-04",
            "deliverable-slipped DEL-06", "deliverable-slipped DEL-09", "deliverable-slipped DEL-15",
            "deliverable-slipped DEL-19", "metric-forecast-shortfall MET-01", "metric-forecast-shortfall MET-04",
            "stale-metric MET-06", "vague-statement OBJ-5",
        ])
        for finding in findings {
            let subject = try #require(finding["subject"] as? [String: String])
            #expect(subject["type"] != nil && subject["id"] != nil && subject["name"] != nil)
            let source = try #require(finding["source"] as? [String: Any])
            #expect((source["path"] as? String)?.hasSuffix(".xml") == true || (source["path"] as? String)?.hasSuffix(".csv") == true)
            #expect((source["line"] as? Int ?? 0) > 0)
            #expect(finding["evidence"] is [String: Any])
        }
        let coverage = try #require(json["coverage"] as? [[String: Any]])
        #expect(coverage.count == 7)
        #expect(coverage.last?["level"] as? String == "programme" && coverage.last?["benefits"] as? Int == 11)
        #expect(try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--fail-on", "high"]).status == 1)
        #expect(try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--fail-on", "high",
                                       "--only", "metric-without-target"]).status == 0)
        #expect(try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--only", "no-such-rule"]).status == 64)
        #expect(try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "31/10/2025"]).status == 64)
    }

    @Test("gaps over the workspace matches gaps over the files, and --output writes the report")
    func workspaceReport() throws {
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let report = folder.appendingPathComponent("gaps.json").path
        let result = try RealiseBinary.run(["gaps", "--as-of", "2025-10-31", "--format", "json", "--output", report, "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let lint = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", "2025-10-31", "--format", "json"])
        #expect(try String(contentsOfFile: report, encoding: .utf8) == lint.stdout)
    }

    @Test("show lists an entity with what it serves and what serves it; an unknown id exits 65")
    func show() throws {
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let result = try RealiseBinary.run(["show", "BEN-01", "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("benefit BEN-01:"))
        let upstream = try #require(result.stdout.components(separatedBy: "Downstream").first)
        #expect(upstream.contains("contributes to objective OBJ-1"))
        #expect(result.stdout.contains("enabled by deliverable"))
        let unknown = try RealiseBinary.run(["show", "NOPE", "--db", db])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("'NOPE'"))
    }

    @Test("measure records a value that list metrics shows as the latest")
    func measure() throws {
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let result = try RealiseBinary.run(["measure", "MET-11", "47.5", "--date", "2026-01-15", "--source", "ticket data", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try RealiseBinary.run(["list", "metrics", "--format", "json", "--db", db])
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let metric = try #require(metrics.first { $0["id"] as? String == "MET-11" })
        let latest = try #require(metric["latest"] as? [String: Any])
        #expect(latest["date"] as? String == "2026-01-15")
        #expect(latest["value"] as? Double == 47.5)
        #expect(try RealiseBinary.run(["measure", "MET-404", "1", "--db", db]).status == 65)
        #expect(try RealiseBinary.run(["measure", "MET-11", "lots", "--db", db]).status == 65)
    }

    @Test("CSV listings neutralise cells that would run as spreadsheet formulas")
    func csvFormulaEscaping() throws {
        let register = folder.appendingPathComponent("register.csv")
        try "Benefit ID,Description,Benefit Owner\nB1,\"=HYPERLINK(\"\"http://x\"\")\",@owner\n"
            .write(to: register, atomically: true, encoding: .utf8)
        #expect(try RealiseBinary.run(["import", register.path, "--db", db]).status == 0)
        let csv = try RealiseBinary.run(["list", "benefits", "--format", "csv", "--db", db]).stdout
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains(",'@owner,"))
    }
}
