import RealiseGaps

/// Turns a diff report (`realise diff`) into one output format. One type per format.
public protocol DiffReportRenderer: Sendable {
    func render(_ report: DiffReport) -> String
}

/// The formats `realise diff --format` offers besides the workbook (`DiffWorkbook`).
public enum DiffReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html

    /// The renderer for this format; `colour` applies to terminal text only.
    public func renderer(colour: Bool = false) -> any DiffReportRenderer {
        switch self {
        case .text: DiffTextRenderer(colour: colour)
        case .markdown: DiffMarkdownRenderer()
        case .json: DiffJSONRenderer()
        case .csv: DiffCSVRenderer()
        case .html: DiffHTMLRenderer()
        }
    }
}
