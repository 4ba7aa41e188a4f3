import RealiseModel

/// A plan with the indexes rules need, built once per report: links by end, children by parent.
public struct GapContext: Sendable {
    public let plan: Plan
    /// "Today" for the report.
    public let asOf: Day
    /// Links by their source id.
    public let outgoing: [String: [Link]]
    /// Links by their target id.
    public let incoming: [String: [Link]]
    /// Child objectives by parent id.
    public let childObjectives: [String: [String]]
    /// Child deliverables by parent id.
    public let childDeliverables: [String: [String]]
    /// Values of each metric, ordered by date.
    public let values: [String: [MetricValue]]
    public let deliverablesById: [String: Deliverable]
    public let metricsById: [String: Metric]
    private let objectiveIds: Set<String>
    private let benefitIds: Set<String>

    /// Baseline and target revisions, and review standings, from the workspace.
    public let history: GapHistory
    /// Trajectory tolerance as a share of the baseline→target distance.
    public let tolerance: Double

    public init(plan: Plan, asOf: Day, history: GapHistory = GapHistory(), tolerance: Double = 0.1) {
        self.plan = plan
        self.asOf = asOf
        self.history = history
        self.tolerance = tolerance
        outgoing = Dictionary(grouping: plan.links, by: \.from)
        incoming = Dictionary(grouping: plan.links, by: \.to)
        childObjectives = Dictionary(grouping: plan.objectives.filter { $0.parent != nil }, by: { $0.parent! }).mapValues { $0.map(\.id) }
        childDeliverables = Dictionary(grouping: plan.deliverables.filter { $0.parent != nil }, by: { $0.parent! }).mapValues { $0.map(\.id) }
        values = Dictionary(grouping: plan.values, by: \.metric).mapValues { $0.sorted { $0.date < $1.date } }
        deliverablesById = Dictionary(plan.deliverables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        metricsById = Dictionary(plan.metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        objectiveIds = Set(plan.objectives.map(\.id))
        benefitIds = Set(plan.benefits.map(\.id))
    }

    /// Ids at the other end of `id`'s outgoing links of `kind`.
    public func targets(of id: String, _ kind: Link.Kind) -> [String] {
        (outgoing[id] ?? []).filter { $0.kind == kind }.map(\.to)
    }

    /// Ids at the start of links of `kind` that end at `id`.
    public func sources(of id: String, _ kind: Link.Kind) -> [String] {
        (incoming[id] ?? []).filter { $0.kind == kind }.map(\.from)
    }

    /// The objective and every objective nested under it.
    public func objectiveTree(_ id: String) -> [String] {
        var result: [String] = []
        var queue = [id]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += childObjectives[next] ?? []
            queue += sources(of: next, .contributesTo).filter { objectiveIds.contains($0) }
        }
        return result
    }

    /// Benefits contributing to the objective or to any objective nested under it.
    public func benefits(servingObjective id: String) -> [String] {
        var seen = Set<String>()
        return objectiveTree(id).flatMap { sources(of: $0, .contributesTo) }
            .filter { benefitIds.contains($0) && seen.insert($0).inserted }
    }

    /// Metrics that measure the benefit.
    public func metrics(measuring benefit: String) -> [String] { sources(of: benefit, .measures) }

    /// The deliverable and its ancestors in the work breakdown structure.
    public func deliverableLineage(_ id: String) -> [String] {
        var result: [String] = []
        var current: String? = id
        while let next = current, !result.contains(next) {
            result.append(next)
            current = deliverablesById[next]?.parent
        }
        return result
    }
}

/// What a workspace knows beyond the plan itself: how values were revised and where reviews stand.
public struct GapHistory: Sendable {
    public var revisions: [ValueRevision]
    public var reviews: [ReviewStanding]

    public init(revisions: [ValueRevision] = [], reviews: [ReviewStanding] = []) {
        self.revisions = revisions
        self.reviews = reviews
    }
}

extension GapContext {
    /// The metric's trajectory, when it has numeric targets.
    public func trajectory(of metric: Metric) -> Trajectory? {
        Trajectory(metric: metric, values: values[metric.id] ?? [], fraction: tolerance)
    }

    /// Numeric measurements of the metric taken on or before as-of, oldest first.
    public func measurements(of metric: String) -> [(day: Day, value: Double)] {
        (values[metric] ?? []).filter { $0.kind == .measurement && $0.date <= asOf }
            .compactMap { value in value.value.map { (value.date, $0) } }
    }

    /// The expected finish of a deliverable: its own actual, forecast or planned finish, else the latest of
    /// its children's.
    public func expectedFinish(of id: String, depth: Int = 0) -> Day? {
        if let own = deliverablesById[id]?.expectedFinish { return own }
        guard depth < 50 else { return nil }
        return (childDeliverables[id] ?? []).compactMap { expectedFinish(of: $0, depth: depth + 1) }.max()
    }
}

extension GapContext {
    /// Whether the deliverable serves a benefit: it, one of its parents, or a deliverable that depends on it
    /// (it is a prerequisite of something that serves one), transitively, enables a benefit.
    public func servesBenefit(_ deliverable: String) -> Bool {
        var queue = [deliverable]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            if !sources(of: next, .enabledBy).isEmpty { return true }
            if let parent = deliverablesById[next]?.parent { queue.append(parent) }
            queue += sources(of: next, .dependsOn).filter { deliverablesById[$0] != nil }
        }
        return false
    }

    /// Whether the benefit has a delivery path: an enabling deliverable of its own, or one of a benefit it
    /// depends on (an intermediate benefit), transitively.
    public func hasDeliveryPath(_ benefit: String) -> Bool {
        var queue = [benefit]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            if !targets(of: next, .enabledBy).isEmpty { return true }
            queue += targets(of: next, .dependsOn)
        }
        return false
    }
}
