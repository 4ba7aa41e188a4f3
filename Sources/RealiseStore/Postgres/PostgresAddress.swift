import Foundation

/// Where a shared workspace lives: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=…]`
/// (also `postgresql://`). The password may instead come from `PGPASSWORD` or `~/.pgpass` (`PGPASSFILE`), as
/// for PostgreSQL's own tools. `description` never shows the password: it is what messages name.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS, as libpq's `sslmode` (certificates are not verified, as libpq does not
    /// for these modes).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    /// A host name or address, or a folder holding the server's socket (starting with `/`).
    public var host: String
    public var port: Int
    public var database: String
    /// The PostgreSQL schema holding the workspace's tables: one database can hold several workspaces.
    public var schema: String
    public var tls: TLSMode

    /// Whether `text` is a PostgreSQL URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a URL; the password, when the URL has none, is looked up in `PGPASSWORD`, then the password file.
    /// - Throws: `.invalidValue` naming what is wrong (never showing a password).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let shown = PostgresAddress.redacted(text)
        guard PostgresAddress.isURL(text), let components = URLComponents(string: text) else {
            throw .invalidValue("\(shown): not a PostgreSQL URL; write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]")
        }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw .invalidValue("\(shown): the URL names no user; write postgres://USER@HOST/DATABASE")
        }
        let host = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        let database = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidValue("\(shown): the URL names no database; write postgres://USER@HOST/DATABASE")
        }
        self.user = user
        self.host = host.isEmpty ? "localhost" : host
        port = components.port ?? 5432
        self.database = database
        schema = "realise"
        tls = .prefer
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard PostgresAddress.isPlainName(value) else {
                    throw .invalidValue("\(shown): schema '\(value)' is not a plain name; use lower-case letters, digits and _ (at most 63), starting with a letter or _")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw .invalidValue("\(shown): sslmode '\(value)' is not one of disable, prefer, require")
                }
                tls = mode
            case "host":
                self.host = value
            default:
                throw .invalidValue("\(shown): unknown URL parameter '\(item.name)'; the URL takes schema= and sslmode=")
            }
        }
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
            ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PostgresPassFile.password(host: self.host, port: port, database: database, user: user, environment: environment)
    }

    /// `postgres://USER@HOST:PORT/DATABASE?schema=NAME`: the address without its password.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = host.hasPrefix("/") ? "" : host
        components.port = port
        components.path = "/" + database
        var items = [URLQueryItem(name: "schema", value: schema)]
        if host.hasPrefix("/") { items.append(URLQueryItem(name: "host", value: host)) }
        if tls != .prefer { items.append(URLQueryItem(name: "sslmode", value: tls.rawValue)) }
        components.queryItems = items
        return components.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// `HOST:PORT`, or the socket folder: what a failure to connect names.
    public var endpoint: String { host.hasPrefix("/") ? "\(host)/.s.PGSQL.\(port)" : "\(host):\(port)" }

    /// A name PostgreSQL takes unquoted, so it can stand in SQL as it is: the one text not bound as a value.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z"), digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return (lower.contains(first) || first == UInt8(ascii: "_"))
            && name.utf8.allSatisfy { lower.contains($0) || digits.contains($0) || $0 == UInt8(ascii: "_") }
    }

    /// `text` with any password in it replaced by `***`, for messages about a URL that did not parse.
    public static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
