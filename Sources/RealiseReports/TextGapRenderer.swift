import Foundation
import RealiseGaps
import RealiseModel

/// The gap report for a terminal: summary, findings grouped by severity, coverage per objective.
/// Colour only when asked (the CLI asks on a terminal without `NO_COLOR`).
public struct TextGapRenderer: GapReportRenderer {
    public let colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    private func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private func label(_ severity: Severity) -> String {
        switch severity {
        case .high: paint("HIGH", "1;31")
        case .medium: paint("MEDIUM", "1;33")
        case .low: paint("LOW", "1;36")
        }
    }

    func bold(_ text: String) -> String { paint(text, "1") }

    /// A review rating in capitals, coloured as the board reads it.
    func rag(_ rag: RAG) -> String {
        let text = rag.rawValue.uppercased()
        switch rag {
        case .red, .amberRed: return paint(text, "1;31")
        case .amber, .amberGreen: return paint(text, "1;33")
        case .green: return paint(text, "1;32")
        }
    }

    public func render(_ report: GapReport) -> String {
        var out = paint("Realise gap report", "1") + " as of \(report.asOf)\n"
        let s = report.summary
        out += "\(report.findings.count) findings: \(s.high) high, \(s.medium) medium, \(s.low) low\n"
        // What to do about a rule is said where the report first meets it, not again for every subject.
        var hinted = Set<String>()
        for section in report.layout.sections {
            out += "\n\(label(section.severity)) (\(TextGapRenderer.count(section.findingCount, "finding")) on "
                + "\(TextGapRenderer.count(section.subjectCount, "subject")))\n"
            for entry in section.entries {
                switch entry {
                case .subject(let findings): out += subject(findings, under: section.severity, hinted: &hinted)
                case .shared(let findings): out += shared(findings, hinted: &hinted)
                }
            }
        }
        out += actionSection(report.actions, asOf: report.asOf)
        if !report.coverage.isEmpty {
            out += "\n" + paint("Coverage by objective", "1") + " (benefits with a deliverable / a metric with baseline and target / a recent measurement / an up-to-date review)\n"
            let label = { (row: Coverage) in row.level == "programme" ? "total" : row.objective.escapingControls }
            let width = max(9, report.coverage.map { label($0).count }.max() ?? 0)
            for row in report.coverage {
                let id = label(row).padding(toLength: width, withPad: " ", startingAt: 0)
                func cell(_ count: Int) -> String {
                    let text = "\(count)/\(row.benefits)" + (row.percent(count).map { " \($0)%" } ?? "")
                    return text.padding(toLength: 10, withPad: " ", startingAt: 0)
                }
                out += "  \(id)  \(cell(row.withDeliverable)) \(cell(row.withMeasurableMetric)) \(cell(row.recentlyMeasured)) \(cell(row.upToDateReview)) "
                    + TextGapRenderer.clip(row.statement, 60) + reviewNote(row) + "\n"
            }
        }
        if report.findings.isEmpty { out += "\nNo gaps found.\n" }
        return out
    }

    /// The row's own latest review and its benefits rated red, after its statement.
    private func reviewNote(_ row: Coverage) -> String {
        var out = ""
        if let review = row.review { out += " · reviewed \(rag(review.rag)) on \(review.date)" }
        if row.reviewedRed > 0 { out += " · \(paint("\(row.reviewedRed) rated red", "1;31"))" }
        return out
    }

    /// `text` cut to `width` characters with an ellipsis, on one line.
    /// Control characters other than line breaks (which become spaces) are made visible first.
    static func clip(_ text: String, _ width: Int) -> String {
        let text = ControlCharacters.escaped(text, keeping: .lineBreaks)
        return ASCIIText.clip(text, width) ?? clipByCharacter(text, width)
    }

    /// `clip` character by character: for any text (ASCII text takes `ASCIIText.clip`, which gives the same).
    static func clipByCharacter(_ text: String, _ width: Int) -> String {
        let text = ControlCharacters.escaped(text, keeping: .lineBreaks)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}
