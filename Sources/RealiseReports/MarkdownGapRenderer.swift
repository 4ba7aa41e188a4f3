import RealiseGaps
import RealiseModel

/// The gap report for board papers: summary, coverage table, what changed since an earlier day (when the report
/// compares with one) and findings table in GitHub-flavoured Markdown.
public struct MarkdownGapRenderer: GapReportRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let programmes = report.plan.programmes.map(\.name)
        var out = "# Gap report" + (programmes.isEmpty ? "" : ": " + programmes.map(MarkdownGapRenderer.inline).joined(separator: ", "))
        out += "\n\nAs of **\(report.asOf)**. \(report.findings.count) findings: **\(report.summary.high) high**, "
            + "\(report.summary.medium) medium, \(report.summary.low) low.\n"
        if !report.coverage.isEmpty {
            out += "\n## Coverage by objective\n\n"
            out += "| Objective | Benefits | With a deliverable | With baseline and target | Recently measured | Review up to date | Latest review |\n"
            out += "|---|--:|--:|--:|--:|--:|---|\n"
            for row in report.coverage {
                func cell(_ count: Int) -> String { "\(count)" + (row.percent(count).map { " (\($0)%)" } ?? "") }
                let label = row.level == "programme" ? "Total" : MarkdownGapRenderer.inline(row.objective)
                out += "| **\(label)** \(MarkdownGapRenderer.inline(row.statement)) | \(row.benefits) | "
                    + "\(cell(row.withDeliverable)) | \(cell(row.withMeasurableMetric)) | \(cell(row.recentlyMeasured)) | "
                    + "\(cell(row.upToDateReview)) | \(MarkdownGapRenderer.review(row)) |\n"
            }
        }
        out += MarkdownGapRenderer.since(report)
        out += "\n## Findings\n"
        if report.findings.isEmpty { out += "\nNo gaps found.\n" }
        for section in report.layout.sections {
            out += "\n### \(section.severity.rawValue.capitalized) (\(section.findingCount) finding\(section.findingCount == 1 ? "" : "s"))\n\n"
            out += "| Subject | Finding | Evidence | Owner | What to do | Source |\n|---|---|---|---|---|---|\n"
            for entry in section.entries { out += MarkdownGapRenderer.rows(entry, under: section.severity) }
        }
        return out + MarkdownGapRenderer.actions(report.actions)
    }

    /// The actions section: open actions with where each stands, then those closed since the last review.
    static func actions(_ actions: ActionStandings) -> String {
        guard !actions.isEmpty else { return "" }
        var out = "\n## Actions\n"
        if !actions.open.isEmpty {
            out += "\n### Open (\(actions.open.count))\n\n| # | On | Owner | Due | Standing | Agreed |\n|--:|---|---|---|---|---|\n"
            for open in actions.open {
                let action = open.action
                out += "| \(action.id) | \(inline(action.target)) | \(inline(action.owner)) | \(action.due) | "
                    + "\(ActionWording.standing(open)) | \(action.opened.on)\(action.opened.note.map { ": " + inline($0) } ?? "") |\n"
            }
        }
        if !actions.closedSinceReview.isEmpty {
            out += "\n### Closed since the last review (\(actions.closedSinceReview.count))\n\n"
            out += "| # | On | Owner | Closed | What was done |\n|--:|---|---|---|---|\n"
            for action in actions.closedSinceReview {
                out += "| \(action.id) | \(inline(action.target)) | \(inline(action.owner)) | "
                    + "\(action.closed!.on) by \(inline(action.closed!.by)) | \(inline(action.closed?.note ?? "")) |\n"
            }
        }
        return out
    }

    /// Text safe inside a table cell: one line, pipes and Markdown/HTML specials escaped.
    /// Control characters other than line breaks (which become spaces) are made visible first.
    static func inline(_ text: String) -> String {
        let text = ControlCharacters.escaped(text, keeping: .lineBreaks)
        return ASCIIText.inline(text) ?? inlineByCharacter(text)
    }

    /// `inline` character by character: for any text (ASCII text takes `ASCIIText.inline`, which gives the same).
    static func inlineByCharacter(_ text: String) -> String {
        var out = ""
        for character in ControlCharacters.escaped(text, keeping: .lineBreaks) {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "#": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case _ where character.isNewline: out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
