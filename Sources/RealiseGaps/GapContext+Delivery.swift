import RealiseModel

extension GapContext {
    /// The expected finish of a deliverable: its own actual, forecast or planned finish, else the latest of
    /// its children's.
    public func expectedFinish(of id: String, depth: Int = 0) -> Day? {
        if let own = ownExpectedFinish(ofDeliverable: id) { return own }
        guard depth < 50 else { return nil }
        return (childDeliverables[id] ?? []).compactMap { expectedFinish(of: $0, depth: depth + 1) }.max()
    }

    /// Whether the deliverable serves a benefit: it, one of its parents, or a deliverable that depends on it
    /// (it is a prerequisite of something that serves one), transitively, enables a benefit.
    public func servesBenefit(_ deliverable: String) -> Bool {
        // Most deliverables enable a benefit themselves: no walk needed.
        if hasSources(of: deliverable, .enabledBy) { return true }
        var queue = [deliverable]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            if hasSources(of: next, .enabledBy) { return true }
            if let parent = parent(ofDeliverable: next) { queue.append(parent) }
            queue += sources(of: next, .dependsOn).filter(isDeliverable)
        }
        return false
    }

    /// Whether the benefit has a delivery path: an enabling deliverable of its own, or one of a benefit it
    /// depends on (an intermediate benefit), transitively.
    public func hasDeliveryPath(_ benefit: String) -> Bool {
        // Most benefits have an enabling deliverable of their own: no walk needed.
        if hasTargets(of: benefit, .enabledBy) { return true }
        var queue = [benefit]
        var seen = Set<String>()
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            if hasTargets(of: next, .enabledBy) { return true }
            queue += targets(of: next, .dependsOn)
        }
        return false
    }
}
