import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise log`: who changed what, and when, newest first.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the workspace's changes (imports, measurements, reviews, schedules), newest first, with who made them.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Only changes on or after this day (UTC).", valueName: "date"))
    var since: String?

    @Option(help: "At most this many changes.")
    var limit: Int?

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
    }

    func run() throws {
        try reporting {
            let day = try since.map { try DayArgument.parse($0, option: "--since") }
            let changes = try workspace.open(create: false).changes(since: day, limit: limit)
            Output.print(format.render(.changes(changes)))
        }
    }
}
