import RealiseModel

/// An action agreed on a finding or an entity, still open after its due date.
public struct ActionOverdue: GapRule {
    public static let id = "action-overdue"
    public static let title = "Agreed action overdue"
    public static let severity = Severity.medium
    public static let explanation = "An action recorded with `realise action add` is still open after its due date."
    public static let hint = "Chase the action's owner; close it with `realise action close N --note …` when done, "
        + "or agree a new date."

    public init() {}

    public func findings(in context: GapContext) -> [Finding] {
        let overdue = context.history.actions.filter { $0.isOverdue(on: context.asOf) }
        guard !overdue.isEmpty else { return [] }
        let subjects = Set(overdue.map(\.subject))
        var byId: [String: any Entity] = [:]
        let plan = context.plan
        let entities: [[any Entity]] = [plan.programmes, plan.objectives, plan.benefits, plan.deliverables, plan.metrics]
        for group in entities { for entity in group where subjects.contains(entity.id) && byId[entity.id] == nil { byId[entity.id] = entity } }
        return overdue.compactMap { action in
            guard let subject = byId[action.subject] else { return nil }
            let days = action.due.days(to: context.asOf)
            return Finding(rule: self, aboutAny: subject,
                           message: "action #\(action.id) on \(action.target) was due \(action.due) (\(days) days overdue), "
                               + "owner \(action.owner)",
                           evidence: ["action": .number(Double(action.id)), "actionDue": .text(action.due.description),
                                      "daysOverdue": .number(Double(days)), "actionOwner": .text(action.owner)])
        }
    }
}
