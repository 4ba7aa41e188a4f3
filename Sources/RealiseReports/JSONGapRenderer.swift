import RealiseGaps
import RealiseModel

/// The gap report as the documented JSON contract, keys in the contract's order:
/// `{"asOf", "summary": {"high", "medium", "low"}, "findings": [{"rule", "severity", "subject": {"type", "id", "name"},
/// "message", "evidence", "source": {"path", "line"}}], "coverage": [...]}`. Evidence keys are sorted.
public struct JSONGapRenderer: GapReportRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let summary = report.summary
        return JSONValue.object([
            ("asOf", .string(report.asOf.description)),
            ("summary", .object([("high", .number(Double(summary.high))), ("medium", .number(Double(summary.medium))),
                                 ("low", .number(Double(summary.low)))])),
            ("findings", .array(report.findings.map(JSONGapRenderer.finding))),
            ("coverage", .array(report.coverage.map(JSONGapRenderer.coverage))),
        ]).serialised() + "\n"
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
            ("subject", .object([("type", .string(finding.subject.type)), ("id", .string(finding.subject.id)),
                                 ("name", .string(finding.subject.name))])),
            ("message", .string(finding.message)),
            ("evidence", .object(finding.evidence.sorted { $0.key < $1.key }.map { key, value in
                switch value {
                case .text(let text): (key, .string(text))
                case .number(let number): (key, .number(number))
                case .list(let list): (key, .array(list.map(JSONValue.string)))
                }
            })),
            ("source", .object([("path", .string(finding.source.path)), ("line", .number(Double(finding.source.line)))])),
        ])
    }

    static func coverage(_ row: Coverage) -> JSONValue {
        .object([
            ("level", .string(row.level)), ("objective", .string(row.objective)), ("statement", .string(row.statement)),
            ("benefits", .number(Double(row.benefits))), ("withDeliverable", .number(Double(row.withDeliverable))),
            ("withMeasurableMetric", .number(Double(row.withMeasurableMetric))),
            ("recentlyMeasured", .number(Double(row.recentlyMeasured))), ("upToDateReview", .number(Double(row.upToDateReview))),
        ])
    }
}
