import RealiseModel

/// A plan with the indexes rules need, built once per report: the ends of links by kind, children by parent,
/// values by metric, entities by id. Rules ask it rather than search the plan, so a report costs time in
/// proportion to the plan.
public struct GapContext: Sendable {
    public let plan: Plan
    /// "Today" for the report.
    public let asOf: Day
    /// Child objectives by parent id.
    public let childObjectives: [String: [String]]
    /// Child deliverables by parent id.
    public let childDeliverables: [String: [String]]
    public let deliverablesById: [String: Deliverable]
    public let metricsById: [String: Metric]
    private let links: LinkIndex
    let valueIndex: MetricValueIndex
    /// Objectives and benefits that contribute to each objective (`contributes-to` sources of those types).
    private let contributingObjectives: [String: [String]]
    private let contributingBenefits: [String: [String]]

    /// Baseline and target revisions, and review standings, from the workspace.
    public let history: GapHistory
    /// Trajectory tolerance as a share of the baseline→target distance.
    public let tolerance: Double

    public init(plan: Plan, asOf: Day, history: GapHistory = GapHistory(), tolerance: Double = 0.1) {
        self.plan = plan
        self.asOf = asOf
        self.history = history
        self.tolerance = tolerance
        links = LinkIndex(plan.links)
        childObjectives = GapContext.children(plan.objectives.lazy.map { ($0.id, $0.parent) })
        childDeliverables = GapContext.children(plan.deliverables.lazy.map { ($0.id, $0.parent) })
        valueIndex = MetricValueIndex(plan.values)
        deliverablesById = GapContext.byId(plan.deliverables)
        metricsById = GapContext.byId(plan.metrics)
        let objectiveIds = Set(plan.objectives.lazy.map(\.id)), benefitIds = Set(plan.benefits.lazy.map(\.id))
        var contributingObjectives: [String: [String]] = [:], contributingBenefits: [String: [String]] = [:]
        for link in plan.links where link.kind == .contributesTo {
            if objectiveIds.contains(link.from) { contributingObjectives[link.to, default: []].append(link.from) }
            if benefitIds.contains(link.from) { contributingBenefits[link.to, default: []].append(link.from) }
        }
        self.contributingObjectives = contributingObjectives
        self.contributingBenefits = contributingBenefits
    }

    /// Child ids by parent id, in plan order.
    private static func children(_ entities: some Sequence<(id: String, parent: String?)>) -> [String: [String]] {
        var children: [String: [String]] = [:]
        for (id, parent) in entities {
            if let parent { children[parent, default: []].append(id) }
        }
        return children
    }

    /// Entities by id; the first of a repeated id.
    private static func byId<E: Entity>(_ entities: [E]) -> [String: E] {
        var byId: [String: E] = [:]
        byId.reserveCapacity(entities.count)
        for entity in entities where byId[entity.id] == nil { byId[entity.id] = entity }
        return byId
    }

    /// Ids at the other end of `id`'s outgoing links of `kind`.
    public func targets(of id: String, _ kind: Link.Kind) -> [String] { links.targets(of: id, kind) }

    /// Ids at the start of links of `kind` that end at `id`.
    public func sources(of id: String, _ kind: Link.Kind) -> [String] { links.sources(of: id, kind) }

    /// The `measures` links from the metric to the benefits (or objectives) it measures, in plan order.
    public func measuresLinks(from metric: String) -> [Link] { links.measuresLinks(from: metric).map { plan.links[$0] } }

    /// Metrics that measure the benefit.
    public func metrics(measuring benefit: String) -> [String] { sources(of: benefit, .measures) }

    /// The objective and every objective nested under it.
    public func objectiveTree(_ id: String) -> [String] {
        var result: [String] = []
        var queue = [id]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            queue += childObjectives[next] ?? []
            queue += contributingObjectives[next] ?? []
        }
        return result
    }

    /// Benefits contributing to the objective or to any objective nested under it.
    public func benefits(servingObjective id: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for objective in objectiveTree(id) {
            for benefit in contributingBenefits[objective] ?? [] where seen.insert(benefit).inserted { result.append(benefit) }
        }
        return result
    }

    /// Whether any benefit contributes to the objective or to an objective nested under it.
    public func hasBenefits(servingObjective id: String) -> Bool {
        objectiveTree(id).contains { !(contributingBenefits[$0] ?? []).isEmpty }
    }

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
