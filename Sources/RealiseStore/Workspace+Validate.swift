import RealiseModel

extension Workspace {
    /// What importing these files into this workspace would find wrong — ids, references, dates, values — found
    /// by doing the import and rolling it back: the one validation path (`realise validate` uses the same
    /// dry run, and an import stops on exactly these problems).
    /// - Returns: every located problem (errors and warnings alike are `Diagnostic`s); empty when the files
    ///   would import.
    /// - Throws: `.unreadableInput` when a file cannot be read, `.database` for storage failures.
    public func problems(importing files: [ImportedFile]) throws(StoreError) -> [Diagnostic] {
        do {
            _ = try importFiles(files, dryRun: true)
            return []
        } catch {
            guard case .rejected(let problems) = error else { throw error }
            return problems
        }
    }
}
