import RealiseGaps

/// How every reading format words where an open action stands.
enum ActionWording {
    /// `overdue by 12 days; finding still open`, `resolved, action still open`, `2 findings on BEN-04`.
    static func standing(_ open: ActionStandings.Open) -> String {
        let finding: String
        if open.findings == 0 {
            finding = "resolved, action still open"
        } else if open.action.rule == nil {
            finding = "\(open.findings) finding\(open.findings == 1 ? "" : "s") on \(open.action.subject)"
        } else {
            finding = "finding still open"
        }
        guard open.daysOverdue > 0 else { return finding }
        return "overdue by \(open.daysOverdue) day\(open.daysOverdue == 1 ? "" : "s"); \(finding)"
    }
}
