import RealiseGaps
import RealiseModel
import RealiseWorkbench

/// The gap report the pages show (the current plan, judged today), kept until the workspace changes. Every change to a
/// workspace — an import, a measurement, a review, a schedule, an action — is entered in its change log, so the
/// newest entry's id tells whether a report is still the workspace's; on PostgreSQL that holds across servers too.
/// A dashboard then costs one indexed look-up instead of a gap analysis of the whole workspace.
actor PageReportCache {
    private struct Key: Equatable {
        var day: Day
        var change: Int64
    }

    private var kept: (key: Key, report: GapReport)?

    /// The report as of `day`, computed again only when the workspace has changed since it was.
    func report(asOf day: Day, pool: WorkbenchPool) async throws -> GapReport {
        let change = try await pool.run { try $0.changes(limit: 1).first?.id ?? 0 }
        let key = Key(day: day, change: change)
        if let kept, kept.key == key { return kept.report }
        let report = try await pool.run { try $0.gapReport(try GapReportRequest(today: day)) }
        kept = (key, report)
        return report
    }
}
