import RealiseGaps
import RealiseModel

/// What a gap report is asked for: the day it is judged on, the plan as it stood then or the current one, the rules
/// run, the trajectory tolerance and, optionally, an earlier day whose changes since it are reported.
public struct GapReportRequest: Sendable {
    /// The day the plan is read as of; nil reads the current plan (and judges it as of `today`).
    public var asOf: Day?
    /// The day "today" is for a report without `asOf`.
    public var today: Day
    /// Only this programme's entities; all when nil.
    public var programme: String?
    /// An earlier day: the report then says what changed since it (a workspace's history only).
    public var since: Day?
    /// The trajectory tolerance, as a share of the baseline→target distance (0.1 = 10 %).
    public var tolerance: Double
    /// Whether each finding's evidence is worded (only the reading formats — text, Markdown, HTML — show it).
    public var wordingEvidence: Bool
    /// Whether the report carries each metric's trajectory (`GapReport.trajectories`), for a format that charts them.
    public var trajectories: Bool
    /// Whether the report's plan carries its values (`GapReport.plan.values`), which charts and pages read; without
    /// them (a report only written out) a large workspace loads in a fraction of the time and memory, and
    /// `GapReport.sources` names the files of the plan's entities and links only. A report on changes `since` an
    /// earlier day always has them.
    public var keepsValues: Bool
    /// The rules run.
    public let analyzer: GapAnalyzer

    /// - Parameters:
    ///   - only: run only these rules (all when empty); `skip`: do not run these.
    /// - Throws: `.unknownRule` for a rule id that is no rule's.
    public init(asOf: Day? = nil, today: Day, programme: String? = nil, since: Day? = nil, only: [String] = [], skip: [String] = [],
                tolerance: Double = 0.1, wordingEvidence: Bool = true, trajectories: Bool = true,
                keepsValues: Bool = true) throws(WorkbenchError) {
        self.asOf = asOf
        self.today = today
        self.programme = programme
        self.since = since
        self.tolerance = tolerance
        self.wordingEvidence = wordingEvidence
        self.trajectories = trajectories
        self.keepsValues = keepsValues
        do { analyzer = try GapAnalyzer(only: only, skip: skip) } catch { throw .unknownRule(error) }
    }

    /// The day the report is judged on.
    public var day: Day { asOf ?? today }
}
