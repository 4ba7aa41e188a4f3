import ArgumentParser
import Foundation
import RealiseModel
import RealiseReports

/// `realise review calendar`: the schedule as an iCalendar file.
struct ReviewCalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write the review schedule as an iCalendar (RFC 5545) file for Outlook, Google Calendar or Thunderbird.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Where a cadence must be written out occurrence by occurrence, cover this many days.")
    var horizon: Int = 366

    func run() throws {
        try reporting {
            guard horizon > 0, horizon <= 36_600 else { throw Failure(lines: ["--horizon must be 1 to 36600 days"], code: 64) }
            let opened = try workspace.open(create: false)
            let book = try opened.reviewBook()
            let subjects = try opened.reviewSubjects()
            let plan: Plan
            do { plan = try opened.loadPlan() } catch { throw Failure(error) }
            let today = DayArgument.today
            let entries = book.schedules.map { schedule in
                ICalendarWriter.Entry(schedule: schedule, subjectType: subjects[schedule.subject]?.type.rawValue ?? "subject",
                                      subjectName: subjects[schedule.subject]?.name ?? "",
                                      metrics: ReviewBriefing.metricsToBring(subject: schedule.subject, plan: plan, asOf: today))
            }
            try Output.emit(ICalendarWriter(stamp: Date(), horizonDays: horizon).render(entries), to: output)
        }
    }
}
