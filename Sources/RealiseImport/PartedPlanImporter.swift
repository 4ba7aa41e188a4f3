/// An importer whose file holds several parts that entities are credited to (the sheets of a workbook), so
/// that a re-import withdraws what any of them no longer states.
public protocol PartedPlanImporter: PlanImporter {
    /// The paths entities read from the file may carry: the file's own and its parts'.
    func parts(of path: String, options: ImportOptions) -> [String]
}
