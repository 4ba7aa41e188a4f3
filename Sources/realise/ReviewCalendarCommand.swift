import ArgumentParser
import Foundation
import RealiseModel
import RealiseWorkbench

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

    @Option(help: "Write the calendar as of this day, YYYY-MM-DD (default: today): its DTSTAMP (midnight UTC) and the latest values and next targets in the events' briefings.")
    var asOf: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD")
        }
    }

    func run() throws {
        try reporting {
            guard horizon > 0, horizon <= 36_600 else { throw Failure(lines: ["--horizon must be 1 to 36600 days"], code: 64) }
            let opened = try workspace.open(create: false)
            let day = try DayArgument.parse(asOf, option: "--as-of")
            // A pinned day stamps the file at its midnight UTC, so the same workspace and day give the same bytes.
            let stamp = asOf == nil ? Date() : Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
            try Output.emit(try opened.reviewCalendar(asOf: day, stamp: stamp, horizon: horizon), to: output)
        }
    }
}
