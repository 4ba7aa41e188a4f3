import RealiseGaps

/// Turns a gap report into one output format. One type per format.
public protocol GapReportRenderer: Sendable {
    func render(_ report: GapReport) -> String
    /// The report as UTF-8 bytes: the same text as `render`, for writing out without making a string of it.
    func renderUTF8(_ report: GapReport) -> [UInt8]
    /// The report as UTF-8 bytes handed to `output` piece by piece, in order: the same text as `renderUTF8`, for
    /// writing out as it is made (a report can be a hundred megabytes).
    func write(_ report: GapReport, to output: ([UInt8]) throws -> Void) rethrows
}

extension GapReportRenderer {
    public func renderUTF8(_ report: GapReport) -> [UInt8] { Array(render(report).utf8) }

    public func write(_ report: GapReport, to output: ([UInt8]) throws -> Void) rethrows { try output(renderUTF8(report)) }
}

/// The formats `realise gaps --format` offers.
public enum GapReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, html

    /// Whether the format shows each finding's evidence in words (`Finding.details`): the reading formats do; JSON and
    /// CSV give the evidence's exact values.
    public var wordsEvidence: Bool { self == .text || self == .markdown || self == .html }

    /// Whether the format draws each metric's trajectory (`GapReport.trajectories`): only HTML charts them.
    public var drawsTrajectories: Bool { self == .html }

    /// Whether the format reads the plan's values (`GapReport.plan.values`): only HTML, for its charts.
    public var readsValues: Bool { self == .html }

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
