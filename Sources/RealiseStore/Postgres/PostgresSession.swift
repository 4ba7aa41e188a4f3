import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL workspace, used synchronously (the store's use-cases are synchronous: an import
/// writes what a reading thread hands it). Each statement is sent through postgres-nio with its values bound, and
/// the calling thread waits for its result; statements are never sent from an event loop thread.
///
/// One connection serves one process's workspace: its transactions are nested by `transaction(_:_:)` (an inner one
/// joins the outer), and a lock keeps two threads of the process from interleaving statements on it.
final class PostgresSession: SQLConnection, @unchecked Sendable {
    let address: PostgresAddress
    private let connection: PostgresConnection
    /// Nothing is logged: a log line could carry a statement's values or the connection's settings.
    private static let logger = Logger(label: "realise.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Statements with `$n` placeholders, by their `?` text.
    private var numbered: [String: String] = [:]
    private let lock = NSRecursiveLock()
    private var depth = 0
    /// Statements sent and not yet waited for (`send`), oldest first.
    private var sent: [EventLoopFuture<PostgresQueryResult>] = []

    var dialect: SQLDialect { .postgres }

    private init(address: PostgresAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    deinit { try? connection.close().wait() }

    /// Connects, and points the connection at the workspace's schema (made first when `create` is true).
    static func connect(_ address: PostgresAddress, create: Bool) throws(StoreError) -> PostgresSession {
        let session: PostgresSession
        do {
            var configuration: PostgresConnection.Configuration
            if address.host.hasPrefix("/") {
                configuration = .init(unixSocketPath: address.endpoint, username: address.user, password: address.password,
                                      database: address.database)
            } else {
                configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                      database: address.database, tls: try tls(address.tls))
            }
            configuration.options.connectTimeout = .seconds(10)
            let connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            session = PostgresSession(address: address, connection: connection)
        } catch {
            throw .database(path: address.description, message: PostgresSession.explain(error, address))
        }
        do {
            if create {
                // Two people creating one workspace at once: the loser's error is harmless.
                _ = try? session.execute("CREATE SCHEMA IF NOT EXISTS \(address.schema)")
            }
            try session.execute("SET search_path TO \(address.schema)")
            try session.execute("SET client_min_messages TO warning")
        } catch {
            throw .database(path: address.description, message: PostgresSession.explain(error, address))
        }
        return session
    }

    private static func tls(_ mode: PostgresAddress.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        // As libpq's prefer and require: encrypted, the server's certificate not checked.
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        switch mode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: configuration))
        case .require: return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        try run(query(sql, arguments)).metadata.rows ?? 0
    }

    @discardableResult
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        try each(query(sql, arguments), body)
    }

    /// Sends a query over many rows bound as one array per column without waiting for it, for `each(_:_:)` to read
    /// later (see `PendingRows`).
    func start(_ sql: String, _ columns: [PostgresColumn]) -> EventLoopFuture<PostgresQueryResult> {
        lock.lock()
        defer { lock.unlock() }
        return connection.query(query(sql, columns), logger: PostgresSession.logger)
    }

    /// Waits for a query `start` sent — not for the statements sent after it — and calls `body` with each row.
    /// When it failed because a statement sent before it did, that statement's failure is thrown.
    @discardableResult
    func each(_ started: EventLoopFuture<PostgresQueryResult>, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let result: PostgresQueryResult
        do { result = try waitOrLost(started) } catch {
            try settle()
            throw error
        }
        return try each(result, body)
    }

    private func each(_ query: PostgresQuery, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        try each(try run(query), body)
    }

    private func each(_ result: PostgresQueryResult, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        let cells = PostgresCells()
        let row = StatementRow(cells)
        for postgresRow in result.rows {
            cells.load(postgresRow)
            guard try body(row) else { return false }
        }
        return true
    }

    /// Sends a statement whose result nobody needs without waiting for it: it is queued on the connection behind
    /// the ones before, and the server works through them while this thread goes on. Its failure, if any, is thrown
    /// by the next statement that waits (any `execute` or `each`, and the commit).
    func send(_ sql: String, _ arguments: SQLArguments) throws {
        try send(query(sql, arguments))
    }

    /// As `send(_:_:)`, for a statement over many rows bound as one array per column (see `MultiRowStatement`).
    func send(_ sql: String, _ columns: [PostgresColumn]) throws {
        try send(query(sql, columns))
    }

    private func send(_ query: PostgresQuery) throws {
        lock.lock()
        defer { lock.unlock() }
        sent.append(connection.query(query, logger: PostgresSession.logger))
        // A long queue costs memory and gains nothing more: wait for the older half now and then.
        if sent.count >= 512 { try settle(keeping: 256) }
    }

    /// Waits for statements sent and not yet waited for, leaving at most `keeping` of the newest; throws the first
    /// failure among them.
    private func settle(keeping: Int = 0) throws {
        guard sent.count > keeping else { return }
        let settled = sent.prefix(sent.count - keeping)
        sent.removeFirst(settled.count)
        var failure: (any Error)?
        for future in settled {
            do { _ = try waitOrLost(future) } catch { if failure == nil { failure = error } }
        }
        if let failure {
            for future in sent { _ = try? waitOrLost(future) }
            sent.removeAll()
            throw failure
        }
    }

    /// Sends one statement and waits for all of its result (after those sent before it).
    private func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        lock.lock()
        defer { lock.unlock() }
        let result = connection.query(query, logger: PostgresSession.logger)
        do { try settle() } catch {
            _ = try? waitOrLost(result)
            throw error
        }
        return try waitOrLost(result)
    }

    /// The statement's result, or `ConnectionLost` when the connection closes first. (A statement sent on a connection
    /// the server has just closed is never answered, so waiting for its result alone would wait for ever.)
    private func waitOrLost<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        if connection.isClosed { throw ConnectionLost() }
        let loop = future.eventLoop
        let promise = loop.makePromise(of: T.self)
        // Both outcomes are settled on the future's event loop, so the flag needs no lock.
        let settled = OneShot()
        future.whenComplete { result in
            if settled.claim() { promise.completeWith(result) }
        }
        connection.closeFuture.hop(to: loop).whenComplete { _ in
            if settled.claim() { promise.fail(ConnectionLost()) }
        }
        return try promise.futureResult.wait()
    }

    /// The statement with `$n` placeholders and its values bound.
    private func query(_ sql: String, _ arguments: SQLArguments) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let string): bindings.append(string)
            }
        }
        return PostgresQuery(unsafeSQL: numbering(sql), binds: bindings)
    }

    /// The statement with its rows bound as one array per column.
    private func query(_ sql: String, _ columns: [PostgresColumn]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: columns.count)
        for column in columns { bindings.append(column) }
        return PostgresQuery(unsafeSQL: numbering(sql), binds: bindings)
    }

    /// The text with `$n` placeholders for its `?`s, made once per text.
    private func numbering(_ sql: String) -> String {
        if let known = numbered[sql] { return known }
        let text = SQLDialect.numberingPlaceholders(sql)
        numbered[sql] = text
        return text
    }

    /// Runs `body` in a transaction begun with `begin` (`BEGIN …`), committed when `body` returns true and rolled
    /// back when it returns false or throws. Inside another transaction of this session, `body` joins it.
    func transaction<T>(_ begin: String, _ body: () throws -> (T, commit: Bool)) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if depth > 0 { return try body().0 }
        try execute(begin)
        depth += 1
        defer { depth -= 1 }
        let result: (T, commit: Bool)
        do {
            result = try body()
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        do { try execute(result.commit ? "COMMIT" : "ROLLBACK") } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        return result.0
    }

    /// Whether a transaction of this session is open.
    var isInsideTransaction: Bool {
        lock.lock()
        defer { lock.unlock() }
        return depth > 0
    }
}

/// The connection closed before a statement's result came: the server went away or cut the connection.
struct ConnectionLost: Error {}

/// A flag set once, on one event loop.
private final class OneShot: @unchecked Sendable {
    private var taken = false

    /// True the first time only.
    func claim() -> Bool {
        defer { taken = true }
        return !taken
    }
}
