import RealiseGaps
import RealiseModel
import RealiseStore

/// What `gaps`, `map` and `diff` report on: the workspace, or (with paths) plans read into a throw-away in-memory
/// workspace, with its revision history and review standings.
enum ReportInput {
    /// The plan and its history; a workspace's as it stood on `day` (see `Workspace.loadPlan(asOf:programme:)`), or its
    /// current plan when no day is given.
    static func load(paths: [String], workspace: WorkspaceOptions, input: PlanInputOptions, asOf day: Day?) throws -> (Plan, GapHistory) {
        do {
            if paths.isEmpty { return try snapshot(of: try workspace.open(create: false), programme: input.programme, asOf: day) }
            return try snapshot(of: try inMemory(paths, input: input), programme: input.programme)
        } catch { throw Failure(error) }
    }

    /// The plan (of `programme`, or all) and its history, read in one snapshot: an import committing meanwhile
    /// never mixes old entities with new revisions. With `day`, the plan as it stood then and the revisions made by
    /// then.
    static func snapshot(of source: Workspace, programme: String?, asOf day: Day? = nil) throws -> (Plan, GapHistory) {
        try source.consistentRead {
            guard let day else { return (try source.loadPlan(programme: programme), try source.gapHistory()) }
            return (try source.loadPlan(asOf: day, programme: programme), try source.gapHistory(asOf: day))
        }
    }

    /// The workspace's plan on two days, each with its gap report as of that day, read in one snapshot: the two ends
    /// of `diff --since`.
    static func ends(_ workspace: WorkspaceOptions, programme: String?, from since: Day, to until: Day, analyzer: GapAnalyzer,
                     tolerance: Double) throws -> (DiffEnd, DiffEnd) {
        let source = try workspace.open(create: false)
        do {
            return try source.consistentRead {
                (try end(source, programme: programme, on: since, analyzer: analyzer, tolerance: tolerance),
                 try end(source, programme: programme, on: until, analyzer: analyzer, tolerance: tolerance))
            }
        } catch let failure as Failure { throw failure } catch { throw Failure(error) }
    }

    /// The workspace's plan (as it stood on `day`; the current one when nil) and, in the same snapshot, the plan as it
    /// stood on `since` with its gap report then: the older end of the gap report's "Since" section.
    static func load(_ workspace: WorkspaceOptions, programme: String?, asOf day: Day?, since: Day, analyzer: GapAnalyzer,
                     tolerance: Double) throws -> (Plan, GapHistory, DiffEnd) {
        let source = try workspace.open(create: false)
        do {
            return try source.consistentRead {
                let (plan, history) = try snapshot(of: source, programme: programme, asOf: day)
                return (plan, history, try end(source, programme: programme, on: since, analyzer: analyzer, tolerance: tolerance))
            }
        } catch let failure as Failure { throw failure } catch { throw Failure(error) }
    }

    /// The workspace's plan as it stood on `day`, with its gap report as of that day: one end of a comparison.
    static func end(_ source: Workspace, programme: String?, on day: Day, analyzer: GapAnalyzer, tolerance: Double) throws -> DiffEnd {
        do {
            var (plan, history) = try snapshot(of: source, programme: programme, asOf: day)
            // Measurements taken after the day were not known then: they are what is `measured` since.
            plan.values.removeAll { $0.kind == .measurement && $0.date > day }
            return DiffEnd(label: "plan on \(day)", date: day, plan: plan, analyzer: analyzer, history: history, tolerance: tolerance)
        } catch let failure as Failure { throw failure } catch { throw Failure(error) }
    }

    /// The plans under `paths` read into a throw-away in-memory workspace, validated as an import validates them.
    static func inMemory(_ paths: [String], input: PlanInputOptions) throws -> Workspace {
        let source = try Workspace.emptyInMemory()
        _ = try source.importFiles(try input.read(paths))
        return source
    }
}
