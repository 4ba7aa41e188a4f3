import RealiseGaps
import RealiseModel

/// The benefits dependency network as the map renderers draw it (SVG in the HTML report, Mermaid, DOT):
/// objectives ← benefits ← deliverables, metrics beside the benefits they measure, gaps marked.
///
/// Deliverables drawn: those a benefit is directly enabled by, those the `orphan-deliverable` rule found serve no
/// benefit (orphans), and any other deliverable with a finding, joined by a "part of" edge to its nearest drawn
/// parent. Nodes are ordered so that linked nodes sit near each other: deterministic for a given report.
struct BenefitsMapGraph {
    /// One entity on the map.
    struct Node {
        var id: String
        /// An identifier safe in Mermaid and DOT: a type prefix and the id with anything but letters, digits
        /// and `_` replaced, unique in the graph.
        var key: String
        var type: EntityType
        var name: String
        /// Nesting depth for objectives (0 for a vision or top-level objective), else 0.
        var depth: Int
        /// Short qualifier shown beside the id: `dis-benefit`, `orphan`, a deliverable's kind.
        var tag: String?
        var isOrphan: Bool
        var findings: [Finding]
        var hasGap: Bool { !findings.isEmpty }
    }

    /// What an edge means; edges point from the serving entity to the one it serves.
    enum EdgeKind: String {
        case contributesTo = "contributes to", enabledBy = "enables", measures = "measures", partOf = "part of"
    }

    struct Edge: Hashable {
        var from: String
        var to: String
        var kind: EdgeKind
        /// An attribution share for `measures`, as `60%`.
        var label: String?
    }

    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []
    private var index: [String: Int] = [:]
    private var keys: Set<String> = []
    private var edgeSet: Set<Edge> = []

    /// The node for an entity id.
    func node(_ id: String) -> Node? { index[id].map { nodes[$0] } }

    /// Nodes of one type, in drawing order.
    func nodes(_ type: EntityType) -> [Node] { nodes.filter { $0.type == type } }

    /// Entities drawn with at least one finding.
    var gapCount: Int { nodes.filter(\.hasGap).count }

