import Foundation
import Hummingbird
import RealiseWorkbench

/// Each account's review calendar (`/calendar/SECRET.ics`): the reviews whose reviewer is the account's display name,
/// for a calendar program to subscribe to. Calendar programs send no cookies, so the address's secret is the
/// credential; it is kept in the workspace and shown only to its account.
struct CalendarRoutes {
    let pool: WorkbenchPool
    let settings: ServerSettings

    /// The feed's address for `secret`, on the host `request` was sent to (a calendar program needs the whole URL).
    static func url(secret: String, request: Request, secure: Bool) -> String {
        let host = request.head.authority ?? "localhost"
        return "\(secure ? "https" : "http")://\(host)/calendar/\(secret).ics"
    }

    func add(to router: Router<WebContext>) {
        router.get("calendar/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".ics"), case let secret = String(file.dropLast(4)), !secret.isEmpty, secret.count <= 128 else {
                throw WebError.notFound("there is no calendar at this address")
            }
            let day = settings.currentDay
            let calendar = try await pool.run { workbench in
                guard let account = try workbench.account(calendarSecret: secret) else {
                    throw WebError.notFound("there is no calendar at this address")
                }
                return try workbench.reviewCalendar(asOf: day, stamp: Date(), horizon: 366, reviewer: account.displayName)
            }
            return Response.body(calendar, type: "text/calendar; charset=utf-8")
        }
    }
}
