import RealiseGaps
import RealiseModel
import RealiseStore

/// What `gaps` and `map` report on: the workspace, or (with paths) plans read into a throw-away in-memory
/// workspace, with its revision history and review standings.
enum ReportInput {
    static func load(paths: [String], workspace: WorkspaceOptions, input: PlanInputOptions) throws -> (Plan, GapHistory) {
        do {
            let source: Workspace
            if paths.isEmpty {
                source = try workspace.open(create: false)
            } else {
                source = try Workspace.emptyInMemory()
                _ = try source.importFiles(try input.read(paths))
            }
            // One snapshot: an import committing meanwhile never mixes old entities with new revisions.
            return try source.consistentRead {
                let plan = try source.loadPlan(programme: input.programme)
                return (plan, try source.gapHistory())
            }
        } catch { throw Failure(error) }
    }
}
