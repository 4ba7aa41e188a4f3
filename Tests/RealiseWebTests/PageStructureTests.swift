import RealiseModel
import RealiseWeb
import RealiseWorkbench
import Testing

@Suite("every page's frame: one heading, landmarks, labels, a skip link, a phone's viewport")
struct PageStructureTests {
    @Test("one h1, a skip link to main, header and main landmarks, the viewport meta, and every control labelled")
    func frame() throws {
        for (name, html) in try RenderedPages().all {
            #expect(html.components(separatedBy: "<h1").count == 2, "\(name): not exactly one <h1>")
            #expect(html.contains("<a class=\"skip\" href=\"#content\">Skip to content</a>"), "\(name)")
            #expect(html.contains("<main id=\"content\">") && html.contains("<header class=\"site\">"), "\(name)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"), "\(name)")
            let labels = Set(try PageScan.captures("<label for=\"([^\"]*)\"", in: html))
            for control in try PageScan.controls(html) {
                #expect(labels.contains(control), "\(name): control \(control) has no label")
            }
            let ids = try PageScan.captures("\\bid=\"([^\"]*)\"", in: html)
            #expect(Set(ids).count == ids.count, "\(name): an id used twice")
        }
    }

    @Test("the navigation follows what the viewer may do, marks the current page, and nobody's login page has none")
    func navigation() throws {
        let pages = try RenderedPages()
        let entries = try PageScan.captures("<li><a href=\"([^\"]*)\"", in: pages["dashboard"])
        #expect(entries == ["/", "/gaps", "/map", "/import", "/users"])
        #expect(pages["map"].contains("<li><a href=\"/map\" aria-current=\"page\">Map</a></li>"))
        #expect(pages["dashboard"].contains("<span>Ann &lt;Analyst&gt; <span class=\"type\">analyst</span></span>"))
        #expect(!pages["login"].contains("<nav") && !pages["login"].contains("/logout"))
    }

    @Test("the dashboard counts findings by severity with links, lists reviews due and changes newest first")
    func dashboard() throws {
        let html = try RenderedPages()["dashboard"]
        #expect(html.contains("<a class=\"tile high\" href=\"/gaps?severity=high\"><span class=\"count\">2</span>"))
        #expect(html.contains("<a class=\"tile medium\" href=\"/gaps?severity=medium\"><span class=\"count\">2</span>"))
        #expect(html.contains("<h3>Overdue (1)</h3>") && html.contains("2026-01-01 <span class=\"off\">(30 days late)</span>"))
        let whens = try PageScan.captures("<tr><td>(2026-01-0[0-9]T[^<]*)</td>", in: html)
        #expect(whens == ["2026-01-04T11:45:00Z", "2026-01-03T10:30:00Z", "2026-01-02T09:00:00Z"])
        // An import's path is no entity: shown, not linked.
        #expect(html.contains("<td><code>plans/&lt;b&gt;plan&lt;/b&gt;.xml</code></td>"))
        #expect(html.contains("<h2 id=\"calendar-heading\">Your reviews calendar</h2>"))
    }

    @Test("a metric's page has its chart with a title, its values, its findings; an error page says no more than it must")
    func content() throws {
        let pages = try RenderedPages()
        let metric = pages["entity-metric"]
        #expect(metric.contains("<svg class=\"trajectory\"") && metric.contains("<title>Trajectory chart: MET-1 Journey time &lt;script&gt;"))
        #expect(metric.contains("<h2 id=\"values-heading\">Values (5)</h2>"))
        #expect(metric.contains("<code>metric-off-trajectory</code>"))
        #expect(metric.contains("measures <span class=\"type\">benefit</span> <a class=\"id\" href=\"/entities/BEN%2F2%3Fx%23y\">"))
        #expect(pages["entity-programme"].contains("<div><dt>Owner</dt><dd>Director of Place</dd></div>"))
        #expect(pages["map"].contains("<a href=\"/map.svg\"") && pages["map"].contains("<svg class=\"benefits-map\""))
        #expect(pages["error"].contains("<h1>404 Not found</h1>"))
        #expect(ErrorPage(status: 500).render().contains("Something went wrong on the server."))
        let imported = pages["import-done"]
        #expect(imported.components(separatedBy: "unknown</li>").count == 4 && imported.contains("<li>… and 3 more like these</li>"))
        #expect(imported.contains("<td>unchanged since its last import</td>"))
    }

    @Test("an import refused for located problems lists each, escaped")
    func refused() {
        let problems = [Diagnostic(.error, path: "a <b>.xml", line: 3, column: 7, "unknown ref \(WebFixture.script)")]
        let html = ImportPage(viewer: WebFixture.viewer, outcome: ImportPage.refused(problems)).render()
        #expect(html.contains("(1 problem):</p><ul><li><code>a &lt;b&gt;.xml:3:7: unknown ref &lt;script&gt;alert(1)&lt;/script&gt;</code></li></ul>"))
    }

    @Test("an entity no longer in the plan shows its id and history, and no form")
    func withdrawn() throws {
        let workbench = try WebFixture.workbench()
        let plan = WebFixture.plan.replacingOccurrences(of: "<deliverable id=\"DEL-9\"", with: "<deliverable id=\"DEL-8\"")
        let path = try WebFixture.file()
        try plan.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try workbench.importFiles(PlanReading().read([path]), supersedes: ["plan.xml"])
        let details = try workbench.entity("DEL-9", history: true)
        #expect(details.id == nil)
        let html = EntityPage(viewer: WebFixture.viewer, details: details, report: try WebFixture.report(workbench),
                              forms: .init(recordMeasurement: true, recordReview: true, schedule: true), requested: "DEL-9").render()
        #expect(html.contains("<h1><span class=\"id\">DEL-9</span> (withdrawn)</h1>"))
        #expect(html.contains("<h2 id=\"history-heading\">History</h2>") && html.contains("withdrawn"))
        #expect(!html.contains("<form method=\"post\" action=\"/entities/"))
    }

    @Test("an entity's history: its versions and what people recorded, newest first")
    func history() throws {
        let workbench = try WebFixture.workbench()
        _ = try workbench.recordMeasurement(metric: "MET-1", value: 54, on: Day(iso: "2026-01-15")!, note: "by \(WebFixture.script)",
                                            today: WebFixture.today)
        let details = try workbench.entity("MET-1", history: true)
        let html = EntityPage(viewer: WebFixture.viewer, details: details, report: try WebFixture.report(workbench)).render()
        #expect(html.contains("<h2 id=\"history-heading\">History</h2>"))
        #expect(html.contains("<td>the start</td>") && html.contains("<ul><li>added</li></ul>"))
        let recorded = try PageScan.captures("<td>(measure|review)</td>", in: html)
        #expect(recorded == ["measure"])
        #expect(html.contains("<td>by &lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(!html.contains("<script"))
    }
}
