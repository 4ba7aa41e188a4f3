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
    /// Positions in the plan of each deliverable and metric (the first of a repeated id).
    private let deliverablePositions: [String: Int]
    let metricPositions: [String: Int]
    /// The positions in `valueIndex.readings` of each of the plan's metrics' values, by the metric's position.
    let metricValueRanges: [Range<Int>]
    private let links: LinkIndex
    /// The link index's number for each of the plan's benefits, by the benefit's position.
    private let benefitSlots: [Int32?]
    /// The position in the plan of each benefit (the first of a repeated id).
    let benefitPositions: [String: Int]
    /// The plan's values as rules read them.
    let valueIndex: MetricReadings
    /// Objectives and benefits that contribute to each objective (`contributes-to` sources of those types).
    private let contributingObjectives: [String: [String]]
    private let contributingBenefits: [String: [String]]
    /// The same benefits by position (`benefitPositions`), for counting them.
    let contributingBenefitPositions: [String: [Int]]

    /// Baseline and target revisions, and review standings, from the workspace.
    public let history: GapHistory
    /// Trajectory tolerance as a share of the baseline→target distance.
    public let tolerance: Double
    /// Each subject's latest review on or before `asOf`, by subject id.
    public let latestReviews: [String: ReviewOutcome]

    /// - Parameter readings: the plan's values as rules read them, when the plan was loaded without them; nil reads
    ///   `plan.values`.
    public init(plan: Plan, readings: MetricReadings? = nil, asOf: Day, history: GapHistory = GapHistory(), tolerance: Double = 0.1) {
        self.plan = plan
        self.asOf = asOf
        self.history = history
        self.tolerance = tolerance
        latestReviews = ReviewOutcome.latest(history.outcomes, onOrBefore: asOf)
        let valueIndex = readings ?? MetricReadings(plan.values)
        self.valueIndex = valueIndex
        // The link index on one core, the rest on the other: building them was a tenth of a large report, all on one.
        var links: (LinkIndex, [Int32?])?, entities: EntityIndexes?
        for part in Concurrently.map(2, { half -> IndexPart in
            guard half == 0 else { return .entities(EntityIndexes(plan, values: valueIndex)) }
            let links = LinkIndex(plan.links)
            return .links(links, benefitSlots: plan.benefits.indices.map { links.slot(of: plan.benefits[$0].id) })
        }) {
            switch part {
            case .links(let index, let slots): links = (index, slots)
            case .entities(let indexes): entities = indexes
            }
        }
        (self.links, benefitSlots) = links!
        let indexes = entities!
        benefitPositions = indexes.benefitPositions
        childObjectives = indexes.childObjectives
        childDeliverables = indexes.childDeliverables
        deliverablePositions = indexes.deliverablePositions
        metricPositions = indexes.metricPositions
        metricValueRanges = indexes.metricValueRanges
        contributingObjectives = indexes.contributingObjectives
        contributingBenefits = indexes.contributingBenefits
        contributingBenefitPositions = indexes.contributingBenefitPositions
    }

    /// The deliverable with this id (the first, should the plan repeat it).
    public func deliverable(_ id: String) -> Deliverable? { deliverablePositions[id].map { plan.deliverables[$0] } }

    /// The metric with this id (the first, should the plan repeat it).
    public func metric(_ id: String) -> Metric? { metricPositions[id].map { plan.metrics[$0] } }

    /// Whether the plan has a deliverable with this id.
    public func isDeliverable(_ id: String) -> Bool { deliverablePositions[id] != nil }

    /// The parent of the deliverable with this id (read in place: a whole deliverable is costly to copy).
    func parent(ofDeliverable id: String) -> String? { deliverablePositions[id].flatMap { plan.deliverables[$0].parent } }

    /// The deliverable's own actual, forecast or planned finish.
    func ownExpectedFinish(ofDeliverable id: String) -> Day? {
        deliverablePositions[id].flatMap { plan.deliverables[$0].expectedFinish }
    }

    /// The links of the plan's benefit at `index` (of `plan.benefits`): no look-up by id.
    public func links(ofBenefitAt index: Int) -> EntityLinks { EntityLinks(index: links, slot: benefitSlots[index]) }

    /// Ids at the other end of `id`'s outgoing links of `kind`.
    public func targets(of id: String, _ kind: Link.Kind) -> [String] { links.targets(of: id, kind) }

    /// Ids at the start of links of `kind` that end at `id`.
    public func sources(of id: String, _ kind: Link.Kind) -> [String] { links.sources(of: id, kind) }

    /// Whether `id` has an outgoing link of `kind`.
    public func hasTargets(of id: String, _ kind: Link.Kind) -> Bool { links.hasTargets(of: id, kind) }

    /// Whether a link of `kind` ends at `id`.
    public func hasSources(of id: String, _ kind: Link.Kind) -> Bool { links.hasSources(of: id, kind) }

    /// `id`'s outgoing links of `kind`, in plan order.
    public func links(from id: String, _ kind: Link.Kind) -> [Link] { links.links(from: id, kind) }

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
            current = parent(ofDeliverable: next)
        }
        return result
    }
}
