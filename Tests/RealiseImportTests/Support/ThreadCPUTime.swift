import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The CPU time the calling thread spends in `body` (`CLOCK_THREAD_CPUTIME_ID`, the thread's share of what
/// `getrusage` reports): the work's own cost, which other tests running beside it on a loaded machine cannot
/// inflate as they do the wall clock. The importers read on the calling thread, so this is all of their work.
func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
    func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
    let start = now()
    try body()
    return now() - start
}
