import RealiseGaps
import RealiseModel

/// The benefits map as inline SVG for the HTML report: objectives in the top band (nested objectives a row
/// below their parent), benefits in the middle band with their metrics beside them, deliverables at the
/// bottom. Each band wraps into rows; edges are drawn behind the nodes. Subjects with findings get a red
/// outline and a "!" marker; every node carries its full text and findings in a `<title>` tooltip.
struct SVGBenefitsMap {
    /// Above this many nodes the map is not drawn (it would be unreadable); `realise map` draws it instead.
    static let maximumNodes = 400

    let graph: BenefitsMapGraph

    init(report: GapReport) { graph = BenefitsMapGraph(report: report) }

    private struct Box { var x, y, w, h: Double }
    private static let width = 1240.0, margin = 20.0
    private static let objective = (w: 224.0, h: 70.0), benefit = (w: 176.0, h: 70.0)
    private static let metric = (w: 150.0, h: 44.0), deliverable = (w: 136.0, h: 54.0)

    /// The SVG element, or nil when there is nothing to draw or too much.
    func render() -> String? {
        guard !graph.nodes.isEmpty, graph.nodes.count <= Self.maximumNodes else { return nil }
        var boxes: [String: Box] = [:]
        var bands: [(title: String, y: Double)] = []
        var y = Self.margin

        func place(_ ids: [String], w: Double, h: (String) -> Double, gap: Double, rowGap: Double, extra: Double = 0) {
            let usable = Self.width - 2 * Self.margin
            let perRow = max(1, Int((usable + gap) / (w + extra + gap)))
            for start in stride(from: 0, to: ids.count, by: perRow) {
                let row = Array(ids[start..<min(ids.count, start + perRow)])
                let total = Double(row.count) * (w + extra) + Double(row.count - 1) * gap
                var x = Self.margin + (usable - total) / 2
                let height = row.map(h).max() ?? 0
                for id in row { boxes[id] = Box(x: x, y: y, w: w, h: h(id)); x += w + extra + gap }
                y += height + rowGap
            }
        }

        let objectives = graph.nodes(.objective)
        if !objectives.isEmpty {
            bands.append(("Objectives", y)); y += 24
            for depth in Set(objectives.map(\.depth)).sorted() {
                place(objectives.filter { $0.depth == depth }.map(\.id), w: Self.objective.w, h: { _ in Self.objective.h }, gap: 20, rowGap: 30)
            }
            y += 26
        }
        // Metrics sit beside the first benefit they measure; the rest get a row of their own.
        var beside: [String: [String]] = [:], loose: [String] = []
        for metric in graph.nodes(.metric) {
            if let first = graph.edges.first(where: { $0.kind == .measures && $0.from == metric.id && graph.node($0.to)?.type == .benefit }) {
                beside[first.to, default: []].append(metric.id)
            } else { loose.append(metric.id) }
        }
        let benefits = graph.nodes(.benefit)
        if !benefits.isEmpty || !loose.isEmpty {
            bands.append((beside.isEmpty && loose.isEmpty ? "Benefits" : "Benefits and their metrics", y)); y += 24
            let extra = beside.isEmpty ? 0 : 18 + Self.metric.w
            place(benefits.map(\.id), w: Self.benefit.w, h: { max(Self.benefit.h, Double((beside[$0] ?? []).count) * (Self.metric.h + 4) - 4) },
                  gap: 20, rowGap: 36, extra: extra)
            for (benefit, metrics) in beside {
                guard let box = boxes[benefit] else { continue }
                for (offset, id) in metrics.enumerated() {
                    boxes[id] = Box(x: box.x + box.w + 18, y: box.y + Double(offset) * (Self.metric.h + 4), w: Self.metric.w, h: Self.metric.h)
                }
            }
            place(loose, w: Self.metric.w, h: { _ in Self.metric.h }, gap: 16, rowGap: 30)
            y += 26
        }
        let deliverables = graph.nodes(.deliverable)
        if !deliverables.isEmpty {
            bands.append(("Deliverables", y)); y += 24
            place(deliverables.map(\.id), w: Self.deliverable.w, h: { _ in Self.deliverable.h }, gap: 12, rowGap: 22)
        }
        let height = (boxes.values.map { $0.y + $0.h }.max() ?? y) + Self.margin

        var out = "<svg class=\"benefits-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" "
            + "width=\"\(c(Self.width))\" role=\"img\" aria-labelledby=\"map-title\">\n"
        out += "<title id=\"map-title\">Benefits map: \(graph.nodes.count) entities, \(graph.gapCount) with findings</title>\n"
        out += "<defs>\n" + Self.edgeStyles.map { kind, style in
            "<marker id=\"map-arrow-\(kind)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(style.colour)\"/></marker>\n"
        }.joined() + "</defs>\n"
        for band in bands {
            out += "<text x=\"\(c(Self.margin))\" y=\"\(c(band.y + 14))\" font-size=\"13\" font-weight=\"700\" fill=\"#44546a\" letter-spacing=\"0.5\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">\(band.title.uppercased())</text>\n"
        }
        out += "<g fill=\"none\" stroke-width=\"1.3\">\n"
        let ports = Self.ports(graph.edges, boxes)
        for (index, edge) in graph.edges.enumerated() {
            guard let from = boxes[edge.from], let to = boxes[edge.to], let style = Self.edgeStyles.first(where: { $0.kind == edge.kind.name })?.style else { continue }
            out += "<path d=\"\(Self.route(from, to, ports.start[index], ports.end[index]))\" stroke=\"\(style.colour)\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") "
                + "stroke-opacity=\"0.75\" marker-end=\"url(#map-arrow-\(edge.kind.name))\"><title>\(HTMLText.escape("\(edge.from) \(edge.kind.rawValue) \(edge.to)" + (edge.label.map { " (\($0))" } ?? "")))</title></path>\n"
        }
        out += "</g>\n"
        for node in graph.nodes { if let box = boxes[node.id] { out += Self.draw(node, box) } }
        return out + "</svg>"
    }

    private static let edgeStyles: [(kind: String, style: (colour: String, dash: String?))] = [
        ("contributes", ("#44546a", nil)), ("enables", ("#7a7a7a", nil)), ("measures", ("#a07800", "5 3")), ("part", ("#9a9a9a", "2 3")),
    ]

    /// Where vertical edges leave and enter their boxes: spread along the top or bottom side, ordered by
    /// the other end's position, so that fans of edges stay apart. Keyed by edge index.
    private static func ports(_ edges: [BenefitsMapGraph.Edge], _ boxes: [String: Box]) -> (start: [Int: Double], end: [Int: Double]) {
        var start: [Int: Double] = [:], end: [Int: Double] = [:]
        var bySource: [String: [(Int, Double)]] = [:], byTarget: [String: [(Int, Double)]] = [:]
        for (index, edge) in edges.enumerated() {
            guard let a = boxes[edge.from], let b = boxes[edge.to], b.y + b.h <= a.y || b.y >= a.y + a.h else { continue }
            bySource[edge.from + (b.y < a.y ? "^" : "v"), default: []].append((index, b.x + b.w / 2))
            byTarget[edge.to + (b.y < a.y ? "v" : "^"), default: []].append((index, a.x + a.w / 2))
        }
        func spread(_ groups: [String: [(Int, Double)]], _ box: (String) -> Box?, into ports: inout [Int: Double]) {
            for (key, members) in groups {
                guard let box = box(String(key.dropLast())) else { continue }
                let sorted = members.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
                let span = min(box.w * 0.7, Double(sorted.count - 1) * 14)
                for (rank, member) in sorted.enumerated() {
                    ports[member.0] = box.x + box.w / 2 - span / 2 + (sorted.count > 1 ? span * Double(rank) / Double(sorted.count - 1) : 0)
                }
            }
        }
        spread(bySource, { boxes[$0] }, into: &start)
        spread(byTarget, { boxes[$0] }, into: &end)
        return (start, end)
    }

    /// A curve from the side of `a` facing `b` to the side of `b` facing `a`, leaving at `x1` and entering
    /// at `x2` when given (vertical edges).
    private static func route(_ a: Box, _ b: Box, _ startX: Double?, _ endX: Double?) -> String {
        let (x1, y1, x2, y2): (Double, Double, Double, Double)
        if b.y + b.h <= a.y { (x1, y1, x2, y2) = (startX ?? a.x + a.w / 2, a.y, endX ?? b.x + b.w / 2, b.y + b.h) }
        else if b.y >= a.y + a.h { (x1, y1, x2, y2) = (startX ?? a.x + a.w / 2, a.y + a.h, endX ?? b.x + b.w / 2, b.y) }
        else {
            let right = b.x > a.x
            (x1, y1, x2, y2) = (right ? a.x + a.w : a.x, a.y + a.h / 2, right ? b.x : b.x + b.w, b.y + min(b.h / 2, 22))
            let mid = (x1 + x2) / 2
            return "M\(c(x1)),\(c(y1)) C\(c(mid)),\(c(y1)) \(c(mid)),\(c(y2)) \(c(x2)),\(c(y2))"
        }
        let mid = (y1 + y2) / 2
        return "M\(c(x1)),\(c(y1)) C\(c(x1)),\(c(mid)) \(c(x2)),\(c(mid)) \(c(x2)),\(c(y2))"
    }

    private static func draw(_ node: BenefitsMapGraph.Node, _ box: Box) -> String {
        let (fill, stroke): (String, String) = switch node.type {
        case .objective: ("#e8eef7", "#2b4a7a")
        case .benefit: ("#e9f4ea", "#2e6b34")
        case .metric: ("#fff6dc", "#8a6d00")
        default: ("#f5f5f5", "#666666")
        }
        let tag = node.tag.map { " (\($0))" } ?? ""
        var tooltip = "\(node.type.rawValue) \(node.id)\(tag): \(HTMLText.oneLine(node.name))"
        for finding in node.findings { tooltip += "\n\(finding.severity.rawValue.uppercased()) \(finding.rule): \(finding.message)" }
        var out = "<g class=\"node \(node.type.rawValue)\(node.hasGap ? " gap" : "")\" data-id=\"\(HTMLText.escape(node.id))\"><title>\(HTMLText.escape(tooltip))</title>\n"
        out += "<rect x=\"\(c(box.x))\" y=\"\(c(box.y))\" width=\"\(c(box.w))\" height=\"\(c(box.h))\" rx=\"\(node.type == .metric ? 12 : 5)\" fill=\"\(fill)\" "
            + "stroke=\"\(node.hasGap ? "#c00000" : stroke)\" stroke-width=\"\(node.hasGap ? "2.5" : "1.2")\"\(node.isOrphan ? " stroke-dasharray=\"6 3\"" : "")/>\n"
        let lines = node.type == .objective || node.type == .benefit ? 3 : 2
        let chars = Int((box.w - 16) / 6.1)
        out += "<text x=\"\(c(box.x + 8))\" y=\"\(c(box.y + 15))\" font-size=\"11\" fill=\"#1a1a1a\"><tspan font-weight=\"700\">\(HTMLText.escape(HTMLText.clip(node.id, chars - 2)))</tspan>"
        if let tag = node.tag { out += "<tspan fill=\"\(node.isOrphan ? "#c00000" : "#555555")\" font-size=\"9.5\">\(HTMLText.escape(" " + tag))</tspan>" }
        out += "</text>\n"
        for (offset, line) in HTMLText.wrap(node.name, width: chars, lines: lines).enumerated() {
            out += "<text x=\"\(c(box.x + 8))\" y=\"\(c(box.y + 29 + Double(offset) * 13))\" font-size=\"10.5\" fill=\"#333333\">\(HTMLText.escape(line))</text>\n"
        }
        if node.hasGap {
            let (cx, cy) = (box.x + box.w - 2, box.y + 2)
            out += "<circle cx=\"\(c(cx))\" cy=\"\(c(cy))\" r=\"8\" fill=\"#c00000\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                + "<text x=\"\(c(cx))\" y=\"\(c(cy + 4))\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">!</text>\n"
        }
        return out + "</g>\n"
    }

}

/// An SVG coordinate.
private func c(_ value: Double) -> String { HTMLText.coordinate(value) }

extension BenefitsMapGraph.EdgeKind {
    /// A short name for marker ids and styles.
    var name: String {
        switch self {
        case .contributesTo: "contributes"
        case .enabledBy: "enables"
        case .measures: "measures"
        case .partOf: "part"
        }
    }
}
