import Foundation
import RealiseTestSupport
import Testing

/// The report as a board's agenda, end to end: `gaps --summary`, review outcomes beside findings, and repeated
/// import warnings counted rather than listed.
@Suite("the board report (end to end)")
struct BoardReportTests {
    static let asOf = "2025-10-31"
    let scratch: Scratch
    var db: String { scratch.url.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    @Test("gaps --summary prints one line per rule, most severe first, with counts that add up to the report's")
    func summary() throws {
        let result = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", Self.asOf, "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Realise gap report as of 2025-10-31: 17 findings (4 high, 12 medium, 1 low) from 10 rules")
        let rules = lines.dropFirst()
        #expect(rules.count == 10)
        #expect(rules.first?.hasPrefix("high") == true && rules.last?.hasPrefix("low") == true)
        let counts = rules.compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } }
        #expect(counts.reduce(0, +) == 17)
        #expect(rules.contains { $0.contains("metric-forecast-shortfall") && $0.hasSuffix("Target cannot be met on current trend") })
        let json = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--as-of", Self.asOf, "--summary", "--format", "json"])
        #expect(json.status == 64)
        #expect(json.stderr.contains("--summary prints text"), "\(json.stderr)")
    }

    @Test("a benefit reviewed red shows red, with its latest review beside its findings and in coverage", arguments: TestBackend.available)
    func reviewedRed(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            for step in [["import", RealiseBinary.samplePlans],
                         ["review", "record", "BEN-01", "--rag", "red", "--date", "2025-10-01", "--note", "Buses stuck in traffic"],
                         ["review", "record", "BEN-01", "--rag", "amber", "--date", "2025-12-01"]] {
                let result = try RealiseBinary.run(step + ["--db", db])
                #expect(result.status == 0, "\(step): \(result.stderr)")
            }
            let result = try RealiseBinary.run(["gaps", "--db", db, "--as-of", Self.asOf, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            let red = try #require(findings.first { $0["key"] as? String == "review-red:BEN-01" })
            #expect(red["severity"] as? String == "high")
            let review = try #require(red["review"] as? [String: Any])
            #expect(review["rag"] as? String == "red" && review["note"] as? String == "Buses stuck in traffic")
            let coverage = try #require(json["coverage"] as? [[String: Any]])
            #expect(coverage.first { $0["objective"] as? String == "OBJ-1" }?["reviewedRed"] as? Int == 1)
            let text = try RealiseBinary.run(["gaps", "--db", db, "--as-of", Self.asOf])
            #expect(text.stdout.contains("latest review: RED on 2025-10-01: Buses stuck in traffic"), "\(text.stdout)")
            // A later review (after the report's day) does not count yet; as of its day the benefit is amber.
            let later = try RealiseBinary.run(["gaps", "--db", db, "--as-of", "2025-12-31", "--only", "review-red"])
            #expect(later.stdout.contains("0 findings"), "\(later.stdout)")
        }
    }

    @Test("a warning repeated for every row is shown three times and counted; JSON keeps every one")
    func repeatedWarnings() throws {
        let rows = (1...9).map { "BEN-\($0),Benefit \($0),MET-\($0),Metric \($0),about \($0),2024-03-31" }
        let register = scratch.url.appendingPathComponent("register.csv")
        try (["benefit_id,description,metric_id,metric,baseline_value,baseline_date"] + rows).joined(separator: "\n")
            .write(to: register, atomically: true, encoding: .utf8)
        let text = try RealiseBinary.run(["validate", register.path])
        #expect(text.status == 0, "\(text.stderr)")
        let warnings = text.stdout.split(separator: "\n").filter { $0.hasPrefix("  warning: ") }
        #expect(warnings.count == 4, "\(text.stdout)")
        #expect(warnings.last == "  warning: … and 6 more like these (--format json lists every one)")
        let json = try RealiseBinary.run(["import", register.path, "--db", db, "--format", "json"])
        #expect(json.stdout.components(separatedBy: "not a number").count - 1 == 9, "\(json.stdout)")
    }
}
