import RealiseModel

extension PlanChange {
    /// The change in words, without its subject, for the reading formats (and any report listing changes):
    /// `forecastFinish: 2026-03-31 → 2026-06-30 (91 days later)`, `target: 8000 by 2028-03-31 → 5000 by 2029-03-31`,
    /// `BEN-03 enabled-by DEL-07` (a link), `metric-off-trajectory: measured 1150 …` (a gap), `1150 on 2025-09-30` (a
    /// measurement); empty for an entity added or withdrawn. Control characters are left for the renderer to escape.
    public var statement: String {
        switch kind {
        case .added, .withdrawn: return ""
        case .linkAdded, .linkRemoved: return link.map { "\($0.from) \($0.kind) \($0.to)" } ?? ""
        case .gapOpened, .gapClosed: return "\(field ?? ""): \((after ?? before)?.description ?? "")"
        case .measured: return after?.description ?? ""
        default:
            return "\(field ?? ""): \(before?.description ?? "none") → \(after?.description ?? "none")"
                + (days.map { " (\(PlanChange.daysText($0)))" } ?? "")
        }
    }

    /// A link change as the link is written: `from`, its kind, `to` (the subject at the end it is reported on).
    public var link: (from: String, kind: String, to: String)? {
        guard kind == .linkAdded || kind == .linkRemoved, let field, let linkKind = Link.Kind(rawValue: field),
              let other = (after ?? before)?.description else { return nil }
        return LinkDiff.isReportedOnFrom(linkKind) ? (subject.id, field, other) : (other, field, subject.id)
    }

    /// `91 days later`, `1 day earlier`.
    public static func daysText(_ days: Int) -> String {
        "\(abs(days)) day\(abs(days) == 1 ? "" : "s") \(days < 0 ? "earlier" : "later")"
    }
}
