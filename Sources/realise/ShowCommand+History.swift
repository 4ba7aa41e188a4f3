import RealiseModel
import RealiseWorkbench

extension ShowCommand {
    /// The entity's versions, oldest first, each with the day it came into force, the import that made it and what it
    /// changed; a metric's baseline and target revisions after them; then the changes people recorded. Empty without
    /// a history.
    func historySection(_ history: EntityHistory?) -> String {
        guard let history else { return "" }
        var out = "\nHistory:\n"
        for step in history.steps {
            out += "  \((step.since?.description ?? "from the start").padding(toLength: 16, withPad: " ", startingAt: 0))"
                + "\(ShowCommand.made(by: step.run)): \(step.changes.joined(separator: "; ").escapingControls)\n"
        }
        if !history.revisions.isEmpty { out += "Baseline and target revisions:\n" }
        for revision in history.revisions {
            out += "  \((revision.recordedOn?.description ?? "").padding(toLength: 16, withPad: " ", startingAt: 0))"
                + (revision.importRun.map { "run \($0): " } ?? "")
                + "\(revision.kind.rawValue) \(revision.date): \(revision.oldValue?.plainText ?? "none") → \(revision.newValue?.plainText ?? "none")\n"
        }
        if !history.recorded.isEmpty { out += "Recorded by people:\n" }
        for change in history.recorded {
            out += "  \(change.at.prefix(10).padding(toLength: 16, withPad: " ", startingAt: 0))\(change.action.rawValue) by "
                + "\(change.actor.escapingControls): \(change.summary.escapingControls)\n"
        }
        return out
    }

    /// `strategy.xml (run 3, imported 2025-10-31 by pmo)`.
    static func made(by run: ImportRunSummary?) -> String {
        guard let run else { return "before versions were kept" }
        return "\(run.path) (run \(run.id), imported \(run.importedAt.prefix(10))" + (run.actor.map { " by \($0)" } ?? "") + ")"
    }
}
