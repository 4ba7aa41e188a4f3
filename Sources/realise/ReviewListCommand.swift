import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise review list`.
struct ReviewListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List review schedules with their next due dates.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reporting {
            Output.print(format.render(try workspace.open(create: false).scheduleListing()))
        }
    }
}
