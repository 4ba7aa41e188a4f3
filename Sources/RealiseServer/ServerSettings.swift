import Foundation
import RealiseModel

/// How `realise serve` runs: where it listens, which workspace it serves, and how many requests it works on at once.
public struct ServerSettings: Sendable {
    /// The host name or address to listen on (loopback unless told otherwise).
    public var host: String
    /// The port to listen on; 0 takes any free port (the one taken is printed).
    public var port: Int
    /// The workspace: a file path or a PostgreSQL URL.
    public var workspace: String
    /// How many requests use the workspace at once: the PostgreSQL connections opened, and the threads that wait on them.
    public var connections: Int
    /// Whether session cookies are marked `Secure` (the server sits behind TLS).
    public var secureCookies: Bool
    /// The day pages and the API take as "today"; nil for the current day where the server runs.
    public var today: Day?

    public init(host: String = "127.0.0.1", port: Int = 8080, workspace: String, connections: Int = 4, secureCookies: Bool = false,
                today: Day? = nil) {
        self.host = host
        self.port = port
        self.workspace = workspace
        self.connections = connections
        self.secureCookies = secureCookies
        self.today = today
    }

    /// The day a request takes as "today": the fixed day, or the current one in the server's time zone.
    var currentDay: Day {
        if let today { return today }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 0)
    }
}
