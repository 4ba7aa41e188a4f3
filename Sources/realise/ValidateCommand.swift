import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise validate`: check plan files against their format and each other without importing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files (schema, references, dates) without importing them.")

    @OptionGroup var input: PlanInputOptions

    @Argument(help: "Plan files or folders.")
    var paths: [String]

    func run() throws {
        try reporting {
            // Checked exactly as an import into an empty workspace would check them, and rolled back.
            let outcomes = try Workbench.validate(input.read(paths))
            Output.print(ImportSummaryRenderer().text(outcomes.map {
                ImportSummaryRenderer.File(path: $0.path, format: $0.format, status: "valid", counts: $0.counts, warnings: $0.warnings)
            }))
        }
    }
}
