/// A vision or objective that no benefit contributes to, directly or through its nested objectives:
/// strategy with no measurable outcome.
public struct ObjectiveWithoutBenefit: GapRule {
    public static let id = "objective-without-benefit"
    public static let title = "Objective no benefit serves"
    public static let severity = Severity.high
    public static let explanation = "An objective has no benefit contributing to it: strategy with no measurable outcome."
    public static let hint = "Link a benefit to it (contributes-to), or retire the objective."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        context.plan.objectives.compactMap { objective in
            guard !context.hasBenefits(servingObjective: objective.id) else { return nil }
            let nested = context.objectiveTree(objective.id).dropFirst()
            return Finding(rule: self, about: objective,
                           message: "no benefit contributes to this objective" + (nested.isEmpty ? "" : " or to the objectives under it"),
                           evidence: ["nestedObjectives": .list(Array(nested))])
        }
    }
}
