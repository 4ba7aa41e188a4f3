import Foundation
import Testing

/// `realise import FOLDER` on folders holding what is not a plan file: special files, links, unreadable files.
@Suite("import: the folder walk (real processes)")
struct FolderWalkCommandTests {
    static let register = "Benefit ID,Description,Benefit Owner\nBEN-1,Shorter journeys,Head of Transport\n"

    @Test("a named pipe and a socket in the folder: the import finishes and a warning names each")
    func specialFiles() throws {
        let scratch = try Scratch(), folder = scratch.url
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not after its last use
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        try Self.register.write(to: plans.appendingPathComponent("register.csv"), atomically: true, encoding: .utf8)
        #expect(mkfifo(plans.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        let socket = try UnixSocket(path: plans.appendingPathComponent("listening.csv").path)
        defer { socket.close() }
        let db = folder.appendingPathComponent("w.sqlite").path
        // Before the fix the import opened the pipe and waited for a writer forever.
        let result = try RealiseBinary.run(["import", plans.path, "--db", db], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("realise: warning: ") }
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.contains { $0.contains("/pipe.csv:") && $0.contains("a named pipe (FIFO), not a regular file") })
        #expect(warnings.contains { $0.contains("/listening.csv:") && $0.contains("a socket, not a regular file") })
        #expect(result.stdout.contains("register.csv (register-csv): imported"), "\(result.stdout)")
    }

    @Test("a link loop and a link out of the folder are reported and not followed; the import succeeds")
    func links() throws {
        let scratch = try Scratch(), folder = scratch.url
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not after its last use
        let plans = folder.appendingPathComponent("plans"), outside = folder.appendingPathComponent("elsewhere")
        for sub in [plans.appendingPathComponent("sub"), outside] {
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        }
        try Self.register.write(to: plans.appendingPathComponent("register.csv"), atomically: true, encoding: .utf8)
        try Self.register.replacingOccurrences(of: "BEN-1", with: "BEN-9")
            .write(to: outside.appendingPathComponent("other.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: plans.appendingPathComponent("sub/loop"), withDestinationURL: plans)
        try FileManager.default.createSymbolicLink(at: plans.appendingPathComponent("out"), withDestinationURL: outside)
        let db = folder.appendingPathComponent("w.sqlite").path
        let result = try RealiseBinary.run(["import", plans.path, "--db", db], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("/sub/loop:0:0: not followed: a symbolic link loop"), "\(result.stderr)")
        #expect(result.stderr.contains("/out:0:0: not followed: a symbolic link leading out of the folder"), "\(result.stderr)")
        let benefits = try RealiseBinary.run(["list", "benefits", "--format", "csv", "--db", db]).stdout
        #expect(benefits.contains("BEN-1") && !benefits.contains("BEN-9"), "\(benefits)")
    }

    @Test("an unreadable plan file is an error naming it: exit 66, nothing imported")
    func unreadableFile() throws {
        let scratch = try Scratch(), folder = scratch.url
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not after its last use
        // The workspace and plans must be reachable by the user the command runs as (nobody, when we are root).
        #expect(chmod(folder.path, 0o777) == 0)
        try Self.register.write(to: folder.appendingPathComponent("open.csv"), atomically: true, encoding: .utf8)
        let locked = folder.appendingPathComponent("locked.csv")
        try Self.register.replacingOccurrences(of: "BEN-1", with: "BEN-2").write(to: locked, atomically: true, encoding: .utf8)
        #expect(chmod(locked.path, 0) == 0)
        // Root reads any file whatever its mode: then the command runs as nobody, through setpriv (util-linux),
        // from a copy of the binary in the scratch folder (the build folder may be where nobody cannot reach).
        var launcher: [String] = [], binary: URL?
        if getuid() == 0 {
            launcher = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            binary = folder.appendingPathComponent("realise-copy")
            try FileManager.default.copyItem(at: RealiseBinary.url, to: binary!)
        }
        let db = folder.appendingPathComponent("w.sqlite").path
        let result = try RealiseBinary.run(["import", folder.path, "--db", db], timeout: 60, launcher: launcher, binary: binary)
        #expect(result.status == 66, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("locked.csv:0:0: cannot read: permission denied"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "nothing is written, not even a workspace")
    }
}

/// A Unix-domain socket bound at a path, as a server would leave one in a shared folder.
struct UnixSocket {
    let descriptor: Int32

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let descriptor = descriptor
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
    }

    func close() { Glibc.close(descriptor) }
}
