import ArgumentParser
import RealiseWorkbench

/// `realise user token NAME`: a new API token, printed once.
struct UserTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue a new API token for an account and print it (only this once).",
        discussion: "The workspace keeps only the token's hash: store it now; a lost token is replaced by issuing another.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
    var name: String

    func validate() throws { try UserCommand.validate(name: name) }

    func run() throws {
        try reporting {
            let token = try workspace.open(create: false).newAPIToken(for: name)
            // Alone on its line, so that a script can take it as it is.
            Output.print(token + "\n")
        }
    }
}
