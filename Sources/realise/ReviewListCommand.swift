import ArgumentParser
import RealiseReports

/// `realise review list`.
struct ReviewListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List review schedules with their next due dates.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: table, json or csv.")
    var format: ListFormat = .table

    func run() throws {
        try reporting {
            let opened = try workspace.open(create: false)
            let book = try opened.reviewBook()
            let subjects = try opened.reviewSubjects()
            Output.print(format.render(.schedules(book.schedules.map { schedule in
                let subject = subjects[schedule.subject]
                return (schedule, Listing.Subject(type: subject?.type.rawValue ?? "", id: schedule.subject, name: subject?.name ?? ""),
                        schedule.nextDue(lastReviewed: book.lastReviewed[schedule.subject]))
            })))
        }
    }
}
