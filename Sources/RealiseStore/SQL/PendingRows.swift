/// The rows of a look-up sent ahead of the statements that follow it, read when they are needed.
///
/// On PostgreSQL the look-up goes to the server at once, and its rows come back while the caller writes what does not
/// change them: the server answers it with the look-ups before it, and its writes run while the caller decides on its
/// rows. On SQLite, which answers in the calling thread, the look-up simply runs when its rows are read.
struct PendingRows {
    private let read: ((StatementRow) throws -> Void) throws -> Void

    init(_ read: @escaping ((StatementRow) throws -> Void) throws -> Void) {
        self.read = read
    }

    /// Calls `body` with each row in turn (valid only during the call). Read once.
    func each(_ body: (StatementRow) throws -> Void) throws {
        try read(body)
    }
}
