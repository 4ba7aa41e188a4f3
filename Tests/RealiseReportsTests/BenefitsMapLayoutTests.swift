import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("the benefits map prints: layers, columns per objective, no hidden text")
struct BenefitsMapLayoutTests {
    static let source = SourceRef(path: "plans/big.xml", line: 1, format: "realise-xml")

    /// A vision over `objectives` objectives, each with `benefits` benefits (one metric each) and one deliverable per
    /// benefit; the first benefit of each objective also contributes to the next objective, and its deliverable
    /// also enables the next objective's first benefit.
    static func plan(objectives: Int, benefits: Int) -> Plan {
        var plan = Plan()
        plan.objectives = [Objective(id: "V", statement: "A vision for the whole coast, in many words", source: source)]
        for o in 1...objectives {
            plan.objectives.append(Objective(id: "O\(o)", statement: "Objective \(o) about getting people where they need to go", parent: "V", source: source))
            for b in 1...benefits {
                let id = "B\(o).\(b)"
                plan.benefits.append(Benefit(id: id, description: "Benefit \(o).\(b): fewer delays for passengers on the coastal routes in the morning peak", source: source))
                plan.metrics.append(Metric(id: "M\(o).\(b)", name: "Trips per month on route \(o).\(b)", unit: "trips", source: source))
                plan.deliverables.append(Deliverable(id: "D\(o).\(b)", name: "Bus lane section \(o).\(b) with new signals", source: source))
                plan.links += [Link(kind: .contributesTo, from: id, to: "O\(o)", source: source),
                               Link(kind: .measures, from: "M\(o).\(b)", to: id, source: source),
                               Link(kind: .enabledBy, from: id, to: "D\(o).\(b)", source: source)]
            }
            if o < objectives {
                plan.links += [Link(kind: .contributesTo, from: "B\(o).1", to: "O\(o + 1)", source: source),
                               Link(kind: .enabledBy, from: "B\(o + 1).1", to: "D\(o).1", source: source)]
            }
        }
        return plan
    }

    static func layout(_ plan: Plan) throws -> BenefitsMapLayout {
        try #require(SVGBenefitsMap(report: try GapAnalyzer().report(for: plan, asOf: ReportFixture.asOf)).layout)
    }

