/// What `XMLSAXParser` changes at every element and text: the open elements' names, the text read since the
/// last element event and the text node being read. Held behind a pointer by the parser, in buffers of its
/// own: measured on a 100 000-task MSPDI file, Swift's run-time exclusivity checks and the array operations on
/// these as class properties took a quarter of the reader thread's time.
struct XMLSAXState {
    /// The open elements' names, the root first; never more than `FieldLimits.xmlDepth`.
    let open = UnsafeMutablePointer<XMLName>.allocate(capacity: FieldLimits.xmlDepth)
    var depth = 0
    /// The text read since the last start or end of an element, while `keepsText`.
    private(set) var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 12)
    private(set) var count = 0
    private var capacity = 1 << 12
    /// Whether text is collected (and checked against the limit).
    var keepsText = true
    /// The text node being read: where it starts in the text, its line, whether it is CDATA, its length in
    /// bytes (counted whether or not its text is kept).
    var run: (start: Int, line: Int, isCDATA: Bool, length: Int)?
    /// Whether a callback stopped the parse.
    var stopped = false

    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    mutating func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity {
            capacity = max(capacity * 2, count + length)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: bytes, count: count)
            bytes.deallocate()
            bytes = grown
        }
        (bytes + count).update(from: source, count: length)
        count += length
    }

    mutating func clearText() { count = 0 }

    func deallocate() {
        open.deallocate()
        bytes.deallocate()
    }
}
