import RealiseModel

/// How one drawing of the benefits map is laid out: layers one below the other, each split into one column
/// per objective group, boxes in rows within a column.
extension BenefitsMapLayout {
    static func page(_ graph: BenefitsMapGraph, _ groups: [BenefitsMapGroup], heads: [String], objective: String?,
                     width: Double = BenefitsMapLayout.width) -> Page {
        var page = Page(objective: objective, width: width)
        let drawn = Set(heads + groups.flatMap(\.members))
        var nested: [String: String] = [:]
        for group in groups { for (benefit, metrics) in group.metrics { for metric in metrics { nested[metric] = benefit } } }
        // A metric's link to the benefit it sits in is shown by the nesting; its other links, like every link
        // to an entity not drawn here, are written in the box.
        page.edges = graph.edges.filter { drawn.contains($0.from) && drawn.contains($0.to) && $0.kind != .measures }
        var placed = BenefitsMapBoxes(graph: graph, notes: notes(graph, drawn: drawn, edges: page.edges, nested: nested))

        let inner = width - 2 * margin, columns = Double(max(1, groups.count))
        let columnWidth = (inner - (columns - 1) * gap) / columns
        let x = { (index: Int) in margin + Double(index) * (columnWidth + gap) }
        var y = margin
        func band(_ title: String, _ body: () -> Double) {
            page.captions.append((title.uppercased(), margin, y + 12))
            y = body() + 30
        }
        band("Objectives") {
            let depth = Dictionary(heads.map { ($0, graph.node($0)?.depth ?? 0) }, uniquingKeysWith: { first, _ in first })
            var top = y + 20
            for level in Set(depth.values).sorted() {
                top = placed.grid(heads.filter { depth[$0] == level }, x: margin, width: inner, top: top, widest: cardWidth * 1.25) + gap
            }
            var bottom = top
            for (index, group) in groups.enumerated() {
                if let objective = group.objective {
                    bottom = max(bottom, placed.grid([objective], x: x(index), width: columnWidth, top: top, widest: cardWidth * 1.25))
                } else {
                    page.captions.append(("Linked to no objective", x(index), top + 12))
                }
            }
            return bottom
        }
        if groups.contains(where: { !$0.benefits.isEmpty || !$0.looseMetrics.isEmpty }) {
            band("Benefits and their metrics") {
                groups.enumerated().map { placed.grid($1.benefits + $1.looseMetrics, x: x($0), width: columnWidth, top: y + 20, metrics: $1.metrics) }.max() ?? y
            }
        }
        if groups.contains(where: { !$0.deliverables.isEmpty }) {
            band("Deliverables") { groups.enumerated().map { placed.grid($1.deliverables, x: x($0), width: columnWidth, top: y + 20) }.max() ?? y }
        }
        page.boxes = placed.boxes
        page.lines = placed.lines
        page.height = (placed.boxes.values.map { $0.y + $0.h }.max() ?? y) + margin
        return page
    }

    /// For each entity drawn, its links not drawn as arrows, as lines such as "Enabled by DEL-01, DEL-19".
    static func notes(_ graph: BenefitsMapGraph, drawn: Set<String>, edges: [BenefitsMapGraph.Edge], nested: [String: String]) -> [String: [String]] {
        let arrows = Set(edges)
        var phrases: [String: [(String, [String])]] = [:]
        func add(_ id: String, _ verb: String, _ other: String) {
            guard drawn.contains(id) else { return }
            if let index = phrases[id]?.firstIndex(where: { $0.0 == verb }) { phrases[id]![index].1.append(other) }
            else { phrases[id, default: []].append((verb, [other])) }
        }
        for edge in graph.edges where !arrows.contains(edge) && nested[edge.from] != edge.to {
            let (forward, backward) = switch edge.kind {
            case .contributesTo: ("Contributes to", "Supported by")
            case .enabledBy: ("Enables", "Enabled by")
            case .measures: ("Measures", "Measured by")
            case .partOf: ("Part of", "Has part")
            }
            add(edge.from, forward, edge.to + (edge.label.map { " (\($0))" } ?? ""))
            add(edge.to, backward, edge.from + (edge.label.map { " (\($0))" } ?? ""))
        }
        return phrases.mapValues { $0.map { "\($0.0) \($0.1.joined(separator: ", "))" } }
    }
}
