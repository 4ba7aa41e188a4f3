import RealiseGaps

/// Draws the benefits dependency map of a gap report's plan as text for a diagram tool: objectives ←
/// benefits ← deliverables, metrics beside the benefits they measure, and every subject with a finding
/// highlighted. One type per format; output is deterministic.
public protocol BenefitsMapRenderer: Sendable {
    /// The map of `report.plan`, with the subjects of `report.findings` highlighted.
    func render(_ report: GapReport) -> String
}

/// The formats `realise map --format` offers.
public enum MapFormat: String, CaseIterable, Sendable {
    /// A Mermaid `flowchart` (renders in GitHub, GitLab, Confluence and Markdown previews).
    case mermaid
    /// A Graphviz `digraph` (`dot -Tsvg map.dot > map.svg`).
    case dot

    /// The renderer for this format.
    public func renderer() -> any BenefitsMapRenderer {
        switch self {
        case .mermaid: MermaidMapRenderer()
        case .dot: DOTMapRenderer()
        }
    }
}
