import RealiseGaps
import RealiseModel

/// The HTML report's "Since" section: what a board asks about first — slips, targets lowered or deferred,
/// delivery confidence, gaps opened and closed — since an earlier day, in the diff report's tables and wording.
extension HTMLGapRenderer {
    func since(_ report: GapReport) -> String {
        guard let since = report.since else { return "" }
        var out = "<section id=\"since\">\n<h2>\(HTMLText.escape(SinceWording.heading(since)))</h2>\n"
        out += "<p class=\"note\">Slips, targets lowered or deferred, delivery confidence and gaps opened or closed, from the plan "
            + "as it stood on \(since.from.date) to the plan as of \(since.to.date).</p>\n"
        let headline = since.headline
        if headline.isEmpty { out += "<p class=\"empty\">\(HTMLText.escape(SinceWording.noHeadline(since)))</p>\n" }
        for section in headline {
            let kind = section.kind
            out += "<h3 class=\"\(DiffHTMLRenderer.tone(kind))\">\(HTMLText.escape(kind.title)) (\(section.changes.count)) "
                + "<code>\(kind.rawValue)</code></h3>\n" + DiffHTMLRenderer.table(section.changes)
        }
        out += "<p class=\"total\">\(HTMLText.escape(SinceWording.total(since))) See "
            + "<code>\(HTMLText.escape(SinceWording.command(since)))</code> for every change.</p>\n"
        return out + "</section>\n"
    }

    /// Rules only a report with a "Since" section needs, added to the stylesheet then alone so that every other
    /// report keeps its bytes: the change tables' columns, and their type in print as small as the findings'.
    public static let sinceCSS = """
        section#since h3 code { font-size: 11px; font-weight: 400; color: var(--muted); }
        table.changes thead th:nth-child(1) { width: 30%; } table.changes thead th:nth-child(3) { width: 20%; }
        p.total { margin: 12px 0 0; }
        @media print {
          table.changes { font-size: 8.5pt; }
          section#since h3 { margin-top: 12px; }
        }

        """
}
