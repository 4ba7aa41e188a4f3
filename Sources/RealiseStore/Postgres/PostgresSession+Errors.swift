import Foundation
import NIOCore
import NIOSSL
import PostgresNIO

extension PostgresSession {
    /// What went wrong, in words a person can act on, naming the server's address but never the password (the
    /// server's own messages never hold it; postgres-nio's descriptions are not used).
    static func explain(_ error: any Error, _ address: PostgresAddress) -> String {
        if error is ConnectionLost {
            return "the connection to the PostgreSQL server at \(address.endpoint) was lost; nothing was changed "
                + "(the transaction was rolled back); run the command again when the server is back"
        }
        guard let error = error as? PSQLError else {
            if error is NIOSSLError || String(describing: type(of: error)).contains("SSL") {
                return "TLS with the server at \(address.endpoint) failed; try sslmode=disable or sslmode=prefer in the URL"
            }
            return "\(address.endpoint): \(error)"
        }
        switch error.code {
        case .server:
            return explainServer(error.serverInfo, address)
        case .connectionError:
            return "cannot connect to the PostgreSQL server at \(address.endpoint) (\(reason(error.underlying))); "
                + "check that it is running and accepts connections there (nothing was changed)"
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return "the connection to the PostgreSQL server at \(address.endpoint) was lost; nothing was changed "
                + "(the transaction was rolled back); run the command again when the server is back"
        case .authMechanismRequiresPassword:
            return "the server at \(address.endpoint) asks for a password for user '\(address.user)'; give it in the URL, "
                + "in PGPASSWORD or in ~/.pgpass"
        case .unsupportedAuthMechanism:
            return "the server at \(address.endpoint) asks for a way of signing in this client does not support; "
                + "use password (scram-sha-256 or md5) authentication for user '\(address.user)'"
        case .sslUnsupported:
            return "the server at \(address.endpoint) does not offer TLS, which sslmode=require asks for; "
                + "enable TLS on the server or use sslmode=prefer"
        case .saslError:
            return "password authentication failed for user '\(address.user)' at \(address.endpoint); check the password "
                + "(in the URL, PGPASSWORD or ~/.pgpass)"
        default:
            return "the PostgreSQL server at \(address.endpoint) failed (\(error.code)); run the command again"
        }
    }

    private static func explainServer(_ info: PSQLError.ServerInfo?, _ address: PostgresAddress) -> String {
        let message = info?[.message] ?? "an error"
        switch info?[.sqlState] ?? "" {
        case "28P01", "28000":
            return "\(message) (at \(address.endpoint)); check the user name and password (in the URL, PGPASSWORD or ~/.pgpass)"
        case "3D000":
            return "\(message) (at \(address.endpoint)); create it (`createdb \(address.database)`) or correct the URL"
        case "57P01", "57P02", "57P03":
            return "the PostgreSQL server at \(address.endpoint) is shutting down or starting (\(message)); nothing was "
                + "changed (the transaction was rolled back); run the command again when the server is back"
        case "40001", "40P01":
            return "another user changed the same data at the same moment (\(message)); nothing was changed; run the command again"
        case "53100":
            return "the server's disk is full (\(message)); nothing was changed; free some space and run the command again"
        case "42501":
            return "\(message); user '\(address.user)' needs the right to create and use schema '\(address.schema)' in "
                + "database '\(address.database)' (GRANT CREATE ON DATABASE …, or ask its owner)"
        case "55P03":
            return "the workspace is busy (\(message)); try again"
        default:
            return message + (info?[.detail].map { " (\($0))" } ?? "")
        }
    }

    /// Why a connection could not be made, briefly.
    private static func reason(_ error: (any Error)?) -> String {
        guard let error else { return "no reason given" }
        let text = String(describing: error)
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "connection refused" }
        if text.contains("timed out") || text.contains("Timeout") || text.contains("timeout") { return "timed out" }
        if text.contains("resolve") || text.contains("NXDOMAIN") || text.contains("getaddrinfo") { return "unknown host" }
        if text.contains("ENOENT") || text.contains("No such file") { return "no server socket there" }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
