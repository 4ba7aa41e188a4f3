import Foundation
import RealiseModel

/// Review schedules and reviews a file states (a Realise plan written by `export`).
///
/// They are few, so they are kept until every file has been written, their subjects and metrics checked as any
/// reference is, and written last, when nothing can fail any more. Re-importing them is idempotent: a schedule the
/// workspace already holds (same subject, cadence, start and reviewer), or a review it already holds (same subject,
/// day, RAG, reviewer and note), is not added again; an import never removes one.
extension ImportTransaction {
    /// Notes the chunk's schedules and reviews and checks what they refer to.
    func collectReviews(of chunk: Plan) {
        for schedule in chunk.schedules {
            expect(schedule.subject, Workspace.reviewableTypes, at: schedule.source, "review subject")
        }
        for review in chunk.reviews {
            expect(review.subject, Workspace.reviewableTypes, at: review.source, "review subject")
            for item in review.measurements { expect(item.metric, [.metric], at: review.source, "metric measured at the review") }
        }
        schedulesToWrite += chunk.schedules
        reviewsToWrite += chunk.reviews
    }

    /// Reports each measurement taken at a review that a file of this import also states as the metric's
    /// measurement of that day: one value, stated twice.
    func checkReviewMeasurements() throws {
        for review in reviewsToWrite {
            for item in review.measurements {
                guard let row = try db.fetchOne("""
                    SELECT source_path, source_line FROM metric_value
                    WHERE metric_id = ? AND kind = 'measurement' AND date = ? AND seen_batch = ?
                    """, [item.metric, review.date.description, batch]) else { continue }
                report(Diagnostic(.error, path: review.source.path, line: review.source.line, column: review.source.column,
                    "the review of \(review.subject) on \(review.date) measures \(item.metric), whose measurement of that day "
                        + "\(row["source_path"] as String):\(row["source_line"] as Int) also states; state it once, under the review"))
            }
        }
    }
}

extension Workspace {
    /// Writes the schedules and reviews an import collected, leaving out those the workspace already holds.
    func writeImportedReviews(_ transaction: ImportTransaction, db: any SQLConnection, now: Date) throws {
        for schedule in transaction.schedulesToWrite {
            let known = try db.fetchOne("""
                SELECT id FROM review_schedule WHERE subject_id = ? AND cadence = ? AND start = ? AND reviewer IS NOT DISTINCT FROM ?
                """, [schedule.subject, schedule.cadence, schedule.start.description, schedule.reviewer])
            if known == nil { _ = try insertSchedule(db, schedule, now: now) }
        }
        for review in transaction.reviewsToWrite {
            let known = try db.fetchOne("""
                SELECT id FROM review WHERE subject_id = ? AND date = ? AND rag = ?
                AND reviewer IS NOT DISTINCT FROM ? AND note IS NOT DISTINCT FROM ?
                """, [review.subject, review.date.description, review.rag.rawValue, review.reviewer, review.note])
            if known == nil { _ = try insertReview(db, review, now: now) }
        }
    }
}
