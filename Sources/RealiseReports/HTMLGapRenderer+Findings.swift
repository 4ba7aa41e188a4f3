import Foundation
import RealiseGaps
import RealiseModel

/// The findings section of the HTML report: a table per severity, a subject's findings in one row group, a rule's
/// common cause in one row listing its subjects.
extension HTMLGapRenderer {
    func findings(_ report: GapReport) -> String {
        var out = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        guard !report.findings.isEmpty else { return out + "<p class=\"empty\">No gaps found.</p>\n</section>\n" }
        for section in report.layout.sections {
            let severity = section.severity, count = section.findingCount
            out += "<h3 class=\"severity \(severity.rawValue)\"><span class=\"badge \(severity.rawValue)\">\(Self.label(severity))</span> "
                + "\(count) finding\(count == 1 ? "" : "s")</h3>\n"
            out += "<table class=\"findings \(severity.rawValue)\">\n<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Finding</th>"
                + "<th scope=\"col\">Evidence</th><th scope=\"col\">Owner</th><th scope=\"col\">What to do</th></tr></thead>\n"
            for entry in section.entries { out += rows(entry, under: severity) }
            out += "</table>\n"
        }
        return out + "</section>\n"
    }

    /// One `tbody` per entry, so a subject's rows stay together on a printed page.
    private func rows(_ entry: FindingLayout.Entry, under severity: Severity) -> String {
        var out = "<tbody>\n"
        switch entry {
        case .subject(let findings):
            for (index, finding) in findings.enumerated() {
                out += "<tr>"
                if index == 0 {
                    let subject = finding.subject
                    out += "<th scope=\"rowgroup\" rowspan=\"\(findings.count)\"><span class=\"type\">\(HTMLText.escape(subject.type))</span> "
                        + "<strong>\(linked(subject.id))</strong><br/><span class=\"name\">\(HTMLText.escape(HTMLText.clip(subject.name, 200)))</span>"
                        + "<br/><code class=\"source\">\(Self.path(finding.source.path)):\(finding.source.line)</code>"
                        + (finding.review.map { "<br/>\(Self.rag($0.rag)) <span class=\"review\">\(HTMLText.escape($0.account))</span>" } ?? "")
                        + Self.actions(findings) + "</th>"
                }
                out += cells(of: finding, lesser: finding.severity != severity) + "<td>\(owner(finding.owner))</td>"
                    + "<td>\(HTMLText.escape(finding.hint))</td></tr>\n"
            }
        case .shared(let findings):
            let first = findings[0], types = Set(findings.map(\.subject.type))
            let what = "\(findings.count) \(types.count == 1 ? first.subject.type : "subject")s"
            out += "<tr><th scope=\"rowgroup\"><span class=\"type\">\(HTMLText.escape(what))</span><ul class=\"subjects\">"
                + findings.map { "<li><strong>\(linked($0.subject.id))</strong></li>" }.joined() + "</ul>\(Self.actions(findings))</th>"
                + cells(of: first, lesser: false) + "<td>\(HTMLText.escape(TextGapRenderer.owners(findings)))</td>"
                + "<td>\(HTMLText.escape(first.hint))</td></tr>\n"
        }
        return out + "</tbody>\n"
    }

    /// The finding's title, rule id, message and evidence cells.
    private func cells(of finding: Finding, lesser: Bool) -> String {
        let badge = lesser ? "<span class=\"badge \(finding.severity.rawValue)\">\(Self.label(finding.severity))</span> " : ""
        return "<td>\(badge)<strong>\(HTMLText.escape(finding.title))</strong> <code>\(HTMLText.escape(finding.rule))</code>"
            + "<br/>\(HTMLText.escape(finding.message))</td><td>\(evidence(finding))</td>"
    }

    /// A review rating as a coloured label.
    public static func rag(_ rag: RAG) -> String {
        "<span class=\"rag \(rag.rawValue)\">\(rag.rawValue.replacingOccurrences(of: "-", with: " ").capitalized)</span>"
    }

    /// The coverage row's own latest review and how many of its benefits were rated red, as a cell.
    static func review(_ row: Coverage) -> String {
        var parts: [String] = []
        if let review = row.review { parts.append("\(rag(review.rag)) \(review.date)") }
        if row.reviewedRed > 0 { parts.append("\(row.reviewedRed) rated \(rag(.red))") }
        return "<td>" + parts.joined(separator: "<br/>") + "</td>"
    }

    private func owner(_ owner: String?) -> String {
        owner.map(HTMLText.escape) ?? "<span class=\"none\">nobody named</span>"
    }

    /// The evidence as a compact list, in reading order, in the subject's units.
    private func evidence(_ finding: Finding) -> String {
        guard !finding.details.isEmpty else { return "" }
        return "<dl class=\"evidence\">" + finding.details.map { detail in
            "<div><dt>\(HTMLText.escape(detail.label))</dt><dd>\(HTMLText.escape(detail.value))</dd></div>"
        }.joined() + "</dl>"
    }
}
