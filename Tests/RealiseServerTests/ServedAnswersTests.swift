import Foundation
import Testing

/// The running server's API answers byte for byte what the built command line prints over the same workspace and day.
@Suite struct ServedAnswersTests {
    @Test func theAPIAnswersWhatTheCommandLinePrints() throws {
        let workspace = try ServedWorkspace()
        let token = try workspace.token("vic")
        let server = try workspace.serve()
        defer { _ = server.stop() }
        let pairs: [(String, [String])] = [
            ("/api/v1/gaps?as-of=2026-12-01", ["gaps", "--format", "json", "--as-of", "2026-12-01"]),
            ("/api/v1/gaps?as-of=2025-06-30&skip=stale-metric", ["gaps", "--format", "json", "--as-of", "2025-06-30", "--skip", "stale-metric"]),
            ("/api/v1/benefits", ["list", "benefits", "--format", "json"]),
            ("/api/v1/metrics", ["list", "metrics", "--format", "json"]),
            ("/api/v1/reviews/due?as-of=2026-12-01&within=90", ["review", "due", "--format", "json", "--as-of", "2026-12-01", "--within", "90"]),
        ]
        for (path, command) in pairs {
            let answer = try RawConnection.request(port: server.port, "GET", path, headers: ["Authorization": "Bearer \(token)"])
            #expect(RawConnection.status(answer) == 200, Comment(rawValue: "\(path): \(answer.prefix(400))"))
            let printed = try RealiseCommand.realise(command + ["--db", workspace.path])
            #expect(!printed.isEmpty)
            #expect(RawConnection.body(answer) == printed, Comment(rawValue: "\(path) against realise \(command.joined(separator: " "))"))
        }
    }
}
