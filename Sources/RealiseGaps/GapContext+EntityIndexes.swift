import RealiseModel

extension GapContext {
    /// The indexes of entities by id, by parent and by contribution, and of values by metric: everything the context
    /// indexes but the links. They need nothing from the link index, so they are built beside it, on another core.
    struct EntityIndexes: Sendable {
        let benefitPositions: [String: Int]
        let childObjectives: [String: [String]]
        let childDeliverables: [String: [String]]
        let deliverablePositions: [String: Int]
        let metricPositions: [String: Int]
        let metricValueRanges: [Range<Int>]
        let contributingObjectives: [String: [String]]
        let contributingBenefits: [String: [String]]
        let contributingBenefitPositions: [String: [Int]]

        init(_ plan: Plan, values: MetricReadings) {
            benefitPositions = EntityIndexes.positions(plan.benefits)
            childObjectives = EntityIndexes.children(plan.objectives.lazy.map { ($0.id, $0.parent) })
            childDeliverables = EntityIndexes.children(plan.deliverables.lazy.map { ($0.id, $0.parent) })
            deliverablePositions = EntityIndexes.positions(plan.deliverables)
            metricPositions = EntityIndexes.positions(plan.metrics)
            metricValueRanges = plan.metrics.indices.map { values.range(of: plan.metrics[$0].id) }
            let objectiveIds = Set(plan.objectives.lazy.map(\.id))
            var contributingObjectives: [String: [String]] = [:], contributingBenefits: [String: [String]] = [:]
            var contributingBenefitPositions: [String: [Int]] = [:]
            for link in plan.links where link.kind == .contributesTo {
                if objectiveIds.contains(link.from) { contributingObjectives[link.to, default: []].append(link.from) }
                if let position = benefitPositions[link.from] {
                    contributingBenefits[link.to, default: []].append(link.from)
                    contributingBenefitPositions[link.to, default: []].append(position)
                }
            }
            self.contributingObjectives = contributingObjectives
            self.contributingBenefits = contributingBenefits
            self.contributingBenefitPositions = contributingBenefitPositions
        }

        /// Child ids by parent id, in plan order.
        private static func children(_ entities: some Sequence<(id: String, parent: String?)>) -> [String: [String]] {
            var children: [String: [String]] = [:]
            for (id, parent) in entities {
                if let parent { children[parent, default: []].append(id) }
            }
            return children
        }

        /// Positions of entities by id; the first of a repeated id.
        private static func positions<E: Entity>(_ entities: [E]) -> [String: Int] {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(entities.count)
            for index in entities.indices where positions[entities[index].id] == nil { positions[entities[index].id] = index }
            return positions
        }
    }

    /// The two halves of the context's indexes, built at once.
    enum IndexPart: Sendable {
        case links(LinkIndex, benefitSlots: [Int32?])
        case entities(EntityIndexes)
    }
}
