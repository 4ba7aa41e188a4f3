import RealiseModel

/// One entity with everything linked to it: its fields, then what it serves upstream (towards objectives)
/// and what serves it downstream (towards deliverables), as indented trees. The `realise show` output.
public struct EntityView: Sendable {
    /// One edge of the benefits dependency network, read as "`from` serves `to`", with its wording in both
    /// directions ("contributes to" upstream, "supported by" downstream).
    struct Edge {
        var from: String
        var to: String
        var relation: String
        var reverse: String
    }

    let plan: Plan
    private let names: [String: (EntityType, String)]
    private let serves: [String: [Edge]]
    private let servedBy: [String: [Edge]]

    public init(plan: Plan) {
        self.plan = plan
        var names: [String: (EntityType, String)] = [:]
        for (id, type, _) in plan.entityIndex { names[id] = (type, "") }
        for item in plan.objectives { names[item.id] = (.objective, item.statement) }
        for item in plan.benefits { names[item.id] = (.benefit, item.description) }
        for item in plan.deliverables { names[item.id] = (.deliverable, item.name) }
        for item in plan.metrics { names[item.id] = (.metric, item.name) }
        for item in plan.programmes { names[item.id] = (.programme, item.name) }
        for item in plan.organisations { names[item.id] = (.organisation, item.name) }
        self.names = names
        var edges: [Edge] = []
        for link in plan.links {
            switch link.kind {
            case .contributesTo:
                edges.append(Edge(from: link.from, to: link.to, relation: "contributes to", reverse: "supported by"))
            case .enabledBy:
                edges.append(Edge(from: link.to, to: link.from, relation: "enables", reverse: "enabled by"))
            case .measures:
                let share = link.share.map { " (\($0.plainText)%)" } ?? ""
                edges.append(Edge(from: link.from, to: link.to, relation: "measures" + share, reverse: "measured by" + share))
            case .dependsOn:
                edges.append(Edge(from: link.to, to: link.from, relation: "is needed by", reverse: "needs"))
            }
        }
        let parents = plan.objectives.map { ($0.id, $0.parent) } + plan.deliverables.map { ($0.id, $0.parent) }
        for case let (id, parent?) in parents {
            edges.append(Edge(from: id, to: parent, relation: "is part of", reverse: "has part"))
        }
        serves = Dictionary(grouping: edges, by: \.from)
        servedBy = Dictionary(grouping: edges, by: \.to)
    }

    /// Whether the plan has an entity with this id.
    public func contains(_ id: String) -> Bool { names[id] != nil }

    /// The text view of entity `id`, with its fields from `fields` (a listing row); every id and text is on
    /// its line with control characters made visible.
    public func render(id: String, fields: Listing.Row) -> String {
        guard let (type, name) = names[id] else { return "" }
        var out = "\(type.rawValue) \(id.escapingControls): \(name.escapingControls)\n"
        for (key, value) in fields where !["id", "name"].contains(key) {
            let text = cellText(value).escapingControls
            if !text.isEmpty, key != "values" { out += "  \(key): \(text)\n" }
        }
        if case .array(let values)? = fields.first(where: { $0.0 == "values" })?.1, !values.isEmpty {
            out += "  values:\n"
            for value in values { out += "    \(cellText(value).escapingControls)\n" }
        }
        out += "\nUpstream (what it serves):\n" + tree(from: id, upstream: true)
        out += "\nDownstream (what serves it):\n" + tree(from: id, upstream: false)
        return out
    }

    /// One entity reached from another along the network, with what it reached in turn.
    public struct Branch: Sendable {
        /// How it is linked, read from the entity the walk started at (`contributes to`, `enabled by` …).
        public var relation: String
        /// The entity reached: its type, id and name (statement, description).
        public var type: EntityType
        public var id: String
        public var name: String
        /// Whether it was reached earlier in the walk (its branches are shown there, not again).
        public var seen: Bool
        /// What it reached in turn (none when `seen`, or twelve levels down).
        public var branches: [Branch]
    }

    /// The type and name (statement, description) of entity `id`, when the plan has it.
    public func entry(_ id: String) -> (type: EntityType, name: String)? {
        names[id].map { (type: $0.0, name: $0.1) }
    }

    /// What entity `id` serves, walked upstream towards the objectives, or (`upstream` false) what serves it, walked
    /// downstream towards the deliverables; each entity's branches are walked once, to twelve levels.
    public func branches(of id: String, upstream: Bool) -> [Branch] {
        var visited: Set<String> = [id]
        return walk(id, depth: 1, edges: upstream ? serves : servedBy, upstream: upstream, visited: &visited)
    }

    private func walk(_ id: String, depth: Int, edges: [String: [Edge]], upstream: Bool, visited: inout Set<String>) -> [Branch] {
        (edges[id] ?? []).map { edge in
            let next = upstream ? edge.to : edge.from
            let (type, name) = names[next] ?? (.objective, "?")
            let seen = !visited.insert(next).inserted
            let below = !seen && depth < 12 ? walk(next, depth: depth + 1, edges: edges, upstream: upstream, visited: &visited) : []
            return Branch(relation: upstream ? edge.relation : edge.reverse, type: type, id: next, name: name, seen: seen, branches: below)
        }
    }

    private func tree(from root: String, upstream: Bool) -> String {
        var out = ""
        func write(_ branches: [Branch], depth: Int) {
            for branch in branches {
                out += String(repeating: "  ", count: depth) + "- \(branch.relation) \(branch.type.rawValue) \(branch.id.escapingControls): "
                    + TextGapRenderer.clip(branch.name, 70) + (branch.seen ? " (see above)" : "") + "\n"
                write(branch.branches, depth: depth + 1)
            }
        }
        write(branches(of: root, upstream: upstream), depth: 1)
        return out.isEmpty ? "  (nothing)\n" : out
    }
}
