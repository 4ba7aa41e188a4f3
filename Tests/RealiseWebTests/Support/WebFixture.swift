import Foundation
import RealiseGaps
import RealiseModel
import RealiseTestSupport
import RealiseWeb
import RealiseWorkbench

/// A small plan with hostile text, imported into an in-memory workspace: a programme, an objective, a benefit whose id
/// holds `/`, `?` and `#` measured by a metric with a trajectory, the deliverable that enables it, an orphan deliverable;
/// names and notes carry markup, an attribute break-out and a `javascript:` URL. A review and a schedule are recorded.
enum WebFixture {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"onload=x"
    static let javascript = "javascript:alert(1)"
    /// An id a path must encode.
    static let oddBenefit = "BEN/2?x#y"

    static let plan = HostilePlan.xml

    static let today = Day(iso: "2026-01-31")!

    /// The plan written to a fresh temporary folder; the pages show only its name, `plan.xml`, so they stay the same.
    static func file() throws -> String { try PlanFile.write(plan, folderPrefix: "realise-web-fixture") }

    /// A workbench with the plan imported, a review of the benefit with a hostile note and a schedule.
    static func workbench() throws -> Workbench {
        let workbench = Workbench(workspace: try .emptyInMemory(actor: "tester"))
        _ = try workbench.importFiles(PlanReading().read([try file()]))
        _ = try workbench.recordReview(subject: oddBenefit, rag: .amber, on: Day(iso: "2025-12-15")!, reviewer: "Board \(script)",
                                       note: "Slipping \(attribute) \(javascript)", measurements: [(metric: "MET-1", value: 56)])
        _ = try workbench.scheduleReview(subject: oddBenefit, every: "quarterly", from: Day(iso: "2025-01-01")!, reviewer: "Board \(attribute)")
        return workbench
    }

    static func report(_ workbench: Workbench) throws -> GapReport {
        try workbench.gapReport(GapReportRequest(today: today))
    }

    static let viewer = PageViewer(name: "ann", displayName: "Ann <Analyst>", role: "analyst", csrf: "TOKEN-123",
                                   canImport: true, canSchedule: true, canManageUsers: true)
    static let reader = PageViewer(name: "rob", displayName: "Rob", role: "viewer", csrf: "TOKEN-456")
}
