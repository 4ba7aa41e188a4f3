import Foundation
import Testing

/// `realise serve` as an operator runs it: the built binary on a free port, stopped by SIGTERM (a service manager)
/// or SIGINT (Ctrl-C), each ending it with status 0 — and a request already being answered when SIGTERM arrives is
/// answered in full before it exits.
@Suite struct ServeSignalTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheServerCleanly(_ signal: Int32) throws {
        let workspace = try ServedWorkspace()
        let server = try workspace.serve()
        let health = try RawConnection.request(port: server.port, "GET", "/healthz")
        #expect(RawConnection.status(health) == 200, Comment(rawValue: health))
        #expect(RawConnection.body(health) == "ok\n")
        let exit = server.stop(signal)
        #expect(exit == .status(0), Comment(rawValue: "realise serve after signal \(signal): \(exit); its log:\n\(server.log)"))
    }

    #if os(Linux)
    /// A measurement whose body is half sent when SIGTERM arrives: the server stops taking connections, waits for the
    /// rest of the body, records the measurement, answers 201 and only then exits 0. Each step waits for a fact,
    /// never a delay: the server has read the request's head (its socket's receive queue is empty: NIO decodes a
    /// head in the read that brings it), and it has begun to stop (its listener refuses connections).
    @Test func aRequestInFlightWhenSIGTERMArrivesIsStillAnswered() throws {
        let workspace = try ServedWorkspace()
        let token = try workspace.token("ada")
        let server = try workspace.serve()
        let body = #"{"date": "2026-11-30", "value": 61.25, "source": "in flight", "note": "sent across SIGTERM"}"#
        let half = body.index(body.startIndex, offsetBy: body.count / 2)
        let connection = try RawConnection(port: server.port)
        let headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        try connection.send(RawConnection.head("POST", "/api/v1/metrics/MET-1/measurements", headers: headers,
                                               length: body.utf8.count, close: false) + body[..<half])
        let taken = Self.eventually { SocketQueue.received(serverPort: server.port, clientPort: connection.localPort) == 0 }
        try #require(taken, "the server never read the request's head")

        server.send(SIGTERM)
        let stopping = Self.eventually { !RawConnection.accepts(port: server.port) }
        try #require(stopping, Comment(rawValue: "the server still takes connections after SIGTERM; its log:\n\(server.log)"))
        try connection.send(String(body[half...]))
        let answer = connection.readToEnd()
        #expect(RawConnection.status(answer) == 201, Comment(rawValue: "the answer: \(answer)"))
        #expect(RawConnection.body(answer).contains(#""metric": "MET-1""#), Comment(rawValue: answer))
        let exit = server.waitForExit(within: 15)
        #expect(exit == .status(0), Comment(rawValue: "after SIGTERM: \(exit); its log:\n\(server.log)"))

        let log = try RealiseCommand.realise(["log", "--db", workspace.path])
        #expect(log.contains("MET-1 = 61.25 on 2026-11-30"), Comment(rawValue: "realise log:\n\(log)"))
    }
    #endif

    /// Whether `condition` holds within `seconds`, asked every 20 ms: for a fact another process makes true.
    static func eventually(within seconds: Double = 30, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

#if os(Linux)
/// The kernel's own view of a loopback TCP connection, from `/proc/net/tcp`.
enum SocketQueue {
    /// The bytes waiting unread in the receive queue of the server's end of the connection between `serverPort` and
    /// `clientPort` on 127.0.0.1, or nil when there is no such socket.
    static func received(serverPort: Int, clientPort: Int) -> Int? {
        guard let table = procFile("/proc/net/tcp") else { return nil }
        for line in table.split(separator: "\n").dropFirst() {
            // sl local_address rem_address st tx_queue:rx_queue …, addresses as HEXIP:HEXPORT.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 4, port(fields[1]) == serverPort, port(fields[2]) == clientPort else { continue }
            return fields[4].split(separator: ":").last.flatMap { Int($0, radix: 16) }
        }
        return nil
    }

    /// The whole of a `/proc` file, read until `read(2)` says it ended: such a file's size is 0 to `stat`, so readers
    /// that trust the size stop after the first page (and miss the sockets listed beyond it).
    private static func procFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func port(_ address: Substring) -> Int? {
        address.split(separator: ":").last.flatMap { Int($0, radix: 16) }
    }
}
#endif
