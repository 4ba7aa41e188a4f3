import ArgumentParser
import RealiseModel
import RealiseReports
import RealiseStore

/// `realise show ID`: one entity with everything linked to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entity with everything linked to it, upstream and downstream.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The entity's id (any case).")
    var id: String

    @Flag(help: "Also list the entity's versions: what each import changed, when it came into force, and who imported it.")
    var history = false

    func run() throws {
        try reporting {
            let opened = try workspace.open(create: false)
            let plan: Plan, id: String
            do {
                id = try opened.resolveEntity(self.id).id
                plan = try opened.loadPlan()
            } catch StoreError.unknownEntity where history {
                // Withdrawn: its history still shows it.
                return Output.print("\(self.id.escapingControls) is not in the current plan.\n" + (try historySection(of: self.id, in: opened)))
            } catch { throw Failure(error) }
            let view = EntityView(plan: plan)
            guard view.contains(id) else { throw Failure(StoreError.unknownEntity(id: self.id)) }
            let listings = [Listing.objectives(plan), .benefits(plan), .deliverables(plan), .metrics(plan)]
            let fields = listings.lazy.flatMap(\.rows).first { row in
                if case .string(let value)? = row.first?.1 { return value == id }
                return false
            } ?? []
            Output.print(view.render(id: id, fields: fields) + (try reviewSection(of: id, in: opened))
                + (history ? try historySection(of: id, in: opened) : ""))
        }
    }

    /// The subject's review schedules and reviews, when it has any.
    private func reviewSection(of id: String, in opened: Workspace) throws -> String {
        let book = try opened.reviewBook()
        let reviews: [Workspace.StoredReview]
        do { reviews = try opened.reviews(subject: id) } catch { throw Failure(error) }
        let schedules = book.schedules.filter { $0.subject == id }
        guard !schedules.isEmpty || !reviews.isEmpty else { return "" }
        var out = "\nReviews:\n"
        for schedule in schedules {
            let next = schedule.nextDue(lastReviewed: book.lastReviewed[id]).map { "next due \($0)" } ?? "finished"
            out += "  schedule #\(schedule.id): \(schedule.cadence.name) from \(schedule.start)"
                + (schedule.reviewer.map { ", reviewer \($0.escapingControls)" } ?? "") + ", \(next)\n"
        }
        for review in reviews {
            let measured = review.measurements.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.plainText)" }
            out += "  \(review.date) \(review.rag.rawValue)" + (review.reviewer.map { " by \($0.escapingControls)" } ?? "")
                + (review.note.map { ": \($0.escapingControls)" } ?? "") + (measured.isEmpty ? "" : " [\(measured.joined(separator: ", "))]") + "\n"
        }
        return out
    }
}
