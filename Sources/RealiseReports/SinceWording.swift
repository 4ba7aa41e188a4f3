import RealiseGaps
import RealiseModel

/// The sentences of a gap report's "Since" section, shared by the Markdown and HTML renderers so that both say
/// the same. The changes themselves are worded by the diff renderers (`PlanChange.statement`).
enum SinceWording {
    /// The section's heading: `Since 2026-01-31`.
    static func heading(_ since: DiffReport) -> String { "Since \(since.from.date)" }

    /// What the section says when none of the changes is a headline one.
    static func noHeadline(_ since: DiffReport) -> String {
        "No slips, target changes, confidence changes or gaps opened or closed since \(since.from.date)."
    }

    /// The command that lists every change, headline or not.
    static func command(_ since: DiffReport) -> String { "realise diff --since \(since.from.date)" }

    /// Every change counted, kinds in reading order: `12 changes since 2026-01-31 in all: 2 slipped, 1 measured.`,
    /// or `No changes since 2026-01-31.` The kinds are their raw values, so the text needs no escaping.
    static func total(_ since: DiffReport) -> String {
        guard !since.changes.isEmpty else { return "No changes since \(since.from.date)." }
        let parts = since.sections.map { "\($0.changes.count) \($0.kind.rawValue)" }
        return "\(TextGapRenderer.count(since.changes.count, "change")) since \(since.from.date) in all: "
            + parts.joined(separator: ", ") + "."
    }
}
