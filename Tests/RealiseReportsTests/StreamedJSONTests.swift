import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

/// The JSON report written in slices on every core and handed over piece by piece, against the same report written
/// finding after finding into one writer.
@Suite("JSON report written in slices")
struct StreamedJSONTests {
    /// A report of `count` findings (the fixture's, repeated), enough to fill several slices and batches.
    private func report(_ count: Int) throws -> GapReport {
        var report = try ReportFixture.report
        let findings = report.findings
        report.findings = (0..<count).map { findings[$0 % findings.count] }
        return report
    }

    /// The report as one writer writes it, finding after finding.
    private func oneWriter(_ report: GapReport) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("asOf")
        json.string(report.asOf.description)
        json.key("summary")
        json.beginObject()
        for (key, count) in [("high", report.summary.high), ("medium", report.summary.medium), ("low", report.summary.low)] {
            json.key(key)
            json.number(count)
        }
        json.endObject()
        json.key("findings")
        json.beginArray()
        for finding in report.findings { JSONGapRenderer.write(finding, to: &json) }
        json.endArray()
        json.key("coverage")
        json.beginArray()
        for row in report.coverage { JSONGapRenderer.write(row, to: &json) }
        json.endArray()
        JSONGapRenderer.write(report.actions, asOf: report.asOf, to: &json)
        json.endObject()
        json.newline()
        return json.bytes
    }

    @Test("the same bytes for no finding, one, a slice's worth and several batches", arguments: [0, 1, 1023, 1024, 1025, 4097, 40_000])
    func sameBytes(_ count: Int) throws {
        let report = try report(count)
        let expected = oneWriter(report)
        #expect(JSONGapRenderer().renderUTF8(report) == expected)
        var pieces: [[UInt8]] = []
        JSONGapRenderer().write(report) { pieces.append($0) }
        #expect(Array(pieces.joined()) == expected)
        // Written as it is made: the findings come in several pieces, none of them the whole report.
        if count > 20_000 { #expect(pieces.count > 3 && pieces.allSatisfy { $0.count < expected.count / 2 }) }
    }
}
