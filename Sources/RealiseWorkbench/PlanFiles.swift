import RealiseModel

/// Plan files found and ready to import, with the folder walk's warnings.
public struct PlanFiles: Sendable {
    /// The units to import: a file each, or one group of files read together (`results-csv` tables).
    public var units: [ImportedFile]
    /// Entries the folder walk passed over, one sentence each.
    public var warnings: [String]

    /// Files already found, with the warnings of finding them.
    public init(units: [ImportedFile], warnings: [String] = []) {
        self.units = units
        self.warnings = warnings
    }
}
