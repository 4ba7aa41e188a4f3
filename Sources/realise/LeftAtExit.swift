/// Values a command is done with just before the process ends, left for the system to take back with the rest of the
/// process's memory instead of freed one by one: a large gap report is hundreds of thousands of findings and entities,
/// and freeing them took a twentieth of `realise gaps` on a 40 000-benefit workspace.
enum LeftAtExit {
    /// Keeps `value` (and all it holds) alive until the process ends.
    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
