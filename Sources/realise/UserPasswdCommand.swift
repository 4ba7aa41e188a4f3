import ArgumentParser
import RealiseWorkbench

/// `realise user passwd NAME --password-stdin`.
struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set an account's password, signing out its sessions.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The account's name.", valueName: "name"))
    var name: String

    @Flag(help: "Read the new password (at least 8 characters) from one line of standard input.")
    var passwordStdin = false

    func validate() throws {
        try UserCommand.validate(name: name)
        // Never on the command line, where `ps` and the shell's history would show it.
        guard passwordStdin else { throw ValidationError("give the new password on standard input, with --password-stdin") }
    }

    func run() throws {
        try reporting {
            let password = try UserCommand.passwordFromStandardInput()
            try workspace.open(create: false).setPassword(name: name, password: password)
            Output.print("set the password of \(name.lowercased()); its sessions are signed out\n")
        }
    }
}
