/// A growing run of bytes, appended to in place: what `JSONWriter` writes into. A value, copied on write as an
/// array is.
///
/// Hand-written instead of `[UInt8]`: a JSON report is millions of appends of a few bytes (a comma, a line's
/// indentation, a key), and `Array.append(contentsOf:)` spent about 95 instructions on each, more than the copying
/// (callgrind, a 10 000-benefit gap report: a quarter of writing its findings). Here an append checks room and
/// copies.
struct ByteRun: @unchecked Sendable {
    // Sendable as `[UInt8]` is: the storage is only written through a reference known to be unique (a shared one is
    // copied first), so threads holding copies only read it.
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }
    }

    private var storage: Storage

    /// - Parameter capacity: bytes to make room for at once.
    init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    /// How many bytes there are.
    var count: Int { storage.count }

    /// The bytes, as an array.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        makeRoom(1)
        storage.base[storage.count] = byte
        storage.count += 1
    }

    @inline(__always)
    mutating func append(_ start: UnsafePointer<UInt8>, count: Int) {
        makeRoom(count)
        let end = storage.base + storage.count
        if count > 32 {
            end.initialize(from: start, count: count)
        } else {
            // Most appends are a few bytes, which a call to `memcpy` takes longer to copy than this.
            let from = UnsafeRawPointer(start), to = UnsafeMutableRawPointer(end)
            var offset = 0
            while offset + 8 <= count {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < count {
                end[offset] = start[offset]
                offset += 1
            }
        }
        storage.count += count
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return }
        makeRoom(bytes.count)
        UnsafeMutableRawPointer(storage.base + storage.count).copyMemory(from: start, byteCount: bytes.count)
        storage.count += bytes.count
    }

    /// A text written in the program (of any representation: one made of a single character holds no pointer).
    mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

    mutating func append(repeating byte: UInt8, count: Int) {
        makeRoom(count)
        (storage.base + storage.count).initialize(repeating: byte, count: count)
        storage.count += count
    }

    @inline(__always)
    private mutating func makeRoom(_ more: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if storage.count + more > storage.capacity { grow(toHold: storage.count + more) }
    }

    private mutating func grow(toHold needed: Int) {
        let capacity = max(needed, 2 * storage.capacity)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.initialize(from: storage.base, count: storage.count)
        storage.base.deallocate()
        (storage.base, storage.capacity) = (base, capacity)
    }
}
