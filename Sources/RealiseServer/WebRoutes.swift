import Foundation
/// TEMPORARY until the pages land.
enum WebRoutes {
    static func login(next: String) -> String { "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/") }
}
