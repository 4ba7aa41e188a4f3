import RealiseModel
import RealiseReports
import RealiseReviews
import RealiseStore

/// One entity with everything a page or a `show` needs: the plan it sits in (for what links to it, upstream and
/// downstream), its listed fields, its review schedules and reviews, and, when asked for, its history.
public struct EntityDetails: Sendable {
    /// The id as the workspace spells it; nil when no entity of the current plan has it (a withdrawn one, shown by
    /// its history alone).
    public var id: String?
    /// The current plan.
    public var plan: Plan
    /// The entity's row of its type's listing (`list objectives`, `list benefits` …); empty when it has none.
    public var fields: Listing.Row
    /// The schedules of reviews of the entity, and the day it was last reviewed.
    public var schedules: [ReviewSchedule]
    /// The day of the entity's latest review, from which its schedules' next due days count.
    public var lastReviewed: Day?
    /// The reviews of the entity, oldest first.
    public var reviews: [Workspace.StoredReview]
    /// The entity's versions and the changes people recorded, when asked for.
    public var history: EntityHistory?
}
