import ArgumentParser
import RealiseWorkbench

/// `realise user remove NAME`.
struct UserRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account, signing it out and revoking its API tokens.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
    var name: String

    func validate() throws { try UserCommand.validate(name: name) }

    func run() throws {
        try reporting {
            try workspace.open(create: false).removeUser(name: name)
            Output.print("removed account \(name.lowercased())\n")
        }
    }
}
