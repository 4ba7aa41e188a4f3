#if os(Linux)
import Glibc
#endif

/// How the process's allocator treats large blocks of memory.
enum LargeBlocks {
    /// Large blocks (a report's arrays of findings, entities and readings) in pages of their own, given back to the
    /// system when freed. glibc otherwise raises the size it does this from to that of the first such block freed (up
    /// to 32 MB), and later arrays are carved from heaps whose freed space stays resident: a 100 000-benefit
    /// register's gap report then peaked 25 MB higher.
    static func returnWhenFreed() {
        #if os(Linux)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out, so it is looked up by name;
        // -3 is glibc's M_MMAP_THRESHOLD. A fixed threshold also stops glibc raising it.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let mallopt = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(mallopt, to: Mallopt.self)(-3, 256 * 1024)
        #endif
    }
}
