import Foundation
import RealiseTestSupport
import Testing

@Suite("realise review (end to end)")
struct ReviewCommandTests {
    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    /// Imports the sample programme into the test's workspace (on the test's backend).
    private func importSample() throws {
        let imported = try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result {
        try RealiseBinary.run(arguments + ["--db", db], in: folder)
    }

    @Test("schedule, record and due follow the documented rule and JSON shape", arguments: TestBackend.available)
    func scheduleRecordDue(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            let scheduled = try run(["review", "schedule", "BEN-04", "--every", "FREQ=MONTHLY;BYDAY=-1FR", "--from", "2025-01-01",
                                     "--reviewer", "Rural Transport Manager"])
            #expect(scheduled.status == 0, "\(scheduled.stderr)")
            #expect(scheduled.stdout.contains("first due 2025-01-31"))
            let recorded = try run(["review", "record", "BEN-04", "--rag", "amber", "--date", "2025-06-30", "--note", "Two minibuses off the road",
                                    "--measure", "MET-04=1100"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let due = try run(["review", "due", "--as-of", "2025-08-01", "--format", "json"])
            #expect(due.status == 0)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(due.stdout.utf8)) as? [[String: Any]])
            let entry = try #require(entries.first)
            #expect(entries.count == 1)
            let subject = try #require(entry["subject"] as? [String: String])
            #expect(Set(subject.keys) == ["type", "id", "name"])
            #expect(subject["type"] == "benefit" && subject["id"] == "BEN-04")
            #expect(subject["name"]?.hasPrefix("Rural residents") == true)
            #expect(entry["due"] as? String == "2025-07-25")
            #expect(entry["status"] as? String == "overdue")
            #expect(entry["daysOverdue"] as? Int == 7)
            #expect(entry["reviewer"] as? String == "Rural Transport Manager")
            #expect(entry["cadence"] as? String == "FREQ=MONTHLY;BYDAY=-1FR")
            #expect(Set(entry.keys) == ["subject", "due", "status", "daysOverdue", "reviewer", "cadence"])
            #expect(try run(["review", "due", "--as-of", "2025-08-01", "--fail-on-overdue"]).status == 1)
            #expect(try run(["review", "due", "--as-of", "2025-07-25", "--fail-on-overdue"]).status == 0)

            // The measurement taken at the review is in the workspace, and the history lists the review.
            let metrics = try run(["list", "metrics", "--format", "json"]).stdout
            #expect(metrics.contains("\"date\": \"2025-06-30\""))
            let shown = try run(["show", "BEN-04"])
            #expect(shown.stdout.contains("Reviews:\n  schedule #1: FREQ=MONTHLY;BYDAY=-1FR from 2025-01-01, reviewer Rural Transport Manager"))
            #expect(shown.stdout.contains("2025-06-30 amber: Two minibuses off the road [MET-04=1100]"))
            let history = try run(["review", "history", "BEN-04", "--format", "json"])
            #expect(history.stdout.contains("\"rag\": \"amber\"") && history.stdout.contains("\"MET-04\": 1100"))
        }
    }

    @Test("the gap report flags overdue reviews from the workspace", arguments: TestBackend.available)
    func gapsReviewOverdue(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            #expect(try run(["review", "schedule", "MET-06", "--every", "quarterly", "--from", "2025-01-01"]).status == 0)
            let report = try run(["gaps", "--as-of", "2025-10-31", "--only", "review-overdue", "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            #expect(findings.count == 1)
            #expect((findings.first?["subject"] as? [String: Any])?["id"] as? String == "MET-06")
            #expect((findings.first?["evidence"] as? [String: Any])?["due"] as? String == "2025-01-01")
        }
    }

    @Test("bad cadences exit 64 naming the part; unknown subjects exit 65", arguments: TestBackend.available)
    func errors(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            let bad = try run(["review", "schedule", "BEN-01", "--every", "FREQ=MONTHLY;BYDAY=-1XX"])
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("BYDAY=-1XX"))
            #expect(try run(["review", "schedule", "NOPE", "--every", "monthly"]).status == 65)
            #expect(try run(["review", "schedule", "DEL-01", "--every", "monthly"]).status == 65)
            #expect(try run(["review", "record", "BEN-01", "--rag", "purple"]).status == 64)
            #expect(try run(["review", "record", "BEN-01", "--rag", "green", "--measure", "MET-01"]).status == 64)
            #expect(try run(["review", "record", "BEN-01", "--rag", "green", "--measure", "MET-404=3"]).status == 65)
            #expect(try run(["review", "unschedule", "99"]).status == 65)
        }
    }

    @Test("list and unschedule", arguments: TestBackend.available)
    func listAndUnschedule(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            #expect(try run(["review", "schedule", "CCM", "--every", "half-yearly", "--from", "2025-01-31"]).status == 0)
            let list = try run(["review", "list", "--format", "json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["cadence"] as? String == "half-yearly")
            #expect(try run(["review", "unschedule", "1"]).status == 0)
            #expect(try run(["review", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test("calendar writes an iCalendar file with CRLF lines", arguments: TestBackend.available)
    func calendar(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            #expect(try run(["review", "schedule", "BEN-01", "--every", "quarterly", "--from", "2025-01-15"]).status == 0)
            let path = folder.appendingPathComponent("reviews.ics").path
            #expect(try run(["review", "calendar", "--as-of", "2025-10-31", "--output", path]).status == 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(text.contains("RRULE:FREQ=MONTHLY;INTERVAL=3\r\n"))
            #expect(text.replacingOccurrences(of: "\r\n ", with: "").contains("MET-01"))
            let again = try run(["review", "calendar", "--as-of", "2025-10-31"]).stdout
            #expect(again == text, "the same workspace and --as-of give the same bytes")
        }
    }

    @Test("review run writes dated reports and exits 1 when reviews are overdue", arguments: TestBackend.available)
    func scheduledJob(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            #expect(try run(["review", "schedule", "BEN-01", "--every", "monthly", "--from", "2025-09-01"]).status == 0)
            let out = folder.appendingPathComponent("reports").path
            let late = try run(["review", "run", "--as-of", "2025-10-31", "--out", out])
            #expect(late.status == 1)
            #expect(late.stdout.contains("1 review overdue (BEN-01 due 2025-09-01)"))
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(files == ["gaps-2025-10-31.html", "gaps-2025-10-31.json", "reviews-due-2025-10-31.json"])
            let report = try String(contentsOfFile: out + "/gaps-2025-10-31.json", encoding: .utf8)
            #expect(report.contains("review-overdue"))
            #expect(try run(["review", "record", "BEN-01", "--rag", "green", "--date", "2025-10-30"]).status == 0)
            #expect(try run(["review", "run", "--as-of", "2025-10-31", "--out", out]).status == 0)
        }
    }
}
