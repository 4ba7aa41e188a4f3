import Foundation
import RealiseModel

extension Workspace {
    /// The workspace as `realise export` writes it, in one consistent read: `loadPlan(programme:)` with the review
    /// schedules and the reviews held of its subjects, in the order they were made (so a fresh workspace importing
    /// them numbers them alike), each review with the measurements taken at it of the plan's metrics — which are then
    /// no longer among the plan's values.
    /// - Throws: as `loadPlan(programme:)`.
    public func loadPlanForExport(programme: String? = nil) throws(StoreError) -> Plan {
        do {
            return try consistentRead {
                var plan = try loadPlan(programme: programme, includingProgramme: true)
                let subjects = plan.entityIds
                let metrics = Set(plan.metrics.map(\.id))
                plan.schedules = try schedules().filter { subjects.contains($0.subject) }.map { stored in
                    ScheduledReview(subject: stored.subject, cadence: stored.cadence, start: stored.start, reviewer: stored.reviewer,
                                    source: .manual(stored.subject))
                }
                plan.reviews = try reviews().filter { subjects.contains($0.subject) }.sorted { $0.id < $1.id }.map { stored in
                    let measured = stored.measurements.filter { metrics.contains($0.key) }.sorted { $0.key < $1.key }
                    return RecordedReview(subject: stored.subject, date: stored.date, rag: stored.rag, reviewer: stored.reviewer,
                                          note: stored.note, measurements: measured.map { .init(metric: $0.key, value: $0.value) },
                                          source: .manual(stored.subject))
                }
                // A measurement taken at a review is stated once, under the review: the file that states it twice
                // would be refused on import.
                let taken = Set(plan.reviews.flatMap { review in review.measurements.map { "\($0.metric)\u{0}\(review.date)" } })
                if !taken.isEmpty { plan.values.removeAll { $0.kind == .measurement && taken.contains("\($0.metric)\u{0}\($0.date)") } }
                return plan
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(path: path, message: explain(error))
        }
    }

}
