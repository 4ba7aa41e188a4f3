import ArgumentParser
import RealiseReports
import RealiseWorkbench

/// `realise user list [--format table|json]`.
struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts, by name.")

    /// The formats offered: an account list is for reading or for a script.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        try reporting {
            let accounts = try workspace.open(create: false).users()
            Output.print((format == .json ? ListFormat.json : .table).render(.accounts(accounts)))
        }
    }
}
