import ArgumentParser
import RealiseModel
import RealiseReviews

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
            let cadence: Cadence
            do { cadence = try Cadence(every) } catch { throw Failure(error) }
            let start = try DayArgument.parse(from, option: "--from")
            let id: Int64, subject: String
            do {
                let opened = try workspace.open(create: false)
                subject = try opened.resolveEntity(self.subject).id  // as the workspace spells it, for the line printed
                id = try opened.addSchedule(subject: subject, cadence: cadence.name, start: start, reviewer: reviewer)
            } catch { throw Failure(error) }
            let schedule = ReviewSchedule(id: id, subject: subject, cadence: cadence, start: start, reviewer: reviewer)
            let next = schedule.nextDue(lastReviewed: nil).map { "first due \($0)" } ?? "no occurrences"
            Output.print("scheduled review #\(id) of \(subject.escapingControls): \(cadence.name) from \(start), \(next)\n")
        }
    }
}
