import Foundation
import Hummingbird
import Logging

/// Logs one line per request once it is answered: method, path, status, time taken and the account, at `info`.
/// The query is left out (it may carry a date range, never a secret, but it is noise), and a calendar feed's secret
/// path is masked: a log is read by more people than the feed's owner.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let viewer: @Sendable (Context) -> String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: Int(response.status.code), since: start, account: viewer(context))
            return response
        } catch {
            let status = (error as? WebError)?.status.code ?? (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: Int(status), since: start, account: viewer(context))
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, account: String?) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("\(request.method) \(Self.shown(request.uri.path)) \(status) \(String(format: "%.1f", milliseconds))ms\(account.map { " \($0)" } ?? "")")
    }

    /// The path as logged: a calendar feed's secret replaced by `…`.
    static func shown(_ path: String) -> String {
        path.hasPrefix("/calendar/") ? "/calendar/…" : path
    }
}
