import RealiseGaps
import RealiseModel

/// The diff report for a terminal: the two ends, the counts by kind, then the changes grouped by kind with the
/// headline kinds first (slips, targets lowered or deferred, delivery confidence, gaps opened and closed), one line
/// per change. Colour only when asked (the CLI asks on a terminal without `NO_COLOR`).
public struct DiffTextRenderer: DiffReportRenderer {
    public let colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    public func render(_ report: DiffReport) -> String {
        var out = bold("Realise plan changes") + "\n"
        out += "  from \(report.from.label.escapingControls) (as of \(report.from.date))\n"
        out += "  to   \(report.to.label.escapingControls) (as of \(report.to.date))\n"
        out += DiffTextRenderer.counts(report) + "\n"
        for section in report.sections {
            out += "\n" + bold("\(section.kind.title) (\(section.changes.count))") + " [\(section.kind.rawValue)]\n"
            for change in section.changes { out += line(change) }
        }
        return out
    }

    /// `12 changes: 2 slipped, 1 target-lowered, …`, kinds in reading order; `No changes.` when there are none.
    static func counts(_ report: DiffReport) -> String {
        guard !report.changes.isEmpty else { return "No changes." }
        let parts = report.sections.map { "\($0.changes.count) \($0.kind.rawValue)" }
        return "\(TextGapRenderer.count(report.changes.count, "change")): " + parts.joined(separator: ", ")
    }

    /// One change: its subject, what changed, and where the newer version states it.
    private func line(_ change: PlanChange) -> String {
        let subject = change.subject
        var out = "  \(subject.type) \(bold(subject.id.escapingControls)) \(TextGapRenderer.clip(subject.name, 60))"
        let statement = change.statement
        if !statement.isEmpty { out += ": " + TextGapRenderer.clip(statement, 160) }
        if let source = change.source { out += " · \(source.path.escapingControls):\(source.line)" }
        return out + "\n"
    }
}
