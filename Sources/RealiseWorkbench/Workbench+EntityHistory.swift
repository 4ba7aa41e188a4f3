import RealiseGaps
import RealiseModel
import RealiseStore

extension Workbench {
    /// The history of the entity `id` (as the workspace resolves it, or a withdrawn one's exact id).
    func entityHistory(_ id: String) throws(WorkbenchError) -> EntityHistory {
        let (versions, revisions, recorded) = try store { workspace throws(StoreError) in
            (try workspace.entityVersions(id), try workspace.revisions(metric: id),
             Array(try workspace.changes(subject: id).filter { $0.action != .import }.reversed()))
        }
        var previous = Plan()
        var steps: [EntityHistory.Step] = []
        for version in versions {
            let changes = PlanDiff().entityChanges(from: previous, to: version.state)
            previous = version.state
            let words = changes.map { change in
                switch change.kind {
                case .added: "added"
                case .withdrawn: version.run.flatMap(Self.leftGMPP) ?? "withdrawn"
                default: change.statement
                }
            }
            if !words.isEmpty { steps.append(EntityHistory.Step(since: version.since, run: version.run, changes: words)) }
        }
        return EntityHistory(steps: steps, revisions: revisions, recorded: recorded)
    }

    /// `left GMPP in 2023`, for a project a GMPP return of that year no longer lists.
    static func leftGMPP(_ run: ImportRunSummary) -> String? {
        guard run.format == ImportedFile.yearlyEditionFormat, let year = run.versionDate?.description.prefix(4) else { return nil }
        return "left GMPP in \(year)"
    }
}