    /// Checks what every drawing must be: boxes inside the page, metrics inside their benefit, no overlaps,
    /// objectives above benefits above deliverables.
    static func checkPage(_ page: BenefitsMapLayout.Page, _ graph: BenefitsMapGraph) {
        let sheet = BenefitsMapLayout.Box(x: 0, y: 0, w: page.width, h: page.height)
        let outer = page.boxes.filter { entry in graph.node(entry.key)?.type != .metric || !page.boxes.contains { other in
            other.key != entry.key && graph.node(other.key)?.type == .benefit && entry.value.inside(other.value) } }
        for (id, box) in page.boxes { #expect(box.inside(sheet), "\(id) inside the page") }
        for (a, boxA) in outer { for (b, boxB) in outer where a < b {
            let apart = boxA.x + boxA.w <= boxB.x || boxB.x + boxB.w <= boxA.x || boxA.y + boxA.h <= boxB.y || boxB.y + boxB.h <= boxA.y
            #expect(apart, "\(a) and \(b) overlap")
        } }
        func boxes(_ type: EntityType) -> [BenefitsMapLayout.Box] { outer.filter { graph.node($0.key)?.type == type }.map(\.value) }
        let objectivesEnd = boxes(.objective).map { $0.y + $0.h }.max() ?? 0
        let benefits = boxes(.benefit), deliverables = boxes(.deliverable)
        #expect(benefits.allSatisfy { $0.y > objectivesEnd }, "benefits below objectives")
        let benefitsEnd = benefits.map { $0.y + $0.h }.max() ?? objectivesEnd
        #expect(deliverables.allSatisfy { $0.y > benefitsEnd }, "deliverables below benefits")
    }

    @Test("a small map is one drawing, a column per objective, every box in place")
    func smallMap() throws {
        let layout = try Self.layout(Self.plan(objectives: 2, benefits: 1))
        #expect(layout.pages.count == 1)
        let page = try #require(layout.pages.first)
        #expect(BenefitsMapLayout.fits(page))
        Self.checkPage(page, layout.graph)
        #expect(page.boxes.count == layout.graph.nodes.count)
        // O1's column is left of O2's, with its benefit and deliverable under it.
        #expect(page.boxes["O1"]!.x < page.boxes["O2"]!.x && page.boxes["B1.1"]!.x < page.boxes["B2.1"]!.x)
        #expect(page.boxes["M1.1"]!.inside(page.boxes["B1.1"]!))
        #expect(page.edges.contains { $0.from == "B1.1" && $0.to == "O2" }, "a link within the drawing is an arrow")
    }

    @Test("a large map gets a page per objective, headed by the vision; links to other pages are written in the boxes")
    func largeMap() throws {
        let layout = try Self.layout(Self.plan(objectives: 4, benefits: 5))
        #expect(layout.pages.map(\.objective) == ["O1", "O2", "O3", "O4"])
        for page in layout.pages {
            Self.checkPage(page, layout.graph)
            #expect(BenefitsMapLayout.fits(page), "\(page.height) units high for \(page.width) wide: its text prints at 6 pt or more")
            #expect(page.boxes["V"] != nil)
        }
        // Every entity but the vision is on exactly one page.
        for node in layout.graph.nodes where node.id != "V" {
            #expect(layout.pages.filter { $0.boxes[node.id] != nil }.count == 1, "\(node.id)")
        }
        let first = layout.pages[0], second = layout.pages[1]
        #expect(first.lines["B1.1"]?.contains(.init(style: .note, text: "Contributes to O2")) == true)
        #expect(first.lines["D1.1"]?.contains(.init(style: .note, text: "Enables B2.1")) == true)
        #expect(second.lines["O2"]?.contains(.init(style: .note, text: "Supported by B1.1")) == true)
        #expect(second.lines["B2.1"]?.contains(.init(style: .note, text: "Enabled by D1.1")) == true)
    }

    @Test("an objective too large for one page continues on more, each printing the full width of the paper")
    func largeObjective() throws {
        let layout = try Self.layout(Self.plan(objectives: 2, benefits: 24))
        let parts = layout.pages.filter { $0.objective == "O1" }
        #expect(parts.count > 1, "O1's 24 benefits, metrics and deliverables do not fit one page")
        #expect(parts.map(\.part) == Array(1...parts.count) && parts.allSatisfy { $0.parts == parts.count })
        for page in layout.pages {
            Self.checkPage(page, layout.graph)
            #expect(BenefitsMapLayout.fits(page), "\(page.objective ?? "-") part \(page.part): \(page.height) units high for \(page.width) wide")
            #expect(page.width == BenefitsMapLayout.width, "drawn at the width whose text prints at 7.7 pt")
            #expect(page.boxes["V"] != nil && page.boxes[page.objective ?? ""] != nil, "each part is headed by the vision and its objective")
        }
        for node in layout.graph.nodes where !["V", "O1", "O2"].contains(node.id) {
            #expect(layout.pages.filter { $0.boxes[node.id] != nil }.count == 1, "\(node.id) is drawn once")
        }
        // A benefit and its deliverable on different parts name each other in their boxes.
        let benefitPage = try #require(parts.firstIndex { $0.boxes["B1.24"] != nil })
        let deliverablePage = try #require(parts.firstIndex { $0.boxes["D1.24"] != nil })
        #expect(benefitPage < deliverablePage)
        #expect(parts[benefitPage].lines["B1.24"]?.contains(.init(style: .note, text: "Enabled by D1.24")) == true)
        let html = HTMLGapRenderer().render(try GapAnalyzer().report(for: Self.plan(objectives: 2, benefits: 24), asOf: ReportFixture.asOf))
        #expect(html.contains("(page 2 of \(parts.count))</h3>"))
    }

    @Test("every box shows its entity's full text and its findings' titles; no text is left to a tooltip")
    func nothingHidden() throws {
        var plan = Self.plan(objectives: 2, benefits: 1)
        plan.benefits[0].description = String(repeating: "A long benefit description that goes on and on. ", count: 6)
        let report = try GapAnalyzer().report(for: plan, asOf: ReportFixture.asOf)
        let map = SVGBenefitsMap(report: report)
        let layout = try #require(map.layout)
        let svg = map.render(layout).joined()
        #expect(!svg.contains("<title"))
        for node in map.graph.nodes {
            let lines = try #require(layout.pages[0].lines[node.id])
            let name = lines.filter { $0.style == .name }.map(\.text).joined(separator: " ")
            #expect(name == HTMLText.oneLine(node.name), "\(node.id) shows its whole name")
            for finding in node.findings {
                #expect(lines.contains { $0.style == .finding && $0.text.hasPrefix("! " + finding.title.prefix(20)) }, "\(node.id): \(finding.title)")
            }
            for line in lines { #expect(svg.contains(">\(HTMLText.escape(line.text))</text>")) }
        }
        #expect(map.graph.nodes.contains { !$0.findings.isEmpty })
    }

    @Test("the HTML report prints the map on landscape pages, one per objective when large")
    func printedPages() throws {
        let html = HTMLGapRenderer().render(try GapAnalyzer().report(for: Self.plan(objectives: 4, benefits: 5), asOf: ReportFixture.asOf))
        #expect(html.contains("@page map { size: A4 landscape;"))
        #expect(html.contains("section#map { break-before: page; page: map; }"))
        #expect(HTMLRendererTests.count("<div class=\"map-page\">", in: html) == 4)
        #expect(html.contains("<h3>O3 Objective 3 about getting people where they need to go</h3>"))
        #expect(HTMLRendererTests.count("<svg class=\"benefits-map\"", in: html) == 4)
    }

    @Test("the DOT map reads left to right, one cluster per objective, scaled to an A4 landscape page")
    func dotForPrint() throws {
        let dot = DOTMapRenderer().render(try GapAnalyzer().report(for: Self.plan(objectives: 3, benefits: 2), asOf: ReportFixture.asOf))
        #expect(dot.contains("rankdir=LR;"))
        #expect(dot.contains("size=\"11.2,7.7\";"))
        #expect(HTMLRendererTests.count("subgraph cluster_", in: dot) == 3)
        #expect(dot.contains("label=\"O2\";"))
        #expect(!dot.contains("tooltip"))
        // The metric is written in its benefit's box, not drawn as a node of its own.
        #expect(!dot.contains("Met_M1_1 ["))
        #expect(dot.contains("measured by M1.1\\l"))
    }
}
