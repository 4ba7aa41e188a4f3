/// One rule's share of a report: how many findings it made. `gaps --summary` prints one line per tally, so a
/// reader sees the shape of a large report before reading it.
public struct RuleTally: Sendable, Hashable {
    public var rule: String
    public var title: String
    public var severity: Severity
    public var findings: Int

    /// The tallies of the rules that found something, in report order (by severity, then rule).
    public static func of(_ findings: [Finding]) -> [RuleTally] {
        var tallies: [RuleTally] = [], position: [String: Int] = [:]
        for finding in findings {
            if let index = position[finding.rule] {
                tallies[index].findings += 1
            } else {
                position[finding.rule] = tallies.count
                tallies.append(RuleTally(rule: finding.rule, title: finding.title, severity: finding.severity, findings: 1))
            }
        }
        return tallies
    }
}
