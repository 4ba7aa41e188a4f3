import Foundation
import RealiseGaps

/// The gap report as the documented JSON contract:
/// `{"asOf", "summary": {"high","medium","low"}, "findings": [...], "coverage": [...]}`, keys sorted, stable.
public struct JSONGapRenderer: GapReportRenderer {
    public init() {}

    public func render(_ report: GapReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
