import RealiseGaps

/// The gap report as CSV: a header row, then one finding per row, with cells a spreadsheet would run as a
/// formula neutralised.
public struct CSVGapRenderer: GapReportRenderer {
    public static let header = ["asOf", "severity", "rule", "subjectType", "subjectId", "subjectName", "message", "evidence",
                                "sourcePath", "sourceLine", "title", "hint", "owner", "key", "reviewRag", "reviewDate", "actions"]

    public init() {}

    public func render(_ report: GapReport) -> String {
        var out = CSVGapRenderer.header.joined(separator: ",") + "\r\n"
        for finding in report.findings {
            let evidence = finding.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let cells = [report.asOf.description, finding.severity.rawValue, finding.rule, finding.subject.type, finding.subject.id,
                         finding.subject.name, finding.message, evidence, finding.source.path, String(finding.source.line),
                         finding.title, finding.hint, finding.owner ?? "", finding.key,
                         finding.review?.rag.rawValue ?? "", finding.review?.date.description ?? "",
                         finding.actions.map { "#\($0.id) \($0.owner) due \($0.due)" }.joined(separator: "; ")]
            out += cells.map(CSVListingRenderer.cell).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
