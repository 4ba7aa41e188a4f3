import RealiseGaps
import RealiseModel

/// The findings of the text report: a subject with its findings, or one rule's common cause with its subjects.
extension TextGapRenderer {
    /// At most this many subject ids are listed for a shared finding; the CSV and JSON list them all.
    static let listedSubjects = 12

    /// `1 finding`, `3 findings`.
    static func count(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// A subject, its accountable owner and source, then each of its findings: title, key and message on one
    /// line, the evidence on the next, and what to do where the report first meets the rule (`hinted` holds those).
    func subject(_ findings: [Finding], under severity: Severity, hinted: inout Set<String>) -> String {
        let first = findings[0], subject = first.subject
        var out = "  \(subject.type) \(bold(subject.id.escapingControls)): \(TextGapRenderer.clip(subject.name, 90))\n"
        out += "    owner: \((first.owner ?? "nobody named").escapingControls) · defined at "
            + "\(first.source.path.escapingControls):\(first.source.line)\n"
        if let review = first.review { out += "    latest review: \(rag(review.rag)) \(TextGapRenderer.clip(review.account, 110))\n" }
        out += actions(findings, indent: "    ")
        for finding in findings {
            let lesser = finding.severity == severity ? "" : "(\(finding.severity.rawValue)) "
            out += "    • \(lesser)\(finding.title) [\(finding.key.escapingControls)]: \(finding.message.escapingControls)\n"
            out += details(finding)
            if hinted.insert(finding.rule).inserted { out += "      to do: \(finding.hint)\n" }
        }
        return out
    }

    /// One rule and cause across several subjects: said once, the subjects listed (the first few).
    func shared(_ findings: [Finding], hinted: inout Set<String>) -> String {
        let first = findings[0]
        let types = Set(findings.map(\.subject.type))
        let what = TextGapRenderer.count(findings.count, types.count == 1 ? first.subject.type : "subject")
        var out = "  \(bold(first.title)) [\(first.rule)]: \(what)\n"
        out += "    \(first.message.escapingControls)\n"
        let ids = findings.prefix(TextGapRenderer.listedSubjects).map { $0.subject.id.escapingControls }
        let more = findings.count - ids.count
        out += "    " + ids.joined(separator: ", ") + (more > 0 ? " and \(more) more (--format csv lists them all)" : "") + "\n"
        out += details(first, indent: "    ")
        out += "    owner: \(TextGapRenderer.owners(findings).escapingControls)\n"
        out += actions(findings, indent: "    ")
        if hinted.insert(first.rule).inserted { out += "    to do: \(first.hint)\n" }
        return out
    }

    /// The open actions on the findings, each once, one per line: `action #3, owner Jo, due 2025-11-30: note`.
    private func actions(_ findings: [Finding], indent: String) -> String {
        var seen = Set<Int64>(), out = ""
        for action in findings.flatMap(\.actions) where seen.insert(action.id).inserted {
            out += indent + "action " + TextGapRenderer.clip(action.account, 110) + "\n"
        }
        return out
    }

    /// The evidence on one line, or nothing.
    private func details(_ finding: Finding, indent: String = "      ") -> String {
        guard !finding.details.isEmpty else { return "" }
        return indent + finding.details.map { "\($0.label) \($0.value)".escapingControls }.joined(separator: "; ") + "\n"
    }

    /// The accountable owners of several findings, most frequent first: `Jo Bloggs (18), Head of Transport (2)`.
    static func owners(_ findings: [Finding]) -> String {
        var counts: [String: Int] = [:], order: [String] = []
        for finding in findings {
            let owner = finding.owner ?? "nobody named"
            if counts[owner] == nil { order.append(owner) }
            counts[owner, default: 0] += 1
        }
        guard order.count > 1 else { return order.first ?? "nobody named" }
        let ranked = order.enumerated().sorted { (-counts[$0.element]!, $0.offset) < (-counts[$1.element]!, $1.offset) }
        return ranked.map { "\($0.element) (\(counts[$0.element]!))" }.joined(separator: ", ")
    }
}
