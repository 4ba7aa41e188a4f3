import RealiseGaps

/// Turns a gap report into one output format. One type per format.
public protocol GapReportRenderer: Sendable {
    func render(_ report: GapReport) -> String
}

/// The formats `realise gaps --format` offers.
public enum GapReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html

    /// The renderer for this format; `colour` applies to terminal text only.
    public func renderer(colour: Bool = false) -> any GapReportRenderer {
        switch self {
        case .text: TextGapRenderer(colour: colour)
        case .markdown: MarkdownGapRenderer()
        case .json: JSONGapRenderer()
        case .csv: CSVGapRenderer()
        case .html: HTMLGapRenderer()
        }
    }
}
