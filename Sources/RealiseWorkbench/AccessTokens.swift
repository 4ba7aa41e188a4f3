import Crypto
import Foundation

/// Session, API and anti-forgery tokens and calendar secrets: random, and stored only as a hash where a token
/// grants access, so that reading the database (a backup, a copy) gives no one a way in.
enum AccessTokens {
    /// The longest token looked up; anything longer is no token of ours, and is not hashed.
    static let maximumLength = 256

    /// 32 bytes from the system's secure generator, as base64url without padding (43 characters): safe in a
    /// cookie, a header and a URL as it is.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of the token's UTF-8, in lower-case hex: what the workspace stores and looks tokens up by. A
    /// fast hash is enough here, unlike for passwords: the token is 256 random bits, not something guessable.
    static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
