import RealiseGaps
import RealiseModel
import RealiseStore

/// What `gaps`, `map` and `diff` report on: the workspace, or (with paths) plans read into a throw-away in-memory
/// workspace, with its revision history and review standings.
enum ReportInput {
    static func load(paths: [String], workspace: WorkspaceOptions, input: PlanInputOptions) throws -> (Plan, GapHistory) {
        do {
            let source: Workspace
            if paths.isEmpty {
                source = try workspace.open(create: false)
            } else {
                source = try inMemory(paths, input: input)
            }
            return try snapshot(of: source, programme: input.programme)
        } catch { throw Failure(error) }
    }

    /// The plan (of `programme`, or all) and its history, read in one snapshot: an import committing meanwhile
    /// never mixes old entities with new revisions.
    static func snapshot(of source: Workspace, programme: String?) throws -> (Plan, GapHistory) {
        try source.consistentRead {
            let plan = try source.loadPlan(programme: programme)
            return (plan, try source.gapHistory())
        }
    }

    /// The plans under `paths` read into a throw-away in-memory workspace, validated as an import validates them.
    static func inMemory(_ paths: [String], input: PlanInputOptions) throws -> Workspace {
        let source = try Workspace.emptyInMemory()
        _ = try source.importFiles(try input.read(paths))
        return source
    }
}
