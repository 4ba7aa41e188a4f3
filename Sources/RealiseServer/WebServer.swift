import Foundation
import Hummingbird
import NIOCore
import Logging
import RealiseWeb
import RealiseWorkbench

/// `realise serve`: the workspace as a web application (pages for people, `/api/v1` for programs) over the same
/// use-cases as the command line.
public struct WebServer: Sendable {
    let settings: ServerSettings
    let pool: WorkbenchPool
    let logger: Logger
    let reports = ReportCache()

    /// Opens the workspace (it must exist) and its connections.
    /// - Throws: the workspace's error when it cannot be opened.
    public init(settings: ServerSettings, logger: Logger = Logger(label: "realise.serve")) throws(WorkbenchError) {
        self.settings = settings
        self.logger = logger
        pool = try WorkbenchPool(settings: settings)
    }

    /// The routes, behind the middleware every request passes: the request log first (it sees every answer), then
    /// security headers, errors turned into pages or JSON, and the account behind the request.
    public func router() -> Router<WebContext> {
        // The routes' paths, read off a router holding the same routes, for the error middleware (which comes first).
        let shape = Router(context: WebContext.self)
        addRoutes(to: shape)
        let routes = shape.routes.map { (method: $0.method.rawValue, path: "\($0.path)") } + [("GET", "/healthz")]
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, viewer: { $0.viewer?.account.name }))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(logger: logger, page: { [pool] error, viewer in
            ErrorPage(status: Int(error.status.code), message: error.lines.joined(separator: " "), viewer: viewer.map(pool.pageViewer)).render()
        }, routes: routes))
        router.get("healthz") { _, _ in Response.body("ok\n", type: "text/plain; charset=utf-8") }
        router.add(middleware: AuthenticationMiddleware(pool: pool))
        addRoutes(to: router)
        return router
    }

    /// Every route but `/healthz`, after the middleware.
    private func addRoutes(to router: Router<WebContext>) {
        APIRoutes(pool: pool, settings: settings, reports: reports).add(to: router)
        let pages = PageRoutes(pool: pool, settings: settings, reports: reports)
        pages.add(to: router)
        FormRoutes(pool: pool, settings: settings, pages: pages).add(to: router)
        AuthRoutes(pool: pool, settings: settings).add(to: router)
        AdminRoutes(pool: pool).add(to: router)
        CalendarRoutes(pool: pool, settings: settings).add(to: router)
    }

    /// The OpenAPI 3 document of `/api/v1`, as served at `/api/v1/openapi.json`.
    public var openAPIDocument: String { OpenAPIDocument.json }

    /// Listens until SIGINT or SIGTERM, then stops taking connections, lets the requests in flight finish, and
    /// returns. Prints `listening on http://HOST:PORT` once the port is bound (with the port taken, for port 0).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                onListening("listening on http://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(port)")
            },
            logger: logger
        )
        do {
            try await application.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES {
            try? await pool.shutdown()
            let reason = error.errnoCode == EADDRINUSE ? "another program is listening there; stop it or choose another --port"
                : "the port needs privileges this user lacks; choose a port above 1023"
            throw WorkbenchError.system("cannot listen on \(settings.host):\(settings.port): \(reason)")
        }
        try await pool.shutdown()
    }
}
