/// One file read by an importer, ready to be validated and written to a workspace as one unit.
public struct ImportedFile: Sendable {
    /// The path as the user gave it (or as found under a folder they gave). For files read together as one
    /// unit (a group of `results-csv` tables) the path of their folder with a trailing `/`.
    public var path: String
    /// The format id that read it (`realise-xml`, `register-csv`, …).
    public var format: String
    /// SHA-256 of the file's bytes, hex; an unchanged file is recognised by it. For a group, a hash over
    /// every member's name and hash, so a change to any of them is a change to the group.
    public var sha256: String
    public var plan: Plan
    /// Questionable values that were imported anyway (kept with the import run).
    public var warnings: [Diagnostic]
    /// The files the import reads: `[path]` for one file, every member of a group otherwise. Entities,
    /// values and links keep the path of the member that states them (so findings point at the right table
    /// and line); the workspace scopes withdrawal of what disappeared to these paths.
    public var parts: [String]

    public init(path: String, format: String, sha256: String, plan: Plan, warnings: [Diagnostic] = [], parts: [String]? = nil) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.plan = plan
        self.warnings = warnings
        self.parts = parts ?? [path]
    }
}
