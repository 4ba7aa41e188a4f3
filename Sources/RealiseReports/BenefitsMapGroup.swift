import RealiseModel

/// One objective's part of the benefits map, as the printed map (a column, or a page of its own) and the DOT
/// clusters group it: the objective, the benefits that contribute to it, the metrics that measure those
/// benefits and the deliverables that enable them.
///
/// Each entity is in exactly one group: a benefit in that of the first objective it contributes to, a metric
/// with the first benefit it measures, a deliverable with the first benefit it enables (a part with the
/// deliverable it is part of). What links it to entities of other groups is drawn as a line when both are on
/// one drawing, else written in its box. Objectives above others (a vision) belong to no group: they head
/// the drawing. Entities linked to no objective form a last group without one.
struct BenefitsMapGroup {
    /// The objective, nil for the group of entities linked to none.
    var objective: String?
    var benefits: [String] = []
    /// Benefit id → the metrics drawn inside its box, in drawing order.
    var metrics: [String: [String]] = [:]
    /// Metrics measuring no benefit of the group, drawn on their own beside the benefits.
    var looseMetrics: [String] = []
    var deliverables: [String] = []

    /// Every entity of the group, the objective first.
    var members: [String] {
        (objective.map { [$0] } ?? []) + benefits + benefits.flatMap { metrics[$0] ?? [] } + looseMetrics + deliverables
    }

    /// The objectives above others and with no benefit of their own, which head every drawing, in graph order.
    static func heads(_ graph: BenefitsMapGraph) -> [String] {
        let parents = Set(graph.edges.filter { $0.kind == .contributesTo && graph.node($0.from)?.type == .objective }.map(\.to))
        let served = Set(graph.edges.filter { $0.kind == .contributesTo && graph.node($0.from)?.type == .benefit }.map(\.to))
        return graph.nodes(.objective).map(\.id).filter { parents.contains($0) && !served.contains($0) }
    }

    /// The groups of `graph`, in the order of their objectives, the group without one last (when not empty).
    static func groups(_ graph: BenefitsMapGraph) -> [BenefitsMapGroup] {
        let heads = Set(heads(graph))
        var groups = graph.nodes(.objective).filter { !heads.contains($0.id) }.map { BenefitsMapGroup(objective: $0.id) }
        groups.append(BenefitsMapGroup(objective: nil))
        var place: [String: Int] = [:]
        for (index, group) in groups.enumerated() { if let objective = group.objective { place[objective] = index } }
        func first(_ id: String, _ kind: BenefitsMapGraph.EdgeKind, from: Bool) -> Int? {
            graph.edges.lazy.filter { $0.kind == kind && (from ? $0.from : $0.to) == id }.compactMap { place[from ? $0.to : $0.from] }.first
        }
        for benefit in graph.nodes(.benefit) {
            let index = graph.edges.lazy.filter { $0.kind == .contributesTo && $0.from == benefit.id }.compactMap { place[$0.to] }.first
                ?? groups.count - 1
            groups[index].benefits.append(benefit.id)
            place[benefit.id] = index
        }
        for metric in graph.nodes(.metric) {
            let benefit = graph.edges.first { $0.kind == .measures && $0.from == metric.id && graph.node($0.to)?.type == .benefit }?.to
            if let benefit, let index = place[benefit] {
                groups[index].metrics[benefit, default: []].append(metric.id)
                place[metric.id] = index
            } else {
                let index = first(metric.id, .measures, from: true) ?? groups.count - 1
                groups[index].looseMetrics.append(metric.id)
                place[metric.id] = index
            }
        }
        // Deliverables enabling a benefit first, so that parts find the group of the whole.
        let deliverables = graph.nodes(.deliverable).map(\.id)
        let enabling = deliverables.filter { first($0, .enabledBy, from: true) != nil }
        for id in enabling + deliverables.filter({ !enabling.contains($0) }) {
            let index = first(id, .enabledBy, from: true) ?? first(id, .partOf, from: true) ?? groups.count - 1
            place[id] = index
        }
        for id in deliverables { groups[place[id]!].deliverables.append(id) }
        if groups.last?.members.isEmpty == true { groups.removeLast() }
        return groups
    }
}
