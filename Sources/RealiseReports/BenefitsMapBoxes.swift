/// The boxes of one drawing of the benefits map as they are placed: each entity's text, measured for the
/// width it gets, and its rectangle; a benefit's metrics inside its box, below its text.
struct BenefitsMapBoxes {
    typealias Layout = BenefitsMapLayout

    let graph: BenefitsMapGraph
    /// Entity id → the lines naming its links not drawn as arrows.
    let notes: [String: [String]]
    private(set) var boxes: [String: Layout.Box] = [:]
    private(set) var lines: [String: [Layout.Line]] = [:]

    init(graph: BenefitsMapGraph, notes: [String: [String]]) {
        self.graph = graph
        self.notes = notes
    }

    /// Sets the text of `id` for a box `width` wide; the box's height.
    private mutating func measure(_ id: String, _ width: Double) -> Double {
        guard let node = graph.node(id) else { return 0 }
        let text = Layout.lines(node, notes: notes[id] ?? [], width: width)
        lines[id] = text
        return Layout.height(text)
    }

    /// Sets the text of `id` and of `metrics` inside it; the height of the whole.
    private mutating func card(_ id: String, _ width: Double, metrics: [String]) -> Double {
        var height = measure(id, width)
        for metric in metrics { height += measure(metric, width - 2 * Layout.padding) + 6 }
        return height
    }

    private mutating func place(_ id: String, _ box: Layout.Box, metrics: [String]) {
        boxes[id] = box
        var top = box.y + Layout.height(lines[id] ?? []) - Layout.padding / 2
        for metric in metrics {
            let height = Layout.height(lines[metric] ?? [])
            boxes[metric] = Layout.Box(x: box.x + Layout.padding, y: top, w: box.w - 2 * Layout.padding, h: height)
            top += height + 6
        }
    }

    /// Places `ids` in rows of boxes at most `widest` wide, each row centred in `x ..< x + width`, from `top`
    /// down; `metrics` go inside the benefit they measure. The bottom of the last row (`top` when none).
    mutating func grid(_ ids: [String], x: Double, width: Double, top: Double, widest: Double = Layout.cardWidth,
                       metrics: [String: [String]] = [:]) -> Double {
        let gap = Layout.gap
        let perRow = max(1, Int((width + gap) / (widest + gap)))
        let cardWidth = min(widest, (width - Double(perRow - 1) * gap) / Double(perRow))
        var y = top
        for start in stride(from: 0, to: ids.count, by: perRow) {
            let row = Array(ids[start..<min(ids.count, start + perRow)])
            let heights = row.map { card($0, cardWidth, metrics: metrics[$0] ?? []) }
            var left = x + (width - Double(row.count) * cardWidth - Double(row.count - 1) * gap) / 2
            for (id, height) in zip(row, heights) {
                place(id, Layout.Box(x: left, y: y, w: cardWidth, h: height), metrics: metrics[id] ?? [])
                left += cardWidth + gap
            }
            y += (heights.max() ?? 0) + gap
        }
        return ids.isEmpty ? top : y - gap
    }
}
