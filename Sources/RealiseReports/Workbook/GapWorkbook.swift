import RealiseGaps
import RealiseModel

/// The gap report as a workbook: a Summary sheet (counts by severity and by rule), a Findings sheet (one
/// finding per row, the CSV report's columns) and a Coverage sheet (one row per objective and programme).
public struct GapWorkbook: Sendable {
    public init() {}

    /// Writes the report's workbook to `path`.
    public func write(_ report: GapReport, to path: String) throws {
        let book = try WorkbookWriter(path: path)
        try book.beginSheet("Summary", headers: ["Item", "Value"])
        try book.addRow([.text("As of"), .date(report.asOf)])
        for (label, count) in [("High findings", report.summary.high), ("Medium findings", report.summary.medium),
                               ("Low findings", report.summary.low), ("All findings", report.findings.count)] {
            try book.addRow([.text(label), .number(Double(count))])
        }
        try book.addRow([.text("Trajectory tolerance (%)"), .number((report.tolerance * 1000).rounded() / 10)])
        var byRule: [String: Int] = [:]
        for finding in report.findings { byRule[finding.rule, default: 0] += 1 }
        for (rule, count) in byRule.sorted(by: { $0.key < $1.key }) {
            try book.addRow([.text("Rule \(rule)"), .number(Double(count))])
        }

        try book.beginSheet("Findings", headers: ["As of", "Severity", "Rule", "Subject type", "Subject id", "Subject name", "Message",
                                                  "Evidence", "Source path", "Source line", "Title", "What to do", "Owner",
                                                  "Key", "Latest review", "Reviewed on"])
        for finding in report.findings {
            let evidence = finding.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            try book.addRow([.date(report.asOf), .text(finding.severity.rawValue), .text(finding.rule), .text(finding.subject.type),
                             .text(finding.subject.id), .optional(finding.subject.name), .text(finding.message), .optional(evidence),
                             .optional(finding.source.path), .number(Double(finding.source.line)), .text(finding.title),
                             .text(finding.hint), .optional(finding.owner), .text(finding.key),
                             .optional(finding.review?.rag.rawValue), .optional(finding.review?.date)])
        }

        try book.beginSheet("Coverage", headers: ["Level", "Objective", "Statement", "Benefits", "With deliverable",
                                                  "With measurable metric", "Recently measured", "Up-to-date review"])
        for row in report.coverage {
            try book.addRow([.text(row.level), .text(row.objective), .optional(row.statement)]
                            + [row.benefits, row.withDeliverable, row.withMeasurableMetric, row.recentlyMeasured, row.upToDateReview]
                                .map { .number(Double($0)) })
        }
        try book.finish()
    }
}
