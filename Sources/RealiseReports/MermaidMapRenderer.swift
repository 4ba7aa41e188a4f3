import RealiseGaps
import RealiseModel

/// The benefits map as a Mermaid `flowchart` drawn bottom to top: deliverables `-->` benefits `-->`
/// objectives, metrics `-.->` the benefits they measure, one subgraph per entity type. Subjects with
/// findings get the `gap` class (red outline) and a ⚠ in their label, so the mark survives without colour.
///
/// Node ids are sanitised (`Ben_B1`, `Del_D1_1`); labels are quoted with `"`, `&`, `<`, `>`, `#` and
/// backticks written as Mermaid entity codes, so plan text cannot end a label or inject markup.
public struct MermaidMapRenderer: BenefitsMapRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let graph = BenefitsMapGraph(report: report)
        var out = "flowchart BT\n"
        out += "    %% Realise benefits map as of \(report.asOf): arrows point from what serves to what it serves; ⚠ marks a subject with findings\n"
        let groups: [(EntityType, String, String)] = [
            (.objective, "objectives", "Objectives"), (.benefit, "benefits", "Benefits"),
            (.metric, "metrics", "Metrics"), (.deliverable, "deliverables", "Deliverables"),
        ]
        for (type, id, title) in groups {
            let nodes = graph.nodes(type)
            guard !nodes.isEmpty else { continue }
            out += "    subgraph \(id)[\"\(title)\"]\n"
            for node in nodes {
                let tag = node.tag.map { " (\($0))" } ?? ""
                let label = (node.hasGap ? "⚠ " : "") + node.id + tag + ": " + HTMLText.clip(node.name, 80)
                out += "        \(node.key)[\"\(Self.escape(label))\"]\n"
            }
            out += "    end\n"
        }
        for edge in graph.edges {
            guard let from = graph.node(edge.from)?.key, let to = graph.node(edge.to)?.key else { continue }
            switch edge.kind {
            case .contributesTo, .enabledBy: out += "    \(from) --> \(to)\n"
            case .measures: out += "    \(from) -.->" + (edge.label.map { "|\"\(Self.escape($0))\"|" } ?? "") + " \(to)\n"
            case .partOf: out += "    \(from) -.->|\"part of\"| \(to)\n"
            }
        }
        out += """
                classDef objective fill:#e8eef7,stroke:#2b4a7a,color:#111111
                classDef benefit fill:#e9f4ea,stroke:#2e6b34,color:#111111
                classDef metric fill:#fff6dc,stroke:#8a6d00,color:#111111
                classDef deliverable fill:#f3f3f3,stroke:#555555,color:#111111
                classDef gap stroke:#c00000,stroke-width:3px

            """
        for (type, _, _) in groups {
            let keys = graph.nodes(type).map(\.key)
            if !keys.isEmpty { out += "    class \(keys.joined(separator: ",")) \(type.rawValue)\n" }
        }
        let gaps = graph.nodes.filter(\.hasGap).map(\.key)
        if !gaps.isEmpty { out += "    class \(gaps.joined(separator: ",")) gap\n" }
        return out
    }

    /// `text` safe inside a double-quoted Mermaid label: on one line, with `"`, `&`, `<`, `>`, `#` and
    /// backticks as numeric entity codes (`#34;`).
    static func escape(_ text: String) -> String {
        var out = ""
        // Control characters other than line breaks (which `oneLine` makes spaces) are made visible first.
        for scalar in HTMLText.oneLine(ControlCharacters.escaped(text, keeping: ControlCharacters.lineBreaks)).unicodeScalars {
            switch scalar {
            case "\"", "&", "<", ">", "#", "`": out += "#\(scalar.value);"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
