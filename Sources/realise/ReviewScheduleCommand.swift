import ArgumentParser
import RealiseReviews
import RealiseWorkbench

/// `realise review schedule SUBJECT --every CADENCE`.
struct ReviewScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Schedule a periodic review of a benefit, metric, objective or programme.",
        discussion: "CADENCE: weekly, fortnightly, monthly, quarterly, half-yearly, annually, or an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=-1FR.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The id of the benefit, metric, objective or programme to review.")
    var subject: String

    @Option(help: "How often: a named cadence or an RRULE.")
    var every: String

    @Option(help: "The first day occurrences are counted from, YYYY-MM-DD (default: today).")
    var from: String?

    @Option(help: "Who holds the review.")
    var reviewer: String?

    func run() throws {
        try reporting {
            // A cadence that is none is the first thing to say, before the day and the workspace.
            _ = try Cadence(every)
            let start = try DayArgument.parse(from, option: "--from")
            let schedule = try workspace.open(create: false).scheduleReview(subject: subject, every: every, from: start, reviewer: reviewer)
            let next = schedule.nextDue(lastReviewed: nil).map { "first due \($0)" } ?? "no occurrences"
            Output.print("scheduled review #\(schedule.id) of \(schedule.subject.escapingControls): \(schedule.cadence.name) from \(start), \(next)\n")
        }
    }
}
