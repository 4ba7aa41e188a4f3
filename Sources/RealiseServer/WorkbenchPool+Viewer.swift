import RealiseWeb
import RealiseWorkbench

extension WorkbenchPool {
    /// The signed-in account as the pages show it: its names, role, session CSRF token and what its role may do.
    func pageViewer(_ viewer: Viewer) -> PageViewer {
        let account = viewer.account
        return PageViewer(name: account.name, displayName: account.displayName, role: account.role.rawValue, csrf: viewer.csrf ?? "",
                          canImport: rules.may(account, .importPlans), canSchedule: rules.may(account, .schedule),
                          canManageUsers: rules.may(account, .manageUsers))
    }
}
