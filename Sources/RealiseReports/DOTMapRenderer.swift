import RealiseGaps
import RealiseModel

/// The benefits map as a Graphviz `digraph` with `rankdir=BT`: deliverables at the bottom, benefits (with
/// their metrics on the same rank) above them, objectives on top, one cluster per layer. Subjects with
/// findings are drawn `color=red, penwidth=2` and marked ⚠ in their label.
///
/// Node ids are sanitised (`Ben_B1`); labels are double-quoted with `\` and `"` escaped and `&`, `<`, `>`
/// written as character entities (which Graphviz decodes), so plan text cannot break out of a label.
public struct DOTMapRenderer: BenefitsMapRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let graph = BenefitsMapGraph(report: report)
        var out = "// Realise benefits map as of \(report.asOf). Render with: dot -Tsvg map.dot -o map.svg\n"
        out += """
            digraph benefits_map {
                rankdir=BT;
                newrank=true;
                graph [fontname="Helvetica,Arial,sans-serif", fontsize=12, nodesep=0.25, ranksep=0.5];
                node [shape=box, style="rounded,filled", fontname="Helvetica,Arial,sans-serif", fontsize=10, color="#555555", fillcolor="#ffffff"];
                edge [color="#555555", arrowsize=0.7, fontname="Helvetica,Arial,sans-serif", fontsize=9];

            """
        let clusters: [(String, String, [EntityType])] = [
            ("objectives", "Objectives", [.objective]), ("benefits", "Benefits and metrics", [.benefit, .metric]),
            ("deliverables", "Deliverables", [.deliverable]),
        ]
        for (id, title, types) in clusters {
            let nodes = types.flatMap { graph.nodes($0) }
            guard !nodes.isEmpty else { continue }
            out += "    subgraph cluster_\(id) {\n        label=\"\(title)\"; style=\"rounded\"; color=\"#bbbbbb\";\n"
            if id == "benefits" { out += "        { rank=same; " + nodes.map { $0.key + "; " }.joined() + "}\n" }
            for node in nodes { out += "        \(node.key) [\(attributes(node))];\n" }
            out += "    }\n"
        }
        for edge in graph.edges {
            guard let from = graph.node(edge.from)?.key, let to = graph.node(edge.to)?.key else { continue }
            switch edge.kind {
            case .contributesTo: out += "    \(from) -> \(to);\n"
            case .enabledBy: out += "    \(from) -> \(to) [color=\"#2b4a7a\"];\n"
            case .measures:
                out += "    \(from) -> \(to) [style=dashed, constraint=false" + (edge.label.map { ", label=\"\(Self.escape($0))\"" } ?? "") + "];\n"
            case .partOf: out += "    \(from) -> \(to) [style=dotted, arrowhead=empty, label=\"part of\"];\n"
            }
        }
        return out + "}\n"
    }

    private func attributes(_ node: BenefitsMapGraph.Node) -> String {
        let fill = switch node.type {
        case .objective: "#e8eef7"
        case .benefit: "#e9f4ea"
        case .metric: "#fff6dc"
        default: "#f3f3f3"
        }
        let head = (node.hasGap ? "⚠ " : "") + node.id + (node.tag.map { " (\($0))" } ?? "")
        let lines = [head] + HTMLText.wrap(node.name, width: 30, lines: 3)
        var attributes = "label=\"\(lines.map(Self.escape).joined(separator: "\\n"))\", fillcolor=\"\(fill)\""
        if node.type == .metric { attributes += ", shape=note" }
        if node.isOrphan { attributes += ", style=\"rounded,filled,dashed\"" }
        if node.hasGap {
            let rules = Array(Set(node.findings.map(\.rule))).sorted().joined(separator: ", ")
            attributes += ", color=red, penwidth=2, tooltip=\"\(Self.escape("Findings: " + rules))\""
        }
        return attributes
    }

    /// `text` safe inside a double-quoted DOT string: one line, `\` and `"` escaped, `&`, `<`, `>` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        // Control characters other than line breaks (which `oneLine` makes spaces) are made visible first.
        for scalar in HTMLText.oneLine(ControlCharacters.escaped(text, keeping: ControlCharacters.lineBreaks)).unicodeScalars {
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
