import Foundation
import RealiseModel

/// Reads a file on a thread of its own while the caller writes what it hands over: parsing and mapping on
/// one core, validating and writing on another. The two meet in a queue of a few chunks, so memory stays
/// bounded; a reader that gets ahead waits for the writer.
enum PipelinedRead {
    /// A sink that takes each chunk with its local problems (`Plan.localProblems`) found already: the reading thread
    /// finds them, so the writing thread, which SQLite keeps busy, only writes.
    protocol CheckingSink: PlanSink {
        func take(_ chunk: Plan, localProblems: [Diagnostic])
    }

    /// What the reading thread passes to the writing one.
    enum Event: Sendable {
        case chunk(Plan, problems: [Diagnostic])
        case amend(id: String, parent: String?, lines: [String])
        case reached(Int, Int)
        case dated(Day)
        case finished(Result<[Diagnostic], ReadFailure>)
    }

    /// An error thrown by the reader, carried across threads.
    struct ReadFailure: Error, @unchecked Sendable {
        let error: any Error
    }

    /// Reads `file` into `sink` with the reading on another thread; returns what `file.read` returned, or
    /// throws what it threw.
    static func read(_ file: ImportedFile, into sink: any PlanSink) throws -> [Diagnostic] {
        let queue = EventQueue(capacity: 4)
        let thread = Thread {
            let result: Result<[Diagnostic], ReadFailure>
            do { result = .success(try file.read(queue)) } catch { result = .failure(ReadFailure(error: error)) }
            queue.put(.finished(result))
        }
        thread.stackSize = 8 << 20
        thread.start()
        while true {
            switch queue.take() {
            case .chunk(let plan, let problems):
                if let checking = sink as? any CheckingSink { checking.take(plan, localProblems: problems) } else { sink.take(plan) }
            case .amend(let id, let parent, let lines): sink.amend(deliverable: id, parent: parent, appendingNotes: lines)
            case .reached(let done, let total): sink.reached(done, of: total)
            case .dated(let day): sink.dated(day)
            case .finished(let result):
                switch result {
                case .success(let warnings): return warnings
                case .failure(let failure): throw failure.error
                }
            }
        }
    }

    /// A bounded queue of events between the two threads; it is also the sink the reader writes into.
    final class EventQueue: PlanSink, @unchecked Sendable {
        private let condition = NSCondition()
        /// At most `capacity` events: removing the first of so few costs nothing.
        private var events: [Event] = []
        private let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        func put(_ event: Event) {
            condition.lock()
            while events.count >= capacity { condition.wait() }
            events.append(event)
            condition.broadcast()
            condition.unlock()
        }

        func take() -> Event {
            condition.lock()
            while events.isEmpty { condition.wait() }
            let event = events.removeFirst()
            condition.broadcast()
            condition.unlock()
            return event
        }

        func take(_ chunk: Plan) { put(.chunk(chunk, problems: chunk.localProblems)) }
        func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) { put(.amend(id: id, parent: parent, lines: lines)) }
        func reached(_ done: Int, of total: Int) { put(.reached(done, total)) }
        func dated(_ day: Day) { put(.dated(day)) }
    }
}
