import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

/// Every golden file, with the output it holds. One table, so that a test can check that every file in `Golden/`
/// is compared (a file no test reads would otherwise go stale unnoticed) and every entry has its file.
enum GoldenCatalog {
    static let outputs: [String: @Sendable () throws -> String] = [
        "gaps.txt": { TextGapRenderer(colour: false).render(try ReportFixture.report) },
        "gaps.json": { JSONGapRenderer().render(try ReportFixture.report) },
        "gaps.md": { MarkdownGapRenderer().render(try ReportFixture.report) },
        "gaps.csv": { CSVGapRenderer().render(try ReportFixture.report) },
        "gaps.html": { HTMLGapRenderer().render(try ReportFixture.report) },
        "since.md": { MarkdownGapRenderer().render(try SinceFixture.report) },
        "since.html": { HTMLGapRenderer().render(try SinceFixture.report) },
        "map.mmd": { MermaidMapRenderer().render(try ReportFixture.report) },
        "map.dot": { DOTMapRenderer().render(try ReportFixture.report) },
        "deliverables.txt": { ListFormat.table.render(.deliverables(ReportFixture.plan)) },
        "deliverables.csv": { ListFormat.csv.render(.deliverables(ReportFixture.plan)) },
        "deliverables.json": { ListFormat.json.render(.deliverables(ReportFixture.plan)) },
        "metrics.json": { ListFormat.json.render(.metrics(ReportFixture.plan)) },
        "benefits.csv": { ListFormat.csv.render(.benefits(ReportFixture.plan)) },
        "export.xml": { PlanXMLWriter().render(ReportFixture.plan) },
        "import-summary.json": { ImportSummaryRenderer().json([ExportGoldenTests.summaryFile]) },
        "show-B1.txt": {
            let plan = ReportFixture.plan
            return EntityView(plan: plan).render(id: "B1", fields: try #require(Listing.benefits(plan).rows.first))
        },
        "reviews.ics": { ICalendarWriter(stamp: ICalendarWriterTests.stamp, horizonDays: 100).render(try ICalendarWriterTests.entries()) },
        "briefing.txt": { briefing },
        "gaps.xlsx.txt": { try workbook { try GapWorkbook().write(try ReportFixture.report, to: $0) } },
        "export.xlsx.txt": { try workbook { try RegisterWorkbook().write(ReportFixture.plan, to: $0) } },
        "template.xlsx.txt": { try workbook { try RegisterTemplate().write(to: $0) } },
        "benefits.xlsx.txt": { try workbook { try ListingWorkbook().write(.benefits(ReportFixture.plan), sheet: "Benefits", to: $0) } },
    ]

    /// The parts of the workbook `write` makes, as text (the archive's own bytes are ZIPFoundation's).
    static func workbook(_ write: (String) throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("realise-golden-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        return try WorkbookFixture.dump(path)
    }

    /// What `ReviewBriefing` asks a reviewer to bring for each kind of subject, on two dates: one before the
    /// fixture's measurement and target, one after both.
    static var briefing: String {
        var lines: [String] = []
        for asOf in ["2025-01-01", "2027-06-30"] {
            for subject in ["MET-1", "B1", "B2", "O1", "V1", "CCM", "NOPE"] {
                let bring = ReviewBriefing.metricsToBring(subject: subject, plan: ReportFixture.plan, asOf: Day(iso: asOf)!)
                lines.append("\(subject) as of \(asOf):")
                lines += bring.isEmpty ? ["  (nothing)"] : bring.map { "  \($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite("Golden files")
struct GoldenFileTests {
    @Test("output matches its golden file", arguments: GoldenCatalog.outputs.keys.sorted())
    func matches(name: String) throws {
        let render = try #require(GoldenCatalog.outputs[name])
        try golden.check(try render(), name)
    }

    @Test("every golden file is compared, and every comparison has its file")
    func everyFileUsed() {
        golden.checkCatalogue(Set(GoldenCatalog.outputs.keys))
    }

    @Test("golden files are kept byte for byte (.gitattributes: * -text)")
    func bytesKept() throws {
        try golden.checkBytesKept()
    }
}
