import Foundation
import RealiseGaps
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("HTML report and benefits maps")
struct HTMLRendererTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]

    @Test("map formats: the renderer of each is the one whose output is golden (map.mmd, map.dot)")
    func mapFormats() throws {
        let report = try ReportFixture.report
        #expect(MapFormat.allCases.map(\.rawValue) == ["mermaid", "dot"])
        #expect(MapFormat.mermaid.renderer().render(report) == MermaidMapRenderer().render(report))
        #expect(MapFormat.dot.renderer().render(report) == DOTMapRenderer().render(report))
    }

    @Test("the HTML is self-contained: no script, no remote assets, a policy that forbids both")
    func selfContained() throws {
        let html = HTMLGapRenderer().render(try ReportFixture.report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<link"))
        #expect(!html.contains("@import"))
        #expect(html.range(of: #"(src|href)\s*=\s*["']?\s*(https?:)?//"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(html.range(of: #"url\(\s*["']?\s*(https?:)?//"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("page-break-inside: avoid"))
    }

    @Test("plan text with markup characters is escaped")
    func fixtureEscaping() throws {
        let html = HTMLGapRenderer().render(try ReportFixture.report)
        #expect(html.contains("A &quot;joined-up&quot;, &lt;seamless&gt; network"))
        #expect(!html.contains("<seamless>"))
        #expect(!html.contains("\"joined-up\""))
        #expect(html.contains("Residents reach work &amp; services within 45 minutes"))
        #expect(!html.contains("work & services"))
        #expect(html.contains("=Disruption during works"))
        let mermaid = MermaidMapRenderer().render(try ReportFixture.report)
        #expect(mermaid.contains("A #34;joined-up#34;, #60;seamless#62; network"))
        let dot = DOTMapRenderer().render(try ReportFixture.report)
        #expect(dot.contains("A \\\"joined-up\\\", &lt;seamless&gt;"))
    }

    @Test("a plan cannot inject markup or script into HTML, Mermaid or DOT")
    func hostilePlan() throws {
        let report = Self.bare(Self.hostile, asOf: Day(iso: "2025-06-30")!)
        let analysed = try GapAnalyzer().report(for: Self.hostile, asOf: Day(iso: "2025-06-30")!)
        #expect(!analysed.findings.isEmpty)
        for report in [report, analysed] {
            let html = HTMLGapRenderer().render(report)
            for payload in Self.payloads { #expect(!html.contains(payload)) }
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<img"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            let mermaid = MermaidMapRenderer().render(report)
            #expect(!mermaid.contains("<"))
            for line in mermaid.split(separator: "\n") where line.contains("[\"") && !line.contains("subgraph") {
                #expect(line.range(of: #"^ +[A-Za-z0-9_]+\["[^"]*"\]$"#, options: .regularExpression) != nil, "\(line)")
            }
            let dot = DOTMapRenderer().render(report)
            #expect(!dot.contains("<"))
            for line in dot.split(separator: "\n") {
                let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
                #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
            }
        }
    }

    @Test("one chart per numeric metric with a baseline, target or measurement")
    func chartsPerMetric() throws {
        let html = HTMLGapRenderer().render(try ReportFixture.report)
        #expect(Self.count("<svg", in: html) == 2)
        #expect(Self.count("<svg class=\"trajectory\"", in: html) == 1)
        #expect(Self.count("<svg class=\"benefits-map\"", in: html) == 1)

        var plan = ReportFixture.plan
        let source = SourceRef(path: "plans/extra.xml", line: 1, format: "realise-xml")
        plan.metrics += [
            Metric(id: "MET-Q", name: "Resident sentiment", measureType: .qualitative, source: source),
            Metric(id: "MET-E", name: "Never measured", source: source),
            Metric(id: "MET-M", name: "Only measured", unit: "%", source: source),
        ]
        plan.values += [
            MetricValue(metric: "MET-Q", kind: .measurement, date: Day(iso: "2025-01-31")!, value: 3, source: source),
            MetricValue(metric: "MET-M", kind: .measurement, date: Day(iso: "2025-01-31")!, value: 40, source: source),
        ]
        let more = HTMLGapRenderer().render(try GapAnalyzer().report(for: plan, asOf: ReportFixture.asOf))
        #expect(Self.count("<svg class=\"trajectory\"", in: more) == 2)
        #expect(more.contains("Trajectory chart: MET-M Only measured"))
        #expect(!more.contains("Trajectory chart: MET-Q"))
        #expect(!more.contains("Trajectory chart: MET-E"))
    }

    @Test("the trajectory chart marks the off-trajectory measurement, the baseline and the tolerance")
    func chartContents() throws {
        let plan = ReportFixture.plan
        let chart = try #require(SVGTrajectoryChart(metric: plan.metrics[0], values: plan.values,
                                                    trajectory: Trajectory(metric: plan.metrics[0], values: plan.values.filter { $0.metric == plan.metrics[0].id }, fraction: 0.1),
                                                    asOf: ReportFixture.asOf))
        #expect(chart.dots.map(\.off) == [true])
        #expect(chart.dots.first?.expected == 56)
        let svg = chart.render()
        #expect(svg.contains("<title>2025-03-31: 57.5 minutes, expected 56 minutes, off trajectory (Q4 AVL)</title>"))
        #expect(svg.contains("fill=\"#c00000\""))
        #expect(svg.contains("Baseline 58 minutes on 2024-03-31"))
        #expect(svg.contains("<title>Tolerance: 0.6 minutes on the worse side</title>"))
        #expect(svg.contains("font-weight=\"700\">minutes</text>"))
        #expect(svg.contains(">Jan 2025</text>"))
        let wide = try #require(SVGTrajectoryChart(metric: plan.metrics[0], values: plan.values,
                                                    trajectory: Trajectory(metric: plan.metrics[0], values: plan.values.filter { $0.metric == plan.metrics[0].id }, fraction: 0.5),
                                                    asOf: ReportFixture.asOf))
        #expect(wide.dots.map(\.off) == [false])
        #expect(!wide.render().contains("fill=\"#c00000\""))
        let axis = SVGTrajectoryChart.valueAxis(51.4, 58.6)
        #expect(axis.ticks == [50, 52, 54, 56, 58, 60])
    }

    @Test("the maps highlight every subject with a finding")
    func mapHighlightsGaps() throws {
        let report = try ReportFixture.report
        let subjects = Set(report.findings.map(\.subject.id))
        #expect(subjects == ["O2", "B2", "MET-1", "D2", "D1.1"])
        let graph = BenefitsMapGraph(report: report)
        #expect(Set(graph.nodes.filter(\.hasGap).map(\.id)) == subjects)
        let map = SVGBenefitsMap(report: report), svg = map.render(try #require(map.layout)).joined()
        let drawn = svg.matches(of: /<g class="node \w+ gap" data-id="([^"]+)">/).map { String($0.output.1) }
        #expect(Set(drawn) == subjects)
        #expect(Self.count("<g class=\"node ", in: svg) == graph.nodes.count)
        let mermaid = MermaidMapRenderer().render(report)
        #expect(mermaid.contains("    class Obj_O2,Ben_B2,Met_MET_1,Del_D1_1,Del_D2 gap\n"))
        #expect(mermaid.contains("Del_D1 --> Ben_B1") && mermaid.contains("Ben_B1 --> Obj_O1") && mermaid.contains("Met_MET_1 -.->|\"60%\"| Ben_B1"))
        let dot = DOTMapRenderer().render(report)
        let red = dot.split(separator: "\n").filter { $0.contains("color=red, penwidth=2") }
        // MET-1 is written in B1's box, which is outlined for it.
        #expect(red.count == subjects.count)
        #expect(dot.contains("⚠ measured by MET-1 (60%)"))
    }

    @Test("the map draws directly linked and orphan deliverables, and children with findings as parts")
    func mapDeliverables() throws {
        let graph = BenefitsMapGraph(report: try ReportFixture.report)
        #expect(graph.nodes(.deliverable).map(\.id) == ["D1", "D1.1", "D2"])
        #expect(graph.node("D2")?.isOrphan == true && graph.node("D2")?.tag == "orphan")
        #expect(graph.node("M1") == nil)
        #expect(graph.edges.contains { $0.from == "D1.1" && $0.to == "D1" && $0.kind == .partOf })
        #expect(graph.node("O2")?.depth == 1 && graph.node("V1")?.depth == 0)
    }

    @Test("node ids are sanitised and unique for Mermaid and DOT")
    func sanitisedIds() throws {
        var plan = Plan()
        let source = SourceRef(path: "p.xml", line: 1, format: "realise-xml")
        plan.deliverables = [Deliverable(id: "D1.1", name: "a", source: source), Deliverable(id: "D1_1", name: "b", source: source),
                             Deliverable(id: "end", name: "c", source: source)]
        // Drawn as the orphans the orphan-deliverable rule finds them.
        let graph = BenefitsMapGraph(report: try GapAnalyzer(only: [OrphanDeliverable.id]).report(for: plan, asOf: ReportFixture.asOf))
        #expect(graph.nodes.map(\.key) == ["Del_D1_1", "Del_D1_1_2", "Del_end"])
    }

    @Test("an empty plan still renders a complete report")
    func emptyPlan() {
        let report = Self.bare(Plan(), asOf: ReportFixture.asOf)
        let html = HTMLGapRenderer().render(report)
        #expect(html.contains("<h1>Benefits realisation</h1>"))
        #expect(html.contains("No gaps found."))
        #expect(html.contains("The plan has nothing to map."))
        #expect(!html.contains("<svg"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(MermaidMapRenderer().render(report).hasPrefix("flowchart BT\n"))
        #expect(DOTMapRenderer().render(report).hasSuffix("}\n"))
    }

    @Test("a map too large to draw legibly is replaced by a pointer to realise map")
    func largeMap() {
        var plan = Plan()
        let source = SourceRef(path: "p.xml", line: 1, format: "realise-xml")
        plan.benefits = (0...SVGBenefitsMap.maximumNodes).map { Benefit(id: "B\($0)", description: "Benefit \($0)", source: source) }
        let html = HTMLGapRenderer().render(Self.bare(plan, asOf: ReportFixture.asOf))
        #expect(!html.contains("<svg class=\"benefits-map\""))
        #expect(html.contains("The map has 401 entities, too many to draw legibly here; use <code>realise map --format dot</code>."))
        #expect(Self.count("Ben_B", in: DOTMapRenderer().render(Self.bare(plan, asOf: ReportFixture.asOf))) > 401)
    }

    @Test("output is deterministic")
    func deterministic() throws {
        let report = try ReportFixture.report
        #expect(HTMLGapRenderer().render(report) == HTMLGapRenderer().render(try ReportFixture.report))
        #expect(DOTMapRenderer().render(report) == DOTMapRenderer().render(try ReportFixture.report))
    }

    @Test("HTMLText escapes the five markup characters and drops characters XML forbids")
    func escape() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{1}b\nc\u{202E}d\u{FFFF}") == "a\\u{1}b\nc\\u{202E}d\u{FFFD}")
        #expect(HTMLText.wrap("one two three four", width: 9, lines: 1) == ["one two…"])
        #expect(HTMLText.number(1234567.891) == "1,234,567.89")
        #expect(HTMLText.number(-0.004) == "0")
    }

    static let xmllintMissing = "xmllint is not on PATH (apt-get install libxml2-utils)"
    static let dotMissing = "Graphviz's dot is not on PATH (apt-get install graphviz)"

    @Test("the HTML is well-formed XML (xmllint)", Requirement.needs(Requirement.tool("xmllint") != nil, xmllintMissing))
    func wellFormed() throws {
        let xmllint = try Requirement.require(Requirement.tool("xmllint"), Self.xmllintMissing)
        for report in [try ReportFixture.report, try GapAnalyzer().report(for: Self.hostile, asOf: ReportFixture.asOf)] {
            let (status, errors) = try Self.run(xmllint, ["--noout", "--nonet", "-"], input: HTMLGapRenderer().render(report))
            #expect(status == 0, "\(errors)")
        }
    }

    @Test("Graphviz accepts the DOT map and shows the text, not markup", Requirement.needs(Requirement.tool("dot") != nil, dotMissing))
    func graphviz() throws {
        let dot = try Requirement.require(Requirement.tool("dot"), Self.dotMissing)
        let (status, output) = try Self.run(dot, ["-Tplain"], input: DOTMapRenderer().render(try GapAnalyzer().report(for: Self.hostile, asOf: ReportFixture.asOf)))
        #expect(status == 0, "\(output)")
        #expect(output.contains("<script>alert(1)</script>"))
    }

    // MARK: - Helpers

    /// Every entity's text carries a payload; ids carry markup characters too.
    static var hostile: Plan {
        var plan = Plan()
        let source = SourceRef(path: "plans/<evil>.xml", line: 1, format: "realise-xml")
        let (script, image) = (payloads[0], payloads[1])
        plan.programmes = [Programme(id: "P", name: script, organisation: "ORG", owner: image, source: source)]
        plan.organisations = [Organisation(id: "ORG", name: image, source: source)]
        plan.objectives = [Objective(id: "O<1>", statement: script, source: source)]
        plan.benefits = [Benefit(id: "B\"1", description: image, source: source), Benefit(id: "B2", description: script + " seamless", source: source)]
        plan.deliverables = [Deliverable(id: "D&1", name: script, source: source), Deliverable(id: "D2", name: image, source: source)]
        plan.metrics = [Metric(id: "M'1", name: image, unit: script, source: source)]
        plan.values = [
            MetricValue(metric: "M'1", kind: .baseline, date: Day(iso: "2024-01-01")!, value: 10, source: source),
            MetricValue(metric: "M'1", kind: .target, date: Day(iso: "2026-01-01")!, value: 20, source: source),
            MetricValue(metric: "M'1", kind: .measurement, date: Day(iso: "2025-01-01")!, value: 11, note: image, source: source),
        ]
        plan.links = [
            Link(kind: .contributesTo, from: "B\"1", to: "O<1>", source: source),
            Link(kind: .enabledBy, from: "B\"1", to: "D&1", source: source),
            Link(kind: .measures, from: "M'1", to: "B\"1", source: source),
        ]
        return plan
    }

    /// The report of `plan` with no rules run: no findings.
    static func bare(_ plan: Plan, asOf: Day) -> GapReport {
        (try? GapAnalyzer(skip: GapRules.ids))!.report(for: plan, asOf: asOf)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Runs a tool with `input` (from a temporary file) on standard input; its exit status and standard output plus error.
    static func run(_ tool: String, _ arguments: [String], input: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("realise-reports-\(UUID().uuidString).txt")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

