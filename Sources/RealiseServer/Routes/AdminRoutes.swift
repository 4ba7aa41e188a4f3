import Foundation
import Hummingbird
import RealiseModel
import RealiseWeb
import RealiseWorkbench

/// What analysts and admins do besides recording: upload plan files to import (all or nothing, refused with the
/// import's own `file:line` problems), and manage the accounts.
struct AdminRoutes {
    let pool: WorkbenchPool

    func add(to router: Router<WebContext>) {
        router.get("import") { _, context in
            let viewer = try context.requireViewer()
            try Permission.require(viewer.account, .importPlans, in: pool.rules)
            return Response.html(ImportPage(viewer: pool.pageViewer(viewer)).render())
        }
        router.post("import") { request, context in try await upload(request, context) }
        router.get("users") { request, context in
            try await users(context, flash: FormFields.query(request)["done"] == "user" ? .success("Account saved.") : nil)
        }
        router.post("users") { request, context in try await addUser(request, context) }
        router.post("users/:name/remove") { request, context in try await removeUser(request, context) }
    }

    private func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let plans = try await UploadedPlans.read(request, context: context)
        guard let given = plans.fields["csrf"], let expected = viewer.csrf, FormFields.same(given, expected) else { throw WebError.badCSRF }
        try Permission.require(viewer.account, .importPlans, in: pool.rules)
        let page = { (outcome: ImportPage.Outcome) in ImportPage(viewer: pool.pageViewer(viewer), outcome: outcome).render() }
        do {
            let outcomes = try await pool.run(as: viewer.account) { try plans.importInto($0) }
            return .html(page(.imported(outcomes)))
        } catch let error as WebError {
            switch error {
            case .refused(let lines): return .html(page(.refused(lines)), status: .unprocessableContent)
            case .invalid: return .html(page(.refused(error.lines)), status: .unprocessableContent)
            default: throw error
            }
        }
    }

    private func users(_ context: WebContext, flash: PageFlash?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let viewer = try context.requireViewer()
        try Permission.require(viewer.account, .manageUsers, in: pool.rules)
        let accounts = try await pool.run { try $0.users() }
        let page = UsersPage(viewer: pool.pageViewer(viewer), accounts: accounts.map { ($0.name, $0.displayName, $0.role.rawValue) },
                             flash: flash)
        return .html(page.render(), status: status)
    }

    private func addUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let form = try await FormFields.body(request)
        try form.checkCSRF(viewer)
        try Permission.require(viewer.account, .manageUsers, in: pool.rules)
        guard let role = form["role"].flatMap(AccountRole.init(rawValue:)) else {
            return try await users(context, flash: .errors(["role: choose viewer, owner, analyst or admin"]), status: .unprocessableContent)
        }
        let (name, display, password) = (form["name"] ?? "", form["display_name"], form.all("password").first ?? "")
        do {
            _ = try await pool.run(as: viewer.account) { try $0.addUser(name: name, role: role, displayName: display, password: password) }
        } catch let error as WorkbenchError {
            guard case .refused = WebError(error) else { throw WebError(error) }
            return try await users(context, flash: .errors(error.lines), status: .unprocessableContent)
        }
        return .seeOther(WebPath.users + "?done=user")
    }

    private func removeUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let form = try await FormFields.body(request)
        try form.checkCSRF(viewer)
        try Permission.require(viewer.account, .manageUsers, in: pool.rules)
        let name = context.pathParameter("name")
        guard name.lowercased() != viewer.account.name else {
            return try await users(context, flash: .errors(["you cannot remove your own account; ask another admin"]), status: .unprocessableContent)
        }
        try await pool.run(as: viewer.account) { try $0.removeUser(name: name) }
        return .seeOther(WebPath.users + "?done=user")
    }
}
