/// An objective too large for one printed page, drawn on several.
extension BenefitsMapLayout {
    /// The drawings of one group: one when it fits a page, drawn wider if need be (up to `widest`, where text still
    /// prints at 6 pt), else as many as it needs at the usual width, each headed by `heads` and the group's objective and
    /// holding the next benefits (with their metrics), loose metrics and deliverables in order, as many as fit. Links to
    /// what another drawing holds are written in the boxes, as for other pages.
    static func pages(_ graph: BenefitsMapGraph, _ group: BenefitsMapGroup, heads: [String]) -> [Page] {
        func draw(_ part: BenefitsMapGroup, width: Double = width) -> Page { page(graph, [part], heads: heads, objective: group.objective, width: width) }
        for width in [0.0, 1, 2, 3].map({ width + (widest - width) * $0 / 3 }) {
            let whole = draw(group, width: width)
            if fits(whole) { return [whole] }
        }
        var parts: [BenefitsMapGroup] = [], current = BenefitsMapGroup(objective: group.objective)
        for item in group.items {
            var larger = current
            larger.add(item, from: group)
            // A part holds at least one item, even one too large for a page by itself.
            if current.members.count > (group.objective == nil ? 0 : 1) && !fits(draw(larger)) {
                parts.append(current)
                current = BenefitsMapGroup(objective: group.objective)
                current.add(item, from: group)
            } else {
                current = larger
            }
        }
        parts.append(current)
        return parts.enumerated().map { index, part in
            var drawn = draw(part)
            drawn.part = index + 1
            drawn.parts = parts.count
            return drawn
        }
    }
}

extension BenefitsMapGroup {
    /// One thing a group draws below its objective: a benefit (with its metrics), a loose metric or a deliverable.
    enum Item {
        case benefit(String), looseMetric(String), deliverable(String)
    }

    /// What the group draws below its objective, in drawing order.
    var items: [Item] { benefits.map(Item.benefit) + looseMetrics.map(Item.looseMetric) + deliverables.map(Item.deliverable) }

    /// Adds `item` of `group` (a benefit with its metrics there).
    mutating func add(_ item: Item, from group: BenefitsMapGroup) {
        switch item {
        case .benefit(let id):
            benefits.append(id)
            if let measuring = group.metrics[id] { metrics[id] = measuring }
        case .looseMetric(let id): looseMetrics.append(id)
        case .deliverable(let id): deliverables.append(id)
        }
    }
}
