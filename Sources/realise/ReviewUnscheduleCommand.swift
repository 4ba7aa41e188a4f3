import ArgumentParser

/// `realise review unschedule ID`.
struct ReviewUnscheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unschedule", abstract: "Remove a review schedule (its reviews are kept).")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The schedule's number, as `realise review list` shows it.")
    var id: Int64

    func run() throws {
        try reporting {
            try workspace.open(create: false).unscheduleReview(id: id)
            Output.print("removed review schedule #\(id)\n")
        }
    }
}
