import RealiseGaps
import RealiseModel

/// `realise gaps --summary`: the report's totals, then one line per rule that found something — severity, number
/// of findings, rule id and title — most severe first.
public struct SummaryGapRenderer: GapReportRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let s = report.summary, tallies = RuleTally.of(report.findings)
        var out = "Realise gap report as of \(report.asOf): \(report.findings.count) findings (\(s.high) high, \(s.medium) medium, "
            + "\(s.low) low) from \(tallies.count) rule\(tallies.count == 1 ? "" : "s")\n"
        let width = max(4, tallies.map { String($0.findings).count }.max() ?? 0)
        let ruleWidth = tallies.map(\.rule.count).max() ?? 0
        for tally in tallies {
            let count = String(repeating: " ", count: width - String(tally.findings).count) + String(tally.findings)
            out += "\(tally.severity.rawValue.padding(6))  \(count)  \(tally.rule.padding(ruleWidth))  \(tally.title)\n"
        }
        if tallies.isEmpty { out += "No gaps found.\n" }
        return out
    }
}

extension String {
    /// The text followed by spaces up to `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
