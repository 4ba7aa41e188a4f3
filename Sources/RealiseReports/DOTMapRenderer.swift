import RealiseGaps
import RealiseModel

/// The benefits map as a Graphviz `digraph` that prints on one A4 landscape page: `rankdir=LR`, read left to
/// right as a benefits dependency network (deliverables, then the benefits they enable, then the objectives
/// those serve, the objectives above them last), one cluster per objective (`BenefitsMapGroup`), and a `size`
/// that scales the drawing down to the page when it is larger. Each benefit's box holds its metrics; every
/// finding's title is written in the box of its subject (marked ⚠, outlined red), so nothing needs hovering.
///
/// Node ids are sanitised (`Ben_B1`); labels are double-quoted with `\` and `"` escaped and `&`, `<`, `>`
/// written as character entities (which Graphviz decodes), so plan text cannot break out of a label.
public struct DOTMapRenderer: BenefitsMapRenderer {
    /// The drawing area of an A4 landscape page with 6 mm margins, in inches.
    static let page = (width: 11.2, height: 7.7)

    public init() {}

    public func render(_ report: GapReport) -> String {
        let graph = BenefitsMapGraph(report: report)
        let groups = BenefitsMapGroup.groups(graph), heads = BenefitsMapGroup.heads(graph)
        var inside: [String: [String]] = [:]
        for group in groups { inside.merge(group.metrics) { first, _ in first } }
        let nested = Set(inside.values.joined())
        var out = "// Realise benefits map as of \(report.asOf). Render with: dot -Tpdf map.dot -o map.pdf (one A4 landscape page)\n"
        out += """
            digraph benefits_map {
                rankdir=LR;
                newrank=true;
                size="\(Self.page.width),\(Self.page.height)"; ratio=compress; margin=0.1;
                graph [fontname="Helvetica,Arial,sans-serif", fontsize=12, nodesep=0.08, ranksep=0.4, labeljust=l];
                node [shape=box, style="rounded,filled", fontname="Helvetica,Arial,sans-serif", fontsize=10, color="#555555", fillcolor="#ffffff"];
                edge [color="#555555", arrowsize=0.7, fontname="Helvetica,Arial,sans-serif", fontsize=9];

            """
        for id in heads { if let node = graph.node(id) { out += "    \(node.key) [\(attributes(node, metrics: [], graph))];\n" } }
        for (index, group) in groups.enumerated() {
            let title = group.objective ?? "Linked to no objective"
            out += "    subgraph cluster_\(index + 1) {\n        label=\"\(Self.escape(title))\"; style=\"rounded\"; color=\"#bbbbbb\";\n"
            for id in group.members where !nested.contains(id) {
                guard let node = graph.node(id) else { continue }
                out += "        \(node.key) [\(attributes(node, metrics: inside[id] ?? [], graph))];\n"
            }
            out += "    }\n"
        }
        // Every group's objective in one column, every benefit in the next, whatever their links.
        for ids in [groups.compactMap(\.objective), groups.flatMap(\.benefits)] where ids.count > 1 {
            out += "    { rank=same; " + ids.compactMap { graph.node($0)?.key }.map { $0 + "; " }.joined() + "}\n"
        }
        for edge in graph.edges {
            guard let from = graph.node(edge.from)?.key, let to = graph.node(edge.to)?.key else { continue }
            switch edge.kind {
            case .contributesTo: out += "    \(from) -> \(to);\n"
            case .enabledBy: out += "    \(from) -> \(to) [color=\"#2b4a7a\"];\n"
            case .measures where nested.contains(edge.from): continue  // in the box of its benefit, other benefits named there
            case .measures:
                out += "    \(from) -> \(to) [style=dashed, constraint=false" + (edge.label.map { ", label=\"\(Self.escape($0))\"" } ?? "") + "];\n"
            case .partOf: out += "    \(from) -> \(to) [style=dotted, arrowhead=empty, label=\"part of\"];\n"
            }
        }
        return out + "}\n"
    }

    /// A node's label, left-aligned: id and tag, name, finding titles, then each metric inside it with its own.
    private func attributes(_ node: BenefitsMapGraph.Node, metrics: [String], _ graph: BenefitsMapGraph) -> String {
        let fill = switch node.type {
        case .objective: "#e8eef7"
        case .benefit: "#e9f4ea"
        case .metric: "#fff6dc"
        default: "#f3f3f3"
        }
        var lines = [(node.hasGap ? "⚠ " : "") + node.id + (node.tag.map { " (\($0))" } ?? "")]
        lines += HTMLText.wrap(node.name, width: 34, lines: node.type == .objective ? 3 : 2)
        for title in Set(node.findings.map(\.title)).sorted() { lines += HTMLText.wrap("! " + title, width: 34, lines: 2) }
        // Each metric on one line, its findings after it: the page has room for no more.
        for metric in metrics.compactMap(graph.node) {
            let measures = graph.edges.filter { $0.kind == .measures && $0.from == metric.id }
            var line = "measured by \(metric.id)" + (measures.first { $0.to == node.id }?.label.map { " (\($0))" } ?? "")
            let others = measures.filter { $0.to != node.id }.map(\.to)
            if !others.isEmpty { line += ", also of " + others.joined(separator: ", ") }
            lines.append((metric.hasGap ? "⚠ " : "") + line)
            for title in Set(metric.findings.map(\.title)).sorted() { lines += HTMLText.wrap("! " + title, width: 34, lines: 1) }
        }
        var attributes = "label=\"\(lines.map { Self.escape($0) + "\\l" }.joined())\", fillcolor=\"\(fill)\""
        if node.type == .metric { attributes += ", shape=note" }
        if node.isOrphan { attributes += ", style=\"rounded,filled,dashed\"" }
        if node.hasGap || metrics.contains(where: { graph.node($0)?.hasGap == true }) { attributes += ", color=red, penwidth=2" }
        return attributes
    }

    /// `text` safe inside a double-quoted DOT string: one line, `\` and `"` escaped, `&`, `<`, `>` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        // Control characters other than line breaks (which `oneLine` makes spaces) are made visible first.
        for scalar in HTMLText.oneLine(ControlCharacters.escaped(text, keeping: .lineBreaks)).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
