import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("Gap report renderers (golden files)")
struct GapRendererGoldenTests {
    @Test("text report without colour")
    func text() throws {
        let output = TextGapRenderer(colour: false).render(try ReportFixture.report)
        #expect(!output.contains("\u{1B}["))
    }

    @Test("text report with colour uses ANSI escapes only when asked")
    func colour() throws {
        let output = TextGapRenderer(colour: true).render(try ReportFixture.report)
        #expect(output.contains("\u{1B}[1;31mHIGH\u{1B}[0m"))
        #expect(output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
                == TextGapRenderer(colour: false).render(try ReportFixture.report))
    }

    @Test("JSON report follows the contract")
    func json() throws {
        let output = JSONGapRenderer().render(try ReportFixture.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["asOf", "summary", "findings", "coverage", "actions"])
        #expect(GapReportFormat.json.renderer().render(try ReportFixture.report) == output)
    }
}

@Suite("Board-paper and spreadsheet renderers (golden files)")
struct BoardRendererGoldenTests {
    @Test("markdown report escapes plan text inside tables")
    func markdown() throws {
        let output = MarkdownGapRenderer().render(try ReportFixture.report)
        #expect(output.contains("A \"joined-up\", &lt;seamless&gt; network"))
        #expect(!output.contains("<seamless>"))
    }

    @Test("CSV report: header, one finding per row, formulas neutralised")
    func csv() throws {
        let report = try ReportFixture.report
        let output = CSVGapRenderer().render(report)
        let lines = output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == CSVGapRenderer.header.joined(separator: ","))
        #expect(lines.count == report.findings.count + 1)
        #expect(output.contains(",'=Disruption during works,"))
    }
}

@Suite("Listing renderers (golden files)")
struct ListingGoldenTests {
    @Test("every listing format has its golden file (GoldenCatalog)")
    func listingFormatsCatalogued() {
        #expect(ListFormat.allCases.map(\.rawValue) == ["table", "json", "csv"])
    }

    @Test("CSV cells that would start a formula are neutralised; numbers are not", arguments: [
        ("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-cmd", "'-cmd"), ("@x", "'@x"), ("\tx", "'\tx"),
        ("-12.5", "-12.5"), ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ])
    func csvCell(input: String, expected: String) {
        #expect(CSVListingRenderer.cell(input) == expected)
    }

    @Test("JSON strings escape quotes, control characters and line separators")
    func jsonEscaping() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}\u{2028}").serialised() == "\"a\\\"b\\\\c\\n\\u0001\\u2028\"")
        #expect(JSONValue.object([("n", .number(52)), ("x", .null)]).serialised() == "{\n  \"n\": 52,\n  \"x\": null\n}")
    }
}

@Suite("Export and summaries (golden files)")
struct ExportGoldenTests {
    @Test("realise-xml export escapes text and nests links")
    func xml() throws {
        let output = PlanXMLWriter().render(ReportFixture.plan)
        #expect(output.contains("A &quot;joined-up&quot;") == false)
        #expect(output.contains("<statement>A \"joined-up\", &lt;seamless&gt; network</statement>"))
    }

    /// One imported file with a warning (its JSON summary is the golden file import-summary.json).
    static var summaryFile: ImportSummaryRenderer.File {
        ImportSummaryRenderer.File(path: "plans/coast.xml", format: "realise-xml", status: "imported", counts: ReportFixture.plan.counts,
                                   warnings: [Diagnostic(.warning, path: "plans/coast.xml", line: 16, column: 3, "value 'Yes' is not a number")])
    }

    @Test("import summary text names each warning with its place")
    func importSummary() throws {
        #expect(ImportSummaryRenderer().text([Self.summaryFile]).contains("warning: plans/coast.xml:16:3: value 'Yes' is not a number"))
    }

    @Test("show renders upstream and downstream trees")
    func show() throws {
        let plan = ReportFixture.plan
        let view = EntityView(plan: plan)
        let row = try #require(Listing.benefits(plan).rows.first)
        #expect(view.render(id: "B1", fields: row).hasPrefix("benefit B1"))
        #expect(!view.contains("NOPE"))
    }
}
