import RealiseModel

/// One end of a comparison: a version of a plan, what it is called, the day it is judged on, and its gap report
/// as of that day.
///
/// `realise diff OLD NEW` builds each end from files; a comparison of a workspace's history builds them from the
/// plan as it stood on two days. Either way `PlanDiff` compares two ends.
public struct DiffEnd: Sendable {
    /// What the end is called in reports: the path given, or a day.
    public var label: String
    /// The day the end is judged on: its gap report's as-of day.
    public var date: Day
    public var plan: Plan
    /// The gap report on `plan` as of `date`.
    public var report: GapReport

    /// An end with its gap report already made.
    public init(label: String, date: Day, plan: Plan, report: GapReport) {
        self.label = label
        self.date = date
        self.plan = plan
        self.report = report
    }

    /// An end whose gap report `analyzer` makes as of `date`.
    /// - Parameters:
    ///   - history: the workspace's revisions, reviews and actions (empty for plans read from files).
    ///   - tolerance: trajectory tolerance as a share of the baseline→target distance.
    public init(label: String, date: Day, plan: Plan, analyzer: GapAnalyzer, history: GapHistory = GapHistory(),
                tolerance: Double = 0.1) {
        self.init(label: label, date: date, plan: plan,
                  // A comparison draws no trajectory charts.
                  report: analyzer.report(for: plan, asOf: date, history: history, tolerance: tolerance, trajectories: false))
    }
}
