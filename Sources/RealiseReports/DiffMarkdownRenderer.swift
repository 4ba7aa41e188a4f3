import RealiseGaps
import RealiseModel

/// The diff report for board papers in GitHub-flavoured Markdown: the two ends, a summary table of the counts by
/// kind, then one table per kind with the headline kinds first.
public struct DiffMarkdownRenderer: DiffReportRenderer {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        var out = "# Plan changes\n\nFrom **\(inline(report.from.label))** (as of \(report.from.date)) to "
            + "**\(inline(report.to.label))** (as of \(report.to.date)). \(DiffTextRenderer.counts(report))\n"
        if !report.changes.isEmpty {
            out += "\n| Change | Count |\n|---|--:|\n"
            for section in report.sections { out += "| \(section.kind.title) (`\(section.kind.rawValue)`) | \(section.changes.count) |\n" }
        }
        for section in report.sections {
            out += "\n## \(section.kind.title) (\(section.changes.count))\n\n| Subject | Change | Source |\n|---|---|---|\n"
            for change in section.changes {
                let subject = change.subject
                out += "| \(subject.type) **\(inline(subject.id))** \(inline(TextGapRenderer.clip(subject.name, 80))) | "
                    + "\(inline(change.statement)) | \(change.source.map { "\(inline($0.path)):\($0.line)" } ?? "") |\n"
            }
        }
        return out
    }

    private func inline(_ text: String) -> String { MarkdownGapRenderer.inline(text) }
}
