import RealiseModel
import RealiseStore

extension Plan {
    /// The errors importing this plan would stop on, found as `realise validate` finds them: by importing it
    /// (as one file, named by its first entity's source) into an in-memory workspace and rolling back; with
    /// `existing`, into a workspace that first imported that plan (as its own file).
    func importErrors(after existing: Plan? = nil) throws -> [Diagnostic] {
        let workspace = try Workspace(actor: "test")
        if let existing { _ = try workspace.importFiles([existing.unit]) }
        return try workspace.problems(importing: [unit]).filter { $0.severity == .error }
    }

    /// The plan as one import unit, named by the file its first entity (or value, or link) comes from.
    var unit: ImportedFile {
        let path = entityIndex.first?.source.path ?? values.first?.source.path ?? links.first?.source.path ?? "plan"
        return ImportedFile(path: path, format: "test", sha256: "\(path)|\(counts.summary)|\(links.count)|\(values.count)", plan: self)
    }

    /// Its entities alone, no links or values: what a workspace holds of it when only its ids matter.
    var entitiesOnly: Plan {
        var plan = self
        plan.links = []
        plan.values = []
        return plan
    }
}
