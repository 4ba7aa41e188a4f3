import Foundation

/// A file read in the slices `xmlTextReader` (libxml2 2.9) pushes to its parser: the first 4 bytes, then
/// 512 at a time; at the end, the rest with the end of the document, or — when the file's last 4 KiB read
/// held fewer than 512 bytes — the rest, then the end alone. Where libxml2's push parser stops and what it
/// reports can depend on where a slice ends, so `XMLSAXParser` slices as `XMLPullReader` does.
struct XMLSlices {
    private let descriptor: Int32
    /// Bytes read and not yet handed out: `buffer[start..<end]`.
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    /// Bytes read from the file so far.
    private var read = 0
    private var atEnd = false
    private var done = false

    static let sliceSize = 512

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The first 4 bytes, which libxml2's parser is created with (it reads the encoding from them); none when
    /// the file is shorter, and then it is all handed out by `next`.
    mutating func head() -> [UInt8] {
        fill(4)
        guard end - start >= 4 else { return [] }
        defer { start += 4 }
        return Array(buffer[start..<(start + 4)])
    }

    /// Calls `push` with the next slice and whether the document ends with it; false when all was handed out.
    mutating func next(_ push: (UnsafeBufferPointer<UInt8>, Bool) -> Void) -> Bool {
        if done { return false }
        fill(XMLSlices.sliceSize)
        let available = end - start
        if available >= XMLSlices.sliceSize {
            hand(XMLSlices.sliceSize, terminate: false, push)
            return true
        }
        // The end of the file. xmlTextReader reads 4 KiB at a time after the first 4 bytes: when its last read
        // brought fewer than 512 bytes it pushes them first, and the end of the document on its own.
        let lastRead = (read - 4) % 4096
        if read >= 4, available > 0, lastRead > 0, lastRead < XMLSlices.sliceSize {
            hand(available, terminate: false, push)
            return true
        }
        hand(available, terminate: true, push)
        done = true
        return true
    }

    private mutating func hand(_ count: Int, terminate: Bool, _ push: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        buffer.withUnsafeBufferPointer { push(UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), terminate) }
        start += count
    }

    /// Reads until `wanted` bytes are at hand or the file ends.
    private mutating func fill(_ wanted: Int) {
        guard end - start < wanted, !atEnd else { return }
        if start > 0 {
            let remaining = end - start
            buffer.withUnsafeMutableBufferPointer { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, remaining)
            }
            start = 0
            end = remaining
        }
        while end - start < wanted, !atEnd {
            let count = buffer.withUnsafeMutableBufferPointer { raw in
                Foundation.read(descriptor, raw.baseAddress! + end, raw.count - end)
            }
            if count <= 0 {
                atEnd = true
            } else {
                end += count
                read += count
            }
        }
    }
}
