/// A leaf deliverable that serves no benefit, directly or through its parents: the "shiny new system".
/// A prerequisite of a deliverable that serves a benefit (it `depends-on` this one) serves it too.
public struct OrphanDeliverable: GapRule {
    public static let id = "orphan-deliverable"
    public static let title = "Deliverable that serves no benefit"
    public static let severity = Severity.medium
    public static let explanation = "A deliverable serves no benefit, directly or through its parents."
    public static let hint = "Link a benefit that it enables, or question why it is being delivered."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.deliverables.compactMap { deliverable in
            guard deliverable.kind != .summary, context.childDeliverables[deliverable.id] == nil else { return nil }
            let lineage = context.deliverableLineage(deliverable.id)
            guard !context.servesBenefit(deliverable.id) else { return nil }
            let kind = deliverable.kind
            return Finding(rule: self, about: deliverable,
                           message: "no benefit is enabled by this \(kind.rawValue)"
                               + (lineage.count > 1 ? " or by its parents" : ""),
                           evidence: ["parents": .list(Array(lineage.dropFirst()))])
        }
    }
}
