import RealiseGaps
import RealiseModel

/// The diff report for board papers in GitHub-flavoured Markdown: the two ends, a summary table of the counts by
/// kind, then one table per kind with the headline kinds first.
public struct DiffMarkdownRenderer: DiffReportRenderer {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        var out = "# Plan changes\n\nFrom **\(Self.inline(report.from.label))** (as of \(report.from.date)) to "
            + "**\(Self.inline(report.to.label))** (as of \(report.to.date)). \(DiffTextRenderer.counts(report))\n"
        if !report.changes.isEmpty {
            out += "\n| Change | Count |\n|---|--:|\n"
            for section in report.sections { out += "| \(section.kind.title) (`\(section.kind.rawValue)`) | \(section.changes.count) |\n" }
        }
        for section in report.sections {
            out += "\n## \(section.kind.title) (\(section.changes.count))\n\n" + Self.table(section.changes)
        }
        return out
    }

    /// The changes as a table of subject, change and source, one row each: shared with the gap report's "Since"
    /// section so that a change reads the same in both.
    static func table(_ changes: [PlanChange]) -> String {
        var out = "| Subject | Change | Source |\n|---|---|---|\n"
        for change in changes {
            let subject = change.subject
            out += "| \(subject.type) **\(inline(subject.id))** \(inline(TextGapRenderer.clip(subject.name, 80))) | "
                + "\(inline(change.statement)) | \(change.source.map { "\(inline($0.path)):\($0.line)" } ?? "") |\n"
        }
        return out
    }

    private static func inline(_ text: String) -> String { MarkdownGapRenderer.inline(text) }
}
