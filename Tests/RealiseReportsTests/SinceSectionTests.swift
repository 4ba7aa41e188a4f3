import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

/// The gap report's "Since" section and the earlier trajectories on its charts (`SinceFixture`).
@Suite("gap report: what changed since an earlier day")
struct SinceSectionTests {
    /// The headline changes of the fixture's comparison.
    static var headline: [(kind: ChangeKind, changes: [PlanChange])] {
        get throws { try #require(try SinceFixture.report.since).headline }
    }

    @Test("the fixture's comparison has the slip of 30 days, the lowered target and the confidence change")
    func fixture() throws {
        let changes = try Self.headline.flatMap(\.changes)
        #expect(changes.contains { $0.kind == .slipped && $0.subject.id == "D1" && $0.days == 30 })
        #expect(changes.contains { $0.kind == .targetLowered && $0.subject.id == "MET-1" })
        #expect(changes.contains { $0.kind == .ragChanged && $0.subject.id == "D2" })
    }

    @Test("Markdown: a section above the findings, a subsection per headline kind in order, each change as the diff words it")
    func markdown() throws {
        let output = MarkdownGapRenderer().render(try SinceFixture.report)
        let since = try #require(output.range(of: "\n## Since 2025-12-31\n"))
        let findings = try #require(output.range(of: "\n## Findings\n"))
        #expect(since.upperBound < findings.lowerBound)
        let section = String(output[since.lowerBound..<findings.lowerBound])
        var last = section.startIndex
        for (kind, changes) in try Self.headline {
            let heading = try #require(section.range(of: "\n### \(kind.title) (\(changes.count))\n"), "\(kind)")
            #expect(heading.lowerBound > last, "\(kind) in headline order")
            last = heading.lowerBound
            for change in changes { #expect(section.contains("| \(MarkdownGapRenderer.inline(change.statement)) |")) }
        }
        #expect(section.contains("forecastFinish: 2026-03-31 → 2026-04-30 (30 days later)"))
        #expect(section.contains("target: 8000 by 2027-03-31 → 6000 by 2027-03-31"))
        #expect(section.contains("deliveryConfidence: amber → red"))
        #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let count = try #require(SinceFixture.report.since).changes.count
        #expect(section.contains("\(count) changes since 2025-12-31 in all: "))
        #expect(section.hasSuffix("See `realise diff --since 2025-12-31` for every change.\n"))
    }

    @Test("HTML: a section above the findings with the diff's tables, headings and wording")
    func html() throws {
        let output = HTMLGapRenderer().render(try SinceFixture.report)
        let since = try #require(output.range(of: "<section id=\"since\">\n<h2>Since 2025-12-31</h2>\n"))
        let findings = try #require(output.range(of: "<section id=\"findings\">"))
        #expect(since.upperBound < findings.lowerBound)
        let section = String(output[since.lowerBound..<findings.lowerBound])
        for (kind, changes) in try Self.headline {
            #expect(section.contains("<h3 class=\"\(DiffHTMLRenderer.tone(kind))\">\(kind.title) (\(changes.count)) <code>\(kind.rawValue)</code></h3>\n"
                + DiffHTMLRenderer.table(changes)))
        }
        #expect(section.contains("<td>forecastFinish: 2026-03-31 → 2026-04-30 (30 days later)</td>"))
        #expect(section.contains("See <code>realise diff --since 2025-12-31</code> for every change.</p>\n</section>\n"))
        #expect(output.contains(HTMLGapRenderer.sinceCSS + "</style>"))
    }

    @Test("HTML: a deliverable named like a script is escaped everywhere, and the page is well-formed XML")
    func hostile() throws {
        let output = HTMLGapRenderer().render(try SinceFixture.report)
        #expect(!output.contains("<script"))
        #expect(output.contains("<span class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        if let xmllint = Requirement.tool("xmllint") {
            let (status, errors) = try HTMLRendererTests.run(xmllint, ["--noout", "--nonet", "-"], input: output)
            #expect(status == 0, "\(errors)")
        }
    }

    @Test("with no headline change the section says so, and still counts every change")
    func quiet() throws {
        let report = try SinceFixture.quiet
        let sentence = "No slips, target changes, confidence changes or gaps opened or closed since 2025-12-31."
        let markdown = MarkdownGapRenderer().render(report), html = HTMLGapRenderer().render(report)
        #expect(markdown.contains("\n## Since 2025-12-31\n\n\(sentence)\n\n1 change since 2025-12-31 in all: 1 changed. See "))
        #expect(html.contains("<p class=\"empty\">\(sentence)</p>\n<p class=\"total\">1 change since 2025-12-31 in all: 1 changed. See "))
        #expect(!markdown.contains("\n### Deliverables slipped") && !html.contains("<h3 class=\"high\">"))
    }

    @Test("without a comparison the reports are as they were; the JSON never carries one")
    func unchanged() throws {
        let plain = try SinceFixture.plain, full = try SinceFixture.report
        var targetsOnly = plain
        targetsOnly.earlierTargets = full.earlierTargets
        for renderer in [MarkdownGapRenderer() as any GapReportRenderer, HTMLGapRenderer()] {
            #expect(renderer.render(targetsOnly) == renderer.render(plain))
            #expect(!renderer.render(plain).contains("Since"))
        }
        #expect(!HTMLGapRenderer().render(plain).contains("stroke-dasharray=\"7 4\""))
        #expect(JSONGapRenderer().render(full) == JSONGapRenderer().render(plain))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(full) == encoder.encode(plain))
    }
}
