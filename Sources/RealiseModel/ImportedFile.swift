/// One file read by an importer, ready to be validated and written to a workspace as one unit.
public struct ImportedFile: Sendable {
    /// The path as the user gave it (or as found under a folder they gave).
    public var path: String
    /// The format id that read it (`realise-xml`, `register-csv`, …).
    public var format: String
    /// SHA-256 of the file's bytes, hex; an unchanged file is recognised by it.
    public var sha256: String
    public var plan: Plan
    /// Questionable values that were imported anyway (kept with the import run).
    public var warnings: [Diagnostic]

    public init(path: String, format: String, sha256: String, plan: Plan, warnings: [Diagnostic] = []) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.plan = plan
        self.warnings = warnings
    }
}
