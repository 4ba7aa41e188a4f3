import Foundation
import RealiseGaps
import RealiseModel
import RealiseStore
import RealiseWeb
import RealiseWorkbench

/// Every page rendered over the fixture, by name (the golden file's, without `.html`), for the viewer who may do
/// everything; and `reader`'s pages, a viewer who may do nothing but read.
struct RenderedPages {
    let all: [(name: String, html: String)]

    /// Hand-made change log entries (the workspace's carry the clock's time): a hostile summary and actor, an entity
    /// subject that needs encoding, an import's path, oldest first so that the page must reorder them.
    static let changes = [
        ChangeRecord(id: 1, at: "2026-01-02T09:00:00Z", actor: "importer", action: .import, subject: "plans/<b>plan</b>.xml",
                     summary: "imported 6 entities"),
        ChangeRecord(id: 2, at: "2026-01-03T10:30:00Z", actor: "Eve \(WebFixture.attribute)", action: .review, subject: WebFixture.oddBenefit,
                     summary: "amber: \(WebFixture.script)"),
        ChangeRecord(id: 3, at: "2026-01-04T11:45:00Z", actor: "ann", action: .measure, subject: "MET-1", summary: "56 minutes on 2025-12-15"),
    ]

    /// A file imported with a warning repeated on six rows (shown three times, then counted), and one unchanged.
    static var imported: [ImportOutcome] {
        var counts = ImportCounts()
        (counts.benefits, counts.metrics, counts.measurements) = (2, 1, 6)
        let warning = (1...6).map { Diagnostic(.warning, path: "register <b>.csv", line: $0 + 1, "owner \(WebFixture.script) unknown") }
        return [ImportOutcome(path: "register <b>.csv", format: "register-csv", status: .imported, counts: counts, warnings: warning),
                ImportOutcome(path: "plan.xml", format: "realise-xml", status: .unchanged, counts: ImportCounts(), warnings: [])]
    }

    static let calendar = "https://realise.example/calendar/ann.ics?token=a&b=\"c"

    init(viewer: PageViewer = WebFixture.viewer, forms: EntityPage.Forms = .init(recordMeasurement: true, recordReview: true, schedule: true)) throws {
        let workbench = try WebFixture.workbench()
        let report = try WebFixture.report(workbench)
        let due = try workbench.dueReviews(asOf: WebFixture.today, within: 30)
        func entity(_ id: String) throws -> String {
            try EntityPage(viewer: viewer, details: workbench.entity(id), report: report, forms: forms,
                           flash: .errors(["value \(WebFixture.script) is not a number"])).render()
        }
        let accounts = [(name: "ann", displayName: "Ann <Analyst>", role: "analyst"),
                        (name: "x\(WebFixture.attribute)", displayName: WebFixture.script, role: "viewer")]
        all = [
            ("login", LoginPage(csrf: "LOGIN-TOKEN", error: "Unknown name \(WebFixture.script)", next: "/gaps?x=\"y", name: WebFixture.attribute).render()),
            ("dashboard", DashboardPage(viewer: viewer, report: report, due: due, changes: Self.changes, calendarURL: Self.calendar).render()),
            ("entity-benefit", try entity(WebFixture.oddBenefit)),
            ("entity-metric", try entity("MET-1")),
            ("entity-programme", try entity("PRG-1")),
            ("entity-deliverable", try entity("DEL-1")),
            ("gaps", GapsPage(viewer: viewer, report: report, query: .init(asOf: "2026-01-31", only: "", skip: "a,b", severity: "high")).render()),
            ("map", MapPage(viewer: viewer, report: report).render()),
            ("import-refused", ImportPage(viewer: viewer, outcome: .refused(["plan.xml:7: unknown ref \(WebFixture.script)"])).render()),
            ("import-done", ImportPage(viewer: viewer, outcome: .imported(Self.imported)).render()),
            ("users", UsersPage(viewer: viewer, accounts: accounts, flash: .success("Added \(WebFixture.script)")).render()),
            ("error", ErrorPage(status: 404, message: "No entity \(WebFixture.script)", viewer: viewer).render()),
        ]
    }

    subscript(_ name: String) -> String { all.first { $0.name == name }?.html ?? "" }
}
