import RealiseGaps
import RealiseModel
import RealiseStore

extension ShowCommand {
    /// The entity's versions, oldest first, each with the day it came into force, the import that made it and what it
    /// changed; a metric's baseline and target revisions after them.
    func historySection(of id: String, in opened: Workspace) throws -> String {
        let versions: [EntityVersion], revisions: [ValueRevision], changes: [ChangeRecord]
        do {
            versions = try opened.entityVersions(id)
            revisions = try opened.revisions(metric: id)
            changes = try opened.changes(subject: id).filter { $0.action != .import }.reversed()
        } catch { throw Failure(error) }
        var out = "\nHistory:\n"
        var previous = Plan()
        for version in versions {
            let changes = PlanDiff().entityChanges(from: previous, to: version.state)
            previous = version.state
            let words = changes.map { change in
                switch change.kind {
                case .added: "added"
                case .withdrawn: version.run.flatMap(ShowCommand.leftGMPP) ?? "withdrawn"
                default: change.statement
                }
            }
            guard !words.isEmpty else { continue }
            out += "  \((version.since?.description ?? "from the start").padding(toLength: 16, withPad: " ", startingAt: 0))"
                + "\(ShowCommand.made(by: version.run)): \(words.joined(separator: "; ").escapingControls)\n"
        }
        if !revisions.isEmpty { out += "Baseline and target revisions:\n" }
        for revision in revisions {
            out += "  \((revision.recordedOn?.description ?? "").padding(toLength: 16, withPad: " ", startingAt: 0))"
                + (revision.importRun.map { "run \($0): " } ?? "")
                + "\(revision.kind.rawValue) \(revision.date): \(revision.oldValue?.plainText ?? "none") → \(revision.newValue?.plainText ?? "none")\n"
        }
        if !changes.isEmpty { out += "Recorded by people:\n" }
        for change in changes {
            out += "  \(change.at.prefix(10).padding(toLength: 16, withPad: " ", startingAt: 0))\(change.action.rawValue) by "
                + "\(change.actor.escapingControls): \(change.summary.escapingControls)\n"
        }
        return out
    }

    /// `left GMPP in 2023`, for a project a GMPP return of that year no longer lists.
    static func leftGMPP(_ run: ImportRunSummary) -> String? {
        guard run.format == ImportedFile.yearlyEditionFormat, let year = run.versionDate?.description.prefix(4) else { return nil }
        return "left GMPP in \(year)"
    }

    /// `strategy.xml (run 3, imported 2025-10-31 by pmo)`.
    static func made(by run: ImportRunSummary?) -> String {
        guard let run else { return "before versions were kept" }
        return "\(run.path) (run \(run.id), imported \(run.importedAt.prefix(10))" + (run.actor.map { " by \($0)" } ?? "") + ")"
    }
}
