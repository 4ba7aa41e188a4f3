import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain TCP connection to a server on loopback, for the tests that must control exactly which bytes reach the
/// server and when (half a request, then the rest) — what an HTTP client library hides.
final class RawConnection {
    private let descriptor: Int32

    /// Why a connection failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects to 127.0.0.1:`port`; reads give up after `timeout` seconds, so a hung server fails a test.
    /// - Throws: `Failure` when the connection is refused or fails.
    init(port: Int, timeout: Int = 60) throws {
        descriptor = try Self.connected(port: port)
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Whether something accepts connections on 127.0.0.1:`port` (false once a server has closed its listener).
    static func accepts(port: Int) -> Bool {
        guard let descriptor = try? connected(port: port) else { return false }
        close(descriptor)
        return true
    }

    /// The local (client-side) port of this connection.
    var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends all of `text`'s UTF-8.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { socketSend(descriptor, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Everything the server sends until it closes the connection (or the read times out).
    func readToEnd() -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A whole request sent on a new connection with `Connection: close`, and the whole answer.
    static func request(port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: String = "") throws -> String {
        let connection = try RawConnection(port: port)
        try connection.send(head(method, path, headers: headers, length: body.utf8.count, close: true) + body)
        return connection.readToEnd()
    }

    /// A request's head: request line, `Host`, `headers`, `Content-Length` (when there is a body) and the blank line.
    static func head(_ method: String, _ path: String, headers: [String: String], length: Int, close: Bool) -> String {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1"]
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if length > 0 || method == "POST" { lines.append("Content-Length: \(length)") }
        if close { lines.append("Connection: close") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The status code of an answer (`HTTP/1.1 201 Created…` → 201), or nil when it is not an HTTP answer.
    static func status(_ answer: String) -> Int? {
        let parts = answer.prefix(while: { $0 != "\r" }).split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else { return nil }
        return Int(parts[1])
    }

    /// The body of an answer: what follows the blank line after its head.
    static func body(_ answer: String) -> String {
        guard let range = answer.range(of: "\r\n\r\n") else { return "" }
        return String(answer[range.upperBound...])
    }

    private static func connected(port: Int) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket failed: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure(description: "connecting to 127.0.0.1:\(port) failed: \(reason)")
        }
        return descriptor
    }
}

/// `send(2)`, named apart from `RawConnection.send(_:)`.
private func socketSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    Darwin.send(descriptor, bytes, count, 0)
    #endif
}
