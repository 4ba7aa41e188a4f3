import RealiseModel
import RealiseStore

extension Workbench {
    /// Imports `files` into the workspace, all or nothing: every file's problems are reported together and nothing
    /// is written when any file is refused.
    /// - Parameters:
    ///   - dryRun: parse and validate only; write nothing.
    ///   - wait: on a shared workspace, how many seconds to wait for another import to finish (nil: as long as it takes).
    ///   - supersedes: sources (by name, as the import listing shows them) that these files are new versions of.
    ///   - waiting: called once if another import must be waited for.
    ///   - progress: called as the import advances.
    /// - Returns: one outcome per file.
    public func importFiles(_ files: PlanFiles, dryRun: Bool = false, wait: Double? = nil, supersedes: [String] = [],
                            waiting: (() -> Void)? = nil, progress: ((ImportProgress) -> Void)? = nil) throws(WorkbenchError) -> [ImportOutcome] {
        try store { workspace throws(StoreError) in
            try workspace.importFiles(files.units, dryRun: dryRun, wait: wait, supersedes: supersedes, waiting: waiting, progress: progress)
        }
    }

    /// Checks `files` exactly as an import into an empty workspace would, and writes nothing anywhere.
    public static func validate(_ files: PlanFiles) throws(WorkbenchError) -> [ImportOutcome] {
        try inMemory().importFiles(files, dryRun: true)
    }
}
