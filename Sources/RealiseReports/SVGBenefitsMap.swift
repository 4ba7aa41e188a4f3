import RealiseGaps
import RealiseModel

/// The benefits map as inline SVG for the HTML report, one `<svg>` per drawing of `BenefitsMapLayout`:
/// objectives on top (those above others first), benefits with their metrics inside them below, deliverables
/// at the bottom, one column per objective. Subjects with findings get a red outline, a "!" marker and the
/// title of each finding written in the box; nothing is left to a tooltip, so the printed map says it all.
struct SVGBenefitsMap {
    /// Above this many nodes the map is not drawn (it would be unreadable); `realise map` draws it instead.
    static let maximumNodes = 400

    let graph: BenefitsMapGraph

    init(report: GapReport) { graph = BenefitsMapGraph(report: report) }

    /// The drawings' layout, or nil when there is nothing to draw or too much.
    var layout: BenefitsMapLayout? {
        guard !graph.nodes.isEmpty, graph.nodes.count <= Self.maximumNodes else { return nil }
        return BenefitsMapLayout(graph: graph)
    }

    /// The SVG elements, one per drawing of `layout`.
    func render(_ layout: BenefitsMapLayout) -> [String] {
        layout.pages.enumerated().map { render($1, number: $0 + 1) }
    }

    private func render(_ page: BenefitsMapLayout.Page, number: Int) -> String {
        let label = (page.objective.map { "Benefits map for \($0)" } ?? "Benefits map")
            + (page.parts > 1 ? " (\(page.part) of \(page.parts))" : "")
        var out = "<svg class=\"benefits-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(page.width)) \(c(page.height))\" "
            + "width=\"\(c(page.width))\" role=\"img\" aria-label=\"\(HTMLText.escape(label)): \(page.boxes.count) entities\">\n"
        out += "<defs>\n" + Self.edgeStyles.map { kind, style in
            "<marker id=\"map\(number)-arrow-\(kind)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(style.colour)\"/></marker>\n"
        }.joined() + "</defs>\n"
        for caption in page.captions {
            out += "<text x=\"\(c(caption.x))\" y=\"\(c(caption.y))\" font-size=\"12\" font-weight=\"700\" fill=\"#44546a\" letter-spacing=\"0.5\" "
                + "stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">\(HTMLText.escape(caption.text))</text>\n"
        }
        out += "<g fill=\"none\" stroke-width=\"1.3\">\n"
        let ports = Self.ports(page.edges, page.boxes)
        for (index, edge) in page.edges.enumerated() {
            guard let from = page.boxes[edge.from], let to = page.boxes[edge.to], let style = Self.edgeStyles.first(where: { $0.kind == edge.kind.name })?.style else { continue }
            out += "<path d=\"\(Self.route(from, to, ports.start[index], ports.end[index]))\" stroke=\"\(style.colour)\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") "
                + "stroke-opacity=\"0.75\" marker-end=\"url(#map\(number)-arrow-\(edge.kind.name))\" data-edge=\"\(HTMLText.escape("\(edge.from) \(edge.kind.rawValue) \(edge.to)"))\"/>\n"
        }
        out += "</g>\n"
        // Benefits before the metrics drawn inside them.
        for node in graph.nodes.sorted(by: { ($0.type == .metric ? 1 : 0) < ($1.type == .metric ? 1 : 0) }) {
            if let box = page.boxes[node.id] { out += Self.draw(node, box, page.lines[node.id] ?? []) }
        }
        return out + "</svg>"
    }

    private static let edgeStyles: [(kind: String, style: (colour: String, dash: String?))] = [
        ("contributes", ("#44546a", nil)), ("enables", ("#7a7a7a", nil)), ("measures", ("#a07800", "5 3")), ("part", ("#9a9a9a", "2 3")),
    ]

    /// Where vertical edges leave and enter their boxes: spread along the top or bottom side, ordered by
    /// the other end's position, so that fans of edges stay apart. Keyed by edge index.
    private static func ports(_ edges: [BenefitsMapGraph.Edge], _ boxes: [String: BenefitsMapLayout.Box]) -> (start: [Int: Double], end: [Int: Double]) {
        var start: [Int: Double] = [:], end: [Int: Double] = [:]
        var bySource: [String: [(Int, Double)]] = [:], byTarget: [String: [(Int, Double)]] = [:]
        for (index, edge) in edges.enumerated() {
            guard let a = boxes[edge.from], let b = boxes[edge.to], b.y + b.h <= a.y || b.y >= a.y + a.h else { continue }
            bySource[edge.from + (b.y < a.y ? "^" : "v"), default: []].append((index, b.x + b.w / 2))
            byTarget[edge.to + (b.y < a.y ? "v" : "^"), default: []].append((index, a.x + a.w / 2))
        }
        func spread(_ groups: [String: [(Int, Double)]], _ box: (String) -> BenefitsMapLayout.Box?, into ports: inout [Int: Double]) {
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
    private static func route(_ a: BenefitsMapLayout.Box, _ b: BenefitsMapLayout.Box, _ startX: Double?, _ endX: Double?) -> String {
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

    private static func draw(_ node: BenefitsMapGraph.Node, _ box: BenefitsMapLayout.Box, _ lines: [BenefitsMapLayout.Line]) -> String {
        let (fill, stroke): (String, String) = switch node.type {
        case .objective: ("#e8eef7", "#2b4a7a")
        case .benefit: ("#e9f4ea", "#2e6b34")
        case .metric: ("#fff6dc", "#8a6d00")
        default: ("#f5f5f5", "#666666")
        }
        var out = "<g class=\"node \(node.type.rawValue)\(node.hasGap ? " gap" : "")\" data-id=\"\(HTMLText.escape(node.id))\">\n"
        out += "<rect x=\"\(c(box.x))\" y=\"\(c(box.y))\" width=\"\(c(box.w))\" height=\"\(c(box.h))\" rx=\"\(node.type == .metric ? 9 : 5)\" fill=\"\(fill)\" "
            + "stroke=\"\(node.hasGap ? "#c00000" : stroke)\" stroke-width=\"\(node.hasGap ? "2.5" : "1.2")\"\(node.isOrphan ? " stroke-dasharray=\"6 3\"" : "")/>\n"
        var y = box.y + BenefitsMapLayout.padding + 10
        for line in lines {
            let style = switch line.style {
            case .heading: "font-size=\"11\" font-weight=\"700\" fill=\"#1a1a1a\""
            case .name: "font-size=\"10.5\" fill=\"#333333\""
            case .finding: "font-size=\"10.5\" font-weight=\"700\" fill=\"#c00000\""
            case .note: "font-size=\"10\" font-style=\"italic\" fill=\"#555555\""
            }
            out += "<text x=\"\(c(box.x + BenefitsMapLayout.padding))\" y=\"\(c(y))\" \(style)>\(HTMLText.escape(line.text))</text>\n"
            y += line.style == .heading ? BenefitsMapLayout.headingHeight : BenefitsMapLayout.lineHeight
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
