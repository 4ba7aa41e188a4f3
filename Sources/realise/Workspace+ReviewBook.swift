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

    /// Subjects of schedules by id, with their type and name.
    func reviewSubjects() throws -> [String: (type: EntityType, name: String)] {
        do {
            return Dictionary(try schedules().map { ($0.subject, ($0.subjectType, $0.subjectName)) }, uniquingKeysWith: { first, _ in first })
        } catch { throw Failure(error) }
    }
}
