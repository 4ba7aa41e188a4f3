import RealiseGaps
import RealiseModel

extension Workbench {
    /// The gap report `request` asks for: the plan as of its day (or the current plan), judged as of that day with the
    /// workspace's history; with `since`, also what changed since that earlier day and the targets the plan stated then.
    /// - Throws: `.badRequest` when `since` is not before the report's day, or the workspace's errors.
    public func gapReport(_ request: GapReportRequest) throws(WorkbenchError) -> GapReport {
        let day = request.day
        guard let since = request.since else {
            var snapshot = request.keepsValues ? try snapshot(asOf: request.asOf, programme: request.programme)
                : try readingsSnapshot(asOf: request.asOf, programme: request.programme)
            // The readings are handed over, not shared: the analysis drops them before it puts the findings in order.
            let readings = snapshot.readings
            snapshot.readings = nil
            return report(snapshot, readings: consume readings, request)
        }
        guard since < day else {
            throw .badRequest("the day to report changes since (\(since)) must be before the report's day (\(day))")
        }
        let (snapshot, before) = try workbenchErrors {
            try workspace.consistentRead {
                (try unguardedSnapshot(asOf: request.asOf, programme: request.programme),
                 try end(on: since, programme: request.programme, analyzer: request.analyzer, tolerance: request.tolerance))
            }
        }
        var report = report(snapshot, readings: snapshot.readings, request)
        report.since = PlanDiff().report(from: before, to: DiffEnd(label: "plan on \(day)", date: day, plan: snapshot.plan, report: report))
        report.earlierTargets = Dictionary(grouping: before.plan.values.filter { $0.kind != .measurement }, by: \.metric)
        return report
    }

    /// The gap report on the plans of `files`, read into a throw-away in-memory workspace (nothing is written anywhere):
    /// the plans as the files state them, whole, judged as of the request's day ("lint my plan").
    public static func gapReport(of files: PlanFiles, _ request: GapReportRequest) throws(WorkbenchError) -> GapReport {
        var whole = request
        (whole.today, whole.asOf) = (request.day, nil)
        return try reading(files).gapReport(whole)
    }

    private func report(_ snapshot: PlanSnapshot, readings: consuming MetricReadings?, _ request: GapReportRequest) -> GapReport {
        request.analyzer.report(for: snapshot.plan, readings: consume readings, asOf: request.day, history: snapshot.history, tolerance: request.tolerance,
                                wordingEvidence: request.wordingEvidence, trajectories: request.trajectories)
    }

    /// What changed in the workspace's plan between `since` and `until`, each end judged as of its own day, read in one
    /// snapshot.
    /// - Throws: `.badRequest` when `since` is after `until`.
    public func diff(since: Day, until: Day, programme: String? = nil) throws(WorkbenchError) -> DiffReport {
        guard since <= until else {
            throw .badRequest("the earlier day (\(since)) is after the later one (\(until)); give the earlier day first")
        }
        let analyzer = try GapReportRequest(today: until).analyzer
        let (before, after) = try workbenchErrors {
            try workspace.consistentRead {
                (try end(on: since, programme: programme, analyzer: analyzer, tolerance: 0.1),
                 try end(on: until, programme: programme, analyzer: analyzer, tolerance: 0.1))
            }
        }
        return PlanDiff().report(from: before, to: after)
    }

    /// One version of a plan for `diff(from:to:)`: its plan read into memory as `files`, with its gap report as of `day`,
    /// labelled `label` (the path given).
    public static func diffEnd(_ files: PlanFiles, label: String, asOf day: Day, programme: String? = nil) throws(WorkbenchError) -> DiffEnd {
        let snapshot = try reading(files).snapshot(programme: programme)
        return DiffEnd(label: label, date: day, plan: snapshot.plan, analyzer: try GapReportRequest(today: day).analyzer,
                       history: snapshot.history)
    }

    /// What changed between two versions of a plan (`diffEnd`), each judged as of its own day.
    public static func diff(from old: DiffEnd, to new: DiffEnd) -> DiffReport {
        PlanDiff().report(from: old, to: new)
    }
}
