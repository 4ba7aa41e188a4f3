import RealiseModel

/// The outcome of a gap analysis: findings, their counts by severity, and coverage per objective.
public struct GapReport: Sendable, Codable {
    /// Findings per severity.
    public struct Summary: Sendable, Codable, Hashable {
        public var high = 0
        public var medium = 0
        public var low = 0
    }

    public var asOf: Day
    public var summary: Summary
    public var findings: [Finding]
    public var coverage: [Coverage]
    /// The plan the report is about, for renderers that draw it (charts, the benefits map). Not encoded:
    /// the JSON contract is `asOf`, `summary`, `findings`, `coverage`.
    public var plan: Plan = Plan()
    /// Trajectory tolerance used, as a share of the baseline→target distance.
    public var tolerance: Double = 0.1
    /// Each metric's target trajectory, by id, as the rules judged the metric against it: what charts draw. Metrics
    /// without a numeric target have none. Not encoded.
    public var trajectories: [String: Trajectory] = [:]
    /// The agreed actions: open ones and those closed since the last review. Not encoded (the JSON renderer
    /// writes them after `coverage`).
    public var actions = ActionStandings()
    /// The files the report read (of entities, links and values), sorted: `Plan.sourceFiles`. Not encoded.
    public var sources: [String] = []
    /// What changed in the plan since an earlier day (that day is `since.from.date`), for the reading formats'
    /// "Since" section. Not encoded: the JSON contract stays what it was, whether or not a comparison was asked for.
    public var since: DiffReport? = nil
    /// Each metric's baseline and target values as they stood on the `since` day, by metric id, so that charts can
    /// draw the trajectory the plan promised then beside today's. Empty unless a comparison was asked for; not encoded.
    public var earlierTargets: [String: [MetricValue]] = [:]

    private enum CodingKeys: String, CodingKey {
        case asOf, summary, findings, coverage
    }

    public init(asOf: Day, summary: Summary, findings: [Finding], coverage: [Coverage], plan: Plan = Plan(), tolerance: Double = 0.1) {
        self.asOf = asOf
        self.summary = summary
        self.findings = findings
        self.coverage = coverage
        self.plan = plan
        self.tolerance = tolerance
        sources = plan.sourceFiles
    }

    /// The findings as the reading formats lay them out: by severity, by subject, one rule's common cause once.
    public var layout: FindingLayout { FindingLayout(findings) }

    /// The most severe finding's severity, if any.
    public var worst: Severity? { findings.map(\.severity).max() }
}

/// How well one objective's benefits are backed: how many have an enabling deliverable, a metric with a
/// baseline and a target, a recent measurement, an up-to-date review — the strategy–delivery gap at a glance.
public struct Coverage: Sendable, Codable, Hashable {
    /// `objective` for an objective's row (its benefits and those of objectives nested under it), or
    /// `programme` for a programme's total over all its benefits (id `*` when the plan names no programme).
    public var level: String
    public var objective: String
    public var statement: String
    public var benefits: Int
    public var withDeliverable: Int
    public var withMeasurableMetric: Int
    public var recentlyMeasured: Int
    /// Benefits whose scheduled reviews (of the benefit or its metrics) are all up to date.
    public var upToDateReview: Int
    /// Benefits whose latest review rated them red.
    public var reviewedRed = 0
    /// The latest review of the objective (or programme) itself, if any.
    public var review: ReviewOutcome? = nil

    /// Share of benefits with each, 0–100, or nil when the objective has no benefits.
    public func percent(_ count: Int) -> Int? { benefits == 0 ? nil : Int((Double(count) * 100 / Double(benefits)).rounded()) }
}
