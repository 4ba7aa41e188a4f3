import Dispatch

/// A task executor on a queue of its own, for the async calls a blocking caller waits for (`COPY` through
/// postgres-nio's async API). Such a task must not need the shared cooperative pool: the caller may be one of its
/// threads, blocked while it waits, and with every one of them blocked (parallel tests on 2 cores) the task would
/// never run.
final class BlockingCallExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = BlockingCallExecutor()

    private let queue = DispatchQueue(label: "realise.postgres.blocking-calls")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
