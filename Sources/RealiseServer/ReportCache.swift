import RealiseGaps
import RealiseModel
import RealiseWorkbench

/// Gap reports (and what is rendered of them) kept until the workspace changes. Every change to a workspace — an
/// import, a measurement, a review, a schedule, an action — is entered in its change log, so the newest entry's id
/// tells whether what is kept is still the workspace's; on PostgreSQL that holds across servers too. A dashboard or a
/// repeated API call then costs one indexed look-up instead of a gap analysis of the whole workspace.
actor ReportCache {
    private var change: Int64 = -1
    private var kept: [String: any Sendable] = [:]
    /// At most this many answers are kept (the most asked: today's report and a few days' API reports).
    private let limit = 16

    /// The answer `key` names, made by `make` unless it was made since the workspace last changed.
    func value<T: Sendable>(_ key: String, pool: WorkbenchPool, make: @escaping @Sendable (Workbench) throws -> T) async throws -> T {
        let latest = try await pool.run { try $0.changes(limit: 1).first?.id ?? 0 }
        if latest != change { (change, kept) = (latest, [:]) }
        if let value = kept[key] as? T { return value }
        let value = try await pool.run(make)
        // The workspace may have changed while it was made; what it sees is then newer than `latest`, never older.
        if change == latest {
            if kept.count >= limit { kept.removeAll() }
            kept[key] = value
        }
        return value
    }

    /// The report pages show: the current plan, judged as of `day`, evidence worded and trajectories charted.
    func report(asOf day: Day, pool: WorkbenchPool) async throws -> GapReport {
        try await value("page \(day)", pool: pool) { try $0.gapReport(try GapReportRequest(today: day)) }
    }
}
