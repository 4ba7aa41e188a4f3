import ArgumentParser
import RealiseModel
import RealiseReports

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
            let files = try input.read(paths)
            var merged = Plan()
            for file in files { merged.merge(file.plan) }
            let problems = merged.validate(fileOrder: files.map(\.path)).filter { $0.severity == .error }
            if !problems.isEmpty { throw Failure(lines: problems.map(\.description), code: 65) }
            Output.print(ImportSummaryRenderer().text(files.map {
                ImportSummaryRenderer.File(path: $0.path, format: $0.format, status: "valid", counts: $0.plan.counts, warnings: $0.warnings)
            }))
        }
    }
}
