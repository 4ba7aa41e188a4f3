import RealiseModel
import RealiseReports
import RealiseStore

extension Workbench {
    /// The entity `id` (any case) with what links to it, its reviews and, with `history`, its versions.
    /// - Parameter current: the workspace's current plan when the caller holds it already (a server keeps it with its
    ///   gap report); loaded when nil.
    /// - Throws: `.store(.unknownEntity)` when no entity of the current plan has the id, unless `history` is asked
    ///   for and some entity once had it (then the details have a nil `id` and the history only).
    public func entity(_ id: String, history: Bool = false, current: Plan? = nil) throws(WorkbenchError) -> EntityDetails {
        let resolved: String, plan: Plan
        do {
            resolved = try workspace.resolveEntity(id).id
            if let current { plan = current } else { plan = try workspace.loadPlan() }
        } catch .unknownEntity where history {
            // Withdrawn: its history still shows it.
            return EntityDetails(id: nil, plan: Plan(), fields: [], schedules: [], lastReviewed: nil, reviews: [],
                                 history: try entityHistory(id))
        } catch { throw .store(error) }
        guard EntityView(plan: plan).contains(resolved) else { throw .store(.unknownEntity(id: id)) }
        // The listings of a plan holding only this entity (and its values): its row, without listing the whole plan.
        var alone = Plan()
        alone.objectives = plan.objectives.filter { $0.id == resolved }
        alone.benefits = plan.benefits.filter { $0.id == resolved }
        alone.deliverables = plan.deliverables.filter { $0.id == resolved }
        alone.metrics = plan.metrics.filter { $0.id == resolved }
        alone.values = alone.metrics.isEmpty ? [] : plan.values.filter { $0.metric == resolved }
        let listings = [Listing.objectives(alone), .benefits(alone), .deliverables(alone), .metrics(alone)]
        let fields = listings.lazy.flatMap(\.rows).first { row in
            if case .string(let value)? = row.first?.1 { return value == resolved }
            return false
        } ?? []
        let book = try reviewBook()
        let reviews = try store { workspace throws(StoreError) in try workspace.reviews(subject: resolved) }
        return EntityDetails(id: resolved, plan: plan, fields: fields, schedules: book.schedules.filter { $0.subject == resolved },
                             lastReviewed: book.lastReviewed[resolved], reviews: reviews,
                             history: history ? try entityHistory(resolved) : nil)
    }
}
