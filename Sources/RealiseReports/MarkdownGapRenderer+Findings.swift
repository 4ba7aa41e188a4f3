import RealiseGaps
import RealiseModel

/// The findings table rows of the Markdown report: a subject's findings one under the other (the subject named
/// once), or one row for a rule's common cause listing every subject.
extension MarkdownGapRenderer {
    static func rows(_ entry: FindingLayout.Entry, under severity: Severity) -> String {
        switch entry {
        case .subject(let findings):
            return findings.enumerated().map { index, finding in
                let subject = finding.subject
                let review = finding.review.map { "<br>latest review: **\($0.rag.rawValue)** \(inline($0.account))" } ?? ""
                let cell = index > 0 ? "" : "\(subject.type) **\(inline(subject.id))** \(inline(TextGapRenderer.clip(subject.name, 80)))"
                    + review + actions(findings)
                let lesser = finding.severity == severity ? "" : "(\(finding.severity.rawValue)) "
                return "| \(cell) | \(lesser)**\(inline(finding.title))** `\(finding.rule)`: \(inline(finding.message)) | "
                    + "\(evidence(finding)) | \(inline(finding.owner ?? "nobody named")) | \(inline(finding.hint)) | "
                    + "\(inline(finding.source.path)):\(finding.source.line) |\n"
            }.joined()
        case .shared(let findings):
            let first = findings[0]
            let types = Set(findings.map(\.subject.type))
            let what = "\(findings.count) \(types.count == 1 ? first.subject.type : "subject")s"
            let ids = findings.map { inline($0.subject.id) }.joined(separator: ", ")
            return "| \(what): \(ids)\(actions(findings)) | **\(inline(first.title))** `\(first.rule)`: \(inline(first.message)) | "
                + "\(evidence(first)) | \(inline(TextGapRenderer.owners(findings))) | \(inline(first.hint)) | "
                + "\(findings.count) places (see the CSV) |\n"
        }
    }

    /// The coverage row's own latest review and how many of its benefits were rated red.
    static func review(_ row: Coverage) -> String {
        var parts: [String] = []
        if let review = row.review { parts.append("**\(review.rag.rawValue)** on \(review.date)") }
        if row.reviewedRed > 0 { parts.append("\(row.reviewedRed) benefit\(row.reviewedRed == 1 ? "" : "s") rated **red**") }
        return parts.joined(separator: "; ")
    }

    /// The open actions on the findings, each once: `<br>action #3, owner Jo, due 2025-11-30: note`.
    private static func actions(_ findings: [Finding]) -> String {
        var seen = Set<Int64>()
        return findings.flatMap(\.actions).filter { seen.insert($0.id).inserted }.map { "<br>action \(inline($0.account))" }.joined()
    }

    private static func evidence(_ finding: Finding) -> String {
        inline(finding.details.map { "\($0.label) \($0.value)" }.joined(separator: "; "))
    }
}
