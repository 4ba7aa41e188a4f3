import Foundation
import RealiseTestSupport
import Testing

/// What the built `realise` prints, byte for byte, for the sample programme in `imports/`: `gaps` in every format,
/// `map` in both, `diff` against its next version in every format, and the review listings, calendar and Realise
/// XML export over a workspace with schedules and reviews. Each is run from the package root on relative paths, so
/// the sources named in the output are the same on every machine; every run pins `--as-of` (and `TZ`, through
/// `RealiseBinary`).
enum CLIGolden {
    static let asOf = "2025-10-31"
    /// The sample programme's next version, for `diff`: slips, a lowered and deferred target, a withdrawn and an added
    /// deliverable, a lost enabler, a new measurement, and changes of form only (a renamed file, moved lines and
    /// attributes, `68.0` written `68`, a name re-wrapped).
    static let nextVersion = "Tests/RealiseCLITests/Fixtures/ccm-next"

    /// Golden file → the arguments that print it; `--db` is added for the `review` commands and `export`.
    static let runs: [String: [String]] = {
        var runs: [String: [String]] = [:]
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv"), ("html", "html")] {
            runs["gaps.\(ext)"] = ["gaps", "imports", "--as-of", asOf, "--format", format]
            runs["gaps-reviewed.\(ext)"] = ["gaps", "--as-of", asOf, "--format", format]
        }
        runs["map.mmd"] = ["map", "imports", "--as-of", asOf, "--format", "mermaid"]
        runs["map.dot"] = ["map", "imports", "--as-of", asOf, "--format", "dot"]
        for (format, ext) in [("table", "txt"), ("json", "json"), ("csv", "csv")] {
            runs["review-list.\(ext)"] = ["review", "list", "--format", format]
            runs["review-due.\(ext)"] = ["review", "due", "--as-of", asOf, "--within", "90", "--format", format]
            runs["review-history.\(ext)"] = ["review", "history", "BEN-04", "--format", format]
        }
        runs["review-calendar.ics"] = ["review", "calendar", "--as-of", asOf, "--horizon", "120"]
        for (format, ext) in [("text", "txt"), ("markdown", "md"), ("json", "json"), ("csv", "csv"), ("html", "html")] {
            runs["diff.\(ext)"] = ["diff", "imports", nextVersion, "--as-of-old", asOf, "--as-of-new", "2026-01-31", "--format", format]
        }
        runs["export.xml"] = ["export", "--format", "realise-xml"]
        return runs
    }()

    /// A workspace with the sample programme imported from `imports/` (its sources named by their paths under it)
    /// and reviews with outcomes: BEN-04 rated red (after an amber), OBJ-2 amber, MET-04 green; and actions: one on
    /// BEN-04's red rating, overdue on the report's day; one on a stale metric, not yet due; one on a finding the plan
    /// does not have (resolved, action still open); one on a deliverable, closed since its programme's last review.
    static func reviewedWorkspace(in folder: URL) throws -> String {
        let db = folder.appendingPathComponent("reviewed.sqlite").path
        let steps: [[String]] = [
            ["import", "imports"],
            ["review", "record", "BEN-04", "--rag", "amber", "--date", "2025-06-30", "--reviewer", "Rural Transport Manager"],
            ["review", "record", "BEN-04", "--rag", "red", "--date", "2025-09-26", "--reviewer", "Programme Board",
             "--note", "Two minibuses off the road; bookings falling"],
            ["review", "record", "OBJ-2", "--rag", "amber", "--date", "2025-10-03", "--reviewer", "SRO"],
            ["review", "record", "MET-04", "--rag", "green", "--date", "2025-10-10"],
            ["action", "add", "review-red:BEN-04", "--owner", "Rural Transport Manager", "--due", "2025-10-24", "--date", "2025-09-26",
             "--note", "Hire two replacement minibuses"],
            ["action", "add", "stale-metric:MET-06", "--owner", "Transport Data Analyst", "--due", "2025-12-19", "--date", "2025-10-03"],
            ["action", "add", "missing-owner:MET-01", "--owner", "SRO", "--due", "2025-11-28", "--date", "2025-09-26",
             "--note", "Name the metric's owner"],
            ["action", "add", "DEL-01", "--owner", "Bus Priority Project Manager", "--due", "2025-10-17", "--date", "2025-09-26",
             "--note", "Recovery plan for the bus priority scheme"],
            ["action", "close", "4", "--date", "2025-10-15", "--note", "Recovery plan agreed by the board"],
        ]
        for step in steps {
            let result = try RealiseBinary.run(step + ["--db", db, "--actor", "Board secretary"], in: RealiseBinary.packageRoot)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return db
    }

    /// A workspace with the sample programme, three schedules (one a month-end cadence, written out occurrence by
    /// occurrence in the calendar) and two reviews of BEN-04, one with a measurement.
    static func workspace(in folder: URL) throws -> String {
        let db = folder.appendingPathComponent("w.sqlite").path
        let steps: [[String]] = [
            ["import", RealiseBinary.samplePlans],
            ["review", "schedule", "BEN-04", "--every", "FREQ=MONTHLY;BYDAY=-1FR", "--from", "2025-01-01", "--reviewer", "Rural Transport Manager"],
            ["review", "schedule", "MET-06", "--every", "quarterly", "--from", "2025-01-01"],
            ["review", "schedule", "CCM", "--every", "monthly", "--from", "2025-01-31", "--reviewer", "SRO"],
            ["review", "record", "BEN-04", "--rag", "amber", "--date", "2025-06-30", "--note", "Two minibuses off the road", "--measure", "MET-04=1100"],
            ["review", "record", "BEN-04", "--rag", "green", "--date", "2025-09-26", "--reviewer", "Rural Transport Manager"],
        ]
        for step in steps {
            let result = try RealiseBinary.run(step + ["--db", db])
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return db
    }
}

@Suite("golden output of the realise binary")
struct GoldenOutputTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    @Test("output matches its golden file", arguments: CLIGolden.runs.keys.sorted(), TestBackend.available)
    func matches(name: String, backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            var arguments = try #require(CLIGolden.runs[name])
            if ["review", "export"].contains(arguments.first) { arguments += ["--db", try CLIGolden.workspace(in: scratch.url)] }
            if name.hasPrefix("gaps-reviewed.") { arguments += ["--db", try CLIGolden.reviewedWorkspace(in: scratch.url)] }
            let result = try RealiseBinary.run(arguments, in: RealiseBinary.packageRoot)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            try golden.check(result.stdout, name)
        }
    }

    @Test("every golden file is compared, and every comparison has its file")
    func everyFileUsed() {
        golden.checkCatalogue(Set(CLIGolden.runs.keys))
    }

    @Test("golden files are kept byte for byte (.gitattributes: * -text)")
    func bytesKept() throws {
        try golden.checkBytesKept()
    }
}
