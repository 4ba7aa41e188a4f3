import Foundation
import RealiseTestSupport
import Testing

/// Schemathesis, an independent fuzzer, reads the API's own OpenAPI document from a running `realise serve` and sends
/// requests generated from it (valid and invalid, one by one and in sequences) with an admin's token from `realise
/// user token`. The server must never answer with a 5xx, and what it answers must match the document: the statuses,
/// content types, headers and response bodies it declares; a request without the token must be refused. The seed is
/// fixed (and printed), so a failure is reproduced by the command printed with it.
@Suite(Requirement.needs(Requirement.tool("schemathesis") != nil,
                         "Schemathesis is not on PATH (pip install schemathesis; .ci/run installs it into .build-venv)"))
struct SchemathesisTests {
    /// The seed of every run; change it only to explore, never to make a failure go away.
    static let seed = 20_261_201
    /// Every check Schemathesis has: `not_a_server_error` matters most; `ignored_auth` checks that the token is needed;
    /// `negative_data_rejection`, `positive_data_acceptance` and `unsupported_method` hold the API to its document
    /// (an empty `as-of` refused, the rule ids `only` takes spelled out as a pattern, 405 for a method an address lacks).

    @Test func theAPIAnswersEveryGeneratedRequestWithoutAServerError() throws {
        let schemathesis = try Requirement.require(Requirement.tool("schemathesis"), "schemathesis on PATH")
        let workspace = try ServedWorkspace()
        let token = try workspace.token("ada")
        let server = try workspace.serve()
        defer { _ = server.stop() }
        // Fixtures/schemathesis.toml: ids of the served plan, so that requests get past "no such metric".
        let arguments = [
            "--config-file", ServedWorkspace.fixture("schemathesis.toml"),
            "run", "\(server.url)/api/v1/openapi.json",
            "--header", "Authorization: Bearer \(token)",
            "--seed", String(Self.seed), "--max-examples", "40", "--workers", "1",
            "--phases", "examples,coverage,fuzzing,stateful",
            "--checks", "all",
            "--generation-database", "none", "--request-timeout", "60", "--no-color",
        ]
        let shown = arguments.map { $0.hasPrefix("Authorization:") ? "'Authorization: Bearer TOKEN'" : $0 }
        print("schemathesis seed \(Self.seed): schemathesis \(shown.joined(separator: " "))")
        let run = try RealiseCommand.run(URL(fileURLWithPath: schemathesis), arguments, in: workspace.folder, timeout: 900)
        // Its summary (operations, cases generated, checks passed) goes to the log, so a CI run shows what was tried.
        print(run.stdout.split(separator: "\n").suffix(25).joined(separator: "\n"))
        #expect(run.status == 0, Comment(rawValue: "schemathesis exited \(run.status) (seed \(Self.seed)):\n\(run.stdout)\(run.stderr)\nserver log:\n\(server.log.suffix(4000))"))
        #expect(!run.stdout.contains("Server error"), Comment(rawValue: run.stdout))
        // The server's own log: no request answered 5xx, whatever schemathesis made of it.
        let errors = server.log.split(separator: "\n").filter { $0.range(of: #" 5\d\d \d"#, options: .regularExpression) != nil }
        #expect(errors.isEmpty, Comment(rawValue: "answered with 5xx:\n\(errors.joined(separator: "\n"))"))
    }
}
