/// A benefit owned by one body that depends on a deliverable of another, without a named owner on both sides.
public struct CrossOrganisationDependency: GapRule {
    public static let id = "cross-organisation-dependency"
    public static let title = "Cross-organisation dependency with no owner"
    public static let severity = Severity.low
    public static let explanation = "A benefit of one organisation depends on another's deliverable with no named owner on both sides."
    public static let hint = "Name an owner for the benefit and for the deliverable, and record the agreement between the bodies."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.benefits.flatMap { benefit -> [Finding] in
            guard let mine = benefit.organisation, !mine.isEmpty else { return [] }
            return context.targets(of: benefit.id, .enabledBy).compactMap { id in
                guard let deliverable = context.deliverable(id), let theirs = deliverable.organisation,
                      !theirs.isEmpty, theirs != mine,
                      benefit.owner.isBlank || deliverable.owner.isBlank else { return nil }
                return Finding(rule: self, about: benefit,
                               message: "\(mine)'s benefit depends on \(theirs)'s deliverable \(id) without a named owner on both sides",
                               evidence: ["benefitOrganisation": .text(mine), "deliverable": .text(id),
                                          "deliverableOrganisation": .text(theirs),
                                          "benefitOwner": .text(benefit.owner ?? ""), "deliverableOwner": .text(deliverable.owner ?? "")])
            }
        }
    }
}
