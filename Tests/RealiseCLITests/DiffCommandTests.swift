import Foundation
import RealiseTestSupport
import Testing

/// `realise diff OLD NEW` end to end: the sample programme against its next version, changes of form only, exit
/// codes and output files. Every run pins both days.
@Suite("realise diff (end to end)")
struct DiffCommandTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    static let days = ["--as-of-old", "2025-10-31", "--as-of-new", "2026-01-31"]

    /// `realise diff` run from the package root (relative paths, as in the golden files).
    static func diff(_ arguments: [String], in folder: URL = RealiseBinary.packageRoot) throws -> RealiseBinary.Result {
        try RealiseBinary.run(["diff"] + arguments + days, in: folder)
    }

    /// The changes of a JSON diff.
    static func changes(_ result: RealiseBinary.Result) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return try #require(object["changes"] as? [[String: Any]])
    }

    static func subject(_ change: [String: Any]) -> String { (change["subject"] as? [String: Any])?["id"] as? String ?? "" }

    /// Days from one ISO day to another, by the calendar (UTC).
    static func days(_ from: String, _ to: String) throws -> Int {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let start = try #require(formatter.date(from: from)), end = try #require(formatter.date(from: to))
        return Int((end.timeIntervalSince(start) / 86_400).rounded())
    }

    @Test("the next version: slips, targets, confidence, withdrawn and added, enablers, measurements, gaps; the JSON contract")
    func nextVersion() throws {
        let result = try Self.diff(["imports", CLIGolden.nextVersion, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\n  \"from\": {\n    \"label\": \"imports\",\n    \"date\": \"2025-10-31\"\n  },\n  \"to\": {"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["from", "to", "summary", "changes"])
        let changes = try Self.changes(result)
        for change in changes {
            #expect(Set(change.keys) == ["kind", "subject", "field", "before", "after", "days", "source"])
        }
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary.values.reduce(0, +) == changes.count)
        func find(_ kind: String, _ id: String) -> [String: Any]? {
            changes.first { $0["kind"] as? String == kind && Self.subject($0) == id }
        }
        let slip = try #require(find("slipped", "DEL-01"))
        #expect(slip["days"] as? Int == (try Self.days("2026-09-30", "2026-12-18")))
        #expect((slip["source"] as? [String: Any])?["path"] as? String == "strategy/ccm-strategy-v2.xml", "named by its path under the folder given")
        let rag = try #require(find("rag-changed", "DEL-01"))
        #expect(rag["before"] as? String == "amber" && rag["after"] as? String == "amber-red")
        let lowered = try #require(find("target-lowered", "MET-04"))
        #expect((lowered["before"] as? [String: Any])?["value"] as? Int == 8000)
        #expect((lowered["after"] as? [String: Any])?["value"] as? Int == 5000)
        #expect(find("target-deferred", "MET-04")?["days"] as? Int == (try Self.days("2028-03-31", "2029-03-31")))
        #expect(find("withdrawn", "DEL-15")?["source"].flatMap { ($0 as? [String: Any])?["path"] as? String } == "ccm-strategy.xml")
        #expect(find("added", "DEL-21") != nil)
        #expect(find("link-removed", "BEN-03")?["before"] as? String == "DEL-11")
        #expect((find("measured", "MET-04")?["after"] as? [String: Any])?["date"] as? String == "2025-12-31")
        #expect(find("rebaselined", "DEL-20")?["field"] as? String == "baselineFinish")
        #expect(changes.contains { $0["kind"] as? String == "gap-closed" && Self.subject($0) == "DEL-15" && $0["field"] as? String == "orphan-deliverable" })
        // Changes of form only: an attribute order, a name re-wrapped, 10 written 10.0, 68.0 written 68, moved rows
        // and lines, renamed files.
        let formOnly = ["DEL-10", "BEN-01", "MET-01", "BEN-04"]
        let noise = changes.filter { formOnly.contains(Self.subject($0)) && !($0["kind"] as? String ?? "").hasPrefix("gap-") }
        #expect(noise.isEmpty, "\(noise)")
    }

    @Test("a plan rewritten — entities and attributes reordered, texts re-wrapped, 52 written 52.0, renamed — is no change")
    func formOnlyXML() throws {
        let old = scratch.url.appendingPathComponent("plan.xml"), new = scratch.url.appendingPathComponent("moved/renamed.xml")
        try FileManager.default.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.plan.write(to: old, atomically: true, encoding: .utf8)
        try Self.reformed.write(to: new, atomically: true, encoding: .utf8)
        let text = try Self.diff([old.path, new.path], in: scratch.url)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("No changes."), "\(text.stdout)")
        let csv = try Self.diff([old.path, new.path, "--format", "csv"], in: scratch.url)
        #expect(csv.stdout == "kind,subjectType,subjectId,subjectName,field,before,after,days,sourcePath,sourceLine\r\n")
        // And the differ does see a real change in the same files.
        try Self.reformed.replacingOccurrences(of: "value=\"52.0\"", with: "value=\"54\"")
            .write(to: new, atomically: true, encoding: .utf8)
        let changed = try Self.changes(try Self.diff([old.path, new.path, "--format", "json"], in: scratch.url))
        #expect(changed.map { $0["kind"] as? String } == ["target-lowered"])
    }

    @Test("the sample programme with its files renamed and their rows reversed (CRLF) is no change")
    func formOnlyFolder() throws {
        let old = URL(fileURLWithPath: RealiseBinary.samplePlans), new = scratch.url.appendingPathComponent("v2")
        try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
        for name in ["ccm-strategy.xml", "ccm-benefits-register.csv", "ccm-measurements.csv"] {
            var text = try String(contentsOf: old.appendingPathComponent(name), encoding: .utf8)
            if name.hasSuffix(".csv") {
                var lines = text.components(separatedBy: "\n").filter { !$0.isEmpty }
                let header = lines.removeFirst()
                text = ([header] + lines.reversed()).joined(separator: "\r\n")
            }
            try text.write(to: new.appendingPathComponent("v2-" + name), atomically: true, encoding: .utf8)
        }
        let json = try Self.diff([old.path, new.path, "--format", "json"], in: scratch.url)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try Self.changes(json).isEmpty, "\(json.stdout)")
    }

    static let plan = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plan xmlns="urn:realise:plan:1" version="1">
          <objective id="O1" owner="Director" horizon="2029-03-31"><statement>Faster buses</statement></objective>
          <benefit id="B1" kind="benefit" owner="Head of Transport" realisation-start="2026-04-01">
            <description>Shorter bus journeys on the coast road</description>
            <contributes-to ref="O1"/>
            <enabled-by ref="D1"/>
          </benefit>
          <deliverable id="D1" kind="project" owner="PM" planned-finish="2026-03-31" percent-complete="40">
            <name>Bus priority scheme</name>
          </deliverable>
          <metric id="M1" unit="minutes" direction="decrease" owner="Analyst" frequency="quarterly">
            <name>Average journey time</name>
            <measures ref="B1" share="60"/>
            <baseline date="2024-03-31" value="58"/>
            <target date="2027-03-31" value="52"/>
            <measurement date="2025-03-31" value="57.5"/>
          </metric>
        </plan>
        """

    /// `plan` in another form: entities in another order, attributes reordered, texts re-wrapped, numbers rewritten.
    static let reformed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plan version="1" xmlns="urn:realise:plan:1">

          <metric frequency="quarterly" owner="Analyst" direction="decrease" unit="minutes" id="M1">
            <name>Average   journey time</name>
            <measures share="60.0" ref="B1"/>
            <baseline value="5.8e1" date="2024-03-31"/>
            <target value="52.0" date="2027-03-31"/>
            <measurement value="57.50" date="2025-03-31"/>
          </metric>
          <deliverable percent-complete="40.0" planned-finish="2026-03-31" owner="PM" kind="project" id="D1"><name>
            Bus priority scheme
          </name></deliverable>
          <benefit realisation-start="2026-04-01" owner="Head of Transport" kind="benefit" id="B1">
            <description>Shorter bus journeys
              on the coast road</description>
            <enabled-by ref="D1"/>
            <contributes-to ref="O1"/>
          </benefit>
          <objective horizon="2029-03-31" owner="Director" id="O1"><statement>Faster buses</statement></objective>
        </plan>
        """
}
