/// Reads one field of an entity, for writing it: a key path to a stored property is read at that property's offset in
/// the entity, any other (a computed property) is applied as it is.
///
/// Hand-written because applying a key path goes through the runtime's generic projection, about 1 200 instructions a
/// field: writing a deliverable's twelve columns that way was 15 % of an MS Project import's writing thread (callgrind,
/// 5 000 tasks). `MemoryLayout.offset(of:)` is the standard library's own answer for a stored property's place.
struct PropertyReader<E, V>: Sendable {
    private let key: KeyPath<E, V> & Sendable
    /// The property's offset in `E`, or nil when the key path does not name a stored property of `E` itself.
    private let offset: Int?

    init(_ key: KeyPath<E, V> & Sendable) {
        self.key = key
        offset = MemoryLayout<E>.offset(of: key)
    }

    /// The field's value in `entity` (a copy, as the key path would give it).
    func callAsFunction(_ entity: E) -> V {
        guard let offset else { return entity[keyPath: key] }
        return withUnsafePointer(to: entity) { UnsafeRawPointer($0).load(fromByteOffset: offset, as: V.self) }
    }
}
