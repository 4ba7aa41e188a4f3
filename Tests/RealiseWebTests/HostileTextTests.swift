import RealiseTestSupport
import RealiseWeb
import Testing

@Suite("plan text and form input cannot inject markup")
struct HostileTextTests {
    static let xmllintMissing = "xmllint is not on PATH (apt-get install libxml2-utils)"

    @Test("no page has a raw script, an attribute broken out of, or a javascript: link; the payloads show escaped")
    func escaped() throws {
        let pages = try RenderedPages()
        for (name, html) in pages.all {
            #expect(!html.contains("<script"), "\(name): raw <script")
            #expect(!html.contains("\"onload"), "\(name): attribute break-out")
            #expect(!html.lowercased().contains("href=\"javascript:"), "\(name): javascript: link")
            #expect(!html.contains("<b>"), "\(name): raw markup from the plan")
        }
        let benefit = pages["entity-benefit"]
        #expect(benefit.contains("<h1><span class=\"id\">BEN/2?x#y</span> <span class=\"name\">javascript:alert(1)</span></h1>"))
        #expect(benefit.contains("<div><dt>Owner</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd></div>"))
        #expect(benefit.contains("<td>Slipping &quot;onload=x javascript:alert(1)</td>"))
        #expect(benefit.contains("<li>value &lt;script&gt;alert(1)&lt;/script&gt; is not a number</li>"))
        #expect(pages["login"].contains("<input type=\"hidden\" name=\"next\" value=\"/gaps?x=&quot;y\"/>"))
        #expect(pages["login"].contains("value=\"&quot;onload=x\""))
        #expect(pages["users"].contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(pages["users"].contains("action=\"/users/x%22onload%3Dx/remove\""))
        let feed = "https://realise.example/calendar/ann.ics?token=a&amp;b=&quot;c"
        #expect(pages["dashboard"].contains("<a href=\"\(feed)\"><code>\(feed)</code></a>"))
        let hostileFeed = DashboardPage(viewer: WebFixture.viewer, report: try WebFixture.report(try WebFixture.workbench()), due: [], changes: [],
                                        calendarURL: " JavaScript:alert(1)").render()
        #expect(hostileFeed.contains("<p><code> JavaScript:alert(1)</code></p>") && !hostileFeed.lowercased().contains("href=\" javascript"))
        #expect(pages["import-refused"].contains("<li><code>plan.xml:7: unknown ref &lt;script&gt;alert(1)&lt;/script&gt;</code></li>"))
        #expect(pages["error"].contains("<p class=\"lead\">No entity &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    }

    @Test("every page is well-formed XML (xmllint)", Requirement.needs(Requirement.tool("xmllint") != nil, xmllintMissing))
    func wellFormed() throws {
        let xmllint = try Requirement.require(Requirement.tool("xmllint"), Self.xmllintMissing)
        for (name, html) in try RenderedPages().all {
            let (status, errors) = try PageScan.run(xmllint, ["--noout", "--nonet"], input: html)
            #expect(status == 0, "\(name): \(errors)")
        }
    }

    @Test("links to entities encode `/`, `?` and `#`; none is left raw")
    func links() throws {
        let pages = try RenderedPages()
        let encoded = "href=\"/entities/BEN%2F2%3Fx%23y\""
        #expect(pages["dashboard"].contains(encoded))
        #expect(pages["entity-metric"].contains(encoded))
        #expect(pages["gaps"].contains(encoded))
        #expect(pages["entity-benefit"].contains("action=\"/entities/BEN%2F2%3Fx%23y/reviews\""))
        for (name, html) in pages.all {
            #expect(!html.contains("/entities/BEN/2"), "\(name): an id left raw in a link")
        }
    }
}
