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
        out += "\nUpstream (what it serves):\n" + tree(from: id, edges: serves, upstream: true)
        out += "\nDownstream (what serves it):\n" + tree(from: id, edges: servedBy, upstream: false)
        return out
    }

    private func tree(from root: String, edges: [String: [Edge]], upstream: Bool) -> String {
        var out = ""
        var visited: Set<String> = [root]
        func walk(_ id: String, depth: Int) {
            for edge in edges[id] ?? [] {
                let next = upstream ? edge.to : edge.from
                let (type, name) = names[next] ?? (.objective, "?")
                let seen = !visited.insert(next).inserted
                out += String(repeating: "  ", count: depth) + "- \(upstream ? edge.relation : edge.reverse) \(type.rawValue) \(next.escapingControls): "
                    + TextGapRenderer.clip(name, 70) + (seen ? " (see above)" : "") + "\n"
                if !seen, depth < 12 { walk(next, depth: depth + 1) }
            }
        }
        walk(root, depth: 1)
        return out.isEmpty ? "  (nothing)\n" : out
    }
}
