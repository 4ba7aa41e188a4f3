import Foundation
import RealiseTestSupport
import Testing

/// Options of `import` and `review` and the whole path of a re-import, end to end through the built binary.
@Suite("realise import --mapping, review due --within, review calendar, re-import (end to end)")
struct WorkflowTests {
    static let asOf = "2025-10-31"
    static let fixtures = RealiseBinary.packageRoot.appendingPathComponent("Tests/RealiseImportTests/Fixtures/csv")
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments + ["--db", db], in: folder)
    }

    @Test("import --mapping reads a register's own headers; without it the file is refused", arguments: TestBackend.available)
    func mapping(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            // odd-headers.csv of the import tests, without its link to an objective that is not there.
            let register = folder.appendingPathComponent("odd-headers.csv").path
            try (try String(contentsOf: Self.fixtures.appendingPathComponent("odd-headers.csv"), encoding: .utf8))
                .replacingOccurrences(of: ",OBJ-9,", with: ",,").write(toFile: register, atomically: true, encoding: .utf8)
            let mapping = Self.fixtures.appendingPathComponent("odd-headers-mapping.yaml").path
            let refused = try run(["import", register])
            #expect(refused.status == 65, "\(refused.stdout)\(refused.stderr)")
            let imported = try run(["import", register, "--mapping", mapping])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try run(["list", "benefits", "--format", "csv"]).stdout.contains("B-100,Cleaner air"))
            let metrics = try run(["list", "metrics", "--format", "json"]).stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(metrics.utf8)) as? [[String: Any]])
            let metric = try #require(rows.first)
            #expect(rows.count == 1 && metric["id"] as? String == "M-100" && metric["name"] as? String == "NO2 concentration")
            #expect((metric["baseline"] as? [String: Any])?["value"] as? Double == 40)
            #expect((metric["target"] as? [String: Any])?["date"] as? String == "2028-01-01")
        }
    }

    @Test("review due --within lists what falls due in the window, and always what is overdue", arguments: TestBackend.available)
    func dueWithin(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let imported = try run(["import", RealiseBinary.samplePlans])
            #expect(imported.status == 0)
            #expect(try run(["review", "schedule", "BEN-01", "--every", "monthly", "--from", "2025-09-15"]).status == 0)
            #expect(try run(["review", "schedule", "BEN-02", "--every", "quarterly", "--from", "2025-11-20"]).status == 0)
            #expect(try run(["review", "schedule", "BEN-03", "--every", "annually", "--from", "2026-03-01"]).status == 0)
            func due(_ within: String) throws -> [String] {
                let result = try run(["review", "due", "--as-of", Self.asOf, "--within", within, "--format", "json"])
                #expect(result.status == 0, "\(result.stderr)")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
                return rows.map { "\((($0["subject"] as? [String: Any])?["id"]) ?? "") \($0["due"] ?? "") \($0["status"] ?? "")" }
            }
            #expect(try due("0") == ["BEN-01 2025-09-15 overdue"])
            #expect(try due("20") == ["BEN-01 2025-09-15 overdue", "BEN-02 2025-11-20 due"])
            #expect(try due("365") == ["BEN-01 2025-09-15 overdue", "BEN-02 2025-11-20 due", "BEN-03 2026-03-01 due"])
            #expect(try run(["review", "due", "--as-of", Self.asOf, "--within", "-1"]).status == 64)
        }
    }

    @Test("review calendar --as-of pins the file; --horizon bounds a cadence written out occurrence by occurrence", arguments: TestBackend.available)
    func calendar(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            #expect(try run(["import", RealiseBinary.samplePlans]).status == 0)
            // A month-end anchor cannot be an RRULE (RFC 5545 would skip short months): one event per occurrence.
            #expect(try run(["review", "schedule", "CCM", "--every", "monthly", "--from", "2025-01-31"]).status == 0)
            #expect(try run(["review", "schedule", "BEN-04", "--every", "quarterly", "--from", "2025-01-15"]).status == 0)
            func calendar(_ options: [String]) throws -> String {
                let result = try run(["review", "calendar", "--as-of", Self.asOf] + options)
                #expect(result.status == 0, "\(result.stderr)")
                return result.stdout
            }
            func events(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
            let year = try calendar([])
            #expect(year == (try calendar([])), "the same day gives the same bytes")
            #expect(year.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20251031T000000Z" })
            // Months from 31 January 2025: one in 31 days (February's, on the 28th), thirteen in 366 days.
            #expect(events(try calendar(["--horizon", "31"])) == ["UID:realise-review-2-BEN-04@realise", "UID:realise-review-1-CCM-20250131@realise",
                                                                   "UID:realise-review-1-CCM-20250228@realise"].sorted())
            #expect(events(year).filter { $0.contains("CCM-") }.count == 13)
            #expect(try run(["review", "calendar", "--horizon", "0"]).status == 64)
            let badDay = try run(["review", "calendar", "--as-of", "31/10/2025"])
            #expect(badDay.status == 64)
            #expect(badDay.stderr.contains("--as-of '31/10/2025' is not a date"), "\(badDay.stderr)")
        }
    }

    @Test("a register re-imported with a lowered target: gaps reports target-lowered from the workspace's history", arguments: TestBackend.available)
    func reimportLowersTarget(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            let plans = folder.appendingPathComponent("imports")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: RealiseBinary.samplePlans), to: plans)
            #expect(try run(["import", plans.path]).status == 0)
            let lowered = try run(["gaps", "--as-of", Self.asOf, "--only", "target-lowered", "--format", "json"])
            #expect(lowered.stdout.contains("\"findings\": []"), "nothing lowered before the re-import: \(lowered.stdout)")
            // MET-04 (trips, increase) 8000 → 6000 and MET-01 (minutes, decrease) 58.0 → 60.0 are less ambitious;
            // MET-05 (subsidy, decrease) 1950000 → 1900000 is more.
            let register = plans.appendingPathComponent("ccm-benefits-register.csv")
            var text = try String(contentsOf: register, encoding: .utf8)
            for (old, new) in [(",8000,2028-03-31,", ",6000,2028-03-31,"), (",58.0,2028-03-31,", ",60.0,2028-03-31,"),
                               (",1950000,2028-03-31,", ",1900000,2028-03-31,")] {
                #expect(text.contains(old))
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: register, atomically: true, encoding: .utf8)
            // The new version is dated by its file's time (it states no date): a month before the report's day.
            try FileManager.default.setAttributes([.modificationDate: try #require(ISO8601DateFormatter().date(from: "2025-10-01T12:00:00Z"))],
                                                  ofItemAtPath: register.path)
            let reimport = try run(["import", plans.path])
            #expect(reimport.status == 0, "\(reimport.stderr)")
            // The report as of a day before the new version judges the plan as it stood then: nothing lowered yet.
            let before = try run(["gaps", "--as-of", "2025-09-30", "--only", "target-lowered", "--format", "json"])
            #expect(before.stdout.contains("\"findings\": []"), "the lowering is not in force before its version: \(before.stdout)")
            let report = try run(["gaps", "--as-of", Self.asOf, "--only", "target-lowered", "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            let found = findings.map { finding -> String in
                let evidence = finding["evidence"] as? [String: Any] ?? [:]
                return "\((finding["subject"] as? [String: Any])?["id"] ?? "") \(evidence["targetDate"] ?? "") \(evidence["oldValue"] ?? "")→\(evidence["newValue"] ?? "")"
            }
            #expect(found.sorted() == ["MET-01 2028-03-31 58→60", "MET-04 2028-03-31 8000→6000"])
        }
    }
}
