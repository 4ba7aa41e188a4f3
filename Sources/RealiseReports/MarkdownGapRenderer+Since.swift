import RealiseGaps
import RealiseModel

/// The Markdown report's "Since" section: what a board asks about first — slips, targets lowered or deferred,
/// delivery confidence, gaps opened and closed — since an earlier day, worded as `realise diff` words it.
extension MarkdownGapRenderer {
    /// The section, or nothing when the report compares with no earlier day (so that output is as it was).
    static func since(_ report: GapReport) -> String {
        guard let since = report.since else { return "" }
        var out = "\n## \(SinceWording.heading(since))\n"
        let headline = since.headline
        if headline.isEmpty { out += "\n\(SinceWording.noHeadline(since))\n" }
        for section in headline {
            out += "\n### \(section.kind.title) (\(section.changes.count))\n\n" + DiffMarkdownRenderer.table(section.changes)
        }
        return out + "\n\(SinceWording.total(since)) See `\(SinceWording.command(since))` for every change.\n"
    }
}
