import ArgumentParser

/// `realise action …`: the actions a board agrees on findings, followed up until someone closes them.
struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Record, list and close the actions agreed on findings and entities.",
        subcommands: [ActionAddCommand.self, ActionListCommand.self, ActionCloseCommand.self]
    )
}
