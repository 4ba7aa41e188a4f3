import RealiseGaps
import RealiseModel

/// The diff report as one self-contained HTML5 page in the style of the HTML gap report (its stylesheet, no
/// script, no external assets): the two ends, a summary strip of the headline kinds, then one table per kind with
/// the headline kinds first. Every text from the plans is escaped with ``HTMLText/escape(_:)``.
public struct DiffHTMLRenderer: DiffReportRenderer {
    public init() {}

    public func render(_ report: DiffReport) -> String {
        let from = HTMLText.escape(report.from.label), to = HTMLText.escape(report.to.label)
        var out = HTMLGapRenderer.documentStart(title: "Plan changes — \(from) → \(to)")
        out += "<header class=\"report\">\n<p class=\"kicker\">Plan changes</p>\n<h1>\(from) → \(to)</h1>\n"
        out += "<p class=\"asof\">From <strong>\(from)</strong> as of \(report.from.date) to <strong>\(to)</strong> as of "
            + "\(report.to.date)</p>\n</header>\n"
        out += summary(report)
        for section in report.sections { out += table(section.kind, section.changes) }
        out += "<footer>\n<p>Produced by Realise: \(from) (as of \(report.from.date)) compared with \(to) (as of \(report.to.date)); "
            + "changes of form only (order, white space, number format, file and line) are not listed.</p>\n</footer>\n"
        return out + "</main>\n</body>\n</html>\n"
    }

    /// The counts in words, then a tile per headline kind (zero included) and one for the other changes.
    private func summary(_ report: DiffReport) -> String {
        var out = "<section class=\"summary\" aria-label=\"Summary\">\n<p class=\"lead\">\(HTMLText.escape(DiffTextRenderer.counts(report)))</p>\n"
        out += "<div class=\"tiles\">\n"
        let counts = Dictionary(uniqueKeysWithValues: report.summary.map { ($0.kind, $0.count) })
        for kind in ChangeKind.headline {
            out += "<div class=\"tile \(DiffHTMLRenderer.tone(kind))\"><span class=\"count\">\(counts[kind] ?? 0)</span>"
                + "<span class=\"what\">\(HTMLText.escape(kind.title))</span></div>\n"
        }
        let others = report.changes.count - ChangeKind.headline.reduce(0) { $0 + (counts[$1] ?? 0) }
        out += "<div class=\"tile plan\"><span class=\"count\">\(others)</span><span class=\"what\">Other changes</span></div>\n"
        return out + "</div>\n</section>\n"
    }

    /// The tile colour of a headline kind: bad news high, mixed news medium, good news the accent.
    static func tone(_ kind: ChangeKind) -> String {
        switch kind {
        case .slipped, .targetLowered, .gapOpened: "high"
        case .targetDeferred, .ragChanged: "medium"
        default: "plan"
        }
    }

    private func table(_ kind: ChangeKind, _ changes: [PlanChange]) -> String {
        "<section id=\"\(kind.rawValue)\">\n<h2>\(HTMLText.escape(kind.title)) (\(changes.count)) <code>\(kind.rawValue)</code></h2>\n"
            + Self.table(changes) + "</section>\n"
    }

    /// The changes as a table of subject, change and source, one row each, every text escaped: shared with the gap
    /// report's "Since" section so that a change reads the same in both.
    static func table(_ changes: [PlanChange]) -> String {
        var out = "<table class=\"changes\">\n<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Change</th>"
            + "<th scope=\"col\">Source</th></tr></thead>\n<tbody>\n"
        for change in changes {
            let subject = change.subject
            out += "<tr><th scope=\"row\"><span class=\"type\">\(HTMLText.escape(subject.type))</span> <strong>\(HTMLText.escape(subject.id))</strong>"
                + "<br/><span class=\"name\">\(HTMLText.escape(HTMLText.clip(subject.name, 200)))</span></th>"
                + "<td>\(HTMLText.escape(change.statement))</td>"
                + "<td>\(change.source.map { "<code class=\"source\">\(HTMLGapRenderer.path($0.path)):\($0.line)</code>" } ?? "")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
