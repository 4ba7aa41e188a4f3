import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise review due`: what is due and overdue.
struct ReviewDueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: "List the reviews due soon and those overdue.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Judge as of this day, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Also list reviews due within this many days.")
    var within: Int = 30

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    @Flag(help: "Exit 1 when any review is overdue.")
    var failOnOverdue = false

    func run() throws {
        try reporting {
            guard within >= 0 else { throw Failure(lines: ["--within must be 0 or more days"], code: 64) }
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let due = try workspace.open(create: false).dueReviews(asOf: day, within: within)
            Output.print(format.render(.dueReviews(due)))
            if failOnOverdue, due.contains(where: { $0.review.status == .overdue }) { throw ExitCode(1) }
        }
    }
}
