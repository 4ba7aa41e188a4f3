import ArgumentParser

/// `realise copy FROM TO`: move a whole workspace between a file and a PostgreSQL server (or any two addresses).
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole workspace, history included, from one address to another.",
        discussion: """
            FROM and TO are workspace files or PostgreSQL URLs (postgres://USER@HOST[:PORT]/DATABASE[?schema=NAME]). \
            Start sharing with `realise copy realise.sqlite postgres://…`; take a server's workspace offline with \
            `realise copy postgres://… archive.sqlite`. TO is created when missing and must be empty unless --replace \
            is given (exit 65, nothing written). Exports of FROM and TO are then identical.
            """)

    @Argument(help: ArgumentHelp("The workspace to copy: a file or a PostgreSQL URL.", valueName: "from"))
    var from: String

    @Argument(help: ArgumentHelp("Where to copy it: a file or a PostgreSQL URL.", valueName: "to"))
    var to: String

    @Flag(help: "Overwrite a destination that already holds a workspace.")
    var replace = false

    @Option(help: ArgumentHelp("Who the destination's change log records the copy as (default: $REALISE_ACTOR, else the login name).",
                               valueName: "name"))
    var actor: String?

    func validate() throws {
        if from == to { throw ValidationError("FROM and TO are the same workspace") }
        if let actor, actor.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--actor must name someone") }
    }

    func run() throws {
        try reporting {
            let source = try WorkspaceOptions.open(from, actor: actor, create: false)
            let destination = try WorkspaceOptions.open(to, actor: actor, create: true)
            let rows = try source.copy(to: destination, replace: replace)
            Output.print("copied \(rows) rows: \(source.address) → \(destination.address)\n")
        }
    }
}
