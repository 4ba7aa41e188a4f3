import RealiseGaps

/// Turns a gap report into one output format. One type per format.
public protocol GapReportRenderer: Sendable {
    func render(_ report: GapReport) -> String
    /// The report as UTF-8 bytes: the same text as `render`, for writing out without making a string of it.
    func renderUTF8(_ report: GapReport) -> [UInt8]
}

extension GapReportRenderer {
    public func renderUTF8(_ report: GapReport) -> [UInt8] { Array(render(report).utf8) }
}

/// The formats `realise gaps --format` offers.
public enum GapReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html

    /// Whether the format shows each finding's evidence in words (`Finding.details`): the reading formats do; JSON and
    /// CSV give the evidence's exact values.
    public var wordsEvidence: Bool { self == .text || self == .markdown || self == .html }

    /// Whether the format draws each metric's trajectory (`GapReport.trajectories`): only HTML charts them.
    public var drawsTrajectories: Bool { self == .html }

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
