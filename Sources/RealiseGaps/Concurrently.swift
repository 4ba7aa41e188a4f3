import Dispatch

/// Independent pieces of work spread over the machine's cores, their results in the order of the pieces (so a
/// report is the same whichever finished first). A gap report's rules, coverage and the writing of its findings
/// are independent and read an immutable context, so they need not wait for each other.
public enum Concurrently {
    /// `body(i)` for each `i` of `0..<count`, run on as many threads as there are cores, in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let results = Results<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, body(index)) }
        return results.values()
    }

    /// Updates `items` in place a slice of `size` at a time, the slices on as many threads as there are cores:
    /// `body` gets one slice's items, which no other thread touches. No copy of the items is made (a large
    /// report's findings are a hundred megabytes).
    public static func update<T>(_ items: inout [T], slicesOf size: Int, _ body: @Sendable (UnsafeMutableBufferPointer<T>) -> Void) {
        let count = items.count, slices = (count + size - 1) / size
        items.withUnsafeMutableBufferPointer { buffer in
            let whole = Slices(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { number in
                let start = number * size
                body(UnsafeMutableBufferPointer(rebasing: whole.buffer[start..<min(count, start + size)]))
            }
        }
    }

    /// A buffer whose disjoint slices threads update, each its own, while the caller waits for them all.
    private struct Slices<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
    }

    /// Each slot written once, by one thread, before `values()` reads them all on the calling thread
    /// (`concurrentPerform` returns only when every iteration has): no two threads touch one slot.
    private final class Results<T>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<T?>
        private let count: Int

        init(_ count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func set(_ index: Int, _ value: T) { slots[index] = value }

        /// The results, moved out (each slot left empty).
        func values() -> [T] { (0..<count).map { slots[$0].take()! } }
    }
}
