import RealiseGaps
import RealiseModel
import RealiseReviews
import RealiseStore

extension Workspace {
    /// The workspace's schedules and reviews, interpreted; failures become CLI errors.
    func reviewBook() throws -> ReviewBook {
        do {
            let interpreted = try schedules().map { stored in
                ReviewSchedule(id: stored.id, subject: stored.subject, cadence: try Cadence(stored.cadence), start: stored.start,
                               reviewer: stored.reviewer)
            }
            return ReviewBook(schedules: interpreted, reviews: try reviews().map { ($0.subject, $0.date) })
        } catch let error as ReviewError {
            throw Failure(lines: ["\(path): a stored review schedule cannot be read: \(error)"], code: 74)
        } catch {
            throw Failure(error)
        }
    }

    /// What the gap report knows beyond the plan: revisions (those made by `day`, when given), review standings,
    /// review outcomes and actions.
    func gapHistory(asOf day: Day? = nil) throws -> GapHistory {
        do {
            return GapHistory(revisions: try day.map { try revisions(asOf: $0) } ?? revisions(), reviews: try reviewBook().standings, outcomes: try reviewOutcomes(),
                              actions: try actions())
        } catch let failure as Failure { throw failure } catch { throw Failure(error) }
    }

    /// Every review held, as the gap report reads it.
    func reviewOutcomes() throws -> [ReviewOutcome] {
        do {
            return try reviews().map { ReviewOutcome(subject: $0.subject, date: $0.date, rag: $0.rag, reviewer: $0.reviewer, note: $0.note) }
        } catch { throw Failure(error) }
    }

    /// Subjects of schedules by id, with their type and name.
    func reviewSubjects() throws -> [String: (type: EntityType, name: String)] {
        do {
            return Dictionary(try schedules().map { ($0.subject, ($0.subjectType, $0.subjectName)) }, uniquingKeysWith: { first, _ in first })
        } catch { throw Failure(error) }
    }
}
