import RealiseGaps
import RealiseModel
import RealiseStore

extension Workbench {
    /// Records an action agreed on `target` — a finding key (`RULE:ID`) or an entity id — owned by `owner`, due on
    /// `due`, agreed on `agreed`.
    /// - Returns: the action's number and its target as stored.
    /// - Throws: `.unknownRule` for a finding key whose rule is no rule, `.badRequest` when `due` is before `agreed`.
    public func addAction(on target: String, owner: String, due: Day, note: String? = nil,
                          agreed: Day) throws(WorkbenchError) -> (id: Int64, target: String) {
        let parsed: ActionTarget
        do { parsed = try ActionTarget(target) } catch { throw .unknownRule(error) }
        guard due >= agreed else {
            throw .badRequest("the action is due on \(due), before the day it was agreed (\(agreed)); give a later due day")
        }
        return try store { workspace throws(StoreError) in
            try workspace.addAction(subject: parsed.subject, rule: parsed.rule, owner: owner, due: due, note: note, on: agreed)
        }
    }

    /// Closes action number `id` on `day`, saying what was done.
    public func closeAction(_ id: Int64, note: String?, on day: Day) throws(WorkbenchError) {
        try store { workspace throws(StoreError) in try workspace.closeAction(id: id, note: note, on: day) }
    }

    /// The actions agreed by `day`, by number, of those `selection` picks as they stand on that day.
    public func actions(_ selection: ActionSelection = .all, asOf day: Day) throws(WorkbenchError) -> [ActionItem] {
        try store { workspace throws(StoreError) in try workspace.actions() }.filter { action in
            guard action.opened.on <= day else { return false }
            switch selection {
            case .all: return true
            case .open: return action.isOpen(on: day)
            case .overdue: return action.isOverdue(on: day)
            }
        }
    }
}
