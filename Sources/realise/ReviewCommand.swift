import ArgumentParser

/// `realise review …`: periodic outcome reviews.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Schedule, record and follow up periodic outcome reviews.",
        subcommands: [ReviewScheduleCommand.self, ReviewUnscheduleCommand.self, ReviewListCommand.self, ReviewDueCommand.self,
                      ReviewRecordCommand.self, ReviewHistoryCommand.self, ReviewCalendarCommand.self, ReviewRunCommand.self]
    )
}