    init(report: GapReport) {
        let plan = report.plan
        let findings = Dictionary(grouping: report.findings, by: { "\($0.subject.type)|\($0.subject.id)" })
        func gaps(_ type: EntityType, _ id: String) -> [Finding] { findings["\(type.rawValue)|\(id)"] ?? [] }
        let objectiveIds = Set(plan.objectives.map(\.id)), benefitIds = Set(plan.benefits.map(\.id))
        let deliverables = Dictionary(plan.deliverables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Objectives, by depth, each depth ordered by its parents' positions.
        var parents: [String: [String]] = [:]
        for objective in plan.objectives { if let parent = objective.parent, objectiveIds.contains(parent) { parents[objective.id, default: []].append(parent) } }
        for link in plan.links where link.kind == .contributesTo && objectiveIds.contains(link.from) && objectiveIds.contains(link.to) {
            if !(parents[link.from] ?? []).contains(link.to) { parents[link.from, default: []].append(link.to) }
        }
        var depths: [String: Int] = [:]
        func depth(_ id: String, _ seen: Set<String>) -> Int {
            if let known = depths[id] { return known }
            let above = (parents[id] ?? []).filter { !seen.contains($0) }
            let value = above.isEmpty ? 0 : 1 + (above.map { depth($0, seen.union([id])) }.max() ?? 0)
            depths[id] = value
            return value
        }
        let objectiveOrder = Dictionary(plan.objectives.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var position: [String: Double] = [:], unique = Set<String>()
        let objectives = plan.objectives.filter { unique.insert($0.id).inserted }
        var placed: [Objective] = []
        for level in Set(objectives.map { depth($0.id, []) }).sorted() {
            let row = objectives.filter { depth($0.id, []) == level }.sorted { a, b in
                let pa = Self.mean((parents[a.id] ?? []).compactMap { position[$0] }), pb = Self.mean((parents[b.id] ?? []).compactMap { position[$0] })
                return pa != pb ? pa < pb : objectiveOrder[a.id]! < objectiveOrder[b.id]!
            }
            for objective in row { position[objective.id] = Double(placed.count); placed.append(objective) }
        }
        for objective in placed {
            add(Node(id: objective.id, key: "", type: .objective, name: objective.statement, depth: depths[objective.id] ?? 0,
                     tag: nil, isOrphan: false, findings: gaps(.objective, objective.id)))
        }

        // Benefits, ordered by the objectives they contribute to.
        let serves = Dictionary(grouping: plan.links.filter { $0.kind == .contributesTo && benefitIds.contains($0.from) }, by: \.from)
        let benefits = plan.benefits.enumerated().filter { unique.insert($0.element.id).inserted }.sorted { a, b in
            let pa = Self.mean((serves[a.element.id] ?? []).compactMap { position[$0.to] })
            let pb = Self.mean((serves[b.element.id] ?? []).compactMap { position[$0.to] })
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
        for benefit in benefits {
            position[benefit.id] = Double(nodes.count)
            add(Node(id: benefit.id, key: "", type: .benefit, name: benefit.description, depth: 0,
                     tag: benefit.kind == .disBenefit ? "dis-benefit" : nil, isOrphan: false, findings: gaps(.benefit, benefit.id)))
        }

        // Metrics, beside the first benefit they measure.
        let measures = Dictionary(grouping: plan.links.filter { $0.kind == .measures }, by: \.from)
        let metrics = plan.metrics.enumerated().filter { unique.insert($0.element.id).inserted }.sorted { a, b in
            let pa = (measures[a.element.id] ?? []).compactMap { position[$0.to] }.min() ?? .infinity
            let pb = (measures[b.element.id] ?? []).compactMap { position[$0.to] }.min() ?? .infinity
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
        for metric in metrics {
            add(Node(id: metric.id, key: "", type: .metric, name: metric.name, depth: 0,
                     tag: metric.measureType == .qualitative ? "qualitative" : nil, isOrphan: false, findings: gaps(.metric, metric.id)))
        }

        // Deliverables: directly enabling, orphan leaves, and others with findings.
        let enabling = Dictionary(grouping: plan.links.filter { $0.kind == .enabledBy && benefitIds.contains($0.from) }, by: \.to)
        func lineage(_ id: String) -> [String] {
            var result: [String] = [], current: String? = id
            while let next = current, !result.contains(next), deliverables[next] != nil { result.append(next); current = deliverables[next]?.parent }
            return result
        }
        // An orphan is what the orphan-deliverable rule found, so map and report never disagree (a prerequisite of a
        // deliverable that serves a benefit serves it too); a report run without that rule marks none.
        func isOrphan(_ item: Deliverable) -> Bool { gaps(.deliverable, item.id).contains { $0.rule == OrphanDeliverable.id } }
        let direct = plan.deliverables.filter { enabling[$0.id] != nil }
        let directIds = Set(direct.map(\.id))
        var drawn: [(item: Deliverable, rank: Double, orphan: Bool, partOf: String?)] = direct.map { item in
            (item, Self.mean((enabling[item.id] ?? []).compactMap { position[$0.from] }), false, nil)
        }
        let directRank = Dictionary(drawn.map { ($0.item.id, $0.rank) }, uniquingKeysWith: { first, _ in first })
        for item in plan.deliverables where !directIds.contains(item.id) {
            let orphan = isOrphan(item)
            guard orphan || !gaps(.deliverable, item.id).isEmpty else { continue }
            let ancestor = lineage(item.id).dropFirst().first { directIds.contains($0) }
            let rank = ancestor.flatMap { directRank[$0] }.map { $0 + 0.001 } ?? .infinity
            drawn.append((item, rank, orphan, ancestor))
        }
        let order = Dictionary(plan.deliverables.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        drawn.sort { $0.rank != $1.rank ? $0.rank < $1.rank : order[$0.item.id]! < order[$1.item.id]! }
        for entry in drawn where index[entry.item.id] == nil {
            add(Node(id: entry.item.id, key: "", type: .deliverable, name: entry.item.name, depth: 0,
                     tag: entry.orphan ? "orphan" : entry.item.kind.rawValue, isOrphan: entry.orphan,
                     findings: gaps(.deliverable, entry.item.id)))
            if let ancestor = entry.partOf { connect(Edge(from: entry.item.id, to: ancestor, kind: .partOf)) }
        }

        // Edges, pointing from what serves to what is served.
        for objective in placed { for parent in parents[objective.id] ?? [] { connect(Edge(from: objective.id, to: parent, kind: .contributesTo)) } }
        for link in plan.links {
            switch link.kind {
            case .contributesTo where benefitIds.contains(link.from): connect(Edge(from: link.from, to: link.to, kind: .contributesTo))
            case .enabledBy: connect(Edge(from: link.to, to: link.from, kind: .enabledBy))
            case .measures: connect(Edge(from: link.from, to: link.to, kind: .measures, label: link.share.map { "\($0.plainText)%" }))
            default: break
            }
        }
        edges.sort { (index[$0.to] ?? 0, index[$0.from] ?? 0) < (index[$1.to] ?? 0, index[$1.from] ?? 0) }
    }

    private mutating func add(_ node: Node) {
        var node = node
        let prefix = switch node.type {
        case .objective: "Obj_"
        case .benefit: "Ben_"
        case .deliverable: "Del_"
        case .metric: "Met_"
        default: "Ent_"
        }
        let base = prefix + String(String.UnicodeScalarView(node.id.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_"
        }))
        var key = base, suffix = 2
        while keys.contains(key) { key = "\(base)_\(suffix)"; suffix += 1 }
        keys.insert(key)
        node.key = key
        index[node.id] = nodes.count
        nodes.append(node)
    }

    private mutating func connect(_ edge: Edge) {
        var identity = edge
        identity.label = nil
        guard index[edge.from] != nil, index[edge.to] != nil, edge.from != edge.to, edgeSet.insert(identity).inserted else { return }
        edges.append(edge)
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .infinity : values.reduce(0, +) / Double(values.count)
    }
}
