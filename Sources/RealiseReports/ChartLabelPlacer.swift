/// Places text labels on a chart beside the point they name, where they cross no line, no marker and no other
/// label: the first of a fixed list of positions around the point that is clear and inside the plot.
struct ChartLabelPlacer {
    /// A point in SVG coordinates.
    struct Point: Equatable {
        var x, y: Double
    }

    /// An axis-aligned rectangle in SVG coordinates.
    struct Box: Equatable {
        var x, y, w, h: Double

        func intersects(_ other: Box) -> Bool {
            x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
        }

        func contains(_ point: Point) -> Bool { point.x >= x && point.x <= x + w && point.y >= y && point.y <= y + h }

        func inside(_ other: Box) -> Bool { x >= other.x && y >= other.y && x + w <= other.x + other.w && y + h <= other.y + other.h }

        /// Whether the segment `a`–`b` touches this box (Liang–Barsky clipping).
        func intersects(_ a: Point, _ b: Point) -> Bool {
            var (t0, t1) = (0.0, 1.0)
            let (dx, dy) = (b.x - a.x, b.y - a.y)
            for (p, q) in [(-dx, a.x - x), (dx, x + w - a.x), (-dy, a.y - y), (dy, y + h - a.y)] {
                if p == 0 { if q < 0 { return false }; continue }
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
            return true
        }
    }

    /// A label placed: its text's anchor point and `text-anchor`, and the box its text covers.
    struct Placed: Equatable {
        var text: String
        var x, y: Double
        var anchor: String
        var box: Box
    }

    /// Where labels may go.
    let bounds: Box
    /// Lines labels must not cross.
    let lines: [[Point]]
    /// Markers (and anything else) labels must not cover.
    private(set) var taken: [Box]
    let fontSize: Double

    init(bounds: Box, lines: [[Point]], markers: [Box], fontSize: Double = 10.5) {
        self.bounds = bounds
        self.lines = lines
        taken = markers
        self.fontSize = fontSize
    }

    /// The box of `text` drawn with its baseline at `y`, anchored at `x`.
    func box(_ text: String, x: Double, y: Double, anchor: String) -> Box {
        // Bold system sans at this size averages under 0.62 em a character; the box errs on the large side.
        let w = Double(text.count) * fontSize * 0.62, h = fontSize * 1.15
        let left = anchor == "end" ? x - w : (anchor == "middle" ? x - w / 2 : x)
        return Box(x: left, y: y - fontSize * 0.9, w: w, h: h)
    }

    /// Places `text` near `point`, preferring above it, and remembers its box so later labels avoid it. When no
    /// position is clear, the one crossing the fewest lines and labels is taken.
    mutating func place(_ text: String, near point: Point) -> Placed {
        let gap = 9.0, lift = fontSize * 0.9
        var candidates: [(x: Double, y: Double, anchor: String)] = []
        for step in [1.0, 2.2, 3.4] {
            let above = point.y - gap * step, below = point.y + gap * step + lift
            candidates += [(point.x, above, "middle"), (point.x - gap, above, "end"), (point.x + gap, above, "start"),
                           (point.x, below, "middle"), (point.x - gap, below, "end"), (point.x + gap, below, "start")]
        }
        candidates += [(point.x - gap * 1.5, point.y + lift / 2, "end"), (point.x + gap * 1.5, point.y + lift / 2, "start")]
        // Further along, for a point in a corner of the plot with the line leaving it at a slant.
        for dx in [gap * 4, gap * 7] {
            for dy in [-gap, -gap * 0.6, lift / 2, gap + lift] {
                candidates += [(point.x + dx, point.y + dy, "start"), (point.x - dx, point.y + dy, "end")]
            }
        }
        var best: (placed: Placed, cost: Int)?
        for candidate in candidates {
            let box = box(text, x: candidate.x, y: candidate.y, anchor: candidate.anchor)
            guard box.inside(bounds) else { continue }
            let cost = crossings(box)
            if best == nil || cost < best!.cost { best = (Placed(text: text, x: candidate.x, y: candidate.y, anchor: candidate.anchor, box: box), cost) }
            if cost == 0 { break }
        }
        let placed = best?.placed ?? Placed(text: text, x: point.x, y: point.y - gap, anchor: "middle",
                                            box: box(text, x: point.x, y: point.y - gap, anchor: "middle"))
        taken.append(placed.box)
        return placed
    }

    /// How many line segments and taken boxes `box` touches.
    func crossings(_ box: Box) -> Int {
        var count = taken.filter { $0.intersects(box) }.count
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) where box.intersects(a, b) { count += 1 }
            if line.count == 1, box.contains(line[0]) { count += 1 }
        }
        return count
    }
}
