import ArgumentParser
import Foundation
import RealiseReports
import RealiseWorkbench

/// The formats of the import summary.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `realise import`: read plan files and folders into the workspace, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import plan files or folders (recursively) into the workspace, all or nothing.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Flag(help: "Parse and validate only; write nothing.")
    var dryRun = false

    @Option(help: "Summary format: text or json.")
    var format: SummaryFormat = .text

    @Option(help: ArgumentHelp("On a shared (PostgreSQL) workspace, how long to wait for another import to finish before "
                               + "giving up with exit 75 (default: as long as it takes).", valueName: "seconds"))
    var wait: Double?

    @Option(help: ArgumentHelp("A source of the workspace (by name, as `realise list imports` shows it) that these files are a "
                               + "new version of: they take over its ids, and what it had that they lack is withdrawn (repeatable).",
                               valueName: "source"))
    var supersedes: [String] = []

    @Flag(inversion: .prefixedNo, help: "Show a progress bar on standard error (default: when it is a terminal).")
    var progress: Bool?

    @Argument(help: "Plan files or folders.")
    var paths: [String]

    func validate() throws {
        if let wait, !(wait >= 0 && wait.isFinite) { throw ValidationError("--wait takes a number of seconds, 0 or more") }
    }

    func run() throws {
        try reporting {
            let files = try input.read(paths)
            // A dry run against a workspace that does not exist yet checks the files against an empty one.
            let opened = dryRun ? try workspace.openIfExists() ?? Workbench.inMemory() : try workspace.open(create: true)
            let bar = ProgressBar.wanted(progress) ? ProgressBar() : nil
            defer { bar?.finish() }
            let outcomes = try opened.importFiles(
                files, dryRun: dryRun, wait: wait, supersedes: supersedes,
                waiting: { Output.error("realise: waiting for another import into \(opened.address) to finish…") },
                progress: bar.map { bar in { bar.update($0) } })
            let summary = outcomes.map {
                ImportSummaryRenderer.File(path: $0.path, format: $0.format, status: $0.status.rawValue, counts: $0.counts,
                                           warnings: $0.warnings, supersedes: $0.supersedes, withdrawn: $0.withdrawn, behind: $0.behind)
            }
            let renderer = ImportSummaryRenderer()
            Output.print(format == .json ? renderer.json(summary) : renderer.text(summary))
        }
    }
}
