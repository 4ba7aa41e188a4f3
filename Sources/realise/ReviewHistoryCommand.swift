import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise review history SUBJECT`.
struct ReviewHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the reviews of one subject, oldest first.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The subject's id (any case).")
    var subject: String

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reporting {
            let reviews = try workspace.open(create: false).reviews(of: subject)
            Output.print(format.render(.reviewHistory(reviews.map { ($0.id, $0.date, $0.rag, $0.reviewer, $0.note, $0.measurements) })))
        }
    }
}
