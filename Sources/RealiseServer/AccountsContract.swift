// TEMPORARY: the accounts branch replaces this file.
import Foundation
import RealiseModel
import RealiseWorkbench

public enum AccountRole: String, Sendable, CaseIterable, Comparable, Codable {
    case viewer, owner, analyst, admin
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
public struct Account: Sendable, Equatable, Codable {
    public var name: String
    public var displayName: String
    public var role: AccountRole
    public var createdAt: String
}
public struct LoginSession: Sendable {
    public var token: String
    public var csrf: String
    public var account: Account
    public var expires: Date
}
public enum AccountAction: Sendable { case read, importPlans, schedule, manageUsers }
extension Workbench {
    func acting(as account: Account) -> Workbench { self }
    func logIn(name: String, password: String, now: Date) throws(WorkbenchError) -> LoginSession {
        throw .badRequest("x")
    }
    func session(token: String, now: Date) throws(WorkbenchError) -> (account: Account, csrf: String)? { nil }
    func logOut(token: String) throws(WorkbenchError) {}
    func apiAccount(token: String, now: Date) throws(WorkbenchError) -> Account? {
        token == "test-token" ? Account(name: "t", displayName: "T", role: .admin, createdAt: "") : nil
    }
    func mayRecord(_ account: Account, on subject: String) throws(WorkbenchError) -> Bool { true }
    func may(_ account: Account, _ action: AccountAction) -> Bool { true }
}
