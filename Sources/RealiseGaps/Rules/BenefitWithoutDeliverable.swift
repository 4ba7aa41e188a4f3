/// A benefit with no enabling deliverable: an outcome with no delivery path. An end benefit that depends on
/// an intermediate benefit with an enabling deliverable has a delivery path through it.
public struct BenefitWithoutDeliverable: GapRule {
    public static let id = "benefit-without-deliverable"
    public static let title = "Benefit with nothing delivering it"
    public static let severity = Severity.high
    public static let explanation = "A benefit has no enabling deliverable: an outcome with no delivery path."
    public static let hint = "Name the deliverables that enable it (enabled-by), or record why none is needed."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.benefits.indices.compactMap { index in
            // An enabler of its own is a delivery path; only the others need the walk.
            let links = context.links(ofBenefitAt: index)
            guard !links.hasTargets(.enabledBy) else { return nil }
            let benefit = context.plan.benefits[index]
            guard !context.hasDeliveryPath(benefit.id) else { return nil }
            let dependsOn = links.targets(.dependsOn), kind = benefit.kind
            return Finding(rule: self, about: benefit, message: "no deliverable enables this \(kind.rawValue)"
                               + (dependsOn.isEmpty ? "" : " or the benefits it depends on"),
                           evidence: ["contributesTo": .list(links.targets(.contributesTo)), "dependsOn": .list(dependsOn)])
        }
    }
}
