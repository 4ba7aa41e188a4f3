import ArgumentParser
import Foundation
import RealiseModel

/// `realise user …`: the accounts that sign in to a shared workspace (`realise serve`).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and remove the accounts of a shared workspace; set passwords; issue API tokens.",
        discussion: """
            Roles, from least to most: viewer (reads), owner (also records reviews and measurements of what the plans \
            say it owns, matched by its display name), analyst (records anything, imports, schedules), admin (also \
            manages accounts).
            """,
        subcommands: [UserAddCommand.self, UserListCommand.self, UserRemoveCommand.self, UserPasswdCommand.self,
                      UserTokenCommand.self]
    )

    /// Throws a usage error unless `name` is an account name.
    static func validate(name: String) throws {
        guard Account.validName(name) != nil else {
            throw ValidationError("'\(name)' is not an account name: use \(Account.nameRule)")
        }
    }

    /// One line of standard input, without its line break: a password is never given on the command line, where
    /// other users' `ps` and the shell's history would show it.
    static func passwordFromStandardInput() throws -> String {
        guard var line = readLine(strippingNewline: true) else {
            throw Failure(lines: ["--password-stdin: no password on standard input; pipe it in, one line"], code: 64)
        }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

extension AccountRole: ExpressibleByArgument {}
