import ArgumentParser
import RealiseModel
import RealiseWorkbench

/// `realise user add NAME --role ROLE [--display-name TEXT] [--password-stdin]`.
struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The sign-in name: 1 to 64 of a-z, 0-9, '.', '_', '-' (stored lower-case).", valueName: "name"))
    var name: String

    @Option(help: "What the account may do: viewer, owner, analyst or admin.")
    var role: AccountRole

    @Option(help: ArgumentHelp("How the plans name the person, as an entity's owner (default: the name).", valueName: "text"))
    var displayName: String?

    @Flag(help: "Read the password (at least 8 characters) from one line of standard input; without it the account signs in with API tokens only.")
    var passwordStdin = false

    func validate() throws { try UserCommand.validate(name: name) }

    func run() throws {
        try reporting {
            let password = passwordStdin ? try UserCommand.passwordFromStandardInput() : nil
            let account = try workspace.open(create: false).addUser(name: name, role: role, displayName: displayName, password: password)
            Output.print("added account \(account.name) (\(account.role.rawValue), \(account.displayName))\n")
        }
    }
}
