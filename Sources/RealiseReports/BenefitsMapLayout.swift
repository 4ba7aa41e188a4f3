import RealiseModel

/// The benefits map laid out to be read on paper: in layers (objectives, then benefits with their metrics
/// inside them, then deliverables), one column per objective (`BenefitsMapGroup`), every box showing its
/// full text, its findings and any link to an entity drawn elsewhere, so that nothing needs hovering.
///
/// The whole map is one drawing when it fits an A4 landscape page with its text at 6 pt or more (`fits(_:)`);
/// otherwise each objective gets a drawing (a printed page) of its own, headed by the objectives above it, and
/// an objective too large for one page is continued on as many more as it needs (see `pages(_:_:heads:)`), so
/// that every drawing's text stays legible.
struct BenefitsMapLayout {
    /// A rectangle in SVG coordinates.
    struct Box: Equatable {
        var x, y, w, h: Double
        func inside(_ other: Box) -> Bool { x >= other.x && y >= other.y && x + w <= other.x + other.w && y + h <= other.y + other.h }
    }

    /// One line of text in a box.
    struct Line: Equatable {
        enum Style { case heading, name, finding, note }
        var style: Style
        var text: String
    }

    /// One drawing: the whole map, or one objective's part of it.
    struct Page {
        /// The objective the drawing is about; nil for the whole map or for the entities linked to no objective.
        var objective: String?
        /// Which of the objective's drawings this is (from 1), and how many it has.
        var part = 1, parts = 1
        var width = BenefitsMapLayout.width
        var height = 0.0
        /// Every entity drawn, by id; a metric's box lies inside the box of the benefit it measures.
        var boxes: [String: Box] = [:]
        var lines: [String: [Line]] = [:]
        /// Layer titles with their baselines, and the heading of a column without an objective.
        var captions: [(text: String, x: Double, y: Double)] = []
        /// The links drawn as arrows (both ends drawn, not a metric inside its benefit).
        var edges: [BenefitsMapGraph.Edge] = []
    }

    /// The width a drawing is made at: printed the 269 mm width of an A4 landscape page (14 mm margins), its boxes'
    /// 10.5-unit text is 7.7 pt.
    static let width = 1040.0
    /// The largest drawing whose text still prints at 6 pt: 1 335 units across the page's 269 mm, or 744 units down
    /// the 150 mm a page leaves for a drawing under its heading and key (it is then shrunk to that height). An
    /// objective's drawing is widened up to `widest` before it is continued on another page.
    static let widest = 1335.0, tallest = widest * 150 / 269
    static let margin = 16.0, gap = 14.0, cardWidth = 236.0
    static let padding = 7.0, headingHeight = 15.0, lineHeight = 13.0, characterWidth = 5.9
    /// The most objective columns side by side before each objective gets a page of its own.
    static let maximumColumns = 5

    let graph: BenefitsMapGraph
    let pages: [Page]

    init(graph: BenefitsMapGraph) {
        self.graph = graph
        let groups = BenefitsMapGroup.groups(graph), heads = BenefitsMapGroup.heads(graph)
        let whole = Self.page(graph, groups, heads: heads, objective: nil)
        if groups.count <= Self.maximumColumns && Self.fits(whole) {
            pages = [whole]
        } else {
            pages = groups.flatMap { group in
                Self.pages(graph, group, heads: group.objective.map { Self.ancestors($0, graph).filter(heads.contains) } ?? [])
            }
        }
    }

    /// Whether `page` prints on one page with its text at 6 pt or more.
    static func fits(_ page: Page) -> Bool { page.width <= widest && page.height <= tallest }

    /// The objectives `id` contributes to, directly or through others, in graph order.
    static func ancestors(_ id: String, _ graph: BenefitsMapGraph) -> [String] {
        var found: Set<String> = [], queue = [id]
        while let next = queue.popLast() {
            for edge in graph.edges where edge.kind == .contributesTo && edge.from == next && found.insert(edge.to).inserted { queue.append(edge.to) }
        }
        return graph.nodes(.objective).map(\.id).filter(found.contains)
    }

    /// The text of a box `width` wide: id and tag, the full name, one line per finding, then the links to
    /// entities not drawn with it.
    static func lines(_ node: BenefitsMapGraph.Node, notes: [String], width: Double) -> [Line] {
        let chars = max(8, Int((width - 2 * padding) / characterWidth))
        var lines = [Line(style: .heading, text: node.id + (node.tag.map { " · \($0)" } ?? ""))]
        lines += HTMLText.wrap(node.name, width: chars, lines: .max).map { Line(style: .name, text: $0) }
        for title in Set(node.findings.map(\.title)).sorted() {
            lines += HTMLText.wrap("! " + title, width: chars, lines: .max).map { Line(style: .finding, text: $0) }
        }
        for note in notes { lines += HTMLText.wrap(note, width: chars, lines: .max).map { Line(style: .note, text: $0) } }
        return lines
    }

    /// The height of a box holding `lines`.
    static func height(_ lines: [Line]) -> Double { 2 * padding + headingHeight + Double(lines.count - 1) * lineHeight }
}
